//! The linter's own warnings, never build or reload errors (see `explain window-over`
//! and `explain budget-near`):
//!
//! - `window-over`: a windowed item (`crate::windows`: a `before` pair of datetime fields,
//!   or an element of a list declared `no_overlap`) whose window closed before now
//!   (`--now`, default the clock). An item is one window, so one that is both is reported
//!   once, at its end value. Ends are read as the checker reads them: a local time is
//!   resolved in the zone in force at the field (its own `tz`, else the inherited one), and
//!   the message shows the instant it names there; without a zone a local datetime is read
//!   as UTC. A date end means the window runs through that day (in the zone in force, else
//!   UTC). An end that names no instant (a time the zone skips or repeats) is the checker's
//!   `tz` finding, not a warning.
//! - `budget-near`: the value of a field with `max_json_bytes` or `max_nodes` uses at
//!   least 80% of the budget (over 100% is the checker's error, not repeated here).
//!
//! `budget-near` walks the parsed document together with the schema, every occurrence;
//! `window-over` reads the windows `crate::windows` finds.

use super::measure::{json_len_nodes, push_path_key};
use super::windows::{self, NANOS, Window, nanos, rfc3339};
use chrono::{DateTime, FixedOffset};
use config_core::diag::{LineIndex, token_len};
use config_core::schema::unwrap_opt;
use config_core::{Diagnostic, Field, Rule, RuleId, Schema, Severity, StructSchema};
use std::collections::HashMap;
use std::fmt::Write as _;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Share of a budget from which `budget-near` warns, in percent.
pub(crate) const NEAR_PERCENT: u64 = 80;

/// Every warning for a parsed document.
pub fn warnings(
    text: &str,
    doc: &DeTable<'_>,
    root: &'static Schema,
    now: DateTime<FixedOffset>,
) -> Vec<Diagnostic> {
    let mut w = Walker {
        text,
        lines: LineIndex::new(text),
        now,
        out: Vec::new(),
        path: String::new(),
        needed: HashMap::new(),
    };
    if let Schema::Struct(st) = unwrap_opt(root) {
        w.table(doc, st);
    }
    for win in windows::find(doc, root) {
        w.window_over(&win);
    }
    w.out
}

struct Walker<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    now: DateTime<FixedOffset>,
    out: Vec<Diagnostic>,
    path: String,
    /// Per struct id: does its subtree declare a rule that warns? (Values of other
    /// structs are not walked: a 3 MB menu of plain items costs nothing here.)
    needed: HashMap<&'static str, bool>,
}

impl Walker<'_> {
    fn push(&mut self, rule: RuleId, off: usize, path: String, message: String, help: &str) {
        let (line, col) = self.lines.at(off);
        self.out.push(Diagnostic {
            rule,
            severity: Severity::Warning,
            line,
            col,
            span: off..off + token_len(self.text, off),
            path,
            message,
            help: Some(help.to_owned()),
        });
    }

    fn value(&mut self, v: &Spanned<DeValue<'_>>, sch: &'static Schema) {
        if !self.needs_walk(sch) {
            return;
        }
        match (unwrap_opt(sch), v.get_ref()) {
            (Schema::Struct(st), DeValue::Table(t)) => self.table(t, st),
            (Schema::Seq(inner), DeValue::Array(a)) => {
                for (i, item) in a.iter().enumerate() {
                    let len = self.path.len();
                    let _ = write!(self.path, "[{i}]");
                    self.value(item, inner.get());
                    self.path.truncate(len);
                }
            }
            (Schema::Map(inner), DeValue::Table(t)) => {
                for (k, item) in t.iter() {
                    let len = self.path.len();
                    push_path_key(&mut self.path, k.get_ref());
                    self.value(item, inner.get());
                    self.path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn table(&mut self, t: &DeTable<'_>, st: &'static StructSchema) {
        for field in st.fields {
            let Some((k, v)) = t.iter().find(|(k, _)| field.matches(k.get_ref())) else { continue };
            let len = self.path.len();
            push_path_key(&mut self.path, k.get_ref());
            let key_off = k.span().start;
            let budgets = field.rules.iter().any(|r| matches!(r, Rule::MaxJsonBytes(_) | Rule::MaxNodes(_)));
            let (json, nodes) = if budgets { json_len_nodes(v.get_ref()) } else { (0, 0) };
            for rule in field.rules {
                match *rule {
                    Rule::MaxJsonBytes(max) => {
                        self.budget(json, max, key_off, "bytes as compact JSON", "max_json_bytes")
                    }
                    Rule::MaxNodes(max) => self.budget(nodes, max, key_off, "nodes (tables)", "max_nodes"),
                    _ => {}
                }
            }
            self.value(v, field.ty.get());
            self.path.truncate(len);
        }
    }

    /// Can a value of this type hold a field with a budget?
    fn needs_walk(&mut self, sch: &'static Schema) -> bool {
        match unwrap_opt(sch) {
            Schema::Seq(i) | Schema::Map(i) => self.needs_walk(i.get()),
            Schema::Struct(st) => {
                if let Some(&n) = self.needed.get(st.id) {
                    return n;
                }
                // a recursive reference while deciding: answered by the other fields
                self.needed.insert(st.id, false);
                let warns = |f: &Field| {
                    f.rules.iter().any(|r| matches!(r, Rule::MaxJsonBytes(_) | Rule::MaxNodes(_)))
                };
                let n = st.fields.iter().any(|f| warns(f) || self.needs_walk(f.ty.get()));
                self.needed.insert(st.id, n);
                n
            }
            _ => false,
        }
    }

    fn budget(&mut self, used: u64, max: u64, off: usize, unit: &str, setting: &str) {
        if max == 0 || used > max || used * 100 < max * NEAR_PERCENT {
            return;
        }
        let pct = used * 100 / max;
        let msg = format!("is {used} {unit}, {pct}% of the budget of {max}");
        let help =
            format!("the next additions will fail the build; trim it now, or raise `{setting}` deliberately");
        self.push(RuleId::BudgetNear, off, self.path.clone(), msg, &help);
    }
}

impl Walker<'_> {
    /// `window-over` for one windowed item: its end is before now.
    fn window_over(&mut self, win: &Window) {
        let Some(end) = &win.end else { return };
        let Some(m) = end.moment else { return };
        let now = nanos(self.now.timestamp(), self.now.timestamp_subsec_nanos());
        if m.at >= now {
            return;
        }
        let ago = i64::try_from((now - m.at) / NANOS).unwrap_or(i64::MAX);
        let mut path = win.path.clone();
        push_path_key(&mut path, &end.key);
        let what = match &win.unique {
            Some(l) => format!("{} `{l}`", win.struct_name),
            None => format!("this {}", win.struct_name),
        };
        let written = config_core::diag::shown(&end.written);
        let named = match end.zone {
            Some(z) if m.local => format!("{written} ({} in {})", rfc3339(m.at, Some(z)).0, z.name),
            _ => written.into_owned(),
        };
        let msg = format!(
            "{what} is already over: `{}` is {named}, {} before now ({})",
            end.key,
            human_duration(ago),
            self.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        self.push(
            RuleId::WindowOver,
            end.offset,
            path,
            msg,
            "remove the entry, or move its dates if it should run again",
        );
    }
}

/// `3 days`, `5 hours`, `1 minute`: how long ago, from whole seconds.
fn human_duration(secs: i64) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let (days, hours) = (secs / 86_400, secs / 3600);
    if days >= 2 {
        plural(days, "day")
    } else if hours >= 2 {
        plural(hours, "hour")
    } else {
        plural((secs / 60).max(1), "minute")
    }
}
