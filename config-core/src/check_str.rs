//! The run-time entry point: parse once, check every rule, deserialize.
//!
//! `Live` and the linter build on these functions. They run the same summary builder and
//! the same checker as the derive does at build time, so a bad file gets the same
//! findings (rule, key path, line:col) at all three moments. Nothing here panics on any
//! input; every failure is a located [`Diagnostic`].

pub mod zoned;

pub use crate::check::MAX_PER_RULE;
use crate::check::{RtReport, rt};
use crate::diag::{Diagnostic, Diagnostics, LineIndex, Severity, token_len};
use crate::literal::int_digits_valid;
use crate::rules::RuleId;
use crate::schema::{HasSchema, SchemaRef};
use crate::summary::{Fold, build_for};
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Parses, checks and deserializes `text` (named `name` in diagnostics) as a `T`.
///
/// ```
/// # use config_core::{check_str, HasSchema, Schema, SchemaRef};
/// // any type with a schema works; derived config types are the usual case
/// let n: Result<u8, _> = config_core::check_str::<Wrapper>("x.toml", "v = 300").map(|w| w.v);
/// # #[derive(serde::Deserialize)] struct Wrapper { v: u8 }
/// # static S: Schema = Schema::Struct(config_core::StructSchema { name: "Wrapper", id: "doc::Wrapper", doc: "",
/// #   fields: &[config_core::Field { ident: "v", key: "v", aliases: &[], ty: <u8 as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
/// # impl HasSchema for Wrapper { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
/// let err = n.unwrap_err();
/// assert_eq!(err.one_line(), "x.toml:1:5: error[range]: v: integer 300 is out of range for u8 (0..=255)\n");
/// ```
pub fn check_str<T: HasSchema + DeserializeOwned>(name: &str, text: &str) -> Result<T, Diagnostics> {
    let doc = parse(name, text)?;
    let diags = check_parsed(name, text, &doc, T::SCHEMA);
    if !diags.is_empty() {
        return Err(diags);
    }
    deserialize_parsed(name, text, doc)
}

/// Deserializes an already checked document as a `T` (serde's own errors, e.g. from
/// custom `Deserialize` impls, become a located `type` diagnostic). The linter built from
/// an app's types uses it after [`check_parsed`], so the text is parsed once. Datetimes
/// under a zone in force reach serde as the instants they name (`check_str/zoned.rs`).
pub fn deserialize_parsed<T: HasSchema + DeserializeOwned>(
    name: &str,
    text: &str,
    mut doc: Spanned<DeTable<'_>>,
) -> Result<T, Diagnostics> {
    if let crate::schema::Schema::Struct(st) = crate::schema::unwrap_opt(T::SCHEMA.get()) {
        zoned::resolve_table(doc.get_mut(), st, None);
    }
    datetimes_as_strings(doc.get_mut());
    T::deserialize(toml::de::Deserializer::from(doc)).map_err(|e| {
        let off = e.span().map_or(0, |s| s.start);
        let mut d = Diagnostics::new(name, text);
        d.items.push(located(text, RuleId::Type, off, "(root)".into(), e.message().to_owned(), None));
        d
    })
}

/// Checks `text` against a schema without deserializing (the generic linter's path).
pub fn check_value(name: &str, text: &str, schema: SchemaRef) -> Diagnostics {
    match parse(name, text) {
        Ok(doc) => check_parsed(name, text, &doc, schema),
        Err(d) => d,
    }
}

/// TOML syntax only.
///
/// `toml`'s parser keeps integer literals as text and leaves a few malformed ones
/// (`0x` without digits, non-ASCII digits) to the conversion; they are syntax errors
/// here, so every reader of the file rejects them alike.
pub fn parse<'t>(name: &str, text: &'t str) -> Result<Spanned<DeTable<'t>>, Diagnostics> {
    let syntax = |off: usize, msg: String| {
        let mut d = Diagnostics::new(name, text);
        d.items.push(located(text, RuleId::Syntax, off, "(document)".into(), msg, None));
        d
    };
    let doc = DeTable::parse(text)
        .map_err(|e| syntax(e.span().map_or(0, |s| s.start), e.message().trim_end().to_owned()))?;
    if let Some(off) = bad_integer(doc.get_ref()) {
        let lit = text.get(off..off + token_len(text, off)).unwrap_or("");
        return Err(syntax(off, format!("invalid integer `{lit}`")));
    }
    Ok(doc)
}

/// Offset of the first integer literal without valid digits for its radix.
fn bad_integer(t: &DeTable<'_>) -> Option<usize> {
    t.iter().find_map(|(_, v)| bad_integer_in(v))
}

fn bad_integer_in(v: &Spanned<DeValue<'_>>) -> Option<usize> {
    match v.get_ref() {
        DeValue::Integer(i) => (!int_digits_valid(i.as_str(), i.radix())).then(|| v.span().start),
        DeValue::Array(a) => a.iter().find_map(bad_integer_in),
        DeValue::Table(t) => bad_integer(t),
        _ => None,
    }
}

/// Runs the checker over a parsed document: folded first (cheap, the usual case of a
/// good file); when anything is found, unfolded, so every occurrence is listed, up to
/// [`MAX_PER_RULE`] of each rule: past that, one more finding (at the first occurrence not
/// listed) says how many were left out, so a hostile file cannot make the report huge.
pub fn check_parsed(name: &str, text: &str, doc: &Spanned<DeTable<'_>>, schema: SchemaRef) -> Diagnostics {
    let mut d = Diagnostics::new(name, text);
    let folded = run(doc, schema, Fold::Positions);
    if folded.findings.is_empty() {
        return d;
    }
    let RtReport { findings: mut all, over_cap, .. } = run(doc, schema, Fold::Unfolded);
    for (mut f, n) in over_cap {
        let s = if n == 1 { "" } else { "s" };
        f.message =
            format!("at least {n} more `{}` finding{s} not listed (the first {MAX_PER_RULE} are)", f.rule);
        all.push(f);
    }
    all.sort_by(|a, b| (a.off, a.rule, &a.path).cmp(&(b.off, b.rule, &b.path)));
    all.dedup_by(|a, b| a.off == b.off && a.rule == b.rule && a.path == b.path && a.message == b.message);
    let lines = LineIndex::new(text);
    d.items = all
        .into_iter()
        .map(|f| {
            let (line, col) = lines.at(f.off as usize);
            let off = f.off as usize;
            Diagnostic {
                rule: f.rule,
                severity: Severity::Error,
                line,
                col,
                span: off..off + token_len(text, off),
                path: f.path,
                message: f.message,
                help: f.help,
            }
        })
        .collect();
    d
}

fn run(doc: &Spanned<DeTable<'_>>, schema: SchemaRef, fold: Fold) -> RtReport {
    let sum = build_for(doc, fold, schema);
    let mut r = RtReport::new();
    sum.with_view(|s| rt::check(&mut r, s, schema));
    r
}

fn located(
    text: &str,
    rule: RuleId,
    off: usize,
    path: String,
    message: String,
    help: Option<String>,
) -> Diagnostic {
    let (line, col) = LineIndex::new(text).at(off);
    Diagnostic {
        rule,
        severity: Severity::Error,
        line,
        col,
        span: off..off + token_len(text, off),
        path,
        message,
        help,
    }
}

/// chrono's types deserialize from strings only; TOML datetime literals are handed to
/// serde as their RFC 3339 text (already checked to be of the right form).
fn datetimes_as_strings(t: &mut DeTable<'_>) {
    for (_, v) in t.iter_mut() {
        value_datetimes_as_strings(v.get_mut());
    }
}

fn value_datetimes_as_strings(v: &mut DeValue<'_>) {
    match v {
        DeValue::Datetime(d) => *v = DeValue::String(Cow::Owned(d.to_string())),
        DeValue::Array(a) => {
            for item in a.iter_mut() {
                value_datetimes_as_strings(item.get_mut());
            }
        }
        DeValue::Table(t) => datetimes_as_strings(t),
        _ => {}
    }
}
