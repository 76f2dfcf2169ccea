//! `explain RULE-ID`: what a rule does, why it exists, and an example, from the rule's
//! own doc next to its code (`config_core::rules`). Without an id: the list of rules.
//! `explain KEY` (a key path that is no rule id): the key's section of `docs`, its kind,
//! rules and doc comment, from the schema in use.

use super::error::LintError;
use super::{RunContext, docs};
use config_core::rules::{self, RuleDescriptor};
use config_core::text::is_close;
use config_core::{RuleId, Severity};
use std::io::Write;

/// Text width of the explanations.
const WIDTH: usize = 88;

pub(crate) fn run(
    rule: Option<&str>,
    ctx: &mut RunContext<'_>,
    out: &mut dyn Write,
) -> Result<u8, LintError> {
    let Some(id) = rule else {
        out.write_all(list().as_bytes())?;
        return Ok(0);
    };
    let Some(r) = RuleId::from_id(id.trim()) else {
        // not a rule: a key of the config, when a schema is at hand
        if let Some(text) = ctx.schema_opt()?.and_then(|s| docs::explain_key(s, id.trim())) {
            out.write_all(text.as_bytes())?;
            return Ok(0);
        }
        let suggestion = rules::ALL.iter().map(|d| d.id.id()).find(|c| is_close(id, c));
        return Err(LintError::UnknownRule { id: id.to_owned(), suggestion });
    };
    out.write_all(explain(r.descriptor()).as_bytes())?;
    Ok(0)
}

fn level(d: &RuleDescriptor) -> &'static str {
    match (d.level, d.moments.build) {
        (Severity::Error, true) => "error: fails the build, refused by reload, reported by the linter",
        (Severity::Error, false) => {
            "error: a run-time gate, refused by `Live` when it loads or reloads the file"
        }
        (Severity::Warning, _) => "warning: linter only, never a build error (fails with --deny-warnings)",
    }
}

/// The full explanation of one rule.
pub(crate) fn explain(d: &RuleDescriptor) -> String {
    let mut s = format!("{} ({})\n\n", d.id.id(), level(d));
    s.push_str("What it checks\n");
    s.push_str(&wrap(d.what, "  "));
    s.push_str("\nWhy\n");
    s.push_str(&wrap(d.why, "  "));
    if let Some(e) = &d.example {
        s.push_str("\nExample\n  declared:\n");
        s.push_str(&indent(e.schema, "    "));
        s.push_str("  flagged:\n");
        s.push_str(&indent(e.bad, "    "));
        s.push_str("  fixed:\n");
        s.push_str(&indent(e.good, "    "));
    }
    s
}

/// One line per rule: id, level, first sentence.
pub(crate) fn list() -> String {
    let mut s = String::from("Rules (`explain RULE-ID` for details):\n");
    for d in rules::ALL {
        let first = d.what.split(". ").next().unwrap_or(d.what).trim_end_matches('.');
        let lvl = match d.level {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        s.push_str(&format!("  {:<16}{:<9}{first}.\n", d.id.id(), lvl));
    }
    s
}

fn indent(text: &str, pad: &str) -> String {
    text.lines().map(|l| if l.is_empty() { "\n".to_owned() } else { format!("{pad}{l}\n") }).collect()
}

/// Word-wraps `text` to [`WIDTH`] columns with a left pad.
fn wrap(text: &str, pad: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(pad);
    for word in text.split_whitespace() {
        if line.len() > pad.len() && line.len() + 1 + word.len() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from(pad);
        }
        if line.len() > pad.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}
