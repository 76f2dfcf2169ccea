//! A zone's rules as `const` data, and the `const fn`s that read them.
//!
//! The build-time check runs in const evaluation, where no database can be opened. So the
//! derive that names a zone (`#[config(tz = "Europe/Kyiv")]`) looks it up on the host, in
//! the database bundled with `jiff` ([`ZoneRules::build`]), and emits its transitions from
//! [`FIRST_YEAR`] to [`END_YEAR`] as a `static` [`ZoneRules`]. The one checker reads that
//! table by binary search at every moment: in const evaluation for `cargo build`, as plain
//! code in `Live` and the linter (the linter's schema file names the zone and is loaded
//! into the same table), and when `baked()` resolves a local time. The same table, the same
//! code, the same instants; `zone/tests.rs` holds the table to `jiff` on every transition.
//!
//! Times here are whole seconds since 1970-01-01T00:00:00: an *instant* counts UTC
//! seconds, a *wall* time counts the seconds the zone's clock shows as if it were UTC.

use crate::datetime::DtParts;

/// The first year the emitted rules cover.
pub const FIRST_YEAR: i32 = 1970;
/// The year the emitted rules stop at (exclusive): datetimes from it on are refused, as
/// are datetimes before [`FIRST_YEAR`].
pub const END_YEAR: i32 = 2200;

/// A change of a zone's offset or abbreviation, from instant `at` on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    pub at: i64,
    /// The offset from UTC in force from `at`, in seconds (east positive).
    pub offset: i32,
    /// The abbreviation in force from `at`: `EET`, or a numeric one such as `+03`.
    pub abbrev: &'static str,
}

/// The rules of one IANA zone over the covered years.
#[derive(Debug, PartialEq, Eq)]
pub struct ZoneRules {
    /// The name as written in the attribute (an alias stays an alias).
    pub name: &'static str,
    /// The database's preferred name for the rules (`Europe/Kyiv` for `Europe/Kiev`): two
    /// names denote one zone when these agree.
    pub primary: &'static str,
    /// Offset and abbreviation in force at `from`, before the first transition.
    pub initial_offset: i32,
    pub initial_abbrev: &'static str,
    /// Sorted by `at`, all within `from..until`.
    pub transitions: &'static [Transition],
    /// The covered instants, `from..until`.
    pub from: i64,
    pub until: i64,
}

/// An offset in force, with its abbreviation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub offset: i32,
    pub abbrev: &'static str,
}

/// What a wall-clock time is in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Local {
    /// One instant, at this offset.
    One(Reading),
    /// The clocks skip it: `last` is the last second before the transition (instant and
    /// reading), `first` the transition itself.
    Gap { last: (i64, Reading), first: (i64, Reading) },
    /// It happens twice: first with `earlier`'s offset, then with `later`'s.
    Fold { earlier: Reading, later: Reading },
    /// Outside the covered years.
    Outside,
}

impl ZoneRules {
    /// A table covering no instant: what the derive's const check of rule use puts where
    /// a field names a zone (that check asks only which rules a field declares; the real
    /// table is a `static`, which a `const` cannot borrow).
    pub const UNUSED: ZoneRules = ZoneRules {
        name: "",
        primary: "",
        initial_offset: 0,
        initial_abbrev: "",
        transitions: &[],
        from: 0,
        until: 0,
    };

    /// Is instant `t` within the covered years?
    pub const fn covers(&self, t: i64) -> bool {
        self.from <= t && t < self.until
    }

    /// Index of the last transition at or before `t`, `-1` before the first.
    const fn segment(&self, t: i64) -> isize {
        let (mut lo, mut hi) = (0usize, self.transitions.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.transitions[mid].at <= t {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo as isize - 1
    }

    const fn reading_of(&self, segment: isize) -> Reading {
        if segment < 0 {
            Reading { offset: self.initial_offset, abbrev: self.initial_abbrev }
        } else {
            let t = self.transitions[segment as usize];
            Reading { offset: t.offset, abbrev: t.abbrev }
        }
    }

    /// The offset in force at instant `t` (clamped to the covered years; check
    /// [`covers`](Self::covers) first).
    pub const fn at(&self, t: i64) -> Reading {
        self.reading_of(self.segment(t))
    }

    /// The instant or instants a wall-clock time `wall` denotes.
    pub const fn resolve(&self, wall: i64) -> Local {
        // no zone's offset reaches a day, so every candidate reading is in force within
        // two days of `wall` read as an instant
        const SPAN: i64 = 2 * 86_400;
        if wall < self.from.saturating_add(SPAN) || wall >= self.until.saturating_sub(SPAN) {
            return Local::Outside;
        }
        let first = self.segment(wall - SPAN);
        let last = self.segment(wall + SPAN);
        let mut found = [Reading { offset: 0, abbrev: "" }; 2];
        let mut n = 0;
        let mut k = first;
        while k <= last {
            let r = self.reading_of(k);
            // valid when the instant it gives falls in a segment with that offset
            if self.at(wall - r.offset as i64).offset == r.offset
                && (n == 0 || found[n - 1].offset != r.offset)
                && n < 2
            {
                found[n] = r;
                n += 1;
            }
            k += 1;
        }
        match n {
            1 => Local::One(found[0]),
            2 => {
                // the earlier instant has the larger offset
                let (a, b) = (found[0], found[1]);
                if a.offset > b.offset {
                    Local::Fold { earlier: a, later: b }
                } else {
                    Local::Fold { earlier: b, later: a }
                }
            }
            _ => self.gap_at(wall, first, last),
        }
    }

    /// The transition whose skipped wall times hold `wall`.
    const fn gap_at(&self, wall: i64, first: isize, last: isize) -> Local {
        let mut k = if first < 0 { 0 } else { first as usize };
        while k as isize <= last && k < self.transitions.len() {
            let before = self.reading_of(k as isize - 1);
            let t = self.transitions[k];
            if t.at + (before.offset as i64) <= wall && wall < t.at + (t.offset as i64) {
                return Local::Gap {
                    last: (t.at - 1, before),
                    first: (t.at, Reading { offset: t.offset, abbrev: t.abbrev }),
                };
            }
            k += 1;
        }
        Local::Outside
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
pub const fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = year as i64 - if month <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01: (year, month, day).
pub const fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
    (year, month, day)
}

/// The wall-clock seconds of a datetime's fields (its offset ignored); a leap second 60 is
/// read as 59, as the zone rules have no leap seconds.
pub const fn wall_seconds(p: &DtParts) -> i64 {
    let sec = if p.sec > 59 { 59 } else { p.sec };
    days_from_civil(p.year, p.month, p.day) * 86_400 + p.hour as i64 * 3600 + p.min as i64 * 60 + sec as i64
}

/// The fields of wall-clock seconds `wall` with `offset` and `nano` attached.
pub const fn parts_of_wall(wall: i64, nano: u32, offset: i32) -> DtParts {
    let days = wall.div_euclid(86_400);
    let secs = wall.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    DtParts {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        min: (secs / 60 % 60) as u32,
        sec: (secs % 60) as u32,
        nano,
        offset_secs: offset,
    }
}

/// Text of a datetime written into a fixed buffer in const evaluation: the forms every
/// `tz` message quotes, byte for byte those of [`format_wall`](super::format_wall),
/// [`format_offset`](super::format_offset) and
/// [`format_with_offset`](super::format_with_offset).
#[derive(Clone, Copy, Debug)]
pub struct DtText {
    buf: [u8; 48],
    len: usize,
}

impl DtText {
    const fn new() -> DtText {
        DtText { buf: [0; 48], len: 0 }
    }

    /// `2026-03-29T02:30:00`, with the fraction when there is one.
    pub const fn wall(p: &DtParts) -> DtText {
        let mut t = DtText::new();
        t.wall_into(p);
        t
    }

    /// `2026-11-30T23:59:59+02:00`.
    pub const fn with_offset(p: &DtParts) -> DtText {
        let mut t = DtText::new();
        t.wall_into(p);
        t.offset_into(p.offset_secs);
        t
    }

    /// `+02:00` (`+00:53:28` when the offset has seconds).
    pub const fn offset(secs: i32) -> DtText {
        let mut t = DtText::new();
        t.offset_into(secs);
        t
    }

    /// `2026-11-30`.
    pub const fn date(p: &DtParts) -> DtText {
        let mut t = DtText::new();
        t.date_into(p);
        t
    }

    /// The text written so far.
    pub const fn as_str(&self) -> &str {
        let (s, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(s) {
            Ok(s) => s,
            Err(_) => "",
        }
    }

    const fn byte(&mut self, b: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }

    /// `v` in at least `width` digits.
    const fn num(&mut self, v: u64, width: u32) {
        let mut digits = [0u8; 20];
        let (mut n, mut x) = (0usize, v);
        while x > 0 || n < width as usize {
            digits[n] = b'0' + (x % 10) as u8;
            x /= 10;
            n += 1;
            if n == digits.len() {
                break;
            }
        }
        while n > 0 {
            n -= 1;
            self.byte(digits[n]);
        }
    }

    const fn date_into(&mut self, p: &DtParts) {
        if p.year < 0 {
            self.byte(b'-');
        }
        self.num(p.year.unsigned_abs() as u64, 4);
        self.byte(b'-');
        self.num(p.month as u64, 2);
        self.byte(b'-');
        self.num(p.day as u64, 2);
    }

    const fn wall_into(&mut self, p: &DtParts) {
        self.date_into(p);
        self.byte(b'T');
        self.num(p.hour as u64, 2);
        self.byte(b':');
        self.num(p.min as u64, 2);
        self.byte(b':');
        self.num(p.sec as u64, 2);
        if p.nano != 0 {
            self.byte(b'.');
            let (mut digits, mut nano) = (9u32, p.nano);
            while nano.is_multiple_of(10) {
                nano /= 10;
                digits -= 1;
            }
            self.num(nano as u64, digits);
        }
    }

    const fn offset_into(&mut self, secs: i32) {
        self.byte(if secs < 0 { b'-' } else { b'+' });
        let abs = secs.unsigned_abs() as u64;
        self.num(abs / 3600, 2);
        self.byte(b':');
        self.num(abs / 60 % 60, 2);
        if !abs.is_multiple_of(60) {
            self.byte(b':');
            self.num(abs % 60, 2);
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
