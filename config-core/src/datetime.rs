//! Strict datetime parsing as `const fn`.
//!
//! One format only: RFC 3339. Zoned values need an explicit offset (`Z` or `±HH:MM`);
//! the `Naive*` types take the local forms (`YYYY-MM-DDTHH:MM:SS[.frac]`, `YYYY-MM-DD`,
//! `HH:MM:SS[.frac]`). The same functions run inside the derive (to bake values), in
//! const evaluation (associated `const` datetimes) and at run time. They never guess.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// Which of the four datetime forms a schema position expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DtKind {
    /// `DateTime<FixedOffset>` / `DateTime<Utc>`: date, time and offset.
    Offset,
    /// `NaiveDateTime`: date and time, no offset.
    Local,
    /// `NaiveDate`.
    Date,
    /// `NaiveTime`.
    Time,
}

impl DtKind {
    /// Every kind, in a fixed order (the index is used by the summary).
    pub const ALL: [DtKind; 4] = [DtKind::Offset, DtKind::Local, DtKind::Date, DtKind::Time];

    /// Position in [`DtKind::ALL`].
    pub const fn index(self) -> usize {
        match self {
            DtKind::Offset => 0,
            DtKind::Local => 1,
            DtKind::Date => 2,
            DtKind::Time => 3,
        }
    }

    /// An example of the one accepted form, shown in error messages.
    pub const fn example(self) -> &'static str {
        match self {
            DtKind::Offset => "2024-11-29T09:00:00+01:00",
            DtKind::Local => "2024-11-29T09:00:00",
            DtKind::Date => "2024-11-29",
            DtKind::Time => "09:00:00",
        }
    }

    /// Human name of the form.
    pub const fn name(self) -> &'static str {
        match self {
            DtKind::Offset => "an RFC 3339 datetime with offset",
            DtKind::Local => "a local datetime without offset",
            DtKind::Date => "a local date",
            DtKind::Time => "a local time",
        }
    }
}

/// The fields of a parsed datetime; absent parts are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DtParts {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub nano: u32,
    pub offset_secs: i32,
}

impl DtParts {
    const ZERO: DtParts =
        DtParts { year: 0, month: 0, day: 0, hour: 0, min: 0, sec: 0, nano: 0, offset_secs: 0 };
}

macro_rules! ctry {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}

const fn digits(b: &[u8], at: usize, n: usize, what: &'static str) -> Result<u32, &'static str> {
    if at + n > b.len() {
        return Err(what);
    }
    let mut v = 0u32;
    let mut i = 0;
    while i < n {
        let c = b[at + i];
        if !c.is_ascii_digit() {
            return Err(what);
        }
        v = v * 10 + (c - b'0') as u32;
        i += 1;
    }
    Ok(v)
}

const fn byte_is(b: &[u8], at: usize, c: u8) -> bool {
    at < b.len() && b[at] == c
}

/// `YYYY-MM-DD` at the start of `b`.
const fn date_part(b: &[u8], p: &mut DtParts) -> Result<(), &'static str> {
    p.year = ctry!(digits(b, 0, 4, "expected a four-digit year")) as i32;
    if !byte_is(b, 4, b'-') {
        return Err("expected `-` after the year");
    }
    p.month = ctry!(digits(b, 5, 2, "expected a two-digit month"));
    if !byte_is(b, 7, b'-') {
        return Err("expected `-` after the month");
    }
    p.day = ctry!(digits(b, 8, 2, "expected a two-digit day"));
    if p.month == 0 || p.month > 12 {
        return Err("month out of range");
    }
    if NaiveDate::from_ymd_opt(p.year, p.month, p.day).is_none() {
        return Err("day out of range for the month");
    }
    Ok(())
}

/// `HH:MM:SS[.frac]` at `at`; returns the index after it.
const fn time_part(b: &[u8], at: usize, p: &mut DtParts) -> Result<usize, &'static str> {
    p.hour = ctry!(digits(b, at, 2, "expected a two-digit hour"));
    if !byte_is(b, at + 2, b':') {
        return Err("expected `:` after the hour");
    }
    p.min = ctry!(digits(b, at + 3, 2, "expected two-digit minutes"));
    if !byte_is(b, at + 5, b':') {
        return Err("expected `:` and seconds after the minutes");
    }
    p.sec = ctry!(digits(b, at + 6, 2, "expected two-digit seconds"));
    let mut i = at + 8;
    if byte_is(b, i, b'.') {
        i += 1;
        let start = i;
        let mut scale = 100_000_000u32;
        while i < b.len() && b[i].is_ascii_digit() {
            p.nano += (b[i] - b'0') as u32 * scale;
            scale /= 10;
            i += 1;
        }
        if i == start {
            return Err("expected digits after `.`");
        }
        if i - start > 9 {
            return Err("more than 9 fractional digits");
        }
    }
    if p.hour > 23 || p.min > 59 || p.sec > 60 {
        return Err("time out of range");
    }
    Ok(i)
}

const fn date_time_sep(b: &[u8]) -> Result<(), &'static str> {
    if b.len() > 10 && (b[10] == b'T' || b[10] == b't' || b[10] == b' ') {
        Ok(())
    } else {
        Err("expected `T` and a time after the date")
    }
}

/// Parses a string of the given kind. Errors are short reasons ("missing UTC offset").
pub const fn parse(kind: DtKind, s: &str) -> Result<DtParts, &'static str> {
    let b = s.as_bytes();
    let mut p = DtParts::ZERO;
    let end = match kind {
        DtKind::Time => ctry!(time_part(b, 0, &mut p)),
        DtKind::Date => {
            ctry!(date_part(b, &mut p));
            10
        }
        DtKind::Local | DtKind::Offset => {
            ctry!(date_part(b, &mut p));
            ctry!(date_time_sep(b));
            ctry!(time_part(b, 11, &mut p))
        }
    };
    let mut i = end;
    if let DtKind::Offset = kind {
        if i >= b.len() {
            return Err("missing UTC offset (`Z` or `+HH:MM`)");
        }
        p.offset_secs = match b[i] {
            b'Z' | b'z' => {
                i += 1;
                0
            }
            b'+' | b'-' => {
                let neg = b[i] == b'-';
                let oh = ctry!(digits(b, i + 1, 2, "expected `+HH:MM` offset"));
                if !byte_is(b, i + 3, b':') {
                    return Err("expected `:` in the offset");
                }
                let om = ctry!(digits(b, i + 4, 2, "expected `+HH:MM` offset"));
                if oh > 23 || om > 59 {
                    return Err("offset out of range");
                }
                i += 6;
                let v = (oh * 3600 + om * 60) as i32;
                if neg { -v } else { v }
            }
            _ => return Err("expected `Z` or `+HH:MM` offset"),
        };
    }
    if i != b.len() {
        return Err(match kind {
            DtKind::Offset => "unexpected text after the offset",
            DtKind::Local => "unexpected text after the time (no offset allowed here)",
            DtKind::Date => "unexpected text after the date (a date only)",
            DtKind::Time => "unexpected text after the time (a time only)",
        });
    }
    match kind {
        DtKind::Offset => {
            if to_offset(p).is_none() {
                return Err("time out of range");
            }
        }
        DtKind::Local => {
            if to_local(p).is_none() {
                return Err("time out of range");
            }
        }
        DtKind::Date => {}
        DtKind::Time => {
            if to_time(p).is_none() {
                return Err("time out of range");
            }
        }
    }
    Ok(p)
}

/// Leap second 60 becomes 59 + 1 s of nanoseconds, as chrono's own parser does.
const fn time_of(p: DtParts) -> Option<NaiveTime> {
    if p.nano >= 1_000_000_000 {
        return None;
    }
    let (sec, nano) = if p.sec == 60 { (59, p.nano + 1_000_000_000) } else { (p.sec, p.nano) };
    NaiveTime::from_hms_nano_opt(p.hour, p.min, sec, nano)
}

/// `NaiveDate` from parts (const).
pub const fn to_date(p: DtParts) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(p.year, p.month, p.day)
}

/// `NaiveTime` from parts (const).
pub const fn to_time(p: DtParts) -> Option<NaiveTime> {
    time_of(p)
}

/// `NaiveDateTime` from parts (const).
pub const fn to_local(p: DtParts) -> Option<NaiveDateTime> {
    match (to_date(p), time_of(p)) {
        (Some(d), Some(t)) => Some(NaiveDateTime::new(d, t)),
        _ => None,
    }
}

/// `DateTime<FixedOffset>` from parts (const).
pub const fn to_offset(p: DtParts) -> Option<DateTime<FixedOffset>> {
    let local = match to_local(p) {
        Some(l) => l,
        None => return None,
    };
    let off = match FixedOffset::east_opt(p.offset_secs) {
        Some(o) => o,
        None => return None,
    };
    match local.checked_sub_offset(off) {
        Some(utc) => Some(DateTime::from_naive_utc_and_offset(utc, off)),
        None => None,
    }
}

/// The form a string is written in, if it is one of the four, with its parts (fails fast
/// on strings that do not start with a digit).
pub fn parse_any(s: &str) -> Option<(DtKind, DtParts)> {
    if !s.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    DtKind::ALL.into_iter().find_map(|k| parse(k, s).ok().map(|p| (k, p)))
}

/// A value as an instant field under a zone reads it: a native offset or local datetime,
/// or a string in one of those forms or in RFC 9557 (`…+02:00[Europe/Kyiv]`, read by its
/// RFC 3339 part). The parts and whether an offset was written; `None` for anything else.
pub fn instant_form(v: &toml::de::DeValue<'_>) -> Option<(DtParts, bool)> {
    use toml::de::DeValue;
    match v {
        DeValue::Datetime(d) => match native_kind(d) {
            k @ (DtKind::Offset | DtKind::Local) => Some((native_parts(d), k == DtKind::Offset)),
            _ => None,
        },
        DeValue::String(s) => {
            let dt = match crate::zone::split_bracketed(s) {
                Ok(Some(b)) => b.datetime,
                Ok(None) => s.as_ref(),
                Err(_) => return None,
            };
            match (parse(DtKind::Offset, dt), parse(DtKind::Local, dt)) {
                (Ok(p), _) => Some((p, true)),
                (_, Ok(p)) => Some((p, false)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The kind of a native TOML datetime literal.
pub fn native_kind(d: &toml::value::Datetime) -> DtKind {
    match (d.date.is_some(), d.time.is_some(), d.offset.is_some()) {
        (true, true, true) => DtKind::Offset,
        (true, true, false) => DtKind::Local,
        (true, false, _) => DtKind::Date,
        _ => DtKind::Time,
    }
}

/// Parts of a native TOML datetime literal (seconds default to 0, as TOML 1.1 allows).
pub fn native_parts(d: &toml::value::Datetime) -> DtParts {
    let mut p = DtParts::ZERO;
    if let Some(date) = d.date {
        p.year = i32::from(date.year);
        p.month = u32::from(date.month);
        p.day = u32::from(date.day);
    }
    if let Some(t) = d.time {
        p.hour = u32::from(t.hour);
        p.min = u32::from(t.minute);
        p.sec = u32::from(t.second.unwrap_or(0));
        p.nano = t.nanosecond.unwrap_or(0);
    }
    if let Some(toml::value::Offset::Custom { minutes }) = d.offset {
        p.offset_secs = i32::from(minutes) * 60;
    }
    p
}

/// A totally ordered key for `before`: `(utc seconds, nanos)` for zoned values,
/// the naive value's seconds for the others (only compared within one kind).
pub fn order_key(kind: DtKind, p: DtParts) -> Option<(i64, u32)> {
    match kind {
        DtKind::Offset => to_offset(p).map(|d| (d.timestamp(), d.timestamp_subsec_nanos())),
        DtKind::Local => to_local(p).map(|d| {
            let u = d.and_utc();
            (u.timestamp(), u.timestamp_subsec_nanos())
        }),
        DtKind::Date => to_date(p).map(|d| (d.and_time(NaiveTime::MIN).and_utc().timestamp(), 0)),
        DtKind::Time => to_time(p).map(|t| {
            use chrono::Timelike;
            (i64::from(t.num_seconds_from_midnight()), t.nanosecond())
        }),
    }
}

#[cfg(test)]
mod tests;
