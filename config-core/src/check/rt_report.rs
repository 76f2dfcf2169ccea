//! The run-time report: findings collected as values, every occurrence kept.

use super::num::{num_val, push_val_to};
use crate::rules::RuleId;
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

/// Findings of one rule kept by a report; later ones of that rule are only counted (see
/// [`RtReport::over_cap`]), so a hostile file with a million bad values yields a bounded
/// report.
pub const MAX_PER_RULE: usize = 5_000;

/// Collects findings.
#[derive(Debug)]
pub struct RtReport {
    pub findings: Vec<Finding>,
    /// Per rule past [`MAX_PER_RULE`]: the first finding not kept (its message empty) and
    /// how many were not kept.
    pub over_cap: Vec<(Finding, usize)>,
    kept: [usize; RuleId::COUNT],
    in_help: bool,
}

impl Default for RtReport {
    fn default() -> Self {
        Self::new()
    }
}

impl RtReport {
    pub fn new() -> Self {
        RtReport { findings: Vec::new(), over_cap: Vec::new(), kept: [0; RuleId::COUNT], in_help: false }
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
        if self.kept[rule.index()] >= MAX_PER_RULE
            && let Some((_, n)) = self.over_cap.iter_mut().find(|(x, _)| x.rule == rule)
        {
            *n += 1;
            return false;
        }
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
        let f = Finding { rule, off: loc.off, path: p, message: String::new(), help: None };
        let kept = &mut self.kept[rule.index()];
        if *kept >= MAX_PER_RULE {
            self.over_cap.push((f, 1));
            return false;
        }
        *kept += 1;
        self.findings.push(f);
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
