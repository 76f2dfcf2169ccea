//! Facts for `tz`: the datetimes a zone in force reads (local, offset and RFC 9557 ones),
//! one entry per distinct text, and the first string that is none of those forms. The
//! builder does not know the zones (at build time nothing tells the root's derive which
//! field a nested type's attribute zones), so it keeps the values and the checker applies
//! the zone's rules (`zone::rules`) to each.

use super::walk::Builder;
use super::{DtVal, PositionId, StrId};
use crate::datetime::{self, DtKind, DtParts};
use crate::zone::rules::wall_seconds;
use crate::zone::{SuffixError, Zone, split_bracketed};

/// A datetime as `tz` reads it: parts, whether an offset was written, the bracket.
struct Reading<'s> {
    parts: DtParts,
    has_offset: bool,
    zone: Option<&'s str>,
}

/// Reads `s` as a local, offset or RFC 9557 datetime, or says why it is none.
fn read(s: &str) -> Result<Reading<'_>, &'static str> {
    match split_bracketed(s) {
        Ok(None) => match (datetime::parse(DtKind::Offset, s), datetime::parse(DtKind::Local, s)) {
            (Ok(parts), _) => Ok(Reading { parts, has_offset: true, zone: None }),
            (_, Ok(parts)) => Ok(Reading { parts, has_offset: false, zone: None }),
            (Err(why), Err(_)) => Err(why),
        },
        Ok(Some(b)) => datetime::parse(DtKind::Offset, b.datetime)
            .map(|parts| Reading { parts, has_offset: true, zone: Some(b.zone) })
            .map_err(|why| {
                if datetime::parse(DtKind::Local, b.datetime).is_ok() {
                    "RFC 9557 wants the offset before the `[zone]`"
                } else {
                    why
                }
            }),
        Err(e) => Err(match e {
            SuffixError::NoDatetime => "expected a datetime before `[`",
            SuffixError::Unclosed => "the `[` of the time zone is never closed",
            SuffixError::EmptyZone => "expected a time zone name between `[` and `]`",
            SuffixError::NotAZone(_) => "the text between `[` and `]` is not a time zone name",
            SuffixError::Trailing(_) => "unexpected text after the `[zone]` (only one bracket is accepted)",
        }),
    }
}

impl Builder<'_> {
    /// Records a native TOML datetime (offset or local; dates and times no zone reads).
    pub(super) fn record_native_dt(&mut self, p: PositionId, d: &toml::value::Datetime, off: usize) {
        let kind = datetime::native_kind(d);
        if !matches!(kind, DtKind::Offset | DtKind::Local) {
            return;
        }
        let parts = datetime::native_parts(d);
        let text = d.to_string();
        self.push_dt(p, &text, Reading { parts, has_offset: kind == DtKind::Offset, zone: None }, off);
    }

    /// Records a string as a datetime a zone reads, or as the first string that is none.
    pub(super) fn record_dt_str(&mut self, p: PositionId, s: &str, off: usize) {
        // one bad string per position: the first
        let first_bad = (p, StrId::NONE);
        if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) && self.dt_seen.contains(&first_bad) {
            return;
        }
        match read(s) {
            Ok(r) => self.push_dt(p, s, r, off),
            Err(why) => {
                if self.dt_seen.insert(first_bad) {
                    let bad = self.bad(s, why, off);
                    let none = StrId::NONE;
                    let dv = DtVal {
                        loc: bad.loc,
                        text: bad.text,
                        wall: 0,
                        nano: 0,
                        offset: 0,
                        has_offset: false,
                        zone_written: none,
                        zone: none,
                        why: bad.why,
                        zone_offset: 0,
                        zone_abbrev: none,
                    };
                    self.dts.push((p, dv));
                }
            }
        }
    }

    fn push_dt(&mut self, p: PositionId, text: &str, r: Reading<'_>, off: usize) {
        let text = self.intern(text);
        if !self.dt_seen.insert((p, text)) {
            return;
        }
        let (mut zone_offset, mut zone_abbrev) = (0, StrId::NONE);
        let (zone_written, zone) = match r.zone {
            None => (StrId::NONE, StrId::NONE),
            Some(z) => {
                let written = self.intern(z);
                let zone = Zone::named(z).ok();
                if let Some(reading) = zone.as_ref().and_then(|zone| zone.offset_at(r.parts).ok()) {
                    zone_offset = reading.offset_secs;
                    zone_abbrev = self.intern(&reading.abbreviation);
                }
                let primary = zone.map(|zone| zone.primary_name().to_owned());
                (written, primary.map_or(StrId::NONE, |n| self.intern(&n)))
            }
        };
        let loc = self.loc_here(off);
        let dv = DtVal {
            loc,
            text,
            wall: wall_seconds(&r.parts),
            nano: r.parts.nano,
            offset: r.parts.offset_secs,
            has_offset: r.has_offset,
            zone_written,
            zone,
            why: StrId::NONE,
            zone_offset,
            zone_abbrev,
        };
        self.dts.push((p, dv));
    }
}
