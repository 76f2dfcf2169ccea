//! The example schema the rule docs are written against, built by hand as the derive
//! would build it:
//!
//! ```text
//! struct Shop {
//!     #[config(range(min = 0, max = 100000))]
//!     free_shipping_over_cents: Option<u32>,
//!     #[config(unique = "id", len(max = 3), no_overlap(start = "starts", end = "ends"))] #[serde(default)]
//!     promotions: Vec<Promotion>,
//!     #[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)] #[serde(default)]
//!     menu: Vec<MenuItem>,
//!     #[config(unique)] #[serde(default)]
//!     tags: Vec<String>,
//! }
//! struct Promotion {
//!     id: String,
//!     #[config(len(min = 1, max = 40))] title: Option<String>,
//!     #[config(before = "ends")] starts: Option<DateTime<FixedOffset>>,
//!     ends: Option<DateTime<FixedOffset>>,
//!     #[config(range(min = 1, max = 90))] percent_off: Option<u8>,
//!     #[config(url)] banner_url: Option<String>,
//!     #[config(one_of("all", "members", "new"))] audience: Option<String>,
//!     #[config(tz = "Europe/Berlin")] local_start: Option<DateTime<FixedOffset>>,
//! }
//! struct MenuItem { title: String, #[config(url)] url: Option<String>, #[serde(default)] children: Vec<MenuItem> }
//! ```

use crate::schema::{Field, HasSchema, Num, Rule, Schema, SchemaRef, StructSchema};
use crate::zone::{Transition, ZoneRules};
use chrono::{DateTime, FixedOffset};

/// Europe/Berlin's rules for 2026 only, written out (the derive emits 1970 to 2199 from
/// the bundled database; this crate cannot run the derive on itself).
static BERLIN_2026: ZoneRules = ZoneRules {
    name: "Europe/Berlin",
    primary: "Europe/Berlin",
    initial_offset: 3600,
    initial_abbrev: "CET",
    transitions: &[
        // 2026-03-29T01:00:00Z and 2026-10-25T01:00:00Z
        Transition { at: 1_774_746_000, offset: 7200, abbrev: "CEST" },
        Transition { at: 1_792_890_000, offset: 3600, abbrev: "CET" },
    ],
    from: 1_767_225_600,
    until: 1_798_761_600,
};

type Dt = DateTime<FixedOffset>;

const fn field(key: &'static str, ty: SchemaRef, required: bool, rules: &'static [Rule]) -> Field {
    Field { ident: key, key, aliases: &[], ty, required, rules, doc: "" }
}

static MENU_ITEM: Schema = Schema::Struct(StructSchema {
    name: "MenuItem",
    id: "example::MenuItem",
    doc: "",
    fields: &[
        field("title", <String as HasSchema>::SCHEMA, true, &[]),
        field(
            "url",
            <Option<String> as HasSchema>::SCHEMA,
            false,
            &[Rule::Url(crate::url::UrlOptions::BARE)],
        ),
        field("children", SchemaRef::of(&Schema::Seq(SchemaRef(&raw const MENU_ITEM))), false, &[]),
    ],
});

static PROMOTION: Schema = Schema::Struct(StructSchema {
    name: "Promotion",
    id: "example::Promotion",
    doc: "",
    fields: &[
        field("id", <String as HasSchema>::SCHEMA, true, &[]),
        field(
            "title",
            <Option<String> as HasSchema>::SCHEMA,
            false,
            &[Rule::Len { min: Some(1), max: Some(40) }],
        ),
        field("starts", <Option<Dt> as HasSchema>::SCHEMA, false, &[Rule::Before("ends")]),
        field("ends", <Option<Dt> as HasSchema>::SCHEMA, false, &[]),
        field(
            "percent_off",
            <Option<u8> as HasSchema>::SCHEMA,
            false,
            &[Rule::Range { min: Some(Num::Int(1)), max: Some(Num::Int(90)) }],
        ),
        field(
            "banner_url",
            <Option<String> as HasSchema>::SCHEMA,
            false,
            &[Rule::Url(crate::url::UrlOptions::BARE)],
        ),
        field(
            "audience",
            <Option<String> as HasSchema>::SCHEMA,
            false,
            &[Rule::OneOf(&["all", "members", "new"])],
        ),
        field("local_start", <Option<Dt> as HasSchema>::SCHEMA, false, &[Rule::Tz(&BERLIN_2026)]),
    ],
});

static SHOP_SCHEMA: Schema = Schema::Struct(StructSchema {
    name: "Shop",
    id: "example::Shop",
    doc: "",
    fields: &[
        field(
            "free_shipping_over_cents",
            <Option<u32> as HasSchema>::SCHEMA,
            false,
            &[Rule::Range { min: Some(Num::Int(0)), max: Some(Num::Int(100_000)) }],
        ),
        field(
            "promotions",
            SchemaRef::of(&Schema::Seq(SchemaRef(&raw const PROMOTION))),
            false,
            &[
                Rule::Unique(Some("id")),
                Rule::Len { min: None, max: Some(3) },
                Rule::NoOverlap { start: "starts", end: "ends", by: None },
            ],
        ),
        field(
            "menu",
            SchemaRef::of(&Schema::Seq(SchemaRef(&raw const MENU_ITEM))),
            false,
            &[Rule::MaxDepth(2), Rule::MaxNodes(4), Rule::MaxJsonBytes(120)],
        ),
        field("tags", <Vec<String> as HasSchema>::SCHEMA, false, &[Rule::Unique(None)]),
    ],
});

/// The root of the example schema.
pub const SHOP: SchemaRef = SchemaRef(&raw const SHOP_SCHEMA);
