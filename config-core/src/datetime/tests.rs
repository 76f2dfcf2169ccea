//! Unit tests of `datetime`.

use super::*;

#[test]
fn accepts_the_one_form_per_kind() {
    assert!(parse(DtKind::Offset, "2024-11-29T09:00:00+01:00").is_ok());
    assert!(parse(DtKind::Offset, "2024-11-29T09:00:00.123Z").is_ok());
    assert!(parse(DtKind::Local, "2024-11-29T09:00:00").is_ok());
    assert!(parse(DtKind::Date, "2024-02-29").is_ok());
    assert!(parse(DtKind::Time, "23:59:60").is_ok());
}

#[test]
fn rejects_other_forms_with_a_reason() {
    assert_eq!(parse(DtKind::Offset, "2024-11-29T09:00:00"), Err("missing UTC offset (`Z` or `+HH:MM`)"));
    assert!(parse(DtKind::Offset, "29.11.2024").is_err());
    assert!(parse(DtKind::Offset, "2024-11-29").is_err());
    assert!(parse(DtKind::Date, "2023-02-29").is_err());
    assert!(parse(DtKind::Local, "2024-11-29T09:00:00Z").is_err());
    assert!(parse(DtKind::Time, "24:00:00").is_err());
    assert!(parse(DtKind::Offset, "2024-11-29T09:00:00+24:00").is_err());
    assert!(parse(DtKind::Offset, "").is_err());
    assert!(parse(DtKind::Offset, "2024-11-29T09:00:00.1234567891Z").is_err());
}

#[test]
fn converts_to_chrono_in_const() {
    const D: Option<DateTime<FixedOffset>> = match parse(DtKind::Offset, "2024-11-29T09:00:00+01:00") {
        Ok(p) => to_offset(p),
        Err(_) => None,
    };
    let d = D.map(|d| d.to_rfc3339());
    assert_eq!(d.as_deref(), Some("2024-11-29T09:00:00+01:00"));
}
