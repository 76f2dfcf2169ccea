#![allow(clippy::unwrap_used, clippy::panic)]
//! Doc comments are part of the schema: the derive records the `///` docs of the type, of
//! each field and of each enum variant (aliases share their variant's), one line each
//! without rustdoc's leading space, joined with `\n`; `""` where there is none.

use config_runtime::{Config, HasSchema, Schema};
use serde::Deserialize;

/// A promotion.
///
/// Second paragraph,
///   indented.
#[derive(Config, Deserialize, Debug)]
#[allow(dead_code)]
pub struct Documented {
    /// The key marketing writes.
    #[serde(rename = "shown-as")]
    pub shown: String,
    pub undocumented: u8,
    /// Skipped by serde: not in the schema.
    #[serde(skip)]
    pub skipped: u8,
    #[doc = "Written as an attribute."]
    pub mode: Mode,
}

/// How it is shown.
#[derive(Config, Deserialize, Default, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Plain.
    #[default]
    Plain,
    #[serde(alias = "sale")]
    /// On sale, `sale` for short.
    OnSale,
    Quiet,
    /// Never written.
    #[serde(skip)]
    Hidden,
}

#[test]
fn docs_of_the_type_its_fields_and_its_variants() {
    let Schema::Struct(st) = Documented::SCHEMA.get() else { panic!("not a struct") };
    assert_eq!(st.doc, "A promotion.\n\nSecond paragraph,\n  indented.");
    let docs: Vec<(&str, &str)> = st.fields.iter().map(|f| (f.key, f.doc)).collect();
    assert_eq!(
        docs,
        [
            ("shown-as", "The key marketing writes."),
            ("undocumented", ""),
            ("mode", "Written as an attribute.")
        ]
    );
    let Schema::Enum { doc, variants, variant_docs, .. } = Mode::SCHEMA.get() else { panic!("not an enum") };
    assert_eq!(*doc, "How it is shown.");
    assert_eq!(*variants, ["plain", "on-sale", "sale", "quiet"]);
    assert_eq!(*variant_docs, ["Plain.", "On sale, `sale` for short.", "On sale, `sale` for short.", ""]);
}
