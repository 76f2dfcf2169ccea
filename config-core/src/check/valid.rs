//! Compile-time validation of rule use: a rule declared on a field whose type it cannot
//! apply to is a build error spanned on the attribute (the derive emits a `const` that
//! calls this). Working from the schema, not the syntax, makes type aliases behave.

use crate::schema::{Rule, Schema, SchemaRef, StructSchema, unwrap_opt};
use crate::text::str_eq;

/// Strips `Option`, `Vec` and map layers: the scalar (or struct) the rule may reach.
const fn innermost(s: &'static Schema) -> &'static Schema {
    match s {
        Schema::Opt(i) | Schema::Seq(i) | Schema::Map(i) => innermost(i.get()),
        _ => s,
    }
}

const fn is_number(s: &Schema) -> bool {
    matches!(s, Schema::Int { .. } | Schema::Float { .. })
}

const fn is_scalar(s: &Schema) -> bool {
    matches!(
        s,
        Schema::Bool
            | Schema::Int { .. }
            | Schema::Float { .. }
            | Schema::Str
            | Schema::DateTime { .. }
            | Schema::Enum { .. }
    )
}

const fn struct_of(s: &'static Schema) -> Option<&'static StructSchema> {
    match innermost(s) {
        Schema::Struct(st) => Some(st),
        _ => None,
    }
}

/// Can `from` reach a struct with id `target` through its fields (bounded search)?
const fn reaches(from: &'static Schema, target: &str, depth: u32) -> bool {
    if depth > 12 {
        return false;
    }
    let Some(st) = struct_of(from) else { return false };
    let mut i = 0;
    while i < st.fields.len() {
        let f = st.fields[i].ty.get();
        if let Some(inner) = struct_of(f)
            && (str_eq(inner.id, target) || reaches(f, target, depth + 1))
        {
            return true;
        }
        i += 1;
    }
    false
}

/// The type (`Option` stripped) of the field of `st` named `name` (Rust name or key).
const fn field_schema(st: &'static StructSchema, name: &str) -> Option<&'static Schema> {
    let mut j = 0;
    while j < st.fields.len() {
        if str_eq(st.fields[j].key, name) || str_eq(st.fields[j].ident, name) {
            return Some(unwrap_opt(st.fields[j].ty.get()));
        }
        j += 1;
    }
    None
}

const fn is_instant(s: &Schema) -> bool {
    matches!(s, Schema::DateTime { kind: crate::datetime::DtKind::Offset, .. })
}

/// Checks the rules of one field against its type. `sibling` is the type of the field a
/// `before` rule names (the derive resolves the name, so it exists).
pub const fn validate_field_rules(
    ty: SchemaRef,
    rules: &'static [Rule],
    sibling: Option<SchemaRef>,
) -> Result<(), &'static str> {
    let outer = unwrap_opt(ty.get());
    let inner = innermost(ty.get());
    let mut i = 0;
    while i < rules.len() {
        match rules[i] {
            Rule::Range { min, max } => {
                if !is_number(inner) {
                    return Err("`range` applies to number fields (or collections of numbers)");
                }
                if let (Some(a), Some(b)) = (min, max)
                    && b.lt(a)
                {
                    return Err("`range`: `min` is greater than `max`");
                }
            }
            Rule::Len { min, max } => {
                if !matches!(outer, Schema::Str | Schema::Seq(_) | Schema::Map(_)) {
                    return Err("`len` applies to strings, `Vec`s and maps");
                }
                if let (Some(a), Some(b)) = (min, max)
                    && b < a
                {
                    return Err("`len`: `min` is greater than `max`");
                }
            }
            Rule::Unique(key) => {
                let Schema::Seq(elem) = outer else {
                    return Err("`unique` applies to `Vec` fields");
                };
                let elem = unwrap_opt(elem.get());
                match key {
                    None => {
                        if !is_scalar(elem) {
                            return Err(
                                "`unique` without a key applies to a `Vec` of scalars; for a `Vec` of structs name the key: `unique = \"id\"`",
                            );
                        }
                    }
                    Some(k) => {
                        let Schema::Struct(st) = elem else {
                            return Err(
                                "`unique = \"key\"` applies to a `Vec` of structs; for scalars write `unique`",
                            );
                        };
                        let mut found = false;
                        let mut j = 0;
                        while j < st.fields.len() {
                            if str_eq(st.fields[j].key, k) || str_eq(st.fields[j].ident, k) {
                                found = true;
                            }
                            j += 1;
                        }
                        if !found {
                            return Err("`unique`: the element struct has no field with that name");
                        }
                    }
                }
            }
            Rule::Before(_) => {
                if !(is_number(outer) || matches!(outer, Schema::DateTime { .. })) {
                    return Err("`before` applies to number and datetime fields");
                }
                if let Some(sib) = sibling {
                    let sib = unwrap_opt(sib.get());
                    let same = match (outer, sib) {
                        (Schema::DateTime { kind: a, .. }, Schema::DateTime { kind: b, .. }) => {
                            a.index() == b.index()
                        }
                        (a, b) => is_number(a) && is_number(b),
                    };
                    if !same {
                        return Err(
                            "`before`: the named sibling must have a comparable type (both numbers, or both datetimes of the same kind)",
                        );
                    }
                }
            }
            Rule::MaxDepth(n) => {
                let Some(st) = struct_of(ty.get()) else {
                    return Err("`max_depth` applies to fields holding a recursive struct (a tree)");
                };
                if !reaches(ty.get(), st.id, 0) {
                    return Err(
                        "`max_depth`: the struct this field holds is not recursive; depth limits apply to trees",
                    );
                }
                if n == 0 {
                    return Err("`max_depth` must be at least 1");
                }
            }
            Rule::MaxNodes(_) => {
                if struct_of(ty.get()).is_none() {
                    return Err("`max_nodes` applies to fields holding structs (a tree or a list of tables)");
                }
            }
            Rule::MaxJsonBytes(_) => {}
            Rule::Url(opts) => {
                if !matches!(inner, Schema::Str) {
                    return Err("`url` applies to string fields");
                }
                if opts.relative && (opts.https || !opts.hosts.is_empty()) {
                    return Err(
                        "`url(relative)` allows no absolute links: it cannot be combined with `https` or `hosts`",
                    );
                }
            }
            Rule::Tz(_) => {
                let zoned = matches!(inner, Schema::DateTime { kind: crate::datetime::DtKind::Offset, .. });
                if !zoned && !matches!(inner, Schema::Struct(_)) {
                    return Err(
                        "`tz` applies to fields holding instants (`DateTime<FixedOffset>`, `DateTime<Utc>`, `jiff::Timestamp`, `jiff::ZonedDateTime`) or structs holding them",
                    );
                }
            }
            Rule::NoOverlap { start, end, by } => {
                let Schema::Seq(elem) = outer else {
                    return Err("`no_overlap` applies to a `Vec` of structs");
                };
                let Schema::Struct(st) = unwrap_opt(elem.get()) else {
                    return Err("`no_overlap` applies to a `Vec` of structs");
                };
                if str_eq(start, end) {
                    return Err("`no_overlap`: `start` and `end` must be two different fields");
                }
                match field_schema(st, start) {
                    None => return Err("`no_overlap`: `start` names no field of the element struct"),
                    Some(s) if !is_instant(s) => {
                        return Err(
                            "`no_overlap`: `start` must be an instant (`DateTime<FixedOffset>`, `DateTime<Utc>`, …)",
                        );
                    }
                    Some(_) => {}
                }
                match field_schema(st, end) {
                    None => return Err("`no_overlap`: `end` names no field of the element struct"),
                    Some(s) if !is_instant(s) => {
                        return Err(
                            "`no_overlap`: `end` must be an instant (`DateTime<FixedOffset>`, `DateTime<Utc>`, …)",
                        );
                    }
                    Some(_) => {}
                }
                if let Some(b) = by {
                    match field_schema(st, b) {
                        None => return Err("`no_overlap`: `by` names no field of the element struct"),
                        Some(Schema::Str | Schema::Enum { .. }) => {}
                        Some(_) => return Err("`no_overlap`: `by` must be a string or enum field"),
                    }
                }
            }
            Rule::OneOf(_) => {
                if !matches!(inner, Schema::Str) {
                    return Err(
                        "`one_of` applies to string fields (use an enum for a closed set of variants)",
                    );
                }
            }
        }
        i += 1;
    }
    Ok(())
}
