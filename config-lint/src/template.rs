//! `template`: a commented TOML skeleton of the schema, to start a new file from. Each key
//! comes with its doc comment and its kind and rules (`describe`) as `# ` lines, then an
//! example value: a placeholder of the right type that passes the rules where a generic
//! value can (a number inside the range, a string of valid length, the first allowed
//! name, a relative link for `url`, an RFC 3339 datetime with offset where one is needed,
//! a later datetime for the key another one must be `before`).
//!
//! A list of tables is one `[[x]]` entry (as many as `len(min = ...)` asks for, up to 10), a map one
//! entry named `example`. A recursive type is written one level deep: the key that would
//! nest it again is a comment. Keys are written in field order, the plain values of a
//! table before its sub-tables (as TOML requires). What a placeholder cannot know, such as
//! `unique` across files or a custom `Deserialize`, is left to `check`.

use super::describe;
use chrono::{Duration, NaiveDate, NaiveTime};
use config_core::datetime::DtKind;
use config_core::schema::unwrap_opt;
use config_core::{Field, Rule, Schema, SchemaRef, StructSchema};
use std::fmt::Write as _;

/// The whole skeleton.
pub(crate) fn template(root: SchemaRef, app: &str) -> String {
    let mut w = Writer { out: String::new(), stack: Vec::new(), after_header: false, zoned: false };
    let root = unwrap_opt(root.get());
    let name = match root {
        Schema::Struct(st) => format!("the `{}` config", st.name),
        _ => "the config".to_owned(),
    };
    w.comment(&format!(
        "A template of {name}, written by `{app} template`: every key with its doc comment, \
         its kind and its rules. The values are examples that pass the rules: replace them, and \
         delete the optional keys you do not need. `{app} check FILE` checks the result."
    ));
    match root {
        Schema::Struct(st) => {
            if !st.doc.is_empty() {
                w.out.push_str("#\n");
                w.comment(st.doc);
            }
            w.stack.push(st.id);
            w.table(st, &[], 0);
        }
        other => {
            w.comment(&format!(
                "The schema's root is a {}, not a table: no TOML file holds it.",
                describe::kind(other)
            ));
        }
    }
    w.out
}

struct Writer {
    out: String,
    /// Ids of the structs being written, outermost first (recursion stops at these).
    stack: Vec<&'static str>,
    /// The last line written is a table header.
    after_header: bool,
    /// A zone (`tz`) is in force for the table being written: instants are written as
    /// local times, which every zone reads.
    zoned: bool,
}

/// Does a field's own rules put a zone in force?
fn has_tz(rules: &[Rule]) -> bool {
    rules.iter().any(|r| matches!(r, Rule::Tz(_)))
}

/// How a field is written.
enum Shape {
    /// `key = value`.
    Inline,
    /// `[key]` (a struct) or, for a map of tables, `[key.example]`.
    Table(&'static StructSchema, bool),
    /// `[[key]]` entries.
    Array(&'static StructSchema),
    /// A map of plain values: `[key]` then `example = value`.
    MapOfValues(&'static Schema),
    /// Its table type is being written already: a comment.
    Recursive(&'static StructSchema),
}

impl Writer {
    fn comment(&mut self, text: &str) {
        for line in wrap(text, 88) {
            if line.is_empty() {
                self.out.push_str("#\n");
            } else {
                let _ = writeln!(self.out, "# {line}");
            }
        }
    }

    fn shape(&self, f: &'static Field) -> Shape {
        let s = unwrap_opt(f.ty.get());
        let (table, shape) = match s {
            Schema::Struct(st) => (st, Shape::Table(st, false)),
            Schema::Seq(i) => match unwrap_opt(i.get()) {
                Schema::Struct(st) => (st, Shape::Array(st)),
                _ => return Shape::Inline,
            },
            Schema::Map(i) => match unwrap_opt(i.get()) {
                Schema::Struct(st) => (st, Shape::Table(st, true)),
                Schema::Seq(_) | Schema::Map(_) => return Shape::Inline,
                v => return Shape::MapOfValues(v),
            },
            _ => return Shape::Inline,
        };
        if self.stack.contains(&table.id) { Shape::Recursive(table) } else { shape }
    }

    /// The keys of one table: its plain values first, then its sub-tables.
    fn table(&mut self, st: &'static StructSchema, path: &[&str], index: usize) {
        let ranks = ranks(st);
        let mut later = Vec::new();
        for (f, rank) in st.fields.iter().zip(&ranks) {
            match self.shape(f) {
                Shape::Inline => {
                    self.about(f, false);
                    let v = value(f.ty.get(), f.rules, true, *rank, index, 0, self.zoned || has_tz(f.rules));
                    let _ = writeln!(self.out, "{} = {v}", key(f.key));
                }
                Shape::Recursive(t) => {
                    self.about(f, true);
                    let s = unwrap_opt(f.ty.get());
                    if f.required {
                        let empty = if matches!(s, Schema::Seq(_)) { "[]" } else { "{}" };
                        let _ = writeln!(self.out, "{} = {empty}", key(f.key));
                    }
                    let mut keys: Vec<&str> = path.to_vec();
                    keys.push(f.key);
                    let hdr = match s {
                        Schema::Seq(_) => format!("[[{}]]", dotted(&keys)),
                        Schema::Map(_) => format!("[{}.<name>]", dotted(&keys)),
                        _ => format!("[{}]", dotted(&keys)),
                    };
                    let what = format!("more `{}` entries with the keys of this one", t.name);
                    let _ = writeln!(self.out, "# ({hdr}: {what}; not expanded here)");
                }
                shape => later.push((f, shape)),
            }
        }
        for (f, shape) in later {
            let mut keys = path.to_vec();
            keys.push(f.key);
            match shape {
                Shape::Table(t, in_map) => {
                    self.about(f, false);
                    if in_map {
                        keys.push("example");
                    }
                    self.header("[", &keys, "]");
                    self.nested(t, &keys, index, has_tz(f.rules));
                }
                Shape::Array(t) => {
                    self.about(f, false);
                    for i in 0..count(f.rules, 1) {
                        if i > 0 {
                            self.out.push('\n');
                        }
                        self.header("[[", &keys, "]]");
                        self.nested(t, &keys, i, has_tz(f.rules));
                    }
                }
                Shape::MapOfValues(v) => {
                    self.about(f, false);
                    self.header("[", &keys, "]");
                    self.after_header = false;
                    let _ = writeln!(
                        self.out,
                        "example = {}",
                        value(v, f.rules, false, 0, index, 0, self.zoned || has_tz(f.rules))
                    );
                }
                Shape::Inline | Shape::Recursive(_) => {}
            }
        }
    }

    fn nested(&mut self, t: &'static StructSchema, path: &[&str], index: usize, tz: bool) {
        let zoned = self.zoned;
        self.zoned |= tz;
        self.stack.push(t.id);
        self.table(t, path, index);
        self.stack.pop();
        self.zoned = zoned;
    }

    /// The comment lines above a key (after a blank line, unless right below a table
    /// header): its doc, the doc of the type it holds (unless `again`: written above), its
    /// kind and rules; a paragraph of several lines set apart by a `#` line.
    fn about(&mut self, f: &'static Field, again: bool) {
        if !self.after_header {
            self.out.push('\n');
        }
        self.after_header = false;
        let type_doc = if again { String::new() } else { describe::type_doc(f) };
        let groups = [f.doc, &type_doc, &describe::summary(f)];
        let mut prev: Option<&str> = None;
        for g in groups.into_iter().filter(|g| !g.is_empty()) {
            if prev.is_some_and(|p| p.contains('\n') || g.contains('\n')) {
                self.out.push_str("#\n");
            }
            self.comment(g);
            prev = Some(g);
        }
    }

    /// `[x]` or `[[x]]`.
    fn header(&mut self, open: &str, keys: &[&str], close: &str) {
        let _ = writeln!(self.out, "{open}{}{close}", dotted(keys));
        self.after_header = true;
    }
}

/// Keys as a TOML dotted key (`menu.children`).
fn dotted(keys: &[&str]) -> String {
    keys.iter().map(|k| key(k)).collect::<Vec<_>>().join(".")
}

/// Each field's place in its struct's `before` order: 0 for a value nothing must be
/// before, else one more than the fields that must be before it.
fn ranks(st: &StructSchema) -> Vec<i64> {
    fn rank(st: &StructSchema, i: usize, depth: usize) -> i64 {
        if depth > st.fields.len() {
            return 0;
        }
        let key = st.fields[i].key;
        let before = |f: &Field| f.rules.iter().any(|r| matches!(r, Rule::Before(o) if *o == key));
        (0..st.fields.len())
            .filter(|&j| before(&st.fields[j]))
            .map(|j| 1 + rank(st, j, depth + 1))
            .max()
            .unwrap_or(0)
    }
    (0..st.fields.len()).map(|i| rank(st, i, 0)).collect()
}

/// An example value of `s`, inline. `rules` are the field's; `outer`: `s` is the field's
/// own value (where `len` applies); `step` shifts numbers and datetimes (for `before`) and
/// `index` tells list items apart; `depth` counts nested inline values (a required
/// recursive key inside an inline table stops there, empty).
fn value(
    s: &'static Schema,
    rules: &'static [Rule],
    outer: bool,
    step: i64,
    index: usize,
    depth: u8,
    zoned: bool,
) -> String {
    let shift = step + i64::try_from(index).unwrap_or(0);
    if depth > 4 {
        return if matches!(unwrap_opt(s), Schema::Seq(_)) { "[]".into() } else { "{}".into() };
    }
    match unwrap_opt(s) {
        Schema::Bool => "false".into(),
        Schema::Int { min, max, .. } => {
            let (lo, hi) = describe::int_bounds(*min, *max, rules);
            (0i128.clamp(lo, hi.max(lo)) + i128::from(shift)).min(hi).to_string()
        }
        Schema::Float { .. } => {
            let (mut lo, mut hi) = (f64::MIN, f64::MAX);
            for r in rules {
                if let Rule::Range { min, max } = r {
                    lo = min.map_or(lo, |m| m.as_f64());
                    hi = max.map_or(hi, |m| m.as_f64());
                }
            }
            format!("{:?}", (0f64.clamp(lo, hi.max(lo)) + shift as f64).min(hi))
        }
        Schema::Str => string(rules, outer, index),
        Schema::DateTime { kind, .. } => datetime(*kind, shift, zoned),
        Schema::Enum { variants, .. } => quote(variants.first().copied().unwrap_or_default()),
        Schema::Seq(i) => {
            let n = if outer { count(rules, 1) } else { 1 };
            let items: Vec<String> =
                (0..n).map(|k| value(i.get(), rules, false, step, k, depth + 1, zoned)).collect();
            format!("[{}]", items.join(", "))
        }
        Schema::Map(i) => {
            if outer && count(rules, 1) == 0 {
                return "{}".into();
            }
            format!("{{ example = {} }}", value(i.get(), rules, false, step, index, depth + 1, zoned))
        }
        Schema::Struct(st) => {
            let ranks = ranks(st);
            let keys: Vec<String> = st
                .fields
                .iter()
                .zip(ranks)
                .filter(|(f, _)| f.required)
                .map(|(f, r)| {
                    format!(
                        "{} = {}",
                        key(f.key),
                        value(f.ty.get(), f.rules, true, r, index, depth + 1, zoned || has_tz(f.rules))
                    )
                })
                .collect();
            if keys.is_empty() { "{}".into() } else { format!("{{ {} }}", keys.join(", ")) }
        }
        Schema::Opt(_) => "{}".into(),
    }
}

/// Items or entries a `len` rule asks for: its minimum (at most 10, to keep the skeleton
/// short), else `default`, never above its maximum.
fn count(rules: &[Rule], default: usize) -> usize {
    let mut n = default;
    for r in rules {
        if let Rule::Len { min, max } = r {
            n = min.map_or(default, |m| usize::try_from(m).unwrap_or(default).min(10));
            if let Some(m) = max {
                n = n.min(usize::try_from(*m).unwrap_or(n));
            }
        }
    }
    n
}

fn string(rules: &[Rule], outer: bool, index: usize) -> String {
    let mut s = "example".to_owned();
    for r in rules {
        match r {
            Rule::OneOf(v) if !v.is_empty() => return quote(v[index % v.len()]),
            Rule::Url(_) => s = "/example".into(),
            _ => {}
        }
    }
    if index > 0 {
        s.push_str(&format!("-{}", index + 1));
    }
    if outer {
        for r in rules {
            if let Rule::Len { min, max } = r {
                let min = min.map_or(0, |m| usize::try_from(m).unwrap_or(0));
                while s.chars().count() < min {
                    s.push('x');
                }
                if let Some(m) = max {
                    s = s.chars().take(usize::try_from(*m).unwrap_or(usize::MAX)).collect();
                }
            }
        }
    }
    quote(&s)
}

/// 2026-01-01 09:00, `shift` days (hours for a time of day) later, as a TOML literal.
fn datetime(kind: DtKind, shift: i64, zoned: bool) -> String {
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default() + Duration::days(shift.clamp(0, 3650));
    let time = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    match kind {
        DtKind::Offset if zoned => format!("{}T09:00:00", day.format("%Y-%m-%d")),
        DtKind::Offset => format!("{}T09:00:00+01:00", day.format("%Y-%m-%d")),
        DtKind::Local => format!("{}T09:00:00", day.format("%Y-%m-%d")),
        DtKind::Date => day.format("%Y-%m-%d").to_string(),
        DtKind::Time => (time + Duration::hours(shift.clamp(0, 14))).format("%H:%M:%S").to_string(),
    }
}

/// A key as TOML writes it: bare when it can be, else a basic string.
fn key(k: &str) -> String {
    if config_core::keypath::is_bare_key(k) { k.to_owned() } else { quote(k) }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Word-wraps each line of `text` to `width` columns (a blank line stays blank).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests;
