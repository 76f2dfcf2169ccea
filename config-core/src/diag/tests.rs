//! Unit tests of `diag`.

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
fn a_leading_bom_is_not_a_column() {
    let t = "\u{feff}n = x";
    assert_eq!(LineIndex::new(t).at(3), (1, 1));
    assert_eq!(LineIndex::new(t).at(7), (1, 5));
}

#[test]
fn token_lengths() {
    assert_eq!(token_len("\"ab\\\"c\" # x", 0), 7);
    assert_eq!(token_len("[[menu.children]]\n", 0), 17);
    assert_eq!(token_len("[a]\n", 0), 3);
    assert_eq!(token_len("300\n", 0), 3);
    assert_eq!(token_len("x = 1", 0), 1);
    // never past the line, never inside a char (found by fuzzing: U+3000 is whitespace)
    assert_eq!(token_len("\u{3000}foo = 1", 0), 3);
    assert_eq!(token_len("\"abc\r\nx\"", 0), 4);
    assert_eq!(token_len("\"a\\\nb\"", 0), 3);
    assert_eq!(token_len("[a\r\n]", 0), 2);
    assert_eq!(token_len("\r\n", 0), 0);
    assert_eq!(token_len("\n", 0), 0);
    assert_eq!(token_len("é=1", 0), 2);
}

#[test]
fn token_len_reads_only_the_token() {
    // a token at the start of a 16 MB line: the cost of the token, not of the line
    let line = format!("x{}", " 1".repeat(8 << 20));
    let t = std::time::Instant::now();
    for _ in 0..1000 {
        assert_eq!(token_len(&line, 0), 1);
    }
    assert!(t.elapsed() < std::time::Duration::from_secs(2), "{:?}", t.elapsed());
}

#[test]
fn columns_on_one_long_line_are_counted_once() {
    let t = "é".repeat(100_000);
    let li = LineIndex::new(&t);
    for i in (0..100_000).step_by(1000) {
        assert_eq!(li.at(2 * i), (1, i as u32 + 1));
    }
    assert_eq!(li.at(2), (1, 2)); // going back recounts
}

fn one(text: &str, span: Range<usize>) -> Diagnostics {
    let mut d = Diagnostics::new("f.toml", text);
    let (line, col) = LineIndex::new(text).at(span.start);
    d.items.push(Diagnostic {
        rule: RuleId::Syntax,
        severity: Severity::Error,
        line,
        col,
        span,
        path: "(document)".into(),
        message: "m".into(),
        help: None,
    });
    d
}

#[test]
fn frame_headers_agree_with_the_diagnostic() {
    // at the end of a file ending in a newline (found by fuzzing), after a byte-order
    // mark, after a tab, on a `\r\n` line, on a later line
    for (text, span, at) in [
        ("[''']\n", 6..6, "f.toml:2:1"),
        ("\u{feff}a = [\n", 8..8, "f.toml:1:6"),
        ("a\t= 1\nb = \"x\n", 12..12, "f.toml:2:7"),
        ("x = \"a\r\n", 7..7, "f.toml:1:8"),
        ("a = 1\nb = 2", 10..11, "f.toml:2:5"),
    ] {
        let d = one(text, span);
        assert!(d.one_line().starts_with(&format!("{at}:")), "{}", d.one_line());
        assert!(d.render().contains(&format!("--> {at}\n")), "{text:?}:\n{}", d.render());
    }
}

#[test]
fn long_lines_are_not_printed() {
    let text = format!("a = 1\nx = \"{}\"\n", "y".repeat(10 << 20));
    let d = one(&text, 10..text.len() - 1);
    let r = d.render();
    assert!(r.len() < 300, "{r}");
    assert!(r.contains("--> f.toml:2:5") && r.contains("too long to show"), "{r}");
    // a line at the limit is shown
    let text = format!("x = \"{}\"", "y".repeat(MAX_FRAME_LINE - 6));
    assert!(one(&text, 4..text.len()).render().contains("yyyy"));
}

#[test]
fn control_characters_are_escaped_for_display() {
    assert_eq!(printable("plain é"), Cow::Borrowed("plain é"));
    assert_eq!(printable("a\u{1b}[2J\nb\u{202e}c\u{85}"), "a\\u{1b}[2J\\u{a}b\\u{202e}c\\u{85}");
    let mut d = one("x = 1\n", 4..5);
    d.items[0].message = "\"java\tscript:\u{1b}]0;x\u{7}\" is not a safe link".into();
    d.items[0].help = Some("\u{202e}".into());
    for out in [d.one_line(), d.render(), d.to_string()] {
        assert!(!out.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'), "{out:?}");
    }
    assert_eq!(d.one_line().lines().count(), 1);
}

#[test]
fn shown_escapes_and_cuts_at_80_chars() {
    assert_eq!(shown("plain"), Cow::Borrowed("plain"));
    assert_eq!(shown(&"x".repeat(80)), "x".repeat(80));
    assert_eq!(shown(&"ş".repeat(81)), format!("{}…", "ş".repeat(79)));
    assert_eq!(shown("a\u{200b}b"), "a\\u{200b}b");
    let long = format!("{}\u{1b}{}", "y".repeat(10), "z".repeat(10_000_000));
    let s = shown(&long);
    assert_eq!(s.chars().count(), 79 - 1 + "\\u{1b}".len() + 1, "{s}");
    assert!(!s.contains('\u{1b}'));
}

#[test]
fn notes_go_under_the_findings_they_are_for() {
    let mut d = one("a = 1\nb = 2\n", 4..5);
    d.items.push(Diagnostic { line: 2, col: 5, span: 10..11, path: "b".into(), ..d.items[0].clone() });
    let r = d.render_noted(false, &|x| (x.path == "b").then(|| "What b is for.\u{1b}".to_owned()));
    let Some((first, second)) = r.split_once("f.toml:2:5") else { unreachable!("{r}") };
    assert!(!first.contains("note"), "{r}");
    assert!(second.contains("= note: What b is for.\\u{1b}"), "{r}");
    assert_eq!(d.render_noted(false, &|_| None), d.render());
}
