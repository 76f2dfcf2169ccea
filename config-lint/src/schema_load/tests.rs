//! Unit tests of the schema loader: export, load, export again gives the same file (the
//! test schemas, recursion included), doc comments carried through and optional on load,
//! and a bad schema file is a located error.

#![allow(clippy::unwrap_used, clippy::panic)]
use super::*;
use crate::describe::innermost;
use crate::schema_export::export;
use config_core::HasSchema;
use config_core::schema::unwrap_opt;

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

#[test]
fn docs_travel_and_files_without_them_still_load() {
    let file = export(nav::Nav::SCHEMA);
    let text = serde_json::to_string(&file).unwrap();
    assert!(text.contains(r#""variant_docs":["A plain link.","A coloured banner."]"#), "{text}");
    let Schema::Struct(st) = unwrap_opt(from_json("nav", &text).unwrap().get()) else { panic!() };
    let menu = st.fields.iter().find(|f| f.key == "menu").unwrap();
    let Schema::Struct(node) = unwrap_opt(innermost(menu.ty.get())) else { panic!() };
    let kind = node.fields.iter().find(|f| f.key == "kind").unwrap();
    let Schema::Enum { doc, variant_docs, .. } = unwrap_opt(kind.ty.get()) else { panic!() };
    assert_eq!((*doc, *variant_docs), ("How a node is shown.", &["A plain link.", "A coloured banner."][..]));
    // written before docs were part of the schema: no `doc`, no `variant_docs`
    let old = r#"{"format":"config-lint-schema/1","root":{"struct":"a::A"},"types":{"a::A":{"name":"A",
        "fields":[{"ident":"k","key":"k","required":true,"type":{"enum":{"name":"K","variants":["x","y"]}}}]}}}"#;
    let Schema::Struct(a) = from_json("old.json", old).unwrap().get() else { panic!() };
    assert_eq!((a.doc, a.fields[0].doc), ("", ""));
    let Schema::Enum { variant_docs, .. } = a.fields[0].ty.get() else { panic!() };
    assert_eq!(*variant_docs, ["", ""]);
    let bad = old.replace(r#""variants":["x","y"]"#, r#""variants":["x","y"],"variant_docs":["only one"]"#);
    let e = from_json("bad.json", &bad).unwrap_err();
    assert!(e.to_string().contains("1 docs for 2 variants"), "{e}");
}
