//! Access cost per request: reading config on the request path, ours against the usual
//! alternatives, in one run. `scripts/perf.sh` turns the results into PERFORMANCE.md.

use arc_swap::ArcSwap;
use benches::{Marketing, MenuItem, inputs, parse_date_the_incident_way};
use config_runtime::Live;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::{Arc, RwLock};
use std::time::Duration;

fn access(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("perf-access-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    for (name, text) in inputs() {
        let path = dir.join(format!("{name}.toml"));
        if std::fs::write(&path, &text).is_err() {
            continue;
        }
        let Ok(live) = Live::<Marketing>::builder(&path).open() else { continue };
        let mut handle = live.handle();
        let Ok(parsed) = config_runtime::check_str::<Marketing>(name, &text) else { continue };
        let parsed = Arc::new(parsed);
        let raw = ArcSwap::from(parsed.clone());
        let rw = RwLock::new(parsed.clone());
        let Ok(cfg) = config::Config::builder()
            .add_source(config::File::from_str(&text, config::FileFormat::Toml))
            .build()
        else {
            continue;
        };
        let fig =
            figment::Figment::from(<figment::providers::Toml as figment::providers::Format>::string(&text));
        let ours = live.load().config.menu.len();
        let peers = (
            cfg.get::<Vec<MenuItem>>("menu").map(|m| m.len()).ok(),
            fig.extract_inner::<Vec<MenuItem>>("menu").map(|m| m.len()).ok(),
            cfg.get::<i64>("free_shipping_over_cents").ok(),
            fig.extract_inner::<i64>("free_shipping_over_cents").ok(),
        );
        if peers != (Some(ours), Some(ours), Some(4900), Some(4900))
            || parse_date_the_incident_way("2026-11-27T00:00:00+01:00").is_none()
        {
            eprintln!(
                "{name}: a compared path does not read the config correctly: ours {ours} menu items, peers {peers:?}"
            );
            std::process::exit(1);
        }

        let mut g = c.benchmark_group(format!("access_{name}"));
        g.warm_up_time(Duration::from_millis(300));
        if name == "small_30kb" {
            g.measurement_time(Duration::from_secs(2));
            let plain: &'static shop::Marketing = shop::Marketing::baked();
            g.bench_function("plain_static_field", |b| {
                b.iter(|| black_box(black_box(plain).free_shipping_over_cents))
            });
            g.bench_function("baked_field", |b| {
                b.iter(|| black_box(shop::Marketing::baked().free_shipping_over_cents))
            });
            g.bench_function("live_load_field", |b| {
                b.iter(|| black_box(live.load().config.free_shipping_over_cents))
            });
            g.bench_function("cached_handle_field", |b| {
                b.iter(|| black_box(handle.load().config.free_shipping_over_cents))
            });
            g.bench_function("raw_arcswap_load_field", |b| {
                b.iter(|| black_box(raw.load().free_shipping_over_cents))
            });
            g.bench_function("rwlock_arc_read_clone_field", |b| {
                b.iter(|| {
                    let a = rw.read().map(|g| Arc::clone(&g)).unwrap_or_else(|e| Arc::clone(&e.into_inner()));
                    black_box(a.free_shipping_over_cents)
                })
            });
            g.bench_function("config_rs_get_i64", |b| {
                b.iter(|| black_box(cfg.get::<i64>("free_shipping_over_cents").unwrap_or(0)))
            });
            g.bench_function("figment_extract_inner_i64", |b| {
                b.iter(|| black_box(fig.extract_inner::<i64>("free_shipping_over_cents").unwrap_or(0)))
            });
            let date = "2026-11-27T00:00:00+01:00";
            g.bench_function("incident_parse_date_per_request", |b| {
                b.iter(|| black_box(parse_date_the_incident_way(black_box(date))))
            });
        } else {
            g.sample_size(10);
            g.measurement_time(Duration::from_secs(4));
        }
        g.bench_function("menu_live_load", |b| b.iter(|| black_box(live.load().config.menu.len())));
        g.bench_function("menu_config_rs_get", |b| {
            b.iter(|| black_box(cfg.get::<Vec<MenuItem>>("menu").map(|m| m.len()).unwrap_or(0)))
        });
        g.bench_function("menu_figment_extract_inner", |b| {
            b.iter(|| black_box(fig.extract_inner::<Vec<MenuItem>>("menu").map(|m| m.len()).unwrap_or(0)))
        });
        g.finish();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, access);
criterion_main!(benches);
