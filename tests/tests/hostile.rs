#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Hostile values, one test per case: each must be answered by a located diagnostic
//! (never a panic, a hang or a silent pass), through the same `check_str` that `Live`
//! and the linter use. Locations are also checked against the text
//! (`config_tests::invariants`).

use config_runtime::{Config, Diagnostics, check_str};
use config_tests::invariants::{diagnostics_inside, frames_consistent};
use serde::Deserialize;
use shop::Marketing;

mod nav {
    config_tests::nav_types!();
}

/// A promotion and a menu entry around the given TOML fragments.
fn shop_text(title: &str, banner_url: &str, menu_url: &str) -> String {
    format!(
        "free_shipping_over_cents = 4900\n\n[[promotions]]\nid = \"bf\"\ntitle = {title}\n\
         starts = 2026-11-27T00:00:00+02:00\nends = 2026-11-30T00:00:00+02:00\npercent_off = 30\n\
         banner_url = {banner_url}\n\n[[menu]]\ntitle = \"Women\"\nurl = {menu_url}\n"
    )
}

/// Runs `check_str` and returns its diagnostics, which must exist and be located inside `text`.
fn rejected<T: config_runtime::HasSchema + serde::de::DeserializeOwned>(text: &str) -> Diagnostics {
    let Err(d) = check_str::<T>("hostile.toml", text) else {
        panic!("accepted:\n{}", &text[..text.len().min(2000)]);
    };
    diagnostics_inside(text, &d).unwrap();
    frames_consistent(&d, &d.render()).unwrap();
    d
}

/// (rule, path, line, col) of each finding `cargo build` printed for `ui/bad/<name>.rs`
/// (its checked-in `.stderr`, which the UI test keeps equal to what the build prints).
fn build_findings(name: &str) -> Vec<(String, String, u32, u32)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/bad/{name}.stderr"));
    let stderr = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    config_tests::invariants::printed_build_findings(&stderr)
}

/// (rule, path, line, col) of each finding.
fn found(d: &Diagnostics) -> Vec<(&str, &str, u32, u32)> {
    d.items.iter().map(|x| (x.rule.id(), x.path.as_str(), x.line, x.col)).collect()
}

/// Each value, as a TOML basic string, as the banner and as a menu link: two `url` findings.
fn links_refused(values: &[&str]) {
    for v in values {
        let lit = toml_basic(v);
        let text = shop_text("\"Sale\"", &lit, &lit);
        let d = rejected::<Marketing>(&text);
        let urls: Vec<_> = found(&d).into_iter().filter(|f| f.0 == "url").collect();
        assert_eq!(
            urls,
            [("url", "promotions[0].banner_url", 9, 14), ("url", "menu[0].url", 13, 7)],
            "{v:?}: {}",
            d.one_line()
        );
    }
}

/// `s` as a TOML basic string literal (every non-printable char escaped).
fn toml_basic(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() || ('\u{2000}'..='\u{206f}').contains(&c) => {
                o.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[test]
fn url_javascript_in_any_case() {
    links_refused(&["javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "jAvAsCrIpT:x"]);
}

#[test]
fn url_javascript_with_tab_newline_or_nul_inside() {
    links_refused(&["java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:x", "java\u{0}script:x"]);
}

#[test]
fn url_leading_or_trailing_spaces() {
    links_refused(&[
        " javascript:alert(1)",
        "  /sale",
        "\t/sale",
        "/sale ",
        "\u{a0}/sale",
        "\u{3000}javascript:x",
        "\u{feff}/sale",
        "/sa le",
    ]);
}

#[test]
fn url_protocol_relative() {
    links_refused(&[
        "//evil.example",
        "//evil.example/sale",
        "///evil.example",
        "https:evil.example",
        "http:/evil",
    ]);
}

#[test]
fn url_backslashes() {
    links_refused(&[
        "\\\\evil",
        "\\\\evil.example\\x",
        "/\\evil.example",
        "https:\\\\evil.example",
        "/sale\\x",
    ]);
}

#[test]
fn url_percent_encoded_schemes() {
    links_refused(&[
        "%6Aavascript:alert(1)",
        "javascript%3Aalert(1)",
        "%2F%2Fevil.example",
        "&#106;avascript:alert(1)",
        "\u{FF0F}\u{FF0F}evil.example",
    ]);
}

#[test]
fn url_data() {
    links_refused(&[
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        " data:x",
    ]);
}

#[test]
fn url_vbscript_and_other_schemes() {
    links_refused(&["vbscript:msgbox(1)", "VBScript:x", "file:///etc/passwd", "ftp://host/x", "mailto:x@y"]);
}

#[test]
fn url_without_host() {
    links_refused(&["https://", "http:///x", "https://@evil", "https://:80/x", "https://?x", ""]);
}

#[test]
fn url_good_links_pass() {
    let text = shop_text("\"Sale\"", "\"https://cdn.shop.example/b.png?x=1#y\"", "\"/women\"");
    check_str::<Marketing>("ok.toml", &text).unwrap();
}

#[test]
fn bidi_overrides_in_titles() {
    for c in [
        '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}',
    ] {
        // escaped in the TOML text, and written raw
        for title in [toml_basic(&format!("Sale {c}50%")), format!("\"Sale {c}50%\"")] {
            let text = shop_text(&title, "\"/sale\"", "\"/women\"");
            let d = rejected::<Marketing>(&text);
            assert_eq!(found(&d), [("control-char", "promotions[0].title", 5, 9)], "U+{:04X}", c as u32);
        }
    }
}

#[test]
fn control_characters_in_titles() {
    let controls = [
        '\u{0}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}', '\u{85}',
        '\u{9b}',
    ];
    for c in controls {
        let text = shop_text(&toml_basic(&format!("Sale{c}[31m")), "\"/sale\"", "\"/women\"");
        let d = rejected::<Marketing>(&text);
        assert_eq!(found(&d), [("control-char", "promotions[0].title", 5, 9)], "U+{:04X}", c as u32);
        // the value is never echoed raw: no control character in the linter's output
        for out in [d.one_line(), d.render()] {
            assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        }
    }
    // tab, newline and carriage return are text
    let text = shop_text("\"\"\"Sale\n50%\toff\r\n\"\"\"", "\"/sale\"", "\"/women\"");
    check_str::<Marketing>("ok.toml", &text).unwrap();
}

#[test]
fn control_characters_in_a_link_are_not_echoed() {
    let text = shop_text("\"Sale\"", &toml_basic("javascript:\u{1b}]0;pwned\u{7}\u{1b}[2J"), "\"/women\"");
    let d = rejected::<Marketing>(&text);
    for out in [d.one_line(), d.render()] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert_eq!(out.lines().filter(|l| l.contains("error[")).count(), d.len(), "{out}");
    }
}

const TEN_MB: usize = 10 << 20;

#[test]
fn ten_megabyte_single_line_title() {
    let title = format!("\"{}\"", "x".repeat(TEN_MB));
    let text = shop_text(&title, "\"/sale\"", "\"/women\"");
    let d = rejected::<Marketing>(&text);
    assert_eq!(found(&d), [("len", "promotions[0].title", 5, 9)]);
    assert!(d.items[0].message.contains(&format!("has {TEN_MB} characters")), "{}", d.items[0].message);
    let frames = d.render();
    assert!(frames.len() < 4096, "a 10 MB line is not printed: {} bytes", frames.len());
    assert!(d.one_line().len() < 512);
}

#[test]
fn ten_megabyte_single_line_link_and_comment() {
    // a bad link of 10 MB: the message quotes a short prefix only
    let url = format!("\"javascript:{}\"", "a".repeat(TEN_MB));
    let text = shop_text("\"Sale\"", &url, "\"/women\"") + "# " + &"#".repeat(TEN_MB) + "\n";
    let d = rejected::<Marketing>(&text);
    assert_eq!(found(&d), [("url", "promotions[0].banner_url", 9, 14)]);
    assert!(d.one_line().len() < 512, "{}", d.one_line().len());
    assert!(d.render().len() < 4096);
    // one line of 10 MB that holds the whole document
    let inline = format!(
        "free_shipping_over_cents = 1, menu = [{{ title = \"{}\", url = \"/x\" }}]",
        "y".repeat(TEN_MB)
    );
    let d = rejected::<Marketing>(&inline);
    assert_eq!(d.items[0].rule.id(), "syntax", "{}", d.one_line());
    let inline = format!(
        "menu = [{{ title = \"{}\", url = \"/x\" }}]\nfree_shipping_over_cents = 1",
        "y".repeat(TEN_MB)
    );
    let d = rejected::<Marketing>(&inline);
    assert_eq!(found(&d), [("max-json-bytes", "menu", 1, 1), ("len", "menu[0].title", 1, 19)]);
    assert!(d.render().len() < 4096);
}

#[derive(Config, Deserialize, Debug)]
pub struct Lists {
    #[config(len(max = 10))]
    #[serde(default)]
    pub small: Vec<u8>,
    #[config(len(min = 1, max = 1000))]
    #[serde(default)]
    pub names: Vec<String>,
}

#[test]
fn million_element_array_against_len() {
    let text = format!("small = [{}]\n", vec!["1"; 1_000_000].join(","));
    let d = rejected::<Lists>(&text);
    assert_eq!(found(&d), [("len", "small", 1, 1)]);
    assert!(d.items[0].message.contains("has 1000000 items"), "{}", d.items[0].message);
    // the same in a multi-line array of strings, with one bad element far down
    let mut names: Vec<String> = (0..1_000_000).map(|i| format!("\"n{i}\"")).collect();
    names[999_999] = "7".into();
    let text = format!("names = [\n{}\n]\n", names.join(",\n"));
    let d = rejected::<Lists>(&text);
    assert_eq!(found(&d), [("len", "names", 1, 1), ("type", "names[999999]", 1_000_001, 1)]);
}

#[test]
fn million_element_array_of_bad_values_is_reported_in_bounded_space() {
    // every element is out of range: the report is capped, not a million findings
    let text = format!("small = [{}]\n", vec!["300"; 1_000_000].join(","));
    let d = rejected::<Lists>(&text);
    let cap = config_runtime::__private::core::check_str::MAX_PER_RULE;
    assert_eq!(d.len(), 1 + cap + 1, "{} findings", d.len());
    assert_eq!(found(&d)[..2], [("len", "small", 1, 1), ("range", "small[0]", 1, 10)]);
    // the last one says how many more there are, at the first one not listed
    let more = &d.items[cap + 1];
    let at = (more.rule.id(), more.path.clone(), more.col as usize);
    assert_eq!(at, ("range", format!("small[{cap}]"), 10 + 4 * cap));
    assert!(
        more.message.starts_with("at least ") && more.message.contains("more `range` findings not listed")
    );
    assert!(d.one_line().len() < 200 * (cap + 2) && d.render().len() < 400 * (cap + 2));
}

#[test]
fn integer_overflow_literals() {
    for (lit, rule) in [
        ("99999999999999999999", "range"),
        ("-99999999999999999999", "range"),
        ("9223372036854775808", "range"),
        ("0xffffffffffffffffffff", "range"),
        ("0o7777777777777777777777777", "range"),
        ("0b11111111111111111111111111111111111111111111111111111111111111111", "range"),
        ("4294967296", "range"),
        ("1_000_000_000_000_000_000_000_000_000_000_000_000_000", "range"),
    ] {
        let text = format!("free_shipping_over_cents = {lit}\n");
        let d = rejected::<Marketing>(&text);
        assert_eq!(found(&d), [(rule, "free_shipping_over_cents", 1, 28)], "{lit}: {}", d.one_line());
    }
    // a literal of a million digits
    let text = format!("free_shipping_over_cents = {}\n", "9".repeat(1_000_000));
    let d = rejected::<Marketing>(&text);
    assert_eq!(found(&d), [("range", "free_shipping_over_cents", 1, 28)]);
    assert!(d.one_line().len() < 512);
    // a u8 field: 256 and a wrapped-looking 2^64 + 1
    let text = shop_text("\"Sale\"", "\"/sale\"", "\"/women\"")
        .replace("percent_off = 30", "percent_off = 18446744073709551617");
    let d = rejected::<Marketing>(&text);
    assert_eq!(found(&d), [("range", "promotions[0].percent_off", 8, 15)]);
}

#[test]
fn nan_and_infinity_against_range() {
    for (lit, what) in [
        ("nan", "NaN"),
        ("+nan", "NaN"),
        ("-nan", "NaN"),
        ("inf", "above the maximum"),
        ("+inf", "above the maximum"),
        ("-inf", "below the minimum"),
        ("1e309", "above the maximum"),
    ] {
        let text = format!("menu = []\nratio = {lit}\n");
        let d = rejected::<nav::Nav>(&text);
        assert_eq!(found(&d), [("range", "ratio", 2, 9)], "{lit}: {}", d.one_line());
        assert!(d.items[0].message.contains(what), "{lit}: {}", d.items[0].message);
    }
}

#[test]
fn duplicate_keys() {
    for (text, line, col) in [
        ("free_shipping_over_cents = 1\nfree_shipping_over_cents = 2\n", 2, 1),
        ("free_shipping_over_cents = 1\n\"free_shipping_over_cents\" = 2\n", 2, 1),
        ("free_shipping_over_cents = 1\n'free_shipping_over_cents' = 2\n", 2, 1),
        ("free_shipping_over_cents = 1\n\"free_shipping_over_\\u0063ents\" = 2\n", 2, 1),
        ("free_shipping_over_cents = 1\n[[menu]]\ntitle = \"a\"\ntitle = \"b\"\nurl = \"/\"\n", 4, 1),
        ("[a]\nx = 1\n[a]\ny = 2\n", 3, 2),
        ("a.b = 1\n[a]\nb = 2\n", 2, 2),
    ] {
        let d = rejected::<Marketing>(text);
        assert_eq!(d.len(), 1, "{text}: {}", d.one_line());
        assert_eq!(d.items[0].rule.id(), "syntax", "{text}");
        assert_eq!((d.items[0].line, d.items[0].col), (line, col), "{text}: {}", d.one_line());
    }
}

#[test]
fn unique_ids_differing_only_by_unicode_normalisation() {
    let promo = |id: &str| {
        format!(
            "[[promotions]]\nid = \"{id}\"\ntitle = \"t\"\nstarts = 2026-11-27T00:00:00+02:00\n\
             ends = 2026-11-30T00:00:00+02:00\npercent_off = 30\n\n"
        )
    };
    // NFC `café` and NFD `cafe` + COMBINING ACUTE ACCENT, raw and escaped
    for (a, b) in [("caf\u{e9}", "cafe\u{301}"), ("caf\\u00E9", "cafe\\u0301"), ("\u{212b}", "\u{c5}")] {
        let text = format!("free_shipping_over_cents = 1\n\n{}{}", promo(a), promo(b));
        let d = rejected::<Marketing>(&text);
        assert_eq!(found(&d), [("unique", "promotions[1].id", 11, 6)], "{a} / {b}");
    }
    // many items (the hashed path) with the duplicate last
    let mut text = String::from("free_shipping_over_cents = 1\n\n");
    for i in 0..40 {
        text.push_str(&promo(&format!("caf\u{e9}-{i}")));
    }
    text.push_str(&promo("cafe\u{301}-7"));
    let d = rejected::<Marketing>(&text);
    assert_eq!(found(&d), [("len", "promotions", 3, 1), ("unique", "promotions[40].id", 284, 6)][1..]);
    // different letters stay different
    let text = format!("free_shipping_over_cents = 1\n\n{}{}", promo("caf\u{e9}"), promo("cafe"));
    check_str::<Marketing>("ok.toml", &text).unwrap();
}

#[test]
fn unique_scalars_differing_only_by_unicode_normalisation() {
    let text = "menu = []\ntags = [\"caf\u{e9}\", \"cafe\u{301}\"]\n";
    let d = rejected::<nav::Nav>(text);
    assert_eq!(found(&d), [("unique", "tags[1]", 2, 17)]);
}

/// A map's entries share one position while the file passes (the cost of a map of many
/// keys is that of its values, not of a position per key); every bad entry is still
/// listed, also past the unfolding budget.
#[test]
fn map_entries_are_folded_yet_every_bad_one_is_listed() {
    let mut text = String::from("menu = [{ label = \"Home\" }]\n[labels]\n");
    let n = 200_000;
    for i in 0..n {
        let v = if i == 7 || i == 9 || i == n - 1 { "far too long a label" } else { "ok" };
        text.push_str(&format!("k{i} = {{ text = \"{v}\" }}\n"));
    }
    let d = rejected::<nav::Nav>(&text);
    let last = format!("labels.k{}.text", n - 1);
    assert_eq!(
        found(&d),
        [
            ("len", "labels.k7.text", 10, 15),
            ("len", "labels.k9.text", 12, 15),
            ("len", last.as_str(), n as u32 + 2, 20),
        ],
        "{}",
        d.one_line()
    );
}

#[path = "hostile/invisible.rs"]
mod invisible;
#[path = "hostile/links.rs"]
mod links;
