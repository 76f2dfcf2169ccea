//! `schema`: the app's schema as a file, so the generic `config-lint` (which has no Rust
//! types) gives the same diagnostics as the app's own linter.
//!
//! The native format is a lossless JSON description of the [`Schema`] tree, every rule
//! included. Structs are emitted once under `types`, keyed by their unique id, and
//! referenced as `{"struct": "<id>"}`, so recursive types (a menu item holding menu
//! items) and mutual recursion are written without expanding them, like JSON Schema's
//! `$defs`. [`super::schema_load`] reads it back into a `&'static Schema`.
//!
//! Doc comments travel too: `doc` on structs, fields and enums, `variant_docs` on enums,
//! each written only when non-empty and optional on load, so files exported before docs
//! were part of the schema still load.
//!
//! The schema of a `Vec<u8>`, compact:
//!
//! ```json
//! {"format":"config-lint-schema/1","root":{"seq":{"int":{"ty":"u8","min":0,"max":255}}},"types":{}}
//! ```

use config_core::datetime::DtKind;
use config_core::{Num, Rule, Schema, SchemaRef, StructSchema};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of [`SchemaFile::format`].
pub(crate) const FORMAT: &str = "config-lint-schema/1";

/// A whole schema file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SchemaFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The config's root type (a struct reference for derived roots).
    pub root: TypeDef,
    /// Every struct reachable from the root, by id.
    pub types: BTreeMap<String, StructDef>,
}

/// A struct definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StructDef {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc: String,
    pub fields: Vec<FieldDef>,
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FieldDef {
    pub ident: String,
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub required: bool,
    #[serde(rename = "type")]
    pub ty: TypeDef,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleDef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc: String,
}

/// A position's type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum TypeDef {
    Bool,
    Int {
        ty: String,
        min: Int,
        max: Int,
    },
    Float {
        ty: String,
    },
    Str,
    Datetime {
        ty: String,
        kind: KindDef,
    },
    Seq(Box<TypeDef>),
    Opt(Box<TypeDef>),
    Map(Box<TypeDef>),
    /// A reference to `types[id]`.
    Struct(String),
    Enum {
        name: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        doc: String,
        variants: Vec<String>,
        /// One per variant when any variant has a doc, else empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        variant_docs: Vec<String>,
    },
}

/// The datetime form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum KindDef {
    Offset,
    Local,
    Date,
    Time,
}

/// A rule, as declared with `#[config(...)]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum RuleDef {
    Range {
        min: Option<NumDef>,
        max: Option<NumDef>,
    },
    Len {
        min: Option<u64>,
        max: Option<u64>,
    },
    Unique(Option<String>),
    Before(String),
    MaxDepth(u32),
    MaxNodes(u64),
    MaxJsonBytes(u64),
    /// Bare `url` (exported as the string `"url"`).
    Url,
    /// `url(https)`, `url(relative)`, `url(hosts(...))`.
    UrlOptions(UrlOptionsDef),
    OneOf(Vec<String>),
    /// `tz = "Zone"`: the IANA name; the loader reads its rules from its own bundled
    /// database.
    Tz(String),
    /// `no_overlap(start, end, by)`: field names of the element struct.
    NoOverlap {
        start: String,
        end: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
}

/// The options of `url(...)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UrlOptionsDef {
    #[serde(default)]
    pub https: bool,
    #[serde(default)]
    pub relative: bool,
    #[serde(default)]
    pub hosts: Vec<String>,
}

/// An integer bound: a JSON number when it fits 64 bits, else a decimal string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum Int {
    I64(i64),
    U64(u64),
    Wide(#[serde(with = "wide")] i128),
}

impl Int {
    pub fn of(v: i128) -> Int {
        if let Ok(i) = i64::try_from(v) {
            Int::I64(i)
        } else if let Ok(u) = u64::try_from(v) {
            Int::U64(u)
        } else {
            Int::Wide(v)
        }
    }

    pub fn get(self) -> i128 {
        match self {
            Int::I64(i) => i128::from(i),
            Int::U64(u) => i128::from(u),
            Int::Wide(w) => w,
        }
    }
}

mod wide {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &i128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i128, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A `range` bound: `{"int": …}` or `{"float": …}` (so `1` and `1.0` stay apart).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum NumDef {
    Int(Int),
    Float(f64),
}

/// The schema of `root` as a [`SchemaFile`].
pub(crate) fn export(root: SchemaRef) -> SchemaFile {
    let mut types = BTreeMap::new();
    let root = type_def(root.get(), &mut types);
    SchemaFile { format: FORMAT.to_owned(), root, types }
}

fn type_def(s: &'static Schema, types: &mut BTreeMap<String, StructDef>) -> TypeDef {
    match s {
        Schema::Bool => TypeDef::Bool,
        Schema::Int { ty, min, max } => {
            TypeDef::Int { ty: (*ty).to_owned(), min: Int::of(*min), max: Int::of(*max) }
        }
        Schema::Float { ty } => TypeDef::Float { ty: (*ty).to_owned() },
        Schema::Str => TypeDef::Str,
        Schema::DateTime { ty, kind } => TypeDef::Datetime { ty: (*ty).to_owned(), kind: kind_def(*kind) },
        Schema::Seq(i) => TypeDef::Seq(Box::new(type_def(i.get(), types))),
        Schema::Opt(i) => TypeDef::Opt(Box::new(type_def(i.get(), types))),
        Schema::Map(i) => TypeDef::Map(Box::new(type_def(i.get(), types))),
        Schema::Enum { name, doc, variants, variant_docs } => TypeDef::Enum {
            name: (*name).to_owned(),
            doc: (*doc).to_owned(),
            variants: variants.iter().map(|v| (*v).to_owned()).collect(),
            variant_docs: if variant_docs.iter().all(|d| d.is_empty()) {
                Vec::new()
            } else {
                variant_docs.iter().map(|d| (*d).to_owned()).collect()
            },
        },
        Schema::Struct(st) => {
            if !types.contains_key(st.id) {
                // placeholder first: a recursive field finds the id and stops
                let placeholder =
                    StructDef { name: st.name.to_owned(), doc: String::new(), fields: Vec::new() };
                types.insert(st.id.to_owned(), placeholder);
                let def = struct_def(st, types);
                types.insert(st.id.to_owned(), def);
            }
            TypeDef::Struct(st.id.to_owned())
        }
    }
}

fn struct_def(st: &'static StructSchema, types: &mut BTreeMap<String, StructDef>) -> StructDef {
    let fields = st
        .fields
        .iter()
        .map(|f| FieldDef {
            ident: f.ident.to_owned(),
            key: f.key.to_owned(),
            aliases: f.aliases.iter().map(|a| (*a).to_owned()).collect(),
            required: f.required,
            ty: type_def(f.ty.get(), types),
            rules: f.rules.iter().map(rule_def).collect(),
            doc: f.doc.to_owned(),
        })
        .collect();
    StructDef { name: st.name.to_owned(), doc: st.doc.to_owned(), fields }
}

pub(crate) fn kind_def(k: DtKind) -> KindDef {
    match k {
        DtKind::Offset => KindDef::Offset,
        DtKind::Local => KindDef::Local,
        DtKind::Date => KindDef::Date,
        DtKind::Time => KindDef::Time,
    }
}

fn num_def(n: Num) -> NumDef {
    match n {
        Num::Int(i) => NumDef::Int(Int::of(i)),
        Num::Float(f) => NumDef::Float(f),
    }
}

fn rule_def(r: &Rule) -> RuleDef {
    match *r {
        Rule::Range { min, max } => RuleDef::Range { min: min.map(num_def), max: max.map(num_def) },
        Rule::Len { min, max } => RuleDef::Len { min, max },
        Rule::Unique(k) => RuleDef::Unique(k.map(str::to_owned)),
        Rule::Before(o) => RuleDef::Before(o.to_owned()),
        Rule::MaxDepth(n) => RuleDef::MaxDepth(n),
        Rule::MaxNodes(n) => RuleDef::MaxNodes(n),
        Rule::MaxJsonBytes(n) => RuleDef::MaxJsonBytes(n),
        Rule::Url(o) if o.is_bare() => RuleDef::Url,
        Rule::Url(o) => RuleDef::UrlOptions(UrlOptionsDef {
            https: o.https,
            relative: o.relative,
            hosts: o.hosts.iter().map(|s| (*s).to_owned()).collect(),
        }),
        Rule::OneOf(v) => RuleDef::OneOf(v.iter().map(|s| (*s).to_owned()).collect()),
        Rule::Tz(z) => RuleDef::Tz(z.name.to_owned()),
        Rule::NoOverlap { start, end, by } => {
            RuleDef::NoOverlap { start: start.to_owned(), end: end.to_owned(), by: by.map(str::to_owned) }
        }
    }
}

#[cfg(test)]
mod tests;
