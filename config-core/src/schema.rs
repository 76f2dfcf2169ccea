//! The schema model: what a config type accepts, and the rules declared on its fields.
//!
//! Every `#[derive(Config)]` type implements [`HasSchema`]. The associated const is a
//! [`SchemaRef`], a raw pointer to a per-type `static`, because a plain `&'static Schema`
//! associated const makes recursive types (a menu item holding menu items) a const cycle
//! (E0391). Statics may refer to each other, so recursion and mutual recursion compile.

use crate::datetime::DtKind;

/// Pointer to a `static` [`Schema`]. Only ever built from `&'static` data.
#[derive(Clone, Copy, Debug)]
pub struct SchemaRef(pub *const Schema);

// SAFETY: a SchemaRef always points at immutable `'static` data (a `static` or a promoted
// constant), so sharing it between threads is sound.
unsafe impl Sync for SchemaRef {}
// SAFETY: as above.
unsafe impl Send for SchemaRef {}

impl SchemaRef {
    /// Wraps a `'static` schema.
    pub const fn of(s: &'static Schema) -> Self {
        SchemaRef(s as *const Schema)
    }

    /// The schema pointed at.
    pub const fn get(self) -> &'static Schema {
        // SAFETY: constructed only from `&'static Schema` (see `of` and the derive).
        unsafe { &*self.0 }
    }
}

/// What one position of a config accepts.
#[derive(Debug)]
pub enum Schema {
    Bool,
    /// An integer type with its inclusive bounds.
    Int {
        ty: &'static str,
        min: i128,
        max: i128,
    },
    Float {
        ty: &'static str,
    },
    Str,
    DateTime {
        ty: &'static str,
        kind: DtKind,
    },
    /// `Vec<T>`.
    Seq(SchemaRef),
    /// `Option<T>`: the key may be absent.
    Opt(SchemaRef),
    /// `BTreeMap<String, T>` / `HashMap<String, T>`: any keys.
    Map(SchemaRef),
    Struct(StructSchema),
    /// A unit-only enum, written as one of its variant names.
    Enum {
        name: &'static str,
        /// The enum's doc comment (see [`StructSchema::doc`]).
        doc: &'static str,
        /// Every accepted name: each variant's name, then its aliases.
        variants: &'static [&'static str],
        /// The doc comment of each entry of `variants`, in the same order (an alias has its
        /// variant's); `""` for none. Always as long as `variants`.
        variant_docs: &'static [&'static str],
    },
}

/// A derived struct.
#[derive(Debug)]
pub struct StructSchema {
    /// Type name as written (`MenuItem`).
    pub name: &'static str,
    /// Unique id (`module::path::MenuItem`), used to recognise recursion.
    pub id: &'static str,
    /// The type's doc comment (`///` lines joined with `\n`, the one leading space of each
    /// line removed); `""` when it has none. Shown by editors and the linter's `docs` and
    /// `template`; the checker never reads it.
    pub doc: &'static str,
    pub fields: &'static [Field],
}

/// One field of a struct, as it appears in the TOML.
#[derive(Debug)]
pub struct Field {
    /// Rust field name.
    pub ident: &'static str,
    /// TOML key (after `rename` / `rename_all`).
    pub key: &'static str,
    /// Extra accepted keys (`alias`).
    pub aliases: &'static [&'static str],
    pub ty: SchemaRef,
    /// False when the field is an `Option` or has a serde default.
    pub required: bool,
    pub rules: &'static [Rule],
    /// The field's doc comment, as [`StructSchema::doc`].
    pub doc: &'static str,
}

impl Field {
    /// Does `key` name this field (its key or an alias)?
    pub const fn matches(&self, key: &str) -> bool {
        if crate::text::str_eq(self.key, key) {
            return true;
        }
        let mut i = 0;
        while i < self.aliases.len() {
            if crate::text::str_eq(self.aliases[i], key) {
                return true;
            }
            i += 1;
        }
        false
    }
}

/// A number bound in a `range` rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    /// As a float, for mixed comparisons.
    pub const fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// `self < other`, exact for two integers.
    pub const fn lt(self, other: Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a < b,
            _ => self.as_f64() < other.as_f64(),
        }
    }
}

/// A rule declared with `#[config(...)]` on a field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    Range {
        min: Option<Num>,
        max: Option<Num>,
    },
    Len {
        min: Option<u64>,
        max: Option<u64>,
    },
    /// `unique` (`None`: the scalar elements) or `unique = "key"`.
    Unique(Option<&'static str>),
    /// Strictly less than the named sibling field.
    Before(&'static str),
    MaxDepth(u32),
    MaxNodes(u64),
    MaxJsonBytes(u64),
    /// `url`, `url(https)`, `url(relative)`, `url(hosts(...))`.
    Url(crate::url::UrlOptions),
    OneOf(&'static [&'static str]),
    /// `tz = "Zone"`: the zone in force for the datetimes at and under this field (the
    /// nearest wins: the field's own, then its struct's container attribute, which the
    /// derive copies onto each field without one, then the enclosing field's). Local times
    /// are resolved in it; written offsets must be its offsets.
    Tz(&'static crate::zone::ZoneRules),
    /// `no_overlap(start = "starts", end = "ends", by = "audience")` on a `Vec` of structs:
    /// the half-open windows `[start, end)` of two items (with equal `by`, when given) must
    /// not overlap. Field names as the derive resolved them (TOML keys).
    NoOverlap {
        start: &'static str,
        end: &'static str,
        by: Option<&'static str>,
    },
}

/// Implemented for every type a config can hold.
pub trait HasSchema {
    const SCHEMA: SchemaRef;
}

macro_rules! int_schema {
    ($($t:ty),*) => {$(
        impl HasSchema for $t {
            const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Int {
                ty: stringify!($t), min: <$t>::MIN as i128, max: <$t>::MAX as i128 });
        }
    )*};
}
int_schema!(u8, u16, u32, u64, usize, i8, i16, i32, i64, i128, isize);

// `u128::MAX` does not fit the `i128` bound; TOML integers stop at `i64::MAX` anyway.
impl HasSchema for u128 {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Int { ty: "u128", min: 0, max: i128::MAX });
}

impl HasSchema for bool {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Bool);
}
impl HasSchema for f32 {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Float { ty: "f32" });
}
impl HasSchema for f64 {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Float { ty: "f64" });
}
impl HasSchema for String {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Str);
}
impl<T: HasSchema> HasSchema for Vec<T> {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Seq(T::SCHEMA));
}
impl<T: HasSchema> HasSchema for Option<T> {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Opt(T::SCHEMA));
}
impl<T: HasSchema> HasSchema for Box<T> {
    const SCHEMA: SchemaRef = T::SCHEMA;
}
impl<T: HasSchema, S> HasSchema for std::collections::HashMap<String, T, S> {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Map(T::SCHEMA));
}
impl<T: HasSchema> HasSchema for std::collections::BTreeMap<String, T> {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::Map(T::SCHEMA));
}
impl HasSchema for chrono::DateTime<chrono::FixedOffset> {
    const SCHEMA: SchemaRef =
        SchemaRef::of(&Schema::DateTime { ty: "DateTime<FixedOffset>", kind: DtKind::Offset });
}
impl HasSchema for chrono::DateTime<chrono::Utc> {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "DateTime<Utc>", kind: DtKind::Offset });
}
/// An instant (feature `jiff`): like `DateTime<Utc>`, an offset datetime, or a local one
/// under a `tz`.
#[cfg(feature = "jiff")]
impl HasSchema for jiff::Timestamp {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "Timestamp", kind: DtKind::Offset });
}
/// An instant with its zone (feature `jiff`): RFC 9557 (`…+02:00[Europe/Kyiv]`, any zone of
/// the database) without a `tz`; under one, every form an instant field takes, in that zone.
#[cfg(feature = "jiff")]
impl HasSchema for jiff::ZonedDateTime {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "ZonedDateTime", kind: DtKind::Offset });
}
impl HasSchema for chrono::NaiveDateTime {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "NaiveDateTime", kind: DtKind::Local });
}
impl HasSchema for chrono::NaiveDate {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "NaiveDate", kind: DtKind::Date });
}
impl HasSchema for chrono::NaiveTime {
    const SCHEMA: SchemaRef = SchemaRef::of(&Schema::DateTime { ty: "NaiveTime", kind: DtKind::Time });
}

/// Strips `Option` layers.
pub const fn unwrap_opt(s: &'static Schema) -> &'static Schema {
    match s {
        Schema::Opt(inner) => unwrap_opt(inner.get()),
        _ => s,
    }
}

/// Describes what a schema expects, for messages ("an integer (u8)").
pub const fn expected(s: &'static Schema) -> (&'static str, &'static str) {
    match unwrap_opt(s) {
        Schema::Bool => ("a boolean", ""),
        Schema::Int { ty, .. } => ("an integer ", ty),
        Schema::Float { .. } => ("a number", ""),
        Schema::Str => ("a string", ""),
        Schema::DateTime { kind, .. } => (kind.name(), ""),
        Schema::Seq(_) => ("an array", ""),
        Schema::Opt(_) => ("a value", ""),
        Schema::Map(_) => ("a table", ""),
        Schema::Struct(st) => ("a table ", st.name),
        Schema::Enum { name, .. } => ("a string naming a variant of ", name),
    }
}
