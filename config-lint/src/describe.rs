//! A field in words, for people who edit the file rather than the Rust types: what kind of
//! value it takes, whether it may be left out, and its rules, briefly ("1 to 80
//! characters", "each `id` unique"). One wording, shared by `docs`, `template` and
//! `explain KEY`, so the reference, the skeleton and the explanation never disagree.
//! (The editor schema names rules in `#[config(...)]` syntax instead: `json_schema`.)

use config_core::datetime::DtKind;
use config_core::schema::unwrap_opt;
use config_core::url::UrlOptions;
use config_core::{Field, Num, Rule, Schema};

/// What a value of `s` is: `integer`, `string`, `list of `Promotion` tables`, ….
pub(crate) fn kind(s: &'static Schema) -> String {
    match unwrap_opt(s) {
        Schema::Bool => "boolean".into(),
        Schema::Int { .. } => "integer".into(),
        Schema::Float { .. } => "number".into(),
        Schema::Str => "string".into(),
        Schema::DateTime { kind, .. } => datetime(*kind).into(),
        Schema::Seq(i) => format!("list of {}", plural(i.get())),
        Schema::Map(i) => format!("table of {} by name", plural(i.get())),
        Schema::Struct(st) => format!("table (`{}`)", st.name),
        Schema::Enum { variants, .. } => format!("one of {}", quoted(variants)),
        Schema::Opt(_) => "value".into(),
    }
}

fn plural(s: &'static Schema) -> String {
    match unwrap_opt(s) {
        Schema::Bool => "booleans".into(),
        Schema::Int { .. } => "integers".into(),
        Schema::Float { .. } => "numbers".into(),
        Schema::Str => "strings".into(),
        Schema::DateTime { kind, .. } => format!("{}s", datetime(*kind)),
        Schema::Seq(i) => format!("lists of {}", plural(i.get())),
        Schema::Map(i) => format!("tables of {}", plural(i.get())),
        Schema::Struct(st) => format!("`{}` tables", st.name),
        Schema::Enum { variants, .. } => format!("names ({})", quoted(variants)),
        Schema::Opt(_) => "values".into(),
    }
}

fn datetime(k: DtKind) -> &'static str {
    match k {
        DtKind::Offset => "datetime with offset",
        DtKind::Local => "local datetime",
        DtKind::Date => "date",
        DtKind::Time => "time of day",
    }
}

fn quoted(items: &[&str]) -> String {
    items.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
}

/// `integer, required: 0 to 1000000` or `string, optional`: the one line that sums a
/// field up.
pub(crate) fn summary(f: &Field) -> String {
    let mut s = kind(f.ty.get());
    s.push_str(if f.required { ", required" } else { ", optional" });
    let rules = rules(f);
    if !rules.is_empty() {
        s.push_str(": ");
        s.push_str(&rules.join("; "));
    }
    s
}

/// The field's rules, briefly, plus the bounds of its integer type when they are
/// narrower than a TOML integer (a `u8` takes 0 to 255).
pub(crate) fn rules(f: &Field) -> Vec<String> {
    let outer = unwrap_opt(f.ty.get());
    let scalar = innermost(outer);
    let mut out = Vec::new();
    if let Schema::Int { min, max, .. } = scalar {
        let (lo, hi) = int_bounds(*min, *max, f.rules);
        if lo > i128::from(i64::MIN) || hi < i128::from(i64::MAX) {
            out.push(between(
                lo.to_string(),
                hi.to_string(),
                lo > i128::from(i64::MIN),
                hi < i128::from(i64::MAX),
            ));
        }
    }
    for r in f.rules {
        let text = match r {
            Rule::Range { .. } if matches!(scalar, Schema::Int { .. }) => continue,
            Rule::Range { min, max } => between(
                min.map_or_else(String::new, num),
                max.map_or_else(String::new, num),
                min.is_some(),
                max.is_some(),
            ),
            Rule::Len { min, max } => {
                let unit = match outer {
                    Schema::Str => "characters",
                    Schema::Map(_) => "entries",
                    _ => "items",
                };
                let b = between(
                    min.unwrap_or(0).to_string(),
                    max.unwrap_or(0).to_string(),
                    min.is_some(),
                    max.is_some(),
                );
                format!("{b} {unit}")
            }
            Rule::Unique(Some(k)) => format!("each `{k}` unique"),
            Rule::Unique(None) => "no duplicates".into(),
            Rule::Before(o) => format!("before `{o}`"),
            Rule::MaxDepth(n) => format!("at most {n} levels deep"),
            Rule::MaxNodes(n) => format!("at most {n} tables in all"),
            Rule::MaxJsonBytes(n) => format!("at most {} as JSON", bytes(*n)),
            Rule::Url(o) => url(o),
            Rule::OneOf(v) => format!("one of {}", quoted(v)),
            // a type's zone is copied onto every field; it says something on instants only
            Rule::Tz(z) if matches!(scalar, Schema::DateTime { kind: DtKind::Offset, .. }) => {
                format!("local times in {}", z.name)
            }
            Rule::Tz(z) if matches!(scalar, Schema::Struct(_)) => format!("its times in {}", z.name),
            Rule::Tz(_) => continue,
            Rule::NoOverlap { start, end, by: None } => format!("windows `{start}`..`{end}` never overlap"),
            Rule::NoOverlap { start, end, by: Some(b) } => {
                format!("windows `{start}`..`{end}` never overlap for equal `{b}`")
            }
        };
        out.push(text);
    }
    out
}

/// The schema inside lists, maps and options: where `range`, `url` and `one_of` apply.
pub(crate) fn innermost(s: &'static Schema) -> &'static Schema {
    match unwrap_opt(s) {
        Schema::Seq(i) | Schema::Map(i) => innermost(i.get()),
        other => other,
    }
}

/// The integers a field accepts: its type's bounds narrowed by its `range`, within a
/// TOML integer.
pub(crate) fn int_bounds(min: i128, max: i128, rules: &[Rule]) -> (i128, i128) {
    let (mut lo, mut hi) = (min.max(i128::from(i64::MIN)), max.min(i128::from(i64::MAX)));
    for r in rules {
        if let Rule::Range { min, max } = r {
            if let Some(m) = min {
                lo = lo.max(ceil(*m));
            }
            if let Some(m) = max {
                hi = hi.min(floor(*m));
            }
        }
    }
    (lo, hi)
}

fn ceil(n: Num) -> i128 {
    match n {
        Num::Int(i) => i,
        Num::Float(f) => f.ceil() as i128,
    }
}

fn floor(n: Num) -> i128 {
    match n {
        Num::Int(i) => i,
        Num::Float(f) => f.floor() as i128,
    }
}

fn num(n: Num) -> String {
    match n {
        Num::Int(i) => i.to_string(),
        Num::Float(f) => format!("{f:?}"),
    }
}

fn between(lo: String, hi: String, has_lo: bool, has_hi: bool) -> String {
    match (has_lo, has_hi) {
        (true, true) if lo == hi => format!("exactly {lo}"),
        (true, true) => format!("{lo} to {hi}"),
        (true, false) => format!("at least {lo}"),
        (false, true) => format!("at most {hi}"),
        (false, false) => String::new(),
    }
}

/// `4 MiB`, `256 KiB`, `300 bytes`.
fn bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

fn url(o: &UrlOptions) -> String {
    if o.relative {
        return "a link on this site: `/path`".into();
    }
    let scheme = if o.https { "https://" } else { "http(s)://" };
    if o.hosts.is_empty() {
        format!("a link: `/path` or `{scheme}…`")
    } else {
        format!("a link: `/path` or `{scheme}` to {}", quoted(o.hosts))
    }
}

/// The doc comment of the table or enum type a field holds, named (`` `Promotion`: A
/// time-limited discount. ``), and what each variant of an enum is for, as a list; `""`
/// when there is none.
pub(crate) fn type_doc(f: &Field) -> String {
    let mut s = String::new();
    match innermost(f.ty.get()) {
        Schema::Struct(st) if !st.doc.is_empty() => s = format!("`{}`: {}", st.name, st.doc),
        Schema::Enum { name, doc, variants, variant_docs } => {
            if !doc.is_empty() {
                s = format!("`{name}`: {doc}");
            }
            if variant_docs.iter().any(|d| !d.is_empty()) {
                for (v, d) in variants.iter().zip(variant_docs.iter()) {
                    s.push_str(if s.is_empty() || s.ends_with('\n') { "" } else { "\n\n" });
                    let d = first_paragraph(d);
                    s.push_str(&format!("- `{v}`{}{d}\n", if d.is_empty() { "" } else { ": " }));
                }
                s.pop();
            }
        }
        _ => {}
    }
    s
}

/// The first paragraph of a doc comment on one line (for notes under findings).
pub(crate) fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n").next().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
