//! Invisible characters, one test per class (C0, DEL, C1 controls and each kind of Unicode
//! format character): each in a value and in a map key is a `control-char` finding with
//! its key path and line:col, at run time (`check_str`, written raw where TOML allows it
//! and as an escape) and at build time (the checked-in `.stderr` of
//! `ui/bad/nav_invisible.rs`, whose fixture holds every class).

use super::{build_findings, found, rejected};

mod nav {
    config_tests::nav_types!();
}

/// The one text the run-time tests check: a value at 4:14, a map key at 5:1.
fn text(lit: &str) -> String {
    format!(
        "menu = [{{ label = \"Home\" }}]\n\n[labels]\nv = {{ text = \"a{lit}b\" }}\n\"k{lit}\" = {{ text = \"ok\" }}\n"
    )
}

/// `c` in a value and in a map key: two `control-char` findings, each escaped in every
/// output; and the fixture's two lines for `class` in the build's output.
fn refused_everywhere(class: &str, c: char) {
    let cp = c as u32;
    let escape = if cp > 0xffff { format!("\\U{cp:08X}") } else { format!("\\u{cp:04X}") };
    let mut spellings = vec![escape];
    // TOML takes format characters raw in a basic string; controls only escaped
    if !c.is_control() {
        spellings.push(c.to_string());
    }
    let key_path = format!("labels.\"k\\u{{{cp:x}}}\"");
    for lit in spellings {
        let d = rejected::<nav::Nav>(&text(&lit));
        assert_eq!(
            found(&d),
            [("control-char", "labels.v.text", 4, 14), ("control-char", key_path.as_str(), 5, 1)],
            "{class} as {lit:?}: {}",
            d.one_line()
        );
        for out in [d.one_line(), d.render()] {
            assert!(!out.contains(c), "{class}: echoed raw in {out:?}");
        }
        assert!(d.items[1].message.starts_with("key \"k\\u{"), "{}", d.items[1].message);
    }
    let built = build_findings("nav_invisible");
    let fixture_key = format!("labels.\"k-{class}\\u{{{cp:x}}}\"");
    let value_path = format!("labels.v-{class}.text");
    for path in [value_path.as_str(), fixture_key.as_str()] {
        assert!(
            built.iter().any(|(rule, p, _, _)| rule == "control-char" && p == path),
            "{class}: the build does not report {path}: {built:?}"
        );
    }
}

macro_rules! classes {
    ($($test:ident: $class:literal, $c:literal;)*) => {
        $(
            #[test]
            fn $test() {
                refused_everywhere($class, $c);
            }
        )*

        /// The fixture holds exactly these classes, value then key, from line 5 on.
        #[test]
        fn the_build_reports_each_class_at_its_line() {
            let classes = [$($class),*];
            let built = build_findings("nav_invisible");
            let want: Vec<(String, String, u32, u32)> = classes
                .iter()
                .enumerate()
                .flat_map(|(i, class)| {
                    let line = 5 + 2 * i as u32;
                    let key = built.get(2 * i + 1).map(|f| f.1.clone()).unwrap_or_default();
                    assert!(key.starts_with(&format!("labels.\"k-{class}\\u{{")), "{key}");
                    [
                        ("control-char".to_owned(), format!("labels.v-{class}.text"), line, 15 + class.len() as u32),
                        ("control-char".to_owned(), key, line + 1, 1),
                    ]
                })
                .collect();
            assert_eq!(built, want);
        }
    };
}

classes! {
    c0_control: "c0", '\u{7}';
    del: "del", '\u{7f}';
    c1_control: "c1", '\u{85}';
    soft_hyphen: "shy", '\u{ad}';
    arabic_letter_mark: "alm", '\u{61c}';
    mongolian_vowel_separator: "mvs", '\u{180e}';
    zero_width_space: "zwsp", '\u{200b}';
    bidi_override: "bidi", '\u{202e}';
    word_joiner: "wj", '\u{2060}';
    bidi_isolate: "isolate", '\u{2066}';
    byte_order_mark_inside: "bom", '\u{feff}';
    tag_character: "tag", '\u{e0041}';
}

/// The other members of each class the table holds (spot checks beyond the fixture).
#[test]
fn every_member_of_the_listed_ranges_is_refused_in_a_value() {
    let ranges = [
        ('\u{200b}', '\u{200f}'),
        ('\u{202a}', '\u{202e}'),
        ('\u{2060}', '\u{2064}'),
        ('\u{2066}', '\u{2069}'),
        ('\u{e0000}', '\u{e007f}'),
    ];
    for (a, b) in ranges {
        for c in a..=b {
            let d = rejected::<nav::Nav>(&text(&c.to_string()));
            assert_eq!(d.items[0].rule.id(), "control-char", "U+{:04X}", c as u32);
        }
    }
}

/// A file may start with a byte order mark: that is encoding, not a value.
#[test]
fn a_leading_byte_order_mark_is_not_a_finding() {
    let good = "\u{feff}menu = [{ label = \"Home\" }]\n";
    config_runtime::check_str::<nav::Nav>("bom.toml", good).unwrap();
}

/// Keys inside table headers and dotted keys are keys too.
#[test]
fn keys_in_headers_and_dotted_keys() {
    let d = rejected::<nav::Nav>(
        "menu = [{ label = \"Home\" }]\n[labels.\"x\u{200b}\"]\ntext = \"ok\"\n[labels]\n\"y\u{200d}\".text = \"ok\"\n",
    );
    assert_eq!(
        found(&d),
        [("control-char", "labels.\"x\\u{200b}\"", 2, 9), ("control-char", "labels.\"y\\u{200d}\"", 5, 1)],
        "{}",
        d.one_line()
    );
}
