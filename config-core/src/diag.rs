//! Diagnostics: located findings with their source, rendered as one-line records
//! (`file:line:col: error[rule]: path: message`) or as rustc-style code frames.

use crate::rules::RuleId;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// How serious a finding is. Everything the checker reports is an error; the linter
/// adds warnings (budgets nearly used up, promotions already over).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
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

/// One located finding: the one finding type from build to reload to linter. Serialized
/// (for status endpoints and JSON output) as `{rule, severity, line, col, path, message,
/// help?}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Byte range in the source (may be empty).
    #[serde(skip)]
    pub span: Range<usize>,
    /// Key path: `promotions[2].ends`.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about the file as a whole, at 1:1 with the path `(document)` (the run-time
    /// gates: size, encoding, I/O, …).
    pub fn whole_file(rule: RuleId, message: impl Into<String>, help: Option<String>) -> Self {
        Diagnostic::error_at(rule, (1, 1), 0..0, message, help)
    }

    /// An error at `(line, col)` / `span` with the path `(document)`.
    pub fn error_at(
        rule: RuleId,
        (line, col): (u32, u32),
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Error,
            line,
            col,
            span,
            path: DOCUMENT_PATH.to_owned(),
            message: message.into(),
            help,
        }
    }
}

/// The key path of findings about the document as a whole (syntax, encoding, size).
pub const DOCUMENT_PATH: &str = "(document)";

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
    /// The last answer: (line index, offset, chars from the line's start to it). Offsets
    /// asked in document order count only the characters in between, so locating many
    /// findings on one long line stays linear.
    last: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts, last: Cell::new((0, 0, 0)) }
    }

    /// Byte range of the line holding `off` (0-based line index too), without its `\n`.
    pub fn line_of(&self, off: usize) -> (usize, Range<usize>) {
        let off = off.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= off).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&n| n - 1);
        (line, start..end.max(start))
    }

    /// (line, col) of byte offset `off`, clamped into the text and onto a char boundary.
    pub fn at(&self, off: usize) -> (u32, u32) {
        let mut off = off.min(self.text.len());
        while off > 0 && !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= off).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let (l0, o0, c0) = self.last.get();
        let mut col = if l0 == line && (start..=off).contains(&o0) {
            c0 + self.text.get(o0..off).map_or(0, |s| s.chars().count())
        } else {
            self.text.get(start..off).map_or(0, |s| s.chars().count())
        };
        self.last.set((line, off, col));
        // a leading byte-order mark is invisible in editors: do not count it
        if line == 0 && off > 0 && self.text.starts_with('\u{feff}') {
            col -= 1;
        }
        (line as u32 + 1, col as u32 + 1)
    }
}

/// The byte length of the token starting at `off`, for underlining: a quoted string,
/// a table header, or a bare word / number. Never past the end of the line, always on a
/// char boundary, and it reads only as far as the token goes (not the whole line).
pub fn token_len(text: &str, off: usize) -> usize {
    let Some(rest) = text.get(off..) else { return 0 };
    let b = rest.as_bytes();
    // the line's end seen from a stop at `i` (a `\n` or the end): without a `\r` before it
    let line_end = |i: usize| if i > 0 && b[i - 1] == b'\r' { i - 1 } else { i };
    match b.first() {
        None | Some(b'\n') => 0,
        Some(b'\r') if b.get(1) == Some(&b'\n') => 0,
        Some(&q @ (b'"' | b'\'')) => {
            let mut i = 1;
            while i < b.len() && b[i] != b'\n' {
                if b[i] == q {
                    return i + 1;
                }
                let escape = b[i] == b'\\' && q == b'"' && b.get(i + 1).is_some_and(|&c| c != b'\n');
                i += if escape { 2 } else { 1 };
            }
            line_end(i)
        }
        Some(b'[') => match b.iter().position(|&c| c == b']' || c == b'\n') {
            Some(i) if b[i] == b']' => {
                if b.get(i + 1) == Some(&b']') {
                    i + 2
                } else {
                    i + 1
                }
            }
            Some(i) => line_end(i),
            None => line_end(b.len()),
        },
        Some(b'{') => 1,
        Some(_) => rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '=' | '#'))
            .map_or(rest.len(), |(i, c)| if i == 0 { c.len_utf8() } else { i }),
    }
}

/// Lines longer than this (in bytes) are not shown in code frames: the frame keeps its
/// `--> file:line:col` header and says so, so a finding on a 10 MB line prints a few
/// hundred bytes, not the line.
pub const MAX_FRAME_LINE: usize = 4096;

/// `s` with every character of [`crate::forbidden`] (C0, DEL, C1 and every Unicode format
/// character: zero-width, bidi, tags, …) written as `\u{..}` escapes, for text
/// shown on a terminal or in a log: a value quoted in a message can neither break a
/// one-line record nor send escape sequences. Borrowed when there is nothing to escape
/// (the usual case).
pub fn printable(s: &str) -> Cow<'_, str> {
    let bad = crate::forbidden::must_escape;
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            o.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            o.push(c);
        }
    }
    Cow::Owned(o)
}

/// Characters of a key or value quoted in any output: longer ones are cut, with an
/// ellipsis, so a 10 MB key is never a 10 MB line.
pub const QUOTE_MAX_CHARS: usize = 80;

/// A key or value as every output quotes it: [`printable`], and cut to
/// [`QUOTE_MAX_CHARS`] characters (the last one an ellipsis `…`) when longer. The one
/// place that decides how quoted text looks; the summary builder stores it beside the raw
/// text, so the build and run-time messages quote alike.
pub fn shown(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(QUOTE_MAX_CHARS) {
        None => printable(s),
        Some(_) => {
            let cut = s.char_indices().nth(QUOTE_MAX_CHARS - 1).map_or(s.len(), |(i, _)| i);
            let mut o = printable(&s[..cut]).into_owned();
            o.push('…');
            Cow::Owned(o)
        }
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

    /// `file:line:col: error[rule]: path: message`, on one line whatever the message
    /// quotes (see [`printable`] and [`crate::record`]).
    pub fn line_of(&self, d: &Diagnostic) -> String {
        crate::record::to_string(&self.file, d.line, d.col, d.severity, d.rule, &d.path, &d.message)
    }

    /// rustc-style code frames (plain text, no colour), one per finding.
    pub fn render(&self) -> String {
        self.render_with(&Renderer::plain(), &|_| None)
    }

    /// Code frames with ANSI colour.
    pub fn render_styled(&self) -> String {
        self.render_with(&Renderer::styled(), &|_| None)
    }

    /// Code frames (coloured when `styled`) with a `= note:` line under each finding that
    /// `note` has a text for, after its help (the linter notes the doc comment of the
    /// field a finding is about).
    pub fn render_noted(&self, styled: bool, note: &dyn Fn(&Diagnostic) -> Option<String>) -> String {
        let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
        self.render_with(&renderer, note)
    }

    /// Each frame shows only the finding's line (the renderer is handed that line, not the
    /// whole file, so rendering many findings of a large file stays linear); a line longer
    /// than [`MAX_FRAME_LINE`] is not shown at all. A leading byte-order mark is not shown,
    /// so the frame's `line:col` is the diagnostic's.
    fn render_with(&self, renderer: &Renderer, note: &dyn Fn(&Diagnostic) -> Option<String>) -> String {
        let mut out = String::new();
        let text: &str = &self.source;
        let lines = LineIndex::new(text);
        let file = printable(&self.file);
        for d in &self.items {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let title = format!("{}: {}", printable(&d.path), printable(&d.message));
            let span = clamp_span(text, d.span.clone());
            let (line, mut range) = lines.line_of(span.start);
            if line == 0 && text.starts_with('\u{feff}') {
                range.start = range.start.max('\u{feff}'.len_utf8()).min(range.end);
            }
            let title = level.primary_title(title).id(d.rule.id());
            let shown = (range.len() <= MAX_FRAME_LINE).then(|| {
                let (from, to) = (span.start.max(range.start), span.end.clamp(range.start, range.end));
                printable_line(&text[range.clone()], from.min(to) - range.start..to - range.start)
            });
            let mut group = if let Some((source, at)) = &shown {
                let snippet = Snippet::source(source.as_ref())
                    .line_start(line + 1)
                    .path(file.as_ref())
                    .annotation(AnnotationKind::Primary.span(at.clone()));
                Group::with_title(title).element(snippet)
            } else {
                let (l, c) = (d.line as usize, d.col as usize);
                let note = format!("line {l} is {} bytes long, too long to show", range.len());
                Group::with_title(title)
                    .element(Origin::path(file.as_ref()).line(l).char_column(c))
                    .element(Level::NOTE.message(note))
            };
            if let Some(h) = &d.help {
                group = group.element(Level::HELP.message(printable(h)));
            }
            if let Some(n) = note(d) {
                group = group.element(Level::NOTE.message(printable(&n).into_owned()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        out
    }
}

/// A source line as a code frame shows it: every character of [`crate::forbidden`] but
/// tab and carriage return (the renderer draws those itself) drawn as U+FFFD, one visible
/// character for one invisible one, so the frame's columns stay the file's (the title
/// and the one-line record name the character as `\u{..}`); the byte range `at` moves to
/// the same characters.
fn printable_line(line: &str, at: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let bad = |c: char| c != '\t' && c != '\r' && crate::forbidden::must_escape(c);
    if !line.chars().any(bad) {
        return (Cow::Borrowed(line), at);
    }
    let mut o = String::with_capacity(line.len() + 16);
    let (mut start, mut end) = (None, None);
    for (i, c) in line.char_indices() {
        if i >= at.start && start.is_none() {
            start = Some(o.len());
        }
        if i >= at.end && end.is_none() {
            end = Some(o.len());
        }
        if bad(c) {
            o.push('\u{fffd}');
        } else {
            o.push(c);
        }
    }
    let n = o.len();
    let start = start.unwrap_or(n);
    (Cow::Owned(o), start..end.unwrap_or(n).max(start))
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
mod tests;
