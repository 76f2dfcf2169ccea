//! Text of datetimes and offsets for zone messages: `+02:00`, `2026-03-29T02:30:00`,
//! `2026-11-30T23:59:59+02:00`, the forms every `tz` diagnostic quotes.

use crate::datetime::DtParts;
use std::fmt::Write as _;

/// An offset as written in RFC 3339: `+02:00`, `-05:00`, `+00:00`; seconds are added only
/// when the offset has them (`+00:53:28`, historical mean times).
///
/// ```
/// use config_core::zone::format_offset;
/// assert_eq!(format_offset(2 * 3600), "+02:00");
/// assert_eq!(format_offset(-(9 * 3600 + 30 * 60)), "-09:30");
/// assert_eq!(format_offset(0), "+00:00");
/// assert_eq!(format_offset(3208), "+00:53:28");
/// ```
pub fn format_offset(offset_secs: i32) -> String {
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let abs = offset_secs.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 { format!("{sign}{h:02}:{m:02}") } else { format!("{sign}{h:02}:{m:02}:{s:02}") }
}

/// A wall-clock time without offset: `2026-03-29T02:30:00`, with the fraction when it has
/// one (`…T02:30:00.25`).
///
/// ```
/// use config_core::{datetime::{DtKind, parse}, zone::format_wall};
/// let p = parse(DtKind::Local, "2026-03-29T02:30:00.250").map_err(|e| e.to_string())?;
/// assert_eq!(format_wall(p), "2026-03-29T02:30:00.25");
/// # Ok::<(), String>(())
/// ```
pub fn format_wall(p: DtParts) -> String {
    let mut s = format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", p.year, p.month, p.day, p.hour, p.min, p.sec);
    if p.nano != 0 {
        let frac = format!("{:09}", p.nano);
        let _ = write!(s, ".{}", frac.trim_end_matches('0'));
    }
    s
}

/// A wall-clock time and its offset: `2026-11-30T23:59:59+02:00`.
///
/// ```
/// use config_core::{datetime::{DtKind, parse}, zone::format_with_offset};
/// let p = parse(DtKind::Offset, "2026-11-30T23:59:59+02:00").map_err(|e| e.to_string())?;
/// assert_eq!(format_with_offset(p), "2026-11-30T23:59:59+02:00");
/// # Ok::<(), String>(())
/// ```
pub fn format_with_offset(p: DtParts) -> String {
    format!("{}{}", format_wall(p), format_offset(p.offset_secs))
}
