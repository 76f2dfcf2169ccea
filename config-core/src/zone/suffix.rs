//! The RFC 9557 suffix `[Zone]` after an RFC 3339 datetime: split off here, so a caller
//! can check the bracketed zone is the zone in force and the offset agrees with it.

/// An RFC 9557 datetime split at its suffix: `2026-11-27T00:00:00+02:00[Europe/Kyiv]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bracketed<'a> {
    /// The RFC 3339 text before the bracket: `2026-11-27T00:00:00+02:00`.
    pub datetime: &'a str,
    /// The zone in the bracket: `Europe/Kyiv` (or an offset such as `+02:00`, which the
    /// grammar allows and no zone name equals).
    pub zone: &'a str,
    /// The bracket was written `[!…]`: the zone must be honoured, not merely noted.
    pub critical: bool,
}

/// Why a bracketed suffix cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SuffixError {
    #[error("expected a datetime before `[`")]
    NoDatetime,
    #[error("the `[` of the time zone is never closed")]
    Unclosed,
    #[error("expected a time zone name between `[` and `]`")]
    EmptyZone,
    #[error("`{0}` is not a time zone name")]
    NotAZone(String),
    #[error("unexpected `{0}` after the time zone (only one bracket, the zone, is accepted)")]
    Trailing(String),
}

/// Splits an RFC 9557 string into its datetime and its bracketed zone; `Ok(None)` when
/// the text has no bracket. Only the zone bracket is accepted: a key-value tag such as
/// `[u-ca=iso8601]`, a second bracket or text after `]` is an error, so nothing written is
/// silently ignored. The datetime part is not parsed here.
///
/// ```
/// use config_core::zone::{Bracketed, split_bracketed};
/// let b = split_bracketed("2026-11-27T00:00:00+02:00[Europe/Kyiv]")?;
/// assert_eq!(b, Some(Bracketed { datetime: "2026-11-27T00:00:00+02:00", zone: "Europe/Kyiv", critical: false }));
/// assert_eq!(split_bracketed("2026-11-27T00:00:00+02:00")?, None);
/// assert!(split_bracketed("2026-11-27T00:00:00+02:00[Europe/Kyiv][u-ca=iso8601]").is_err());
/// # Ok::<(), config_core::zone::SuffixError>(())
/// ```
pub fn split_bracketed(text: &str) -> Result<Option<Bracketed<'_>>, SuffixError> {
    let Some((datetime, rest)) = text.split_once('[') else {
        return Ok(None);
    };
    if datetime.is_empty() {
        return Err(SuffixError::NoDatetime);
    }
    let (inner, after) = rest.split_once(']').ok_or(SuffixError::Unclosed)?;
    if !after.is_empty() {
        return Err(SuffixError::Trailing(after.to_owned()));
    }
    let (critical, zone) = match inner.strip_prefix('!') {
        Some(z) => (true, z),
        None => (false, inner),
    };
    if zone.is_empty() {
        return Err(SuffixError::EmptyZone);
    }
    let name_char = |c: char| c.is_ascii_alphanumeric() || "/._-+:".contains(c);
    if zone.contains('=') || !zone.chars().all(name_char) {
        return Err(SuffixError::NotAZone(zone.to_owned()));
    }
    Ok(Some(Bracketed { datetime, zone, critical }))
}
