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
