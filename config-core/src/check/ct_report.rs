//! The build-time report: findings written as text into a fixed buffer during const
//! evaluation, then listed in file order (as `check_str` lists them); a non-empty report
//! becomes a compile error (a panic in a `const`). A finding is kept whole or not at all,
//! so the message never loses part of a line.

use super::num::{num_val, push_val_to};
use crate::record::{ConstText, ROOT_PATH, const_head};
use crate::rules::RuleId;
use crate::schema::{Num, SchemaRef};
use crate::summary::{Loc, Summary, Val};

/// Bytes of finding text kept during the check (whole findings only).
const CAP: usize = 64 * 1024;
/// Findings kept for sorting; later ones are only counted.
const MAX_KEPT: usize = 1024;
/// Findings printed in full; later ones (in file order) are only counted.
pub const MAX_SHOWN: usize = 60;

/// One kept finding: where it is in the file (the sort key, as `check_str` sorts) and
/// where its text is in the buffer.
#[derive(Clone, Copy, Debug)]
struct Kept {
    off: u32,
    rule: u8,
    path: (u32, u32),
    text: (u32, u32),
}

const NO_KEPT: Kept = Kept { off: 0, rule: 0, path: (0, 0), text: (0, 0) };

/// Text of the findings, one record per finding (see [`crate::record`]), collected during
/// const evaluation and listed in file order by [`ConstReport::finish`].
#[derive(Debug)]
pub struct ConstReport {
    text: ConstText<CAP>,
    kept: [Kept; MAX_KEPT],
    kept_len: usize,
    /// Is the last begun finding still being written (and kept)?
    open: bool,
    file: &'static str,
    /// Findings seen (kept or not).
    pub count: usize,
}

impl ConstReport {
    pub const fn new(file: &'static str) -> Self {
        ConstReport {
            text: ConstText::new(),
            kept: [NO_KEPT; MAX_KEPT],
            kept_len: 0,
            open: false,
            file,
            count: 0,
        }
    }

    pub const fn push(&mut self, s: &str) {
        if self.open {
            self.text.push(s);
        }
    }

    pub const fn push_val(&mut self, v: Val) {
        let mut b = [0u8; 48];
        let n = push_val_to(&mut b, v);
        if self.open {
            self.text.push_bytes(b.split_at(n).0);
        }
    }

    pub const fn push_num(&mut self, n: Num) {
        self.push_val(num_val(n));
    }

    /// Starts a finding; false when it cannot be kept (then the checker writes nothing).
    pub const fn begin(&mut self, rule: RuleId, loc: Loc, path: &str, suffix: &str) -> bool {
        self.close();
        self.count += 1;
        if self.kept_len >= MAX_KEPT {
            return false;
        }
        let start = self.text.len();
        self.text.push("\n");
        const_head(&mut self.text, self.file, loc.line, loc.col, rule, path, suffix);
        // the key path sits between `]: ` and the final `: ` of the head
        let path_end = self.text.len() - 2;
        let path_len = if path.is_empty() && suffix.is_empty() {
            ROOT_PATH.len()
        } else if suffix.is_empty() {
            path.len()
        } else if path.is_empty() {
            suffix.len()
        } else {
            path.len() + 1 + suffix.len()
        };
        let path_start = path_end.saturating_sub(path_len);
        self.kept[self.kept_len] = Kept {
            off: loc.off,
            rule: rule.index() as u8,
            path: (path_start as u32, path_end as u32),
            text: (start as u32, 0),
        };
        self.open = true;
        true
    }

    /// Starts the help line of the current finding.
    pub const fn help(&mut self, s: &str) {
        self.push("\n    = help: ");
        self.push(s);
    }

    /// Ends the current finding (also done by the next [`ConstReport::begin`]).
    pub const fn end(&mut self) {
        self.close();
    }

    /// Keeps the open finding if all of its text fit, else drops it whole.
    const fn close(&mut self) {
        if !self.open {
            return;
        }
        self.open = false;
        let start = self.kept[self.kept_len].text.0 as usize;
        if self.text.overflowed() {
            self.text.truncate(start);
            return;
        }
        self.kept[self.kept_len].text.1 = self.text.len() as u32;
        self.kept_len += 1;
    }

    /// Is kept finding `a` before `b` in file order (offset, then rule, then key path,
    /// as `check_str` sorts)?
    const fn before(&self, a: &Kept, b: &Kept) -> bool {
        if a.off != b.off {
            return a.off < b.off;
        }
        if a.rule != b.rule {
            return a.rule < b.rule;
        }
        let pa = self.text.slice(a.path.0 as usize, a.path.1 as usize).as_bytes();
        let pb = self.text.slice(b.path.0 as usize, b.path.1 as usize).as_bytes();
        let mut i = 0;
        while i < pa.len() && i < pb.len() {
            if pa[i] != pb[i] {
                return pa[i] < pb[i];
            }
            i += 1;
        }
        pa.len() < pb.len()
    }

    /// Sorts the kept findings into file order (a stable insertion sort: the lists are
    /// short and this runs in const evaluation).
    pub const fn finish(&mut self) {
        self.close();
        let mut i = 1;
        while i < self.kept_len {
            let k = self.kept[i];
            let mut j = i;
            while j > 0 && self.before(&k, &self.kept[j - 1]) {
                self.kept[j] = self.kept[j - 1];
                j -= 1;
            }
            self.kept[j] = k;
            i += 1;
        }
    }

    /// The text of every kept finding, in the order the checker found them (see
    /// [`ConstReport::finding`] for file order).
    pub const fn text(&self) -> &str {
        self.text.as_str()
    }

    /// Findings kept, in file order after [`ConstReport::finish`].
    pub const fn kept(&self) -> usize {
        self.kept_len
    }

    /// The text of kept finding `i` (a newline, its record, its help line if any).
    pub const fn finding(&self, i: usize) -> &str {
        if i >= self.kept_len {
            return "";
        }
        let k = self.kept[i];
        self.text.slice(k.text.0 as usize, k.text.1 as usize)
    }
}

#[cfg(test)]
mod tests;

/// Checks a summary in const evaluation; any finding fails the build with all of them,
/// the first [`MAX_SHOWN`] in file order, whole lines only. When some are not shown, the
/// message ends with `… and N more (run `<linter> check <file>` for all)`, `linter` being
/// the app's linter binary (the derive passes `<crate name>-lint`).
#[allow(clippy::panic)]
pub const fn check_or_fail(
    file: &'static str,
    linter: &'static str,
    summary: &Summary<'_>,
    schema: SchemaRef,
) {
    let mut r = ConstReport::new(file);
    super::ct::check(&mut r, summary, schema);
    if r.count == 0 {
        return;
    }
    r.finish();
    let mut out = ConstText::<CAP>::new();
    out.push("config file `");
    out.push(file);
    out.push("` does not pass its checks (");
    out.push_u64(r.count as u64);
    out.push(if r.count == 1 { " problem):" } else { " problems):" });
    // whole findings only, with room kept for the footer
    let footer_room = 64 + linter.len() + file.len();
    let mut shown = 0;
    while shown < r.kept() && shown < MAX_SHOWN {
        let finding = r.finding(shown);
        if out.len() + finding.len() + footer_room > CAP {
            break;
        }
        out.push(finding);
        shown += 1;
    }
    if r.count > shown {
        out.push("\n\u{2026} and ");
        out.push_u64((r.count - shown) as u64);
        out.push(" more (run `");
        out.push(linter);
        out.push(" check ");
        out.push(file);
        out.push("` for all)");
    }
    panic!("{}", out.as_str());
}
