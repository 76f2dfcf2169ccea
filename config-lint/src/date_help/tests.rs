//! Unit tests of the date help: the readings of common forms, ambiguity, the file's offset.

#![allow(clippy::unwrap_used)]
use super::*;

fn s(raw: &str, kind: DtKind) -> String {
    suggest(raw, kind, None).unwrap_or_else(|| "-".to_owned())
}

#[test]
fn the_module_doc_examples() {
    let h = suggest("16.11.2020 10:30 +01:00", DtKind::Offset, None).unwrap();
    assert!(h.starts_with("did you mean `2020-11-16T10:30:00+01:00`?"), "{h}");
    let h = suggest("05/06/2020", DtKind::Date, None).unwrap();
    assert!(
        h.contains("`2020-05-06` if month/day/year") && h.contains("`2020-06-05` if day/month/year"),
        "{h}"
    );
}

#[test]
fn common_forms() {
    assert!(s("16.11.2020", DtKind::Offset).starts_with("did you mean `2020-11-16T00:00:00+HH:MM`? (read as day.month.year: 16 November 2020, midnight); write the UTC offset"));
    assert!(s("11/16/2020", DtKind::Date).starts_with("did you mean `2020-11-16`? (read as month/day/year"));
    assert!(s("16/11/2020", DtKind::Date).starts_with("did you mean `2020-11-16`? (read as day/month/year"));
    assert!(s("16 Nov 2020", DtKind::Date).starts_with("did you mean `2020-11-16`? (read as day month year"));
    assert!(s("November 16, 2020 18:30", DtKind::Local).starts_with("did you mean `2020-11-16T18:30:00`?"));
    assert!(s("1605484800", DtKind::Offset).starts_with(
        "did you mean `2020-11-16T00:00:00Z`? (read as unix seconds: 16 November 2020, 00:00 UTC)"
    ));
    assert!(
        s("1605484800000", DtKind::Offset)
            .starts_with("did you mean `2020-11-16T00:00:00Z`? (read as unix milliseconds")
    );
    assert!(
        s("Mon, 16 Nov 2020 10:00:00 +0100", DtKind::Offset)
            .starts_with("did you mean `2020-11-16T10:00:00+01:00`?")
    );
    assert!(s("2020-11-16", DtKind::Offset).starts_with("did you mean `2020-11-16T00:00:00+HH:MM`?"));
    assert!(
        s("2020-11-16 10:00:00+0100", DtKind::Offset)
            .starts_with("did you mean `2020-11-16T10:00:00+01:00`?")
    );
    assert!(s("2020-11-16T10:00", DtKind::Local).starts_with("did you mean `2020-11-16T10:00:00`?"));
    assert!(s("9:30", DtKind::Time).starts_with("did you mean `09:30:00`?"));
}

#[test]
fn ambiguous_forms_list_each_reading() {
    let h = s("05/06/2020", DtKind::Offset);
    assert!(h.starts_with("`05/06/2020` is ambiguous: `2020-05-06T00:00:00+HH:MM` if month/day/year (6 May 2020, midnight), `2020-06-05T00:00:00+HH:MM` if day/month/year (5 June 2020, midnight)"), "{h}");
    // equal day and month: one reading
    assert!(s("06/06/2020", DtKind::Date).starts_with("did you mean `2020-06-06`?"));
}

#[test]
fn the_file_offset_is_named_not_applied_silently() {
    let h = suggest("2026-11-30T23:59:59", DtKind::Offset, Some("+01:00")).unwrap();
    assert!(h.starts_with("did you mean `2026-11-30T23:59:59+01:00`?"), "{h}");
    assert!(
        h.contains("`+01:00` is the one the other datetimes in this file use, check that it applies"),
        "{h}"
    );
}

#[test]
fn nonsense_gets_no_reading() {
    for raw in ["soon", "32.13.2020", "13/13/2020", "2020", "", "12:99", "16.11.20", "next friday"] {
        assert_eq!(s(raw, DtKind::Offset), "-", "{raw}");
    }
}
