//! Unit tests of the schema loader: export, load, export again gives the same file (the
//! test schemas, recursion included), and a bad schema file is a located error.

#![allow(clippy::unwrap_used)]
use super::*;
use crate::schema_export::export;
use config_core::HasSchema;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}

#[test]
fn the_schema_file_round_trips() {
    let file = export(<Option<String> as HasSchema>::SCHEMA);
    let text = serde_json::to_string(&file).unwrap();
    assert_eq!(export(from_json("s.json", &text).unwrap()), file);
    for (name, s) in [("shop", shop::Marketing::SCHEMA), ("nav", nav::Nav::SCHEMA)] {
        let file = export(s);
        let text = serde_json::to_string_pretty(&file).unwrap();
        let loaded = from_json(name, &text).unwrap();
        assert_eq!(export(loaded), file, "{name}");
    }
}

#[test]
fn bad_schema_files_are_located_errors() {
    let e = from_json("s.json", "{\"format\": \"config-lint-schema/1\",\n \"root\": 3}").unwrap_err();
    assert!(e.to_string().starts_with("s.json:2:"), "{e}");
    let e =
        from_json("s.json", r#"{"format":"config-lint-schema/1","root":{"struct":"x::Missing"},"types":{}}"#)
            .unwrap_err();
    assert_eq!(e.to_string(), "s.json: invalid schema file at `root`: no struct `x::Missing` under `types`");
    let e = from_json("s.json", r#"{"format":"other/2","root":"bool","types":{}}"#).unwrap_err();
    assert!(e.to_string().contains("`other/2` is not a format this linter reads"), "{e}");
}
