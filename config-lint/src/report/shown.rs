//! What the page may show of a string the user wrote (a menu title, a key path, a
//! message quoting a value): never a raw control or invisible character, never a
//! megabyte. The template escapes HTML; this module escapes what HTML would still
//! render invisibly or misleadingly and cuts what is too long.
//!
//! - Control and every invisible format character (zero-width, bidi, BOM, tags, …):
//!   `config_core::diag::printable` (the one forbidden-character table, which the checker
//!   refuses in values too), written as `\u{..}`.
//! - Longer than the limit (in characters): cut, with `…`. Quoted keys and values inside
//!   messages are already cut to 80 by the engine (`config_core::diag::shown`); the limits
//!   here bound whole names, messages and frame lines on the page.

use config_core::diag::printable;

/// Menu titles, keys, rule and field names.
pub(crate) const NAME_CHARS: usize = 80;
/// Messages, help lines, key paths.
pub(crate) const TEXT_CHARS: usize = 600;
/// Lines of a code frame (the caret line too).
pub(crate) const FRAME_LINE_CHARS: usize = 1000;

/// `s` made safe to show, at most `max` characters (plus the `…`).
pub(crate) fn shown(s: &str, max: usize) -> String {
    let p = printable(s);
    let mut out = String::with_capacity(p.len().min(max * 4));
    for (n, c) in p.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// A multi-line text (a code frame): each line as [`shown`], line breaks kept.
pub(crate) fn shown_lines(s: &str, max_line: usize) -> String {
    s.split('\n').map(|l| shown(l.trim_end_matches('\r'), max_line)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_invisible_characters_are_written_out() {
        assert_eq!(shown("Sale\u{202e}gnp.exe", 80), "Sale\\u{202e}gnp.exe");
        assert_eq!(shown("a\u{1b}[31mred", 80), "a\\u{1b}[31mred");
        assert_eq!(shown("Wo\u{200b}men\u{feff}", 80), "Wo\\u{200b}men\\u{feff}");
        assert_eq!(shown("line\nbreak", 80), "line\\u{a}break");
        // ordinary text stays as it is; a zero-width joiner is an invisible character
        assert_eq!(shown("Café 👩💻 <b>", 80), "Café 👩💻 <b>");
        assert_eq!(shown("👩\u{200d}💻", 80), "👩\\u{200d}💻");
    }

    #[test]
    fn long_text_is_cut_by_characters() {
        assert_eq!(shown("ééééé", 3), "ééé…");
        assert_eq!(shown("abc", 3), "abc");
        assert_eq!(shown_lines("ab\ncdef\r\n", 3), "ab\ncde…\n");
    }
}
