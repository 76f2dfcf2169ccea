//! What the page may show of a string the user wrote (a menu title, a key path, a
//! message quoting a value): never a raw control or invisible character, never a
//! megabyte. The template escapes HTML; this module escapes what HTML would still
//! render invisibly or misleadingly and cuts what is too long.
//!
//! - Control and bidi embedding / override / isolate characters: `config_core::diag::printable`
//!   (the one forbidden-character table), written as `\u{..}`.
//! - Invisible format characters that carry no letter: zero-width space (U+200B), word
//!   joiner and invisible operators (U+2060–U+2064), and the BOM (U+FEFF), also written as
//!   `\u{..}`. Joiners that shape scripts and emoji (U+200C, U+200D) and the direction marks
//!   (U+200E, U+200F) are left alone: they are part of ordinary text.
//! - Longer than the limit (in characters): cut, with `…`.

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
        if invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A multi-line text (a code frame): each line as [`shown`], line breaks kept.
pub(crate) fn shown_lines(s: &str, max_line: usize) -> String {
    s.split('\n').map(|l| shown(l.trim_end_matches('\r'), max_line)).collect::<Vec<_>>().join("\n")
}

fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
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
        // ordinary text stays as it is, joiners of emoji included
        assert_eq!(shown("Café 👩\u{200d}💻 <b>", 80), "Café 👩\u{200d}💻 <b>");
    }

    #[test]
    fn long_text_is_cut_by_characters() {
        assert_eq!(shown("ééééé", 3), "ééé…");
        assert_eq!(shown("abc", 3), "abc");
        assert_eq!(shown_lines("ab\ncdef\r\n", 3), "ab\ncde…\n");
    }
}
