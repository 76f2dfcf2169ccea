#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every input the fuzzers ever crashed on (`fuzz/regressions/<target>/`) and the checked-in
//! seed corpus (`fuzz/corpus/<target>/seed-*`), replayed through the same invariants as the
//! fuzz targets, on every `cargo test`: no panic, every diagnostic located inside the input,
//! code frames and one-line records agreeing with it, nothing dangerous accepted.

use config_runtime::{Diagnostics, check_str, check_value};
use config_tests::invariants::{diagnostics_inside, frames_consistent};
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

fn replay(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).unwrap();
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
    let d = check_value("f.toml", &text, <shop::Marketing as config_runtime::HasSchema>::SCHEMA);
    consistent(&text, &d)
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
