//! The build-time report: findings written as text into a fixed buffer during const
//! evaluation; a non-empty report becomes a compile error (a panic in a `const`).

use super::num::{num_val, push_val_to};
use crate::rule_id::RuleId;
use crate::schema::{Num, SchemaRef};
use crate::summary::{Loc, Summary, Val};

const CAP: usize = 32 * 1024;
/// Findings printed in full; later ones are only counted.
pub const MAX_SHOWN: usize = 60;

/// Text of the findings, one per line: `file:line:col: error[rule]: path: message`.
#[derive(Debug)]
pub struct ConstReport {
    buf: [u8; CAP],
    len: usize,
    file: &'static str,
    /// Findings seen (shown or not).
    pub count: usize,
}

impl ConstReport {
    pub const fn new(file: &'static str) -> Self {
        ConstReport { buf: [0; CAP], len: 0, file, count: 0 }
    }

    pub const fn push(&mut self, s: &str) {
        let b = s.as_bytes();
        if self.len + b.len() > CAP {
            return;
        }
        let mut i = 0;
        while i < b.len() {
            self.buf[self.len] = b[i];
            self.len += 1;
            i += 1;
        }
    }

    const fn push_bytes(&mut self, b: &[u8; 48], n: usize) {
        let mut i = 0;
        while i < n && self.len < CAP {
            self.buf[self.len] = b[i];
            self.len += 1;
            i += 1;
        }
    }

    pub const fn push_val(&mut self, v: Val) {
        let mut b = [0u8; 48];
        let n = push_val_to(&mut b, v);
        self.push_bytes(&b, n);
    }

    pub const fn push_num(&mut self, n: Num) {
        self.push_val(num_val(n));
    }

    /// Starts a finding; false when it is past [`MAX_SHOWN`] (then write nothing).
    pub const fn begin(&mut self, rule: RuleId, loc: Loc, path: &str, suffix: &str) -> bool {
        self.count += 1;
        if self.count > MAX_SHOWN {
            return false;
        }
        self.push("\n");
        self.push(self.file);
        self.push(":");
        self.push_val(Val::Int(loc.line as i128));
        self.push(":");
        self.push_val(Val::Int(loc.col as i128));
        self.push(": error[");
        self.push(rule.id());
        self.push("]: ");
        self.push(path);
        if !suffix.is_empty() {
            if !path.is_empty() {
                self.push(".");
            }
            self.push(suffix);
        }
        if path.is_empty() && suffix.is_empty() {
            self.push("(root)");
        }
        self.push(": ");
        true
    }

    /// Starts the help line of the current finding.
    pub const fn help(&mut self, s: &str) {
        self.push("\n    = help: ");
        self.push(s);
    }

    pub const fn end(&mut self) {}

    /// The whole text.
    pub const fn text(&self) -> &str {
        let (bytes, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => match core::str::from_utf8(bytes.split_at(e.valid_up_to()).0) {
                Ok(s) => s,
                Err(_) => "",
            },
        }
    }
}

/// Checks a summary in const evaluation; any finding fails the build with all of them.
#[allow(clippy::panic)]
pub const fn check_or_fail(file: &'static str, summary: &Summary<'_>, schema: SchemaRef) {
    let mut r = ConstReport::new(file);
    super::ct::check(&mut r, summary, schema);
    if r.count > 0 {
        let mut out = ConstReport::new(file);
        out.push("config file `");
        out.push(file);
        out.push("` does not pass its checks (");
        out.push_val(Val::Int(r.count as i128));
        out.push(if r.count == 1 { " problem):" } else { " problems):" });
        out.push(r.text());
        if r.count > MAX_SHOWN {
            out.push("\n... and ");
            out.push_val(Val::Int((r.count - MAX_SHOWN) as i128));
            out.push(" more (run the linter for the full list)");
        }
        panic!("{}", out.text());
    }
}
