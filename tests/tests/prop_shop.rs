#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Property tests against the shop's schema (`shop::Marketing`):
//!
//! - configs generated within every rule, written as TOML, are accepted by `check_str`,
//!   equal to what serde (`toml::from_str`) makes of the same text, and equal to the value
//!   the baked blob decodes to;
//! - random edits of such texts never panic, and every diagnostic is located inside the
//!   edited text; whatever is still accepted obeys every rule;
//! - the shipped `examples/shop/marketing.toml`: `Marketing::baked() == check_str`.

use chrono::{DateTime, FixedOffset, TimeZone};
use config_runtime::__private::core::{blob, check_str as cs};
use config_runtime::{Diagnostics, check_str};
use config_tests::invariants::{diagnostics_inside, frames_consistent};
use proptest::prelude::*;
use shop::{Marketing, MenuItem, Promotion};
use std::collections::HashSet;

/// Printable text, with letters outside ASCII, quotes, backslashes, tabs and newlines
/// (U+00AD, the soft hyphen inside Latin-1, is an invisible format character: not text).
fn text_chars() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => proptest::char::range(' ', '~'),
        2 => proptest::char::range('\u{a1}', '\u{17f}').prop_filter("not the soft hyphen", |c| *c != '\u{ad}'),
        1 => Just('\t'),
        1 => Just('\n'),
        1 => proptest::sample::select(vec!['€', '中', '😀', '\u{301}', '"', '\\', '\'', '#', '=', '[']),
    ]
}

fn title(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(text_chars(), 1..=max).prop_map(|v| v.into_iter().collect())
}

fn segment() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(b"abcdefghijklmnopqrstuvwxyz0123456789-_.~%".to_vec()),
        0..12,
    )
    .prop_map(|v| String::from_utf8(v).unwrap())
}

/// A link the `url` rule accepts: `/path` or `http(s)://host/path?query#frag`.
fn safe_url() -> impl Strategy<Value = String> {
    let path = || proptest::collection::vec(segment(), 1..4).prop_map(|s| format!("/{}", s.join("/")));
    prop_oneof![
        path().prop_filter("not `//`", |p| !p.starts_with("//")),
        (
            prop_oneof![Just("https"), Just("http"), Just("HTTPS")],
            // an `xn--` label must be valid punycode (an IDN): the hostile tests cover those
            "[a-z][a-z0-9-]{0,10}".prop_filter("not an IDN label", |h: &String| !h.starts_with("xn--")),
            path(),
            segment()
        )
            .prop_map(|(s, host, p, q)| format!("{s}://{host}.example{p}?{q}#x")),
    ]
}

/// An instant with the offset the shop's zone (Kyiv) has then: the shop refuses any other.
fn in_kyiv(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let kyiv =
        config_runtime::__private::core::zone::Zone::named("Europe/Kyiv").unwrap().rules_table().leak();
    t.with_timezone(&FixedOffset::east_opt(kyiv.at(t.timestamp()).offset).unwrap())
}

fn datetime() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000..2100, whole seconds or milliseconds
    (946_684_800i64..4_102_444_800, prop_oneof![Just(0u32), 0u32..1000]).prop_map(|(secs, ms)| {
        in_kyiv(FixedOffset::east_opt(0).unwrap().timestamp_opt(secs, ms * 1_000_000).unwrap())
    })
}

fn promotion(id: String) -> impl Strategy<Value = Promotion> {
    (title(80), datetime(), 1i64..10_000_000, 1u8..=90, proptest::option::of(safe_url())).prop_map(
        move |(title, starts, len, percent_off, banner_url)| Promotion {
            id: id.clone(),
            title,
            starts,
            ends: in_kyiv(starts + chrono::Duration::seconds(len)),
            percent_off,
            banner_url,
        },
    )
}

fn menu(level: u32) -> BoxedStrategy<Vec<MenuItem>> {
    let n = [0, 5, 3, 2][level as usize];
    let children = if level < 3 { menu(level + 1) } else { Just(Vec::new()).boxed() };
    proptest::collection::vec(
        (title(80), safe_url(), children).prop_map(|(title, url, children)| MenuItem {
            title,
            url,
            visible_from: None,
            visible_until: None,
            children,
        }),
        0..=n,
    )
    .boxed()
}

fn marketing() -> impl Strategy<Value = Marketing> {
    let promos = proptest::collection::vec(segment(), 0..6).prop_flat_map(|ids| {
        // unique ids: the index keeps them apart
        let ps: Vec<_> = ids.into_iter().enumerate().map(|(i, s)| promotion(format!("{s}-{i}"))).collect();
        ps
    });
    (0u32..=1_000_000, promos, menu(1)).prop_map(|(free_shipping_over_cents, promotions, menu)| Marketing {
        free_shipping_over_cents,
        promotions,
        menu,
    })
}

/// Every rule of the shop schema holds for an accepted value.
fn obeys_rules(m: &Marketing) -> Result<(), String> {
    let safe = |s: &str| cs_url(s).is_none();
    let clean = |s: &str| cs_control(s).is_none();
    if m.free_shipping_over_cents > 1_000_000 || m.promotions.len() > 100 {
        return Err("root bounds".into());
    }
    let mut ids = HashSet::new();
    for p in &m.promotions {
        let n = p.title.chars().count();
        if !ids.insert(&p.id)
            || !(1..=80).contains(&n)
            || !(1..=90).contains(&p.percent_off)
            || p.starts >= p.ends
        {
            return Err(format!("promotion {p:?}"));
        }
        if !p.banner_url.as_deref().is_none_or(|u| safe(u) && clean(u)) || !clean(&p.title) || !clean(&p.id) {
            return Err(format!("promotion text {p:?}"));
        }
    }
    fn walk(items: &[MenuItem], level: u32, f: &dyn Fn(&MenuItem) -> bool) -> bool {
        items.iter().all(|it| level <= 3 && f(it) && walk(&it.children, level + 1, f))
    }
    let ok = |it: &MenuItem| {
        (1..=80).contains(&it.title.chars().count()) && safe(&it.url) && clean(&it.url) && clean(&it.title)
    };
    if !walk(&m.menu, 1, &ok) {
        return Err("menu".into());
    }
    Ok(())
}

fn cs_url(s: &str) -> Option<&'static str> {
    config_runtime::__private::core::summary::url_problem(s)
}

fn cs_control(s: &str) -> Option<&'static str> {
    config_runtime::__private::core::summary::control_problem(s)
}

fn baked_from(text: &str) -> Marketing {
    let doc = cs::parse("p.toml", text).unwrap();
    blob::decode::<Marketing>(&blob::encode(doc.get_ref())).unwrap()
}

fn located(text: &str, d: &Diagnostics) -> Result<(), TestCaseError> {
    diagnostics_inside(text, d).map_err(TestCaseError::fail)?;
    frames_consistent(d, &d.render()).map_err(TestCaseError::fail)?;
    Ok(())
}

/// One random edit of a text, as a generic TOML author (or an attacker) might make it.
#[derive(Clone, Debug)]
enum Edit {
    /// Delete `len` bytes at a position (a fraction of the text).
    Delete(f64, usize),
    /// Insert a string at a position.
    Insert(f64, String),
    /// Duplicate the line at a position.
    DupLine(f64),
    /// Swap two lines.
    SwapLines(f64, f64),
    /// Truncate at a position (a partial write).
    Truncate(f64),
    /// Replace the value after the `n`th `=` with a string.
    Value(f64, String),
}

fn fragment() -> impl Strategy<Value = String> {
    let tokens = vec![
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "=",
        "\"",
        "'",
        "\"\"\"",
        ",",
        ".",
        "#",
        "\n",
        "\r\n",
        " ",
        "\t",
        "\\",
        "\\u00e9",
        "\\U0001F600",
        "\\x",
        "0",
        "-1",
        "1e999",
        "nan",
        "inf",
        "99999999999999999999",
        "0x",
        "true",
        "2026-11-27T00:00:00+01:00",
        "2026-13-45",
        "24:00:00",
        "menu",
        "promotions",
        "children",
        "title",
        "url",
        "id",
        "percent_off",
        "javascript:",
        "//evil",
        "\u{202e}",
        "\u{0}",
        "\u{7f}",
        "\u{85}",
        "\u{feff}",
        "é",
        "e\u{301}",
        "中",
        "😀",
    ];
    proptest::collection::vec(proptest::sample::select(tokens), 1..6).prop_map(|v| v.concat())
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0f64..1.0;
    prop_oneof![
        (at.clone(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (at.clone(), fragment()).prop_map(|(a, s)| Edit::Insert(a, s)),
        at.clone().prop_map(Edit::DupLine),
        (at.clone(), at.clone()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        at.clone().prop_map(Edit::Truncate),
        (at, fragment()).prop_map(|(a, s)| Edit::Value(a, s)),
    ]
}

fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, e: &Edit) -> String {
    let pos = |f: f64| floor_char(text, (f * text.len() as f64) as usize);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let line = |f: f64, n: usize| ((f * n as f64) as usize).min(n.saturating_sub(1));
    match e {
        Edit::Delete(a, n) => {
            let s = pos(*a);
            let e = floor_char(text, s + n);
            format!("{}{}", &text[..s], &text[e..])
        }
        Edit::Insert(a, ins) => {
            let s = pos(*a);
            format!("{}{ins}{}", &text[..s], &text[s..])
        }
        Edit::DupLine(a) if !lines.is_empty() => {
            let i = line(*a, lines.len());
            lines.insert(i, lines[i]);
            lines.concat()
        }
        Edit::SwapLines(a, b) if !lines.is_empty() => {
            let (i, j) = (line(*a, lines.len()), line(*b, lines.len()));
            lines.swap(i, j);
            lines.concat()
        }
        Edit::Truncate(a) => text[..pos(*a)].to_owned(),
        Edit::Value(a, v) => {
            let eqs: Vec<usize> = text.match_indices(" = ").map(|(i, _)| i + 3).collect();
            if eqs.is_empty() {
                return text.to_owned();
            }
            let s = eqs[line(*a, eqs.len())];
            let end = text[s..].find('\n').map_or(text.len(), |i| s + i);
            format!("{}{v}{}", &text[..s], &text[end..])
        }
        _ => text.to_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_configs_are_accepted_and_equal_serde(m in marketing()) {
        let text = toml::to_string(&m).unwrap();
        let checked = check_str::<Marketing>("p.toml", &text);
        let checked = match checked {
            Ok(c) => c,
            Err(d) => return Err(TestCaseError::fail(format!("rejected:\n{d:#}\n{text}"))),
        };
        let serde: Marketing = toml::from_str(&text).unwrap();
        prop_assert_eq!(&checked, &serde);
        prop_assert_eq!(&checked, &m);
        prop_assert_eq!(&baked_from(&text), &m);
    }

    #[test]
    fn edited_configs_never_panic_and_are_located(m in marketing(), edits in proptest::collection::vec(edit(), 1..4)) {
        let mut text = toml::to_string(&m).unwrap();
        for e in &edits {
            text = apply(&text, e);
        }
        match check_str::<Marketing>("p.toml", &text) {
            Ok(v) => {
                prop_assert!(obeys_rules(&v).is_ok(), "{:?}: {}", obeys_rules(&v), text);
                prop_assert_eq!(&baked_from(&text), &v);
            }
            Err(d) => {
                prop_assert!(!d.is_empty());
                located(&text, &d)?;
            }
        }
    }
}

#[test]
fn baked_equals_check_str_for_the_shipped_config() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/shop/marketing.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let checked: Marketing = check_str("marketing.toml", &text).unwrap();
    assert_eq!(Marketing::baked(), &checked);
    assert_eq!(baked_from(&text), checked);
    // (plain serde cannot compare here: chrono does not read TOML's native datetime
    // literals, which `check_str` hands to serde as their RFC 3339 text)
    assert!(obeys_rules(&checked).is_ok());
}
