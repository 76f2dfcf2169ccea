#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The shop schema baked from a good file.

config_tests::shop_types!(#[config(file = "fixtures/good/shop.toml")]);

#[test]
fn baked_equals_check_str() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/shop.toml")).unwrap();
    let checked: Marketing = config_runtime::check_str("shop.toml", &text).unwrap();
    assert_eq!(Marketing::baked(), &checked);
    assert_eq!(Marketing::FREE_SHIPPING_OVER_CENTS, 4900);
    assert_eq!(checked.promotions[1].audience, "members");
    assert_eq!(checked.promotions[0].audience, "all");
}

/// The derive emits `include_bytes!` of the TOML, so cargo's dep-info for this test
/// binary lists the file: editing it rebuilds the crate.
#[test]
fn editing_the_toml_rebuilds_the_crate() {
    let exe = std::env::current_exe().unwrap();
    let dep_info = exe.with_extension("d");
    let d = std::fs::read_to_string(&dep_info).unwrap_or_else(|e| panic!("{}: {e}", dep_info.display()));
    assert!(d.contains("fixtures/good/shop.toml"), "dep-info does not list the config file:\n{d}");
}

/// A bad value quoted in a message (here a link) never carries raw control characters:
/// the summary stores it escaped, so the build error and the run-time message agree.
#[test]
fn quoted_bad_values_are_escaped() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/shop.toml"))
        .unwrap()
        .replace("banner_url = \"/sale/black-friday\"", "banner_url = \"java\\u001bscript:x\"");
    let err = config_runtime::check_str::<Marketing>("shop.toml", &text).unwrap_err();
    let url = err.items.iter().find(|d| d.rule.id() == "url").unwrap();
    assert!(url.message.contains("java\\u{1b}script:x"), "{}", url.message);
    assert!(!url.message.contains('\u{1b}'));
}
