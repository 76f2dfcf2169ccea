//! Unit tests of the schema export: the module doc's example, byte for byte.

#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn the_module_doc_example() {
    let file = export(<Vec<u8> as config_core::HasSchema>::SCHEMA);
    assert_eq!(file.format, FORMAT);
    let json = serde_json::to_string(&file).unwrap();
    assert_eq!(
        json,
        r#"{"format":"config-lint-schema/1","root":{"seq":{"int":{"ty":"u8","min":0,"max":255}}},"types":{}}"#
    );
}
