//! Load cost: turning the config text into the typed value, ours against the bare parser
//! and the usual alternatives, on both inputs, in one run.

mod common;

use benches::{Marketing, inputs};
use config_runtime::__private::core::blob;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    for (name, text) in inputs() {
        let Ok(doc) = toml::de::DeTable::parse(&text) else { continue };
        let baked = blob::encode(doc.get_ref());
        common::verify_load(name, &text, &baked);
        let mut g = c.benchmark_group(format!("load_{name}"));
        g.warm_up_time(Duration::from_millis(500));
        if name == "large_3mb" {
            g.sample_size(10);
            g.measurement_time(Duration::from_secs(5));
        }
        g.bench_function("toml_from_str", |b| {
            b.iter(|| black_box(toml::from_str::<Marketing>(&text).map(|m| m.menu.len()).unwrap_or(0)))
        });
        g.bench_function("check_str", |b| {
            b.iter(|| {
                black_box(
                    config_runtime::check_str::<Marketing>(name, &text).map(|m| m.menu.len()).unwrap_or(0),
                )
            })
        });
        g.bench_function("config_rs_build_deserialize", |b| {
            b.iter(|| {
                let n = config::Config::builder()
                    .add_source(config::File::from_str(&text, config::FileFormat::Toml))
                    .build()
                    .and_then(|c| c.try_deserialize::<Marketing>())
                    .map(|m| m.menu.len())
                    .unwrap_or(0);
                black_box(n)
            })
        });
        g.bench_function("figment_extract", |b| {
            b.iter(|| {
                let n = figment::Figment::from(
                    <figment::providers::Toml as figment::providers::Format>::string(&text),
                )
                .extract::<Marketing>()
                .map(|m| m.menu.len())
                .unwrap_or(0);
                black_box(n)
            })
        });
        g.bench_function("baked_decode", |b| {
            b.iter(|| black_box(blob::decode::<Marketing>(&baked).map(|m| m.menu.len()).unwrap_or(0)))
        });
        g.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
