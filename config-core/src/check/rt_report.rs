//! The run-time report: findings collected as values, every occurrence kept.

use super::num::{num_val, push_val_to};
use crate::rule_id::RuleId;
use crate::schema::Num;
use crate::summary::{Loc, Val};

/// One finding of the checker, before line and column are attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    /// Byte offset in the source.
    pub off: u32,
    pub path: String,
    pub message: String,
    pub help: Option<String>,
}

/// Collects findings.
#[derive(Debug, Default)]
pub struct RtReport {
    pub findings: Vec<Finding>,
    in_help: bool,
}

impl RtReport {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, s: &str) {
        if let Some(f) = self.findings.last_mut() {
            match (&mut f.help, self.in_help) {
                (Some(h), true) => h.push_str(s),
                _ => f.message.push_str(s),
            }
        }
    }

    pub fn push_val(&mut self, v: Val) {
        let mut b = [0u8; 48];
        let n = push_val_to(&mut b, v);
        self.push(&String::from_utf8_lossy(&b[..n]));
    }

    pub fn push_num(&mut self, n: Num) {
        self.push_val(num_val(n));
    }

    pub fn begin(&mut self, rule: RuleId, loc: Loc, path: &str, suffix: &str) -> bool {
        let mut p = path.to_owned();
        if !suffix.is_empty() {
            if !p.is_empty() {
                p.push('.');
            }
            p.push_str(suffix);
        }
        if p.is_empty() {
            p.push_str("(root)");
        }
        self.in_help = false;
        self.findings.push(Finding { rule, off: loc.off, path: p, message: String::new(), help: None });
        true
    }

    pub fn help(&mut self, s: &str) {
        if let Some(f) = self.findings.last_mut() {
            f.help = Some(s.to_owned());
            self.in_help = true;
        }
    }

    pub fn end(&mut self) {
        self.in_help = false;
    }
}
