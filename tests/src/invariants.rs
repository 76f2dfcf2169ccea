//! Invariants every answer of the engine must satisfy, whatever the input: shared by the
//! property tests (`tests/prop_*.rs`), the hostile-input tests and the fuzz targets
//! (`fuzz/`). Each returns a description of the first violation instead of panicking, so
//! callers choose how to fail.

use config_runtime::{Diagnostics, ErrorReport};

/// 1-based (line, column in chars) of byte offset `off`, computed naively and
/// independently of `LineIndex`: a leading byte-order mark is not a column.
pub fn naive_line_col(text: &str, off: usize) -> (u32, u32) {
    let mut off = off.min(text.len());
    while off > 0 && !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = before[start..].chars().count() + 1;
    if line == 1 && off > 0 && text.starts_with('\u{feff}') {
        col -= 1;
    }
    (line as u32, col as u32)
}

/// Number of lines a location may name: the count of `\n` plus one.
pub fn line_count(text: &str) -> u32 {
    text.bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// Length in chars of 1-based line `line` (without its `\r\n` / `\n`).
pub fn line_chars(text: &str, line: u32) -> Option<usize> {
    let l = text.split('\n').nth(line.checked_sub(1)? as usize)?;
    Some(l.strip_suffix('\r').unwrap_or(l).chars().count())
}

/// A located position lies inside the text: an existing line, a column at most one past
/// the line's last character (the end-of-line position).
pub fn location_inside(text: &str, line: u32, col: u32) -> Result<(), String> {
    if line == 0 || col == 0 {
        return Err(format!("location {line}:{col} is not 1-based"));
    }
    let Some(n) = line_chars(text, line) else {
        return Err(format!("line {line} is past the last line ({})", line_count(text)));
    };
    // `\r` before `\n` counts as a column of its own for an offset pointing at it
    if col as usize > n + 2 {
        return Err(format!("column {col} is past the end of line {line} ({n} chars)"));
    }
    Ok(())
}

/// Every diagnostic of `d` is inside `text`: span within the bytes and on char boundaries,
/// line and column equal to the naive computation from the span's start, and inside the text.
pub fn diagnostics_inside(text: &str, d: &Diagnostics) -> Result<(), String> {
    if &*d.source != text {
        return Err("diagnostics carry a different source text".to_owned());
    }
    for x in &d.items {
        let what = || {
            format!(
                "{}:{}: {}[{}] {}: {}",
                x.line,
                x.col,
                x.severity.as_str(),
                x.rule.id(),
                x.path,
                x.message
            )
        };
        if x.span.start > x.span.end || x.span.end > text.len() {
            return Err(format!(
                "span {:?} outside the {} bytes of the text: {}",
                x.span,
                text.len(),
                what()
            ));
        }
        if !text.is_char_boundary(x.span.start) || !text.is_char_boundary(x.span.end) {
            return Err(format!("span {:?} is not on char boundaries: {}", x.span, what()));
        }
        let (line, col) = naive_line_col(text, x.span.start);
        if (line, col) != (x.line, x.col) {
            return Err(format!("span starts at {line}:{col}, the diagnostic says {}: {}", x.line, what()));
        }
        location_inside(text, x.line, x.col).map_err(|e| format!("{e}: {}", what()))?;
        if x.path.is_empty() {
            return Err(format!("empty key path: {}", what()));
        }
    }
    Ok(())
}

/// Every item of a `Live` error report is located inside `text` (the bytes as read, when
/// they were UTF-8).
pub fn report_inside(text: &str, r: &ErrorReport) -> Result<(), String> {
    if r.items.is_empty() {
        return Err("an error report without items".to_owned());
    }
    for x in &r.items {
        location_inside(text, x.line, x.col)
            .map_err(|e| format!("{e}: [{}] {}: {}", x.rule, x.path, x.message))?;
    }
    Ok(())
}

/// The code frames of `d` (`Diagnostics::render`) agree with the diagnostics: one frame per
/// item, each naming `file:line:col` of its item, and no frame longer than a bound that
/// does not grow with the length of the source line (a 10 MB line is not printed whole).
pub fn frames_consistent(d: &Diagnostics, rendered: &str) -> Result<(), String> {
    let mut rest = rendered;
    for x in &d.items {
        let head = format!("--> {}:{}:{}", d.file, x.line, x.col);
        let Some(i) = rest.find(&head) else {
            return Err(format!("no frame header `{head}` (in order) in the rendering"));
        };
        rest = &rest[i + head.len()..];
    }
    let budget = d
        .items
        .iter()
        .map(|x| {
            2048 + 4 * (x.message.len() + x.path.len() + d.file.len())
                + x.help.as_ref().map_or(0, |h| 4 * h.len())
        })
        .sum::<usize>();
    if rendered.len() > budget {
        return Err(format!(
            "rendering is {} bytes for {} findings (budget {budget})",
            rendered.len(),
            d.items.len()
        ));
    }
    Ok(())
}
