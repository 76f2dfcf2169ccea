#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_debug_implementations)]
//! `check` on a 3 MB config against bare `toml::from_str` of the same text, in one run,
//! plus the phases of `check` (parse, checker, warnings) to see where time goes.
//!
//! `cargo bench -p config-lint --bench lint`

mod common;

use common::{Marketing, config_3mb};
use config_lint::{LintOptions, Linter, lint_text};
use config_runtime::HasSchema;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let text = config_3mb();
    let opts = LintOptions { now: chrono::DateTime::UNIX_EPOCH.fixed_offset(), syntax_only: false };
    let app = Linter::app::<Marketing>("bench-lint");
    // the config passes: the benchmark measures the usual case of a good edit
    let d = lint_text("shop.toml", &text, app.schema, app.deserialize, &opts);
    assert!(d.is_empty(), "{}", d.one_line().lines().take(5).collect::<Vec<_>>().join("\n"));
    let mut g = c.benchmark_group(format!("3MB ({} bytes)", text.len()));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    g.bench_function("toml::from_str::<Marketing>", |b| {
        b.iter(|| black_box(toml::from_str::<Marketing>(black_box(&text)).unwrap()))
    });
    g.bench_function("check (app linter: rules, warnings, deserialize)", |b| {
        b.iter(|| black_box(lint_text("shop.toml", black_box(&text), app.schema, app.deserialize, &opts)))
    });
    g.bench_function("check (generic linter: rules, warnings)", |b| {
        b.iter(|| black_box(lint_text("shop.toml", black_box(&text), Some(Marketing::SCHEMA), None, &opts)))
    });
    g.bench_function("check --syntax-only", |b| {
        let syntax = LintOptions { syntax_only: true, ..opts };
        b.iter(|| black_box(lint_text("shop.toml", black_box(&text), None, None, &syntax)))
    });
    g.bench_function("parse + check_parsed", |b| {
        b.iter(|| {
            let doc = config_core::check_str::parse("shop.toml", &text).unwrap();
            black_box(config_core::check_str::check_parsed("shop.toml", &text, &doc, Marketing::SCHEMA))
        })
    });
    g.bench_function("parse + warnings", |b| {
        b.iter(|| {
            let doc = config_core::check_str::parse("shop.toml", &text).unwrap();
            black_box(config_lint::__bench::warnings(&text, doc.get_ref(), Marketing::SCHEMA.get(), opts.now))
        })
    });
    g.bench_function("parse + summary build", |b| {
        b.iter(|| {
            let doc = config_core::check_str::parse("shop.toml", &text).unwrap();
            black_box(config_core::summary::build(&doc, config_core::summary::Fold::Positions))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
