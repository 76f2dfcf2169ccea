//! The one-line record, `file:line:col: error[rule]: path: message`: how every finding is
//! written on one line, by the build error, `check_str`'s `Display`, `Live`'s reports and
//! log lines, and the linter. [`write`] is the run-time writer; [`ConstText`] and
//! [`const_head`] are its twin for const evaluation (the build error is assembled in a
//! fixed buffer, where `format!` does not exist). A test holds the two to the same text.
//!
//! Everything quoted is passed through [`printable`], so a record is one line whatever the
//! file's name, key path or message holds.

use crate::diag::{Severity, printable};
use crate::rules::RuleId;
use std::fmt;

/// The key path printed when a finding has none (a root-level finding).
pub const ROOT_PATH: &str = "(root)";

/// Writes `file:line:col: <severity>[<rule>]: <path>: <message>` (no newline).
#[allow(clippy::too_many_arguments)]
pub fn write(
    out: &mut impl fmt::Write,
    file: &str,
    line: u32,
    col: u32,
    severity: Severity,
    rule: RuleId,
    path: &str,
    message: &str,
) -> fmt::Result {
    write!(
        out,
        "{}:{line}:{col}: {}[{}]: {}: {}",
        printable(file),
        severity.as_str(),
        rule.id(),
        printable(path),
        printable(message)
    )
}

/// [`write`] into a new string.
#[allow(clippy::too_many_arguments)]
pub fn to_string(
    file: &str,
    line: u32,
    col: u32,
    severity: Severity,
    rule: RuleId,
    path: &str,
    message: &str,
) -> String {
    let mut s = String::new();
    let _ = write(&mut s, file, line, col, severity, rule, path, message);
    s
}

/// A fixed-size text buffer usable in const evaluation. Writes past the end are dropped
/// and remembered ([`ConstText::overflowed`]), so a caller can roll back to a mark and
/// keep whole lines only.
#[derive(Debug)]
pub struct ConstText<const N: usize> {
    buf: [u8; N],
    len: usize,
    overflowed: bool,
}

impl<const N: usize> ConstText<N> {
    pub const fn new() -> Self {
        ConstText { buf: [0; N], len: 0, overflowed: false }
    }

    /// Bytes written so far.
    pub const fn len(&self) -> usize {
        self.len
    }

    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Did a write since the last [`ConstText::truncate`] not fit?
    pub const fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Cuts back to `len` bytes (a mark taken with [`ConstText::len`]) and clears the
    /// overflow flag.
    pub const fn truncate(&mut self, len: usize) {
        if len < self.len {
            self.len = len;
        }
        self.overflowed = false;
    }

    /// Appends `s` whole, or nothing if it does not fit.
    pub const fn push(&mut self, s: &str) {
        self.push_bytes(s.as_bytes());
    }

    /// Appends `b` whole, or nothing if it does not fit. Callers pass whole UTF-8 text.
    pub const fn push_bytes(&mut self, b: &[u8]) {
        if self.len + b.len() > N {
            self.overflowed = true;
            return;
        }
        let mut i = 0;
        while i < b.len() {
            self.buf[self.len] = b[i];
            self.len += 1;
            i += 1;
        }
    }

    /// Appends the decimal digits of `n` (const code cannot format integers).
    pub const fn push_u64(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push_bytes(digits.split_at(i).1);
    }

    /// The bytes `from..to` as text (empty if out of range or not on char boundaries).
    pub const fn slice(&self, from: usize, to: usize) -> &str {
        if from > to || to > self.len {
            return "";
        }
        let (head, _) = self.buf.split_at(to);
        let (_, part) = head.split_at(from);
        match core::str::from_utf8(part) {
            Ok(s) => s,
            Err(_) => "",
        }
    }

    /// The whole text.
    pub const fn as_str(&self) -> &str {
        self.slice(0, self.len)
    }
}

impl<const N: usize> Default for ConstText<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// The const twin of [`write`] up to the message: `file:line:col: error[rule]: path: `,
/// where the key path is `path`, then `.suffix` when one is given ([`ROOT_PATH`] when
/// both are empty). The build error is always an error. The caller has made `file` and
/// `path` printable (the summary stores escaped text).
pub const fn const_head<const N: usize>(
    t: &mut ConstText<N>,
    file: &str,
    line: u32,
    col: u32,
    rule: RuleId,
    path: &str,
    suffix: &str,
) {
    t.push(file);
    t.push(":");
    t.push_u64(line as u64);
    t.push(":");
    t.push_u64(col as u64);
    t.push(": error[");
    t.push(rule.id());
    t.push("]: ");
    t.push(path);
    if !suffix.is_empty() {
        if !path.is_empty() {
            t.push(".");
        }
        t.push(suffix);
    }
    if path.is_empty() && suffix.is_empty() {
        t.push(ROOT_PATH);
    }
    t.push(": ");
}

#[cfg(test)]
mod tests;
