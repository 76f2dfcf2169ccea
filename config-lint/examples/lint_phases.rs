#![allow(clippy::unwrap_used, missing_debug_implementations)]
//! Where `check` spends its time on the 3 MB shop config, phase by phase (best of 15
//! runs each), next to bare `toml::from_str`. A quick complement to the criterion bench:
//!
//! `cargo run --release -p config-lint --example lint_phases`
//!
//! With a phase name (`none`, `from_str`, `from_str_table`, `parse`, `generic`, `app`) it runs that phase
//! once, for instruction counts that do not depend on machine load:
//! `valgrind --tool=callgrind target/release/examples/lint_phases generic` (subtract
//! `none`, which only builds the input).

#[path = "../benches/common/mod.rs"]
mod common;

use common::{Marketing, config_3mb};
use config_lint::__bench::warnings;
use config_lint::{LintOptions, Linter, lint_text};
use config_runtime::HasSchema;
use std::hint::black_box;
use std::time::Instant;

fn best_of(name: &str, f: &mut dyn FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..15 {
        let s = Instant::now();
        f();
        best = best.min(s.elapsed().as_secs_f64() * 1e3);
    }
    println!("{name:44} {best:8.2} ms");
    best
}

fn main() {
    let text = config_3mb();
    if let Some(phase) = std::env::args().nth(1) {
        return once(&phase, &text);
    }
    println!("{} bytes of TOML\n", text.len());
    let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
    let bare = best_of("toml::from_str::<Marketing>", &mut || {
        black_box(toml::from_str::<Marketing>(&text).unwrap());
    });
    best_of("toml::from_str::<toml::Table>", &mut || {
        black_box(toml::from_str::<toml::Table>(&text).unwrap());
    });
    best_of("  parse (config_core::check_str::parse)", &mut || {
        black_box(config_core::check_str::parse("shop.toml", &text).unwrap());
    });
    let doc = config_core::check_str::parse("shop.toml", &text).unwrap();
    best_of("  summary build (folded)", &mut || {
        black_box(config_core::summary::build(&doc, config_core::summary::Fold::Positions));
    });
    best_of("  check_parsed (summary build + checker)", &mut || {
        black_box(config_core::check_str::check_parsed("shop.toml", &text, &doc, Marketing::SCHEMA));
    });
    best_of("  linter warnings", &mut || {
        black_box(warnings(&text, doc.get_ref(), Marketing::SCHEMA.get(), now));
    });
    let app = Linter::app::<Marketing>("shop-lint");
    let opts = LintOptions { now, syntax_only: false };
    let generic = best_of("check, generic linter (lint_text)", &mut || {
        black_box(lint_text("shop.toml", &text, app.schema, None, &opts));
    });
    let with_app = best_of("check, app linter (+ deserialize into T)", &mut || {
        black_box(lint_text("shop.toml", &text, app.schema, app.deserialize, &opts));
    });
    println!("\ngeneric / bare: {:.2}x, app / bare: {:.2}x", generic / bare, with_app / bare);
}

/// Runs one phase once.
fn once(phase: &str, text: &str) {
    let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
    let app = Linter::app::<Marketing>("shop-lint");
    let opts = LintOptions { now, syntax_only: false };
    match phase {
        "from_str" => drop(black_box(toml::from_str::<Marketing>(text).unwrap())),
        "from_str_table" => drop(black_box(toml::from_str::<toml::Table>(text).unwrap())),
        "parse" => drop(black_box(config_core::check_str::parse("shop.toml", text).unwrap())),
        "generic" => drop(black_box(lint_text("shop.toml", text, app.schema, None, &opts))),
        "app" => drop(black_box(lint_text("shop.toml", text, app.schema, app.deserialize, &opts))),
        _ => {}
    }
}
