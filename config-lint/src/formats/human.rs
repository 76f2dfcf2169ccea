//! Human output: rustc-style code frames (plain, or coloured on a terminal), then the
//! summary line. Frames come from `config_core::Diagnostics::render`, the same renderer
//! as the build error and `Live`'s reports, given a source whose C1 controls are drawn as
//! U+FFFD ([`frames`]).

use super::CheckTotals;
use config_core::Diagnostics;
use std::io::{self, Write};

pub fn write(
    reports: &[Diagnostics],
    totals: &CheckTotals,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in reports.iter().filter(|d| !d.is_empty()) {
        out.write_all(frames(d, color).as_bytes())?;
    }
    writeln!(out, "{}", totals.line())
}

/// The code frames of `d`. A frame shows the finding's source line; the frame renderer
/// draws C0 controls, DEL and the bidi controls as visible symbols, but passes C1 controls
/// (U+0080..U+009F) through, and U+009B is CSI, an escape sequence to a terminal. Those are
/// drawn as U+FFFD here: the frames are rendered from a copy of the source with each one
/// replaced and the spans moved by the byte each replacement adds (lines and columns, in
/// characters, stay as they are).
pub(crate) fn frames(d: &Diagnostics, color: bool) -> String {
    let shown = without_c1(d);
    let d = shown.as_ref().unwrap_or(d);
    if color { d.render_styled() } else { d.render() }
}

fn is_c1(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}')
}

/// `d` with every C1 control of its source replaced by U+FFFD; `None` when it has none.
fn without_c1(d: &Diagnostics) -> Option<Diagnostics> {
    if !d.source.chars().any(is_c1) {
        return None;
    }
    let mut text = String::with_capacity(d.source.len() + 16);
    // byte offsets of the replaced characters; each grows from 2 bytes to 3
    let mut replaced = Vec::new();
    for (i, c) in d.source.char_indices() {
        if is_c1(c) {
            replaced.push(i);
            text.push('\u{fffd}');
        } else {
            text.push(c);
        }
    }
    let moved = |off: usize| off + replaced.partition_point(|&r| r < off);
    let mut shown = Diagnostics::new(d.file.clone(), text);
    shown.items = d
        .items
        .iter()
        .map(|x| {
            let mut x = x.clone();
            x.span = moved(x.span.start)..moved(x.span.end);
            x
        })
        .collect();
    Some(shown)
}
