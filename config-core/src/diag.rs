//! Diagnostics: located findings with their source, rendered as one-line records
//! (`file:line:col: error[rule]: path: message`) or as rustc-style code frames.

use crate::rule_id::RuleId;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// How serious a finding is. Everything the checker reports is an error; the linter
/// adds warnings (budgets nearly used up, promotions already over).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One located finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Byte range in the source (may be empty).
    pub span: Range<usize>,
    /// Key path: `promotions[2].ends`.
    pub path: String,
    pub message: String,
    pub help: Option<String>,
}

/// All findings for one file, with the file's name and text for rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostics {
    pub file: String,
    pub source: Arc<str>,
    pub items: Vec<Diagnostic>,
}

impl std::error::Error for Diagnostics {}

/// Maps byte offsets to 1-based (line, column in chars).
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// (line, col) of byte offset `off`, clamped into the text and onto a char boundary.
    pub fn at(&self, off: usize) -> (u32, u32) {
        let mut off = off.min(self.text.len());
        while off > 0 && !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= off).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col = self.text.get(start..off).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32 + 1)
    }
}

/// The byte length of the token starting at `off`, for underlining: a quoted string,
/// a table header, or a bare word / number.
pub fn token_len(text: &str, off: usize) -> usize {
    let Some(rest) = text.get(off..) else { return 0 };
    let line = rest.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let b = line.as_bytes();
    match b.first() {
        None => 0,
        Some(b'"') | Some(b'\'') => {
            let q = b[0];
            let mut i = 1;
            while i < b.len() {
                if b[i] == b'\\' && q == b'"' {
                    i += 2;
                    continue;
                }
                if b[i] == q {
                    return i + 1;
                }
                i += 1;
            }
            line.len()
        }
        Some(b'[') => {
            line.find(']').map_or(line.len(), |i| if line[i + 1..].starts_with(']') { i + 2 } else { i + 1 })
        }
        Some(b'{') => 1,
        Some(_) => line
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '=' | '#'))
            .map_or(line.len(), |(i, _)| i.max(1)),
    }
}

impl Diagnostics {
    pub fn new(file: impl Into<String>, source: impl Into<Arc<str>>) -> Self {
        Diagnostics { file: file.into(), source: source.into(), items: Vec::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Number of error-level findings.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// One line per finding, as in the build error.
    pub fn one_line(&self) -> String {
        let mut s = String::new();
        for d in &self.items {
            s.push_str(&self.line_of(d));
            s.push('\n');
        }
        s
    }

    /// `file:line:col: error[rule]: path: message`.
    pub fn line_of(&self, d: &Diagnostic) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}: {}",
            self.file,
            d.line,
            d.col,
            d.severity.as_str(),
            d.rule.id(),
            d.path,
            d.message
        )
    }

    /// rustc-style code frames (plain text, no colour), one per finding.
    pub fn render(&self) -> String {
        self.render_with(&Renderer::plain())
    }

    /// Code frames with ANSI colour.
    pub fn render_styled(&self) -> String {
        self.render_with(&Renderer::styled())
    }

    fn render_with(&self, renderer: &Renderer) -> String {
        let mut out = String::new();
        for d in &self.items {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let title = format!("{}: {}", d.path, d.message);
            let span = clamp_span(&self.source, d.span.clone());
            let snippet = Snippet::source(&*self.source)
                .path(self.file.as_str())
                .annotation(AnnotationKind::Primary.span(span));
            let mut group = Group::with_title(level.primary_title(title).id(d.rule.id())).element(snippet);
            if let Some(h) = &d.help {
                group = group.element(Level::HELP.message(h.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        out
    }
}

fn clamp_span(text: &str, r: Range<usize>) -> Range<usize> {
    let mut start = r.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = r.end.clamp(start, text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

impl fmt::Display for Diagnostics {
    /// The one-line form; `{:#}` gives code frames.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f.write_str(&self.render());
        }
        let mut first = true;
        for d in &self.items {
            if !first {
                f.write_str("\n")?;
            }
            first = false;
            f.write_str(&self.line_of(d))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_chars() {
        let t = "a = 1\nç = \"x\"\n";
        let li = LineIndex::new(t);
        assert_eq!(li.at(0), (1, 1));
        assert_eq!(li.at(6), (2, 1));
        assert_eq!(li.at(10), (2, 4));
        assert_eq!(li.at(10_000), (3, 1));
    }

    #[test]
    fn token_lengths() {
        assert_eq!(token_len("\"ab\\\"c\" # x", 0), 7);
        assert_eq!(token_len("[[menu.children]]\n", 0), 17);
        assert_eq!(token_len("[a]\n", 0), 3);
        assert_eq!(token_len("300\n", 0), 3);
        assert_eq!(token_len("x = 1", 0), 1);
    }
}
