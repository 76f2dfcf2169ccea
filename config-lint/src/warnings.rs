//! The linter's own warnings, never build or reload errors (see `explain window-over`
//! and `explain budget-near`):
//!
//! - `window-over`: a struct field with `#[config(before = "x")]` over datetimes opens
//!   a window that closes at `x`; the window is over when `x` is earlier than now
//!   (`--now`, default the clock). Local datetimes are compared as UTC; a date end means
//!   the window runs through that day (UTC).
//! - `budget-near`: the value of a field with `max_json_bytes` or `max_nodes` uses at
//!   least 80% of the budget (over 100% is the checker's error, not repeated here).
//!
//! Both walk the parsed document together with the schema, every occurrence.

use super::measure::{json_len_nodes, push_path_key};
use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};
use config_core::datetime::{self, DtKind};
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
        w.table(doc, st, None);
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

    fn value(
        &mut self,
        v: &Spanned<DeValue<'_>>,
        sch: &'static Schema,
        unique: Option<&str>,
        label: Option<String>,
    ) {
        if !self.needs_walk(sch) {
            return;
        }
        match (unwrap_opt(sch), v.get_ref()) {
            (Schema::Struct(st), DeValue::Table(t)) => self.table(t, st, label),
            (Schema::Seq(inner), DeValue::Array(a)) => {
                for (i, item) in a.iter().enumerate() {
                    let len = self.path.len();
                    let _ = write!(self.path, "[{i}]");
                    let label = unique.and_then(|k| key_label(item.get_ref(), k));
                    self.value(item, inner.get(), None, label);
                    self.path.truncate(len);
                }
            }
            (Schema::Map(inner), DeValue::Table(t)) => {
                for (k, item) in t.iter() {
                    let len = self.path.len();
                    push_path_key(&mut self.path, k.get_ref());
                    self.value(item, inner.get(), None, None);
                    self.path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn table(&mut self, t: &DeTable<'_>, st: &'static StructSchema, label: Option<String>) {
        for field in st.fields {
            let Some((k, v)) = t.iter().find(|(k, _)| field.matches(k.get_ref())) else { continue };
            let len = self.path.len();
            push_path_key(&mut self.path, k.get_ref());
            let key_off = k.span().start;
            let mut unique = None;
            let budgets = field.rules.iter().any(|r| matches!(r, Rule::MaxJsonBytes(_) | Rule::MaxNodes(_)));
            let (json, nodes) = if budgets { json_len_nodes(v.get_ref()) } else { (0, 0) };
            for rule in field.rules {
                match *rule {
                    Rule::MaxJsonBytes(max) => {
                        self.budget(json, max, key_off, "bytes as compact JSON", "max_json_bytes")
                    }
                    Rule::MaxNodes(max) => self.budget(nodes, max, key_off, "nodes (tables)", "max_nodes"),
                    Rule::Before(end_key) => {
                        if let Schema::DateTime { kind, .. } = unwrap_opt(field.ty.get()) {
                            self.window(t, st, end_key, *kind, label.as_deref(), len);
                        }
                    }
                    Rule::Unique(Some(key)) => unique = Some(key),
                    _ => {}
                }
            }
            self.value(v, field.ty.get(), unique, None);
            self.path.truncate(len);
        }
    }

    /// Can a value of this type hold a field whose rules warn?
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
                    f.rules
                        .iter()
                        .any(|r| matches!(r, Rule::MaxJsonBytes(_) | Rule::MaxNodes(_) | Rule::Before(_)))
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

    /// A `before` window whose end is past `now`. `base` is the table's path length.
    fn window(
        &mut self,
        t: &DeTable<'_>,
        st: &'static StructSchema,
        end_key: &str,
        kind: DtKind,
        label: Option<&str>,
        base: usize,
    ) {
        let end_field = st.fields.iter().find(|f| f.key == end_key || f.ident == end_key);
        let Some((k, v)) =
            t.iter().find(|(k, _)| end_field.map_or(k.get_ref() == end_key, |f| f.matches(k.get_ref())))
        else {
            return;
        };
        let Some((written, over)) =
            end_instant(v.get_ref(), kind).map(|(w, end)| (w, end_passed(end, self.now)))
        else {
            return;
        };
        let Some(ago) = over else { return };
        let mut path = self.path[..base].to_owned();
        push_path_key(&mut path, k.get_ref());
        let what = match label {
            Some(l) => format!("{} `{l}`", st.name),
            None => format!("this {}", st.name),
        };
        let msg = format!(
            "{what} is already over: `{}` is {written}, {} before now ({})",
            k.get_ref(),
            human_duration(ago),
            self.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        self.push(
            RuleId::WindowOver,
            v.span().start,
            path,
            msg,
            "remove the entry, or move its dates if it should run again",
        );
    }
}

/// A window end: as written, and when it is.
enum End {
    Instant(DateTime<FixedOffset>),
    /// A date: the window runs through that day (UTC).
    Day(chrono::NaiveDate),
}

fn end_instant(v: &DeValue<'_>, kind: DtKind) -> Option<(String, End)> {
    let (written, k, parts) = match v {
        DeValue::Datetime(d) => (d.to_string(), datetime::native_kind(d), datetime::native_parts(d)),
        DeValue::String(s) => (s.to_string(), kind, datetime::parse(kind, s).ok()?),
        _ => return None,
    };
    let utc = FixedOffset::east_opt(0)?;
    let end = match k {
        DtKind::Offset => End::Instant(datetime::to_offset(parts)?),
        DtKind::Local => End::Instant(datetime::to_local(parts)?.and_utc().with_timezone(&utc)),
        DtKind::Date => End::Day(datetime::to_date(parts)?),
        DtKind::Time => return None,
    };
    Some((written, end))
}

/// How long ago the window closed, if it has.
fn end_passed(end: End, now: DateTime<FixedOffset>) -> Option<TimeDelta> {
    let closed = match end {
        End::Instant(i) => i,
        End::Day(d) => d.succ_opt()?.and_time(NaiveTime::MIN).and_utc().fixed_offset(),
    };
    (closed < now).then(|| now - closed)
}

fn human_duration(d: TimeDelta) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if d.num_days() >= 2 {
        plural(d.num_days(), "day")
    } else if d.num_hours() >= 2 {
        plural(d.num_hours(), "hour")
    } else {
        plural(d.num_minutes().max(1), "minute")
    }
}

/// The `unique` key's value of a list item, to name it in messages.
fn key_label(v: &DeValue<'_>, key: &str) -> Option<String> {
    let DeValue::Table(t) = v else { return None };
    match t.get(key)?.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_owned()),
        _ => None,
    }
}
