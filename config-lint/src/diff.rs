//! `diff OLD NEW` / `diff --against <git-rev> FILE`: what an edit costs. For the document,
//! each top-level field and each branch of each tree list (a menu; see
//! [`breakdown::is_tree_list`]): compact JSON and gzip size, depth
//! and node count, old → new with the growth factor; items of `unique = "key"` lists
//! (promotions) added, removed or changed, by key; and the budgets the new version
//! crosses (the checker's `max-depth`, `max-nodes`, `max-json-bytes` findings).
//!
//! Exit 1 when the document, or a top-level field of at least [`MIN_JUDGED`] bytes,
//! grows by more than `--max-growth` (default 2×), or when the new version crosses a
//! budget; 0 otherwise; 2 for usage, I/O and git errors.

use super::args::{DiffArgs, ReportFormat};
use super::breakdown::{self, Node, item_name, unique_key};
use super::error::LintError;
use super::measure::{GZIP_LEVEL, Size, human_bytes, write_json};
use super::{RunContext, git, input};
use config_core::check_str::{check_parsed, parse};
use config_core::diag::shown;
use config_core::schema::unwrap_opt;
use config_core::{Diagnostic, Diagnostics, RuleId, Schema, SchemaRef};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use toml::de::{DeTable, DeValue};

/// Top-level fields smaller than this (in the new version) are not judged for growth:
/// a 40-byte value may well double.
pub(crate) const MIN_JUDGED: u64 = 1024;

/// Budget findings listed one by one before "… and N more".
const SHOWN: usize = 5;

/// One compared row.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Row {
    pub name: String,
    pub path: String,
    /// 0 the document, 1 a top-level field, 2 a branch of a tree list.
    pub level: u8,
    pub old: Option<Size>,
    pub new: Option<Size>,
}

impl Row {
    /// new / old JSON size.
    pub fn factor(&self) -> Option<f64> {
        match (self.old, self.new) {
            (Some(o), Some(n)) if o.json > 0 => Some(n.json as f64 / o.json as f64),
            _ => None,
        }
    }
}

/// Items of one `unique = "key"` list.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct ListDiff {
    pub field: String,
    pub key: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Item key and the fields that changed.
    pub changed: Vec<(String, Vec<String>)>,
}

/// The whole comparison.
#[derive(Debug)]
pub(crate) struct DiffReport {
    pub old: String,
    pub new: String,
    pub rows: Vec<Row>,
    pub lists: Vec<ListDiff>,
    /// Budget findings of the new version, and how many the old one had.
    pub budgets: Option<(Diagnostics, usize)>,
    /// Rows grown past the limit: (path, factor).
    pub growth: Vec<(String, f64)>,
    pub max_growth: f64,
}

impl DiffReport {
    pub fn failed(&self) -> bool {
        !self.growth.is_empty() || self.budgets.as_ref().is_some_and(|(d, _)| !d.is_empty())
    }
}

pub(crate) fn run(args: &DiffArgs, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    if !(args.max_growth.is_finite() && args.max_growth > 0.0) {
        return Err(LintError::BadValue {
            flag: "--max-growth",
            message: "must be a factor above 0, like 2 or 1.5".into(),
        });
    }
    let (old, new) = match (&args.against, args.files.as_slice()) {
        (Some(rev), [file]) => (git::show(rev, file)?, input::read(file)?),
        (None, [a, b]) => (input::read(a)?, input::read(b)?),
        (Some(_), _) => {
            return Err(LintError::BadValue {
                flag: "--against",
                message: "give exactly one FILE with `--against`".into(),
            });
        }
        (None, _) => {
            return Err(LintError::BadValue {
                flag: "FILE",
                message: "give OLD and NEW, or `--against REV FILE`".into(),
            });
        }
    };
    for src in [&old, &new] {
        if let Some(d) = &src.not_utf8 {
            return ctx.syntax_failure(&src.name, &src.text, d.clone(), out);
        }
    }
    let report = match diff_texts(
        (&old.name, &old.text),
        (&new.name, &new.text),
        ctx.schema_opt()?,
        args.max_growth,
    ) {
        Ok(r) => r,
        Err(d) => return ctx.findings(&d, out),
    };
    match args.format {
        ReportFormat::Human => out.write_all(render(&report).as_bytes())?,
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &to_json(&report)).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    Ok(u8::from(report.failed()))
}

/// Compares two texts (`(name, text)` each) and checks the new one's budgets against
/// `schema`. `Err` holds the syntax finding of a text that does not parse.
pub(crate) fn diff_texts(
    old: (&str, &str),
    new: (&str, &str),
    schema: Option<SchemaRef>,
    max_growth: f64,
) -> Result<DiffReport, Diagnostics> {
    let old_doc = parse(old.0, old.1)?;
    let new_doc = parse(new.0, new.1)?;
    let mut report = compare(old.0, old_doc.get_ref(), new.0, new_doc.get_ref(), schema, max_growth);
    if let Some(s) = schema {
        let budget = |mut d: Diagnostics| {
            d.items.retain(|x| matches!(x.rule, RuleId::MaxDepth | RuleId::MaxNodes | RuleId::MaxJsonBytes));
            d
        };
        let old_n = budget(check_parsed(old.0, old.1, &old_doc, s)).len();
        report.budgets = Some((budget(check_parsed(new.0, new.1, &new_doc, s)), old_n));
    }
    Ok(report)
}

/// Compares two parsed documents (budgets are filled in by [`diff_texts`]).
pub(crate) fn compare(
    old_name: &str,
    old: &DeTable<'_>,
    new_name: &str,
    new: &DeTable<'_>,
    schema: Option<SchemaRef>,
    max_growth: f64,
) -> DiffReport {
    let root = schema.map(|s| s.get());
    let (a, b) = (breakdown::tree(old, root, 2), breakdown::tree(new, root, 2));
    let mut rows = vec![Row {
        name: a.name.clone(),
        path: String::new(),
        level: 0,
        old: Some(a.size),
        new: Some(b.size),
    }];
    for (name, key, fa, fb) in pair(&a.children, &b.children) {
        let path = fa.or(fb).map(|n| n.path.clone()).unwrap_or_default();
        rows.push(Row { name, path, level: 1, old: fa.map(|n| n.size), new: fb.map(|n| n.size) });
        let tree = |doc: &DeTable<'_>| {
            doc.get(key.as_str()).is_some_and(|v| breakdown::is_tree_list(&key, v.get_ref(), root))
        };
        if tree(old) || tree(new) {
            let none: Vec<Node> = Vec::new();
            let (ca, cb) = (fa.map_or(&none, |n| &n.children), fb.map_or(&none, |n| &n.children));
            for (name, _, ba, bb) in pair(ca, cb) {
                let path = ba.or(bb).map(|n| n.path.clone()).unwrap_or_default();
                rows.push(Row { name, path, level: 2, old: ba.map(|n| n.size), new: bb.map(|n| n.size) });
            }
        }
    }
    let growth = rows
        .iter()
        .filter(|r| r.level == 0 || (r.level == 1 && r.new.is_some_and(|n| n.json >= MIN_JUDGED)))
        .filter_map(|r| r.factor().filter(|f| *f > max_growth).map(|f| (display_path(r), f)))
        .collect();
    DiffReport {
        old: config_core::diag::printable(old_name).into_owned(),
        new: config_core::diag::printable(new_name).into_owned(),
        rows,
        lists: lists(old, new, root),
        budgets: None,
        growth,
        max_growth,
    }
}

pub(crate) fn display_path(r: &Row) -> String {
    if r.path.is_empty() { "(document)".to_owned() } else { r.path.clone() }
}

/// A pair of nodes: (display name, name as written, old, new).
type Paired<'a> = (String, String, Option<&'a Node>, Option<&'a Node>);

/// Pairs nodes by their name as written (the n-th of a repeated name with the n-th), old
/// order first.
fn pair<'a>(a: &'a [Node], b: &'a [Node]) -> Vec<Paired<'a>> {
    let keyed = |v: &'a [Node]| {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        v.iter()
            .map(|n| {
                let k = seen.entry(n.raw.as_str()).or_default();
                *k += 1;
                ((n.raw.clone(), *k), n)
            })
            .collect::<Vec<_>>()
    };
    let (ka, kb) = (keyed(a), keyed(b));
    let in_b: BTreeMap<_, _> = kb.iter().map(|(k, n)| (k.clone(), *n)).collect();
    let in_a: BTreeSet<_> = ka.iter().map(|(k, _)| k.clone()).collect();
    let mut out: Vec<_> =
        ka.iter().map(|(k, n)| (n.name.clone(), k.0.clone(), Some(*n), in_b.get(k).copied())).collect();
    out.extend(
        kb.iter()
            .filter(|(k, _)| !in_a.contains(k))
            .map(|(k, n)| (n.name.clone(), k.0.clone(), None, Some(*n))),
    );
    out
}

/// `unique = "key"` lists among the top-level fields (by the schema; without one, lists
/// of tables that all have a string `id`).
fn lists(old: &DeTable<'_>, new: &DeTable<'_>, root: Option<&'static Schema>) -> Vec<ListDiff> {
    let st = match root.map(unwrap_opt) {
        Some(Schema::Struct(st)) => Some(st),
        _ => None,
    };
    let mut keys: Vec<(String, &'static str)> = Vec::new();
    match st {
        Some(st) => {
            for f in st.fields {
                if let Some(k) = unique_key(f.rules) {
                    keys.push((f.key.to_owned(), k));
                }
            }
        }
        None => {
            for (k, v) in new.iter() {
                let all_ids = matches!(v.get_ref(), DeValue::Array(a) if !a.is_empty() && a.iter().all(|x| matches!(x.get_ref(), DeValue::Table(t) if matches!(t.get("id").map(|i| i.get_ref()), Some(DeValue::String(_))))));
                if all_ids {
                    keys.push((k.get_ref().to_string(), "id"));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (field, key) in keys {
        let items = |doc: &DeTable<'_>| -> Vec<(String, BTreeMap<String, String>)> {
            let Some(DeValue::Array(a)) = doc.get(field.as_str()).map(|v| v.get_ref()) else {
                return Vec::new();
            };
            a.iter()
                .filter_map(|x| {
                    let name = item_name(x.get_ref(), Some(key), None)?;
                    let DeValue::Table(t) = x.get_ref() else { return None };
                    let fields = t
                        .iter()
                        .map(|(k, v)| {
                            let mut s = String::new();
                            write_json(v.get_ref(), &mut s);
                            (k.get_ref().to_string(), s)
                        })
                        .collect();
                    Some((name, fields))
                })
                .collect()
        };
        let (a, b) = (items(old), items(new));
        let in_a: BTreeMap<&str, &BTreeMap<String, String>> =
            a.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let in_b: BTreeMap<&str, &BTreeMap<String, String>> =
            b.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let mut d = ListDiff {
            field: config_core::diag::shown(&field).into_owned(),
            key: key.to_owned(),
            ..ListDiff::default()
        };
        for (k, fa) in &a {
            match in_b.get(k.as_str()) {
                None => d.removed.push(shown(k).into_owned()),
                Some(fb) => {
                    let names: BTreeSet<&String> = fa.keys().chain(fb.keys()).collect();
                    let changed: Vec<String> = names
                        .into_iter()
                        .filter(|n| fa.get(*n) != fb.get(*n))
                        .map(|n| shown(n).into_owned())
                        .collect();
                    if !changed.is_empty() {
                        d.changed.push((shown(k).into_owned(), changed));
                    }
                }
            }
        }
        d.added = b
            .iter()
            .filter(|(k, _)| !in_a.contains_key(k.as_str()))
            .map(|(k, _)| shown(k).into_owned())
            .collect();
        if !a.is_empty() || !b.is_empty() {
            out.push(d);
        }
    }
    out
}

pub(crate) fn factor_text(r: &Row) -> String {
    match (r.old, r.new) {
        (None, Some(_)) => "added".into(),
        (Some(_), None) => "removed".into(),
        (Some(o), Some(n)) => {
            let delta = n.json as i128 - o.json as i128;
            let sign = if delta < 0 { "-" } else { "+" };
            let d = human_bytes(delta.unsigned_abs() as u64);
            match r.factor() {
                Some(f) if delta == 0 => format!("×{f:.2}"),
                Some(f) => format!("×{f:.2} {sign}{d}"),
                None => format!("new {sign}{d}"),
            }
        }
        (None, None) => String::new(),
    }
}

pub(crate) fn pair_text<T: ToString + PartialEq>(a: Option<T>, b: Option<T>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{} → {}", a.to_string(), b.to_string()),
        (Some(a), None) => format!("{} → —", a.to_string()),
        (None, Some(b)) => format!("— → {}", b.to_string()),
        (None, None) => String::new(),
    }
}

/// The human report.
pub(crate) fn render(r: &DiffReport) -> String {
    let mut out = format!("diff {} → {} (compact JSON; gzip level {GZIP_LEVEL})\n\n", r.old, r.new);
    let header = ["", "JSON", "change", "gzip", "depth", "nodes"].map(str::to_owned);
    let mut cells: Vec<[String; 6]> = vec![header];
    let levels: Vec<u8> = r.rows.iter().map(|x| x.level).collect();
    for (i, row) in r.rows.iter().enumerate() {
        let last_here = !levels[i + 1..].iter().take_while(|l| **l >= row.level).any(|l| *l == row.level);
        let field_last = !levels[i + 1..].contains(&1);
        let name = match row.level {
            0 => row.name.clone(),
            1 => format!("{}{}", if last_here { "└─ " } else { "├─ " }, row.name),
            _ => format!(
                "{}{}{}",
                if field_last { "   " } else { "│  " },
                if last_here { "└─ " } else { "├─ " },
                row.name
            ),
        };
        cells.push([
            name,
            pair_text(row.old.map(|s| human_bytes(s.json)), row.new.map(|s| human_bytes(s.json))),
            factor_text(row),
            pair_text(row.old.map(|s| human_bytes(s.gzip)), row.new.map(|s| human_bytes(s.gzip))),
            pair_text(row.old.map(|s| s.depth), row.new.map(|s| s.depth)),
            pair_text(row.old.map(|s| s.nodes), row.new.map(|s| s.nodes)),
        ]);
    }
    let mut w = [0usize; 6];
    for c in &cells {
        for (i, x) in c.iter().enumerate() {
            w[i] = w[i].max(x.chars().count());
        }
    }
    for c in &cells {
        let line = format!(
            "{:<w0$}  {:>w1$}  {:<w2$}  {:>w3$}  {:>w4$}  {:>w5$}",
            c[0],
            c[1],
            c[2],
            c[3],
            c[4],
            c[5],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3],
            w4 = w[4],
            w5 = w[5]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for l in &r.lists {
        out.push_str(&format!(
            "\n{} by `{}`: {} added, {} removed, {} changed\n",
            l.field,
            l.key,
            l.added.len(),
            l.removed.len(),
            l.changed.len()
        ));
        for a in &l.added {
            out.push_str(&format!("  + {a}\n"));
        }
        for a in &l.removed {
            out.push_str(&format!("  - {a}\n"));
        }
        for (a, fields) in &l.changed {
            out.push_str(&format!("  ~ {a}: {}\n", fields.join(", ")));
        }
    }
    match &r.budgets {
        None => out.push_str("\nbudgets: not checked (no schema; pass `--schema FILE`)\n"),
        Some((d, old_n)) if d.is_empty() => {
            out.push_str(&format!("\nbudgets: all kept (old version: {old_n} over)\n"))
        }
        Some((d, old_n)) => {
            out.push_str(&format!(
                "\nbudgets crossed: {} finding(s) in the new version (old version: {old_n})\n",
                d.len()
            ));
            for x in d.items.iter().take(SHOWN) {
                out.push_str(&format!("  {}\n", d.line_of(x)));
            }
            if d.len() > SHOWN {
                out.push_str(&format!("  … and {} more (`check` lists them all)\n", d.len() - SHOWN));
            }
        }
    }
    for (path, f) in &r.growth {
        out.push_str(&format!("\ngrowth: {path} grew ×{f:.2}, more than --max-growth ×{:.2}", r.max_growth));
    }
    if !r.growth.is_empty() {
        out.push('\n');
    }
    let doc = r.rows.first().and_then(Row::factor).map_or_else(|| "—".to_owned(), |f| format!("×{f:.2}"));
    let crossed = r.budgets.as_ref().map_or(0, |(d, _)| d.len());
    out.push_str(&format!(
        "\n{}: document JSON {doc} (limit ×{:.2}), {} budget finding{}\n",
        if r.failed() { "failed" } else { "ok" },
        r.max_growth,
        crossed,
        if crossed == 1 { "" } else { "s" }
    ));
    out
}

fn diag_json(d: &Diagnostics, x: &Diagnostic) -> serde_json::Value {
    json!({
        "file": config_core::diag::printable(&d.file), "rule": x.rule.id(), "line": x.line, "col": x.col,
        "path": x.path, "message": x.message,
    })
}

/// The report as JSON.
pub(crate) fn to_json(r: &DiffReport) -> serde_json::Value {
    let rows: Vec<_> = r
        .rows
        .iter()
        .map(|x| {
            json!({
                "name": x.name, "path": x.path, "level": x.level,
                "old": x.old, "new": x.new, "json_factor": x.factor(),
            })
        })
        .collect();
    let budgets = r.budgets.as_ref().map(|(d, old_n)| {
        json!({
            "new": d.items.iter().map(|x| diag_json(d, x)).collect::<Vec<_>>(),
            "old_count": old_n,
        })
    });
    json!({
        "old": r.old,
        "new": r.new,
        "gzip_level": GZIP_LEVEL,
        "rows": rows,
        "lists": r.lists,
        "budgets": budgets,
        "growth": r.growth.iter().map(|(p, f)| json!({ "path": p, "factor": f })).collect::<Vec<_>>(),
        "max_growth": r.max_growth,
        "failed": r.failed(),
    })
}

#[cfg(test)]
mod tests;
