#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The real product taxonomy as a menu, through the run-time path: levels 1-3 pass a
//! `max_depth = 3` menu; all 7 levels fail with `max-depth` at the first level-4 node.
//! (The build-time side of the same check is in `ui/pass` and `ui/taxonomy`.)

config_tests::taxonomy_types!();

#[test]
fn three_levels_pass() {
    let (text, deep) = config_tests::taxonomy::menu_toml(config_tests::taxonomy::corpus(), 3, 3);
    assert_eq!(deep, None);
    let c: Catalog = config_runtime::check_str("taxonomy_3.toml", &text).unwrap();
    assert_eq!(c.menu.len(), 21, "top-level categories");
    let nodes: usize = c.menu.iter().map(count).sum();
    assert!(nodes > 1000, "{nodes} nodes");
}

fn count(c: &Category) -> usize {
    1 + c.children.iter().map(count).sum::<usize>()
}

#[test]
fn seven_levels_fail_at_the_first_level_four_node() {
    let (text, deep) = config_tests::taxonomy::menu_toml(config_tests::taxonomy::corpus(), 7, 3);
    let line = deep.unwrap();
    let err = config_runtime::check_str::<Catalog>("taxonomy_7.toml", &text).unwrap_err();
    assert!(err.items.iter().all(|d| d.rule.id() == "max-depth"), "{err}");
    let first = &err.items[0];
    assert_eq!((first.line as usize, first.col), (line, 1), "{err}");
    assert!(text.lines().nth(line - 1).unwrap().starts_with("[[menu.children.children.children]]"));
    // every too-deep subtree is reported at run time, not only the first
    assert!(err.items.len() > 100, "{} findings", err.items.len());
}

#[test]
fn build_error_points_at_the_same_line() {
    let line = config_tests::generate_taxonomy_fixtures();
    let stderr =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ui/taxonomy/taxonomy_7_levels.stderr"))
            .unwrap();
    assert!(stderr.contains(&format!("taxonomy_7.toml:{line}:1: error[max-depth]")), "{stderr}");
}
