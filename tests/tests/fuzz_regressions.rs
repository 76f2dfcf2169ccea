#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every input the fuzzers ever crashed on (`fuzz/regressions/<target>/`) and the checked-in
//! seed corpus (`fuzz/corpus/<target>/seed-*`), replayed through the same invariants as the
//! fuzz targets, on every `cargo test`: no panic, every diagnostic located inside the input,
//! code frames and one-line records agreeing with it, nothing dangerous accepted.

use config_runtime::HasSchema;
use config_runtime::{Diagnostics, check_str, check_value};
use config_tests::invariants::{build_agrees_with_run, diagnostics_inside, frames_consistent};
use std::path::{Path, PathBuf};

fn files(under: &str, seeds_only: bool) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz").join(under);
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if !seeds_only || name.starts_with("seed-") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn consistent(text: &str, d: &Diagnostics) -> Result<(), String> {
    diagnostics_inside(text, d)?;
    frames_consistent(d, &d.render())?;
    let lines = d.one_line();
    if lines.lines().count() != d.len() {
        return Err(format!("{} findings on {} lines:\n{lines}", d.len(), lines.lines().count()));
    }
    Ok(())
}

/// An input of the `url` target: the first byte picks the options, the rest is a link;
/// an accepted link must be what a browser reads (see `fuzz/fuzz_targets/url.rs`).
fn replay_link(bytes: &[u8]) -> Result<(), String> {
    use config_runtime::__private::core::url::{UrlOptions, check};
    const HOSTS: &[&str] = &["cdn.shop.example", "*.shop.example"];
    let Some((&pick, rest)) = bytes.split_first() else { return Ok(()) };
    let link = String::from_utf8_lossy(rest);
    let relative = pick & 2 != 0;
    let opts = UrlOptions {
        https: pick & 1 != 0 && !relative,
        relative,
        hosts: if pick & 4 != 0 && !relative { HOSTS } else { &[] },
    };
    match check(&link, &opts) {
        Ok(()) => config_tests::invariants::link_is_what_a_browser_reads(&link, &opts),
        Err(_) => Ok(()),
    }
}

fn replay(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).unwrap();
    if path.parent().and_then(Path::file_name).is_some_and(|d| d == "url") {
        return replay_link(&bytes);
    }
    let text = String::from_utf8_lossy(&bytes);
    match check_str::<shop::Marketing>("f.toml", &text) {
        Ok(m) => {
            // what the fuzz target asserts of an accepted value, in brief
            let url_ok = |u: &str| config_runtime::__private::core::summary::url_problem(u).is_none();
            if !m.menu.iter().all(|i| url_ok(&i.url))
                || !m.promotions.iter().all(|p| (1..=90).contains(&p.percent_off))
            {
                return Err("a rule was bypassed".into());
            }
        }
        Err(d) => consistent(&text, &d)?,
    }
    let d = check_value("f.toml", &text, shop::Marketing::SCHEMA);
    consistent(&text, &d)?;
    build_agrees_with_run(&text, shop::Marketing::SCHEMA)
}

/// Found by the `summary_build` target: a key that follows a nested table in the same
/// table (`children = [{ … }]` then `url = …`) was taken as missing from it, so `cargo
/// build` failed a good file with `missing-field` (the run time did not: parity broke).
#[test]
fn a_key_after_a_nested_table_is_not_missing() {
    let text = "free_shipping_over_cents = 1\n\
                [[menu]]\ntitle = \"A\"\nurl = \"/a\"\n\
                [[menu]]\ntitle = \"B\"\nchildren = [{ title = \"c\", url = \"/c\" }]\nurl = \"/b\"\n\
                [[menu]]\ntitle = \"C\"\nx.y = 1\nurl = \"/c\"\n";
    let (build, run, count) =
        config_tests::invariants::build_and_run_findings(text, shop::Marketing::SCHEMA).unwrap();
    assert!(run.iter().all(|f| f.0 == "unknown-key"), "{run:?}");
    assert_eq!((count, build.len()), (1, 1), "{build:?}");
    assert_eq!(build[0], ("unknown-key".to_owned(), "menu[2].x".to_owned(), 11, 1));
    build_agrees_with_run(text, shop::Marketing::SCHEMA).unwrap();
}

#[test]
fn crashes_found_by_fuzzing_stay_fixed() {
    let all = files("regressions", false);
    assert!(all.len() >= 2, "regression inputs not found");
    for p in all {
        replay(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    }
}

#[test]
fn seed_corpus_passes_the_fuzz_invariants() {
    let all = files("corpus", true);
    assert!(all.len() >= 100, "only {} seeds", all.len());
    for p in all {
        replay(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    }
}

/// Found by the `summary_build` target: a float for an integer field under `range`
/// (`percent_off = 300.5`) was a `type` and a `range` finding at build time but only a
/// `type` finding at run time (the schema-guided summary skipped float facts there).
#[test]
fn a_float_for_a_ranged_integer_is_reported_alike() {
    let text = "free_shipping_over_cents = 1\n[[promotions]]\nid = \"a\"\ntitle = \"t\"\n\
                starts = 2026-11-27T00:00:00\nends = 2026-11-28T00:00:00\npercent_off = 300.5\n";
    let (build, run, _) =
        config_tests::invariants::build_and_run_findings(text, shop::Marketing::SCHEMA).unwrap();
    let at = |rule: &str| (rule.to_owned(), "promotions[0].percent_off".to_owned(), 7, 15);
    assert_eq!(build, [at("type"), at("range")]);
    assert!(run.contains(&at("type")) && run.contains(&at("range")), "{run:?}");
}
