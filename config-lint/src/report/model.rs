//! What the report page shows, gathered from the linter's own models before any HTML is
//! written: the findings of `lint_text` (the `check` pipeline), the size breakdown of
//! `breakdown` (the one `stats` and `diff` read: [`breakdown::tree`] for the document and
//! its top-level fields, [`breakdown::branches`] for each tree list), the budgets the
//! schema declares on top-level fields, and `diff`'s comparison
//! ([`diff::diff_texts`]) when an old version is given. Nothing here measures or
//! compares on its own, so the page agrees with `check`, `stats` and `diff`.
//!
//! A finding carries the doc comment of the field it is about (the first paragraph, as
//! the human format's note has it). The timeline is the `timeline` command's model
//! (`timeline::model::build`, over the same parsed document, judged at the same `--now`,
//! days in the zone in force at the items), so the page and `timeline` draw the same bars.

use crate::breakdown::{self, Branches, Node};
use crate::check::{DeserializeFn, LintOptions, lint_text_seeing};
use crate::diff::{self, DiffReport};
use crate::formats::CheckTotals;
use crate::input::InputFile;
use crate::measure::Size;
use crate::timeline::model::{self as timeline, Timeline};
use crate::windows::nanos;
use chrono::{DateTime, FixedOffset};
use config_core::schema::unwrap_opt;
use config_core::{Diagnostic, Diagnostics, Rule, RuleId, Schema, SchemaRef, Severity};
use toml::de::DeTable;

/// Findings listed one by one; the counts by rule always count all of them.
pub(crate) const LISTED_FINDINGS: usize = 1000;

/// Menu items sized and drawn, over all levels of one tree (a real menu has far fewer;
/// the 3 MB benchmark menu has more, and its page must stay small and fast).
pub(crate) const LISTED_BRANCHES: usize = 5000;

/// Growth factor past which the "what changed" section flags a field (as `diff`'s
/// default `--max-growth`); informative only, the page's exit code is `check`'s.
pub(crate) const GROWTH_FLAGGED: f64 = 2.0;

/// How one report is judged: the settings `check` takes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Judging {
    pub linter: &'static str,
    pub schema: SchemaRef,
    pub deserialize: Option<DeserializeFn>,
    pub now: DateTime<FixedOffset>,
    pub deny_warnings: bool,
}

/// Everything the page shows.
#[derive(Debug)]
pub(crate) struct Report {
    /// The file as named on the command line.
    pub file: String,
    pub linter: &'static str,
    /// The moment the findings were judged at (RFC 3339).
    pub judged_at: String,
    pub toml_bytes: usize,
    pub totals: CheckTotals,
    /// Every finding, in file order, with the source for code frames.
    pub findings: Diagnostics,
    /// The first [`LISTED_FINDINGS`] findings with what the page shows of each.
    pub listed: Vec<Finding>,
    /// (rule, level, findings), in the registry's order.
    pub by_rule: Vec<(RuleId, Severity, usize)>,
    /// The document and its top-level fields; `None` when the file does not parse.
    pub document: Option<Node>,
    pub menus: Vec<Menu>,
    pub budgets: Vec<Budget>,
    /// The windowed items on a time axis; `None` when the file does not parse.
    pub timeline: Option<Timeline>,
    pub changes: Option<Changes>,
}

impl Report {
    /// Does the file pass, as `check` judges it (exit 0)?
    pub fn passed(&self) -> bool {
        !self.totals.failed()
    }
}

/// One listed finding.
#[derive(Debug)]
pub(crate) struct Finding {
    pub item: Diagnostic,
    /// Its plain code frame (`Diagnostics::render`).
    pub frame: String,
    /// "`percent_off`: How much is taken off, in percent." when the field has a doc.
    pub doc: Option<String>,
}

/// One tree list (a menu).
#[derive(Debug)]
pub(crate) struct Menu {
    /// The top-level key.
    pub field: String,
    pub size: Size,
    pub branches: Branches,
}

/// One budget of a top-level field: what the value uses of what its rule allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Budget {
    pub field: String,
    /// `max-json-bytes`, `max-nodes` or `max-depth`.
    pub rule: RuleId,
    pub used: u64,
    pub allowed: u64,
}

impl Budget {
    /// The attribute that declares it.
    pub fn attribute(&self) -> &'static str {
        match self.rule {
            RuleId::MaxJsonBytes => "max_json_bytes",
            RuleId::MaxNodes => "max_nodes",
            _ => "max_depth",
        }
    }
}

/// The comparison with an older version.
#[derive(Debug)]
pub(crate) enum Changes {
    Compared(DiffReport),
    /// One of the two versions does not parse: its finding.
    Unparsed(Diagnostics),
}

/// Gathers the report on `new` (and the comparison with `old`).
pub(crate) fn build(judging: &Judging, new: &InputFile, old: Option<&InputFile>) -> Report {
    let root = judging.schema.get();
    let mut measured = None;
    let mut drawn = None;
    let findings = match &new.not_utf8 {
        Some(bad) => {
            let mut d = Diagnostics::new(new.name.clone(), new.text.clone());
            d.items.push(bad.clone());
            d
        }
        None => {
            let opts = LintOptions { now: judging.now, syntax_only: false };
            let now = nanos(judging.now.timestamp(), judging.now.timestamp_subsec_nanos());
            let days = timeline::Options { from: None, to: None, zone: None, now };
            let see = |doc: &DeTable<'_>| {
                measured = Some(measure(doc, root));
                drawn = Some(timeline::build(&new.text, doc, root, &days));
            };
            lint_text_seeing(&new.name, &new.text, Some(judging.schema), judging.deserialize, &opts, see)
        }
    };
    let totals = CheckTotals::of(std::slice::from_ref(&findings), 1, judging.deny_warnings);
    let (document, menus, budgets) = match measured {
        Some(m) => (Some(m.document), m.menus, m.budgets),
        None => (None, Vec::new(), Vec::new()),
    };
    let changes = old.map(|old| compare(judging, old, new));
    Report {
        file: new.name.clone(),
        linter: judging.linter,
        judged_at: judging.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        toml_bytes: new.text.len(),
        totals,
        listed: listed(&findings, judging.schema),
        by_rule: by_rule(&findings),
        findings,
        document,
        menus,
        budgets,
        timeline: drawn,
        changes,
    }
}

/// The sizes of a parsed document.
struct Measured {
    document: Node,
    menus: Vec<Menu>,
    budgets: Vec<Budget>,
}

/// The document and its top-level fields (`breakdown::tree`) on one thread, the menus'
/// branches (`breakdown::branches`) on another: both are mostly gzip, and the machine
/// that runs the linter has more than one core.
fn measure(doc: &DeTable<'_>, root: &'static Schema) -> Measured {
    let fields = match unwrap_opt(root) {
        Schema::Struct(st) => st.fields,
        _ => &[],
    };
    let field = |key: &str| fields.iter().find(|f| f.matches(key));
    let (document, trees) = std::thread::scope(|s| {
        let document = s.spawn(|| breakdown::tree(doc, Some(root), 1));
        let trees: Vec<(String, Branches)> = doc
            .iter()
            .filter(|(k, v)| breakdown::is_tree_list(k.get_ref(), v.get_ref(), Some(root)))
            .map(|(k, v)| {
                let key: &str = k.get_ref();
                (key.to_owned(), breakdown::branches(key, v.get_ref(), field(key), LISTED_BRANCHES))
            })
            .collect();
        (document.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), trees)
    });
    let size =
        |key: &str| document.children.iter().find(|n| n.name == key).map(|n| n.size).unwrap_or_default();
    let menus =
        trees.into_iter().map(|(field, branches)| Menu { size: size(&field), field, branches }).collect();
    let budgets = doc
        .iter()
        .flat_map(|(k, _)| {
            let key: &str = k.get_ref();
            field(key).into_iter().flat_map(|f| f.rules).filter_map(move |r| budget(key, r, size(key)))
        })
        .collect();
    Measured { document, menus, budgets }
}

fn budget(field: &str, rule: &Rule, size: Size) -> Option<Budget> {
    let (rule, used, allowed) = match *rule {
        Rule::MaxJsonBytes(max) => (RuleId::MaxJsonBytes, size.json, max),
        Rule::MaxNodes(max) => (RuleId::MaxNodes, size.nodes, max),
        Rule::MaxDepth(max) => (RuleId::MaxDepth, u64::from(size.depth), u64::from(max)),
        _ => return None,
    };
    Some(Budget { field: field.to_owned(), rule, used, allowed })
}

fn compare(judging: &Judging, old: &InputFile, new: &InputFile) -> Changes {
    for src in [old, new] {
        if let Some(bad) = &src.not_utf8 {
            let mut d = Diagnostics::new(src.name.clone(), src.text.clone());
            d.items.push(bad.clone());
            return Changes::Unparsed(d);
        }
    }
    match diff::diff_texts(
        (&old.name, &old.text),
        (&new.name, &new.text),
        Some(judging.schema),
        GROWTH_FLAGGED,
    ) {
        Ok(r) => Changes::Compared(r),
        Err(d) => Changes::Unparsed(d),
    }
}

/// The listed findings with their code frames, rendered in one pass over the source
/// (each frame of `Diagnostics::render` ends with a blank line, and none holds one).
fn listed(all: &Diagnostics, schema: SchemaRef) -> Vec<Finding> {
    let first = Diagnostics {
        file: all.file.clone(),
        source: all.source.clone(),
        items: all.items.iter().take(LISTED_FINDINGS).cloned().collect(),
    };
    let text = first.render();
    let frames: Vec<&str> = text.split_terminator("\n\n").collect();
    let framed = frames.len() == first.items.len();
    first
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let frame = if framed {
                frames[i].to_owned()
            } else {
                // not one frame per finding: render this one alone (costs a pass each)
                let one = Diagnostics {
                    file: all.file.clone(),
                    source: all.source.clone(),
                    items: vec![item.clone()],
                };
                one.render().trim_end().to_owned()
            };
            let doc = crate::formats::human::field_doc(schema, &item.path);
            Finding { item: item.clone(), frame, doc }
        })
        .collect()
}

fn by_rule(d: &Diagnostics) -> Vec<(RuleId, Severity, usize)> {
    let mut out: Vec<(RuleId, Severity, usize)> = Vec::new();
    for x in &d.items {
        match out.iter_mut().find(|(r, s, _)| *r == x.rule && *s == x.severity) {
            Some(row) => row.2 += 1,
            None => out.push((x.rule, x.severity, 1)),
        }
    }
    out.sort_by_key(|(r, s, _)| (RuleId::ALL.iter().position(|x| x == r), *s));
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::check::lint_text;
    use config_core::HasSchema;

    mod shop {
        config_tests::shop_types!();
    }

    #[test]
    fn frames_rendered_in_one_pass_are_each_findings_own_frame() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/bad/shop/mixed.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let opts = LintOptions { now: chrono::DateTime::UNIX_EPOCH.fixed_offset(), syntax_only: false };
        let d = lint_text("mixed.toml", &text, Some(shop::Marketing::SCHEMA), None, &opts);
        assert!(d.len() > 10);
        let listed = listed(&d, shop::Marketing::SCHEMA);
        assert_eq!(listed.len(), d.len());
        for (f, item) in listed.iter().zip(&d.items) {
            let one = Diagnostics { items: vec![item.clone()], ..d.clone() };
            assert_eq!(f.frame, one.render().trim_end());
            assert!(f.frame.contains(&format!("[{}]", item.rule.id())));
        }
        // a finding about a documented field carries its doc, as the human format's note
        let percent = listed.iter().find(|f| f.item.path.ends_with("percent_off")).unwrap();
        let doc = percent.doc.as_deref().unwrap_or_default();
        assert!(doc.starts_with("`percent_off`: ") && doc.len() > 20, "{doc:?}");
    }
}
