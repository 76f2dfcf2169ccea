//! Loads a schema file written by `<app>-lint schema` into a `&'static Schema` tree, so
//! the generic `config-lint` runs exactly the checker the app's own linter runs.
//!
//! The tree is leaked on purpose: a lint run is one short process and the schema lives
//! as long as it does. Structs may refer to themselves (recursive menus): each struct
//! gets its slot first, fields then point at the slots, and each slot is filled last.
//! Loading what [`super::schema_export`] wrote and exporting it again gives the same file.
//! Doc comments are optional (files exported before they were part of the schema load with
//! empty docs).

use super::error::LintError;
use super::schema_export::{FORMAT, FieldDef, KindDef, NumDef, RuleDef, SchemaFile, TypeDef};
use config_core::datetime::DtKind;
use config_core::url::UrlOptions;
use config_core::{Field, Num, Rule, Schema, SchemaRef, StructSchema};
use std::collections::HashMap;
use std::path::Path;

/// Reads and loads a schema file.
pub(crate) fn load(path: &Path) -> Result<SchemaRef, LintError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| LintError::Read { path: path.to_owned(), source })?;
    from_json(&path.display().to_string(), &text)
}

/// Loads a schema from its JSON text (`name` is used in errors).
pub(crate) fn from_json(name: &str, text: &str) -> Result<SchemaRef, LintError> {
    let file: SchemaFile = serde_json::from_str(text).map_err(|e| LintError::SchemaSyntax {
        path: name.into(),
        line: e.line(),
        col: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
    })?;
    build(name, &file)
}

fn invalid(name: &str, at: String, message: String) -> LintError {
    LintError::SchemaInvalid { path: name.into(), at, message }
}

/// Builds the leaked tree.
pub(crate) fn build(name: &str, file: &SchemaFile) -> Result<SchemaRef, LintError> {
    if file.format != FORMAT {
        return Err(invalid(
            name,
            "format".into(),
            format!("`{}` is not a format this linter reads (it reads `{FORMAT}`)", file.format),
        ));
    }
    // 1. one slot per struct, so fields can point at any struct (recursion included)
    let mut slots: HashMap<&str, *mut Schema> = HashMap::new();
    for id in file.types.keys() {
        slots.insert(id.as_str(), Box::into_raw(Box::new(Schema::Bool)));
    }
    let b = Builder { name, slots: &slots };
    // 2. every struct's schema, built before any slot is written
    let mut built = Vec::with_capacity(file.types.len());
    for (id, def) in &file.types {
        let fields: Vec<Field> = def
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| b.field(f, &format!("types.\"{id}\".fields[{i}]"), &def.fields))
            .collect::<Result<_, _>>()?;
        let st = Schema::Struct(StructSchema {
            name: leak_str(&def.name),
            id: leak_str(id),
            doc: leak_str(&def.doc),
            fields: leak(fields),
        });
        built.push((id.as_str(), st));
    }
    let root = b.ty(&file.root, "root")?;
    // 3. fill the slots
    for (id, st) in built {
        if let Some(&slot) = slots.get(id) {
            // SAFETY: `slot` comes from `Box::into_raw` above and is never freed; no
            // reference to it exists yet (SchemaRefs hold raw pointers and are only read
            // through `SchemaRef::get` after this function returns), so writing is sound.
            unsafe { *slot = st };
        }
    }
    Ok(root)
}

struct Builder<'a> {
    name: &'a str,
    slots: &'a HashMap<&'a str, *mut Schema>,
}

impl Builder<'_> {
    fn ty(&self, t: &TypeDef, at: &str) -> Result<SchemaRef, LintError> {
        let s = match t {
            TypeDef::Struct(id) => {
                let Some(&slot) = self.slots.get(id.as_str()) else {
                    return Err(invalid(self.name, at.to_owned(), format!("no struct `{id}` under `types`")));
                };
                return Ok(SchemaRef(slot.cast_const()));
            }
            TypeDef::Bool => Schema::Bool,
            TypeDef::Int { ty, min, max } => {
                if min.get() > max.get() {
                    return Err(invalid(self.name, at.to_owned(), "integer `min` above `max`".into()));
                }
                Schema::Int { ty: leak_str(ty), min: min.get(), max: max.get() }
            }
            TypeDef::Float { ty } => Schema::Float { ty: leak_str(ty) },
            TypeDef::Str => Schema::Str,
            TypeDef::Datetime { ty, kind } => Schema::DateTime { ty: leak_str(ty), kind: dt_kind(*kind) },
            TypeDef::Seq(i) => Schema::Seq(self.ty(i, &format!("{at}.seq"))?),
            TypeDef::Opt(i) => Schema::Opt(self.ty(i, &format!("{at}.opt"))?),
            TypeDef::Map(i) => Schema::Map(self.ty(i, &format!("{at}.map"))?),
            TypeDef::Enum { name, doc, variants, variant_docs } => {
                if !variant_docs.is_empty() && variant_docs.len() != variants.len() {
                    return Err(invalid(
                        self.name,
                        format!("{at}.enum.variant_docs"),
                        format!("{} docs for {} variants", variant_docs.len(), variants.len()),
                    ));
                }
                let docs = (0..variants.len()).map(|i| variant_docs.get(i).map_or("", |d| leak_str(d)));
                Schema::Enum {
                    name: leak_str(name),
                    doc: leak_str(doc),
                    variants: leak(variants.iter().map(|v| leak_str(v)).collect()),
                    variant_docs: leak(docs.collect()),
                }
            }
        };
        Ok(SchemaRef::of(Box::leak(Box::new(s))))
    }

    fn field(&self, f: &FieldDef, at: &str, siblings: &[FieldDef]) -> Result<Field, LintError> {
        let ty = self.ty(&f.ty, &format!("{at}.type"))?;
        let rules = f
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| self.rule(r, &format!("{at}.rules[{i}]"), siblings))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Field {
            ident: leak_str(&f.ident),
            key: leak_str(&f.key),
            aliases: leak(f.aliases.iter().map(|a| leak_str(a)).collect()),
            ty,
            required: f.required,
            rules: leak(rules),
            doc: leak_str(&f.doc),
        })
    }

    fn rule(&self, r: &RuleDef, at: &str, siblings: &[FieldDef]) -> Result<Rule, LintError> {
        Ok(match r {
            RuleDef::Range { min, max } => Rule::Range { min: min.map(num), max: max.map(num) },
            RuleDef::Len { min, max } => Rule::Len { min: *min, max: *max },
            RuleDef::Unique(k) => Rule::Unique(k.as_deref().map(leak_str)),
            RuleDef::Before(o) => {
                if !siblings.iter().any(|s| &s.key == o || &s.ident == o) {
                    return Err(invalid(
                        self.name,
                        at.to_owned(),
                        format!("`before` names no sibling field `{o}`"),
                    ));
                }
                Rule::Before(leak_str(o))
            }
            RuleDef::MaxDepth(n) => Rule::MaxDepth(*n),
            RuleDef::MaxNodes(n) => Rule::MaxNodes(*n),
            RuleDef::MaxJsonBytes(n) => Rule::MaxJsonBytes(*n),
            RuleDef::Url => Rule::Url(UrlOptions::BARE),
            RuleDef::UrlOptions(o) => {
                if let Some(bad) = o.hosts.iter().find(|h| !config_core::url::valid_host_pattern(h)) {
                    return Err(invalid(
                        self.name,
                        at.to_owned(),
                        format!(
                            "`url` host pattern `{}` is not a host or `*.` and a host",
                            bad.escape_debug()
                        ),
                    ));
                }
                if o.hosts.is_empty() && !o.https && !o.relative {
                    Rule::Url(UrlOptions::BARE)
                } else {
                    Rule::Url(UrlOptions {
                        https: o.https,
                        relative: o.relative,
                        hosts: leak(o.hosts.iter().map(|s| leak_str(s)).collect()),
                    })
                }
            }
            RuleDef::OneOf(v) => Rule::OneOf(leak(v.iter().map(|s| leak_str(s)).collect())),
            RuleDef::NoOverlap { start, end, by } => Rule::NoOverlap {
                start: leak_str(start),
                end: leak_str(end),
                by: by.as_deref().map(leak_str),
            },
            RuleDef::Tz(z) => match config_core::zone::Zone::named(z) {
                Ok(zone) => Rule::Tz(zone.rules_table().leak()),
                Err(e) => return Err(invalid(self.name, at.to_owned(), format!("`tz`: {e}"))),
            },
        })
    }
}

fn num(n: NumDef) -> Num {
    match n {
        NumDef::Int(i) => Num::Int(i.get()),
        NumDef::Float(f) => Num::Float(f),
    }
}

fn dt_kind(k: KindDef) -> DtKind {
    match k {
        KindDef::Offset => DtKind::Offset,
        KindDef::Local => DtKind::Local,
        KindDef::Date => DtKind::Date,
        KindDef::Time => DtKind::Time,
    }
}

fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

#[cfg(test)]
mod tests;
