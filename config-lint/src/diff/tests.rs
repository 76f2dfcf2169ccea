//! Unit tests of the `diff` and `stats` renderings on the product taxonomy's menu, 3
//! levels vs 4, with fixed file names (the texts are generated from the corpus; the exit
//! code through real files is in `tests/binary.rs`). Compared exactly with the checked-in
//! snapshots under `tests/snapshots/`, like every other rendered output; regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p config-lint --lib` and review the diff.

#![allow(clippy::unwrap_used)]
use super::*;
use config_core::HasSchema;
use std::path::Path;

config_tests::taxonomy_types!();

/// Compares `actual` with `tests/snapshots/<name>.txt` (or writes it).
fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.txt"));
    config_tests::snapshot::assert_snapshot(&path, actual);
}

#[test]
fn diff_and_stats_of_the_taxonomy_3_vs_4_levels() {
    let corpus = config_tests::taxonomy::corpus();
    let (three, _) = config_tests::taxonomy::menu_toml(corpus, 3, 3);
    let (four, _) = config_tests::taxonomy::menu_toml(corpus, 4, 3);
    let r = diff_texts(("taxonomy_3.toml", &three), ("taxonomy_4.toml", &four), Some(Catalog::SCHEMA), 2.0)
        .unwrap();
    snapshot("diff_taxonomy", &render(&r));
    let doc = parse("taxonomy_3.toml", &three).unwrap();
    let tree = breakdown::tree(doc.get_ref(), Some(Catalog::SCHEMA.get()), 2);
    snapshot("stats_taxonomy", &crate::stats::render("taxonomy_3.toml", three.len(), &tree));
}

/// Items are paired by their names as written, not as shown: two long names that share
/// their first 79 characters (the same when cut) stay two items.
#[test]
fn long_names_that_look_the_same_when_cut_are_paired_by_what_they_are() {
    let long = |c: char| format!("/{}{c}", "p".repeat(100));
    let item = |u: &str| {
        format!("[[menu]]\ntitle = \"{u}\"\nurl = \"{u}\"\n[[menu.children]]\ntitle = \"x\"\nurl = \"/x\"\n")
    };
    let old = format!("{}{}", item(&long('a')), item(&long('b')));
    let new = item(&long('b'));
    let r = diff_texts(("old.toml", &old), ("new.toml", &new), None, 100.0).unwrap();
    let rows: Vec<_> =
        r.rows.iter().filter(|r| r.level == 2).map(|r| (r.old.is_some(), r.new.is_some())).collect();
    // the first item removed, the second the same in both: not "first changed, second removed"
    assert_eq!(rows, [(true, false), (true, true)], "{}", render(&r));
}
