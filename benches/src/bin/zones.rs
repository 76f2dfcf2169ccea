//! The cost of a zone in force at run time: `check_str` on the 3 MB config with every
//! promotion written in local time (resolved in Europe/Kyiv) against the same file with
//! the explicit offsets (checked against the zone), both under the same `tz` schema, and
//! the same file with offsets under the schema without a zone (what it cost before).
//! Best of `--runs` (7 by default), interleaved, in one run. Prints Markdown rows;
//! `scripts/zones.sh` puts them into PERFORMANCE.md.
//!
//! usage: zones [--bytes N] [--promotions N] [--runs N]

use config_tests::taxonomy::{Times, corpus, shop_config_with};
use std::process::ExitCode;
use std::time::{Duration, Instant};

mod zoned {
    config_tests::shop_like_types!(#[config(tz = "Europe/Kyiv")]);
}
mod plain {
    config_tests::shop_like_types!();
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (bytes, promotions, runs) =
        (arg(&args, "--bytes", 3_000_000), arg(&args, "--promotions", 50), arg(&args, "--runs", 7));
    let local = shop_config_with(corpus(), bytes, promotions, Times::Local);
    let offset = shop_config_with(corpus(), bytes, promotions, Times::Offset);
    type Case<'a> = (&'a str, &'a str, fn(&str) -> Result<usize, String>);
    let cases: [Case<'_>; 3] = [
        ("offsets, no zone (before `tz`)", &offset, |t| {
            config_runtime::check_str::<plain::Marketing>("m.toml", t)
                .map(|m| m.promotions.len())
                .map_err(|d| d.one_line())
        }),
        ("offsets checked against Europe/Kyiv", &offset, |t| {
            config_runtime::check_str::<zoned::Marketing>("m.toml", t)
                .map(|m| m.promotions.len())
                .map_err(|d| d.one_line())
        }),
        ("local times resolved in Europe/Kyiv", &local, |t| {
            config_runtime::check_str::<zoned::Marketing>("m.toml", t)
                .map(|m| m.promotions.len())
                .map_err(|d| d.one_line())
        }),
    ];
    let mut best = [Duration::MAX; 3];
    for _ in 0..runs {
        for (i, (name, text, f)) in cases.iter().enumerate() {
            let t = Instant::now();
            match f(text) {
                Ok(n) if n == promotions => {}
                Ok(n) => {
                    eprintln!("{name}: {n} promotions, expected {promotions}");
                    return ExitCode::from(2);
                }
                Err(e) => {
                    eprintln!("{name}: refused: {}", e.lines().next().unwrap_or(""));
                    return ExitCode::from(2);
                }
            }
            best[i] = best[i].min(t.elapsed());
        }
    }
    let base = best[1].as_secs_f64();
    println!(
        "| `check_str`, {} KB, {promotions} promotions | best of {runs} | vs offsets under the zone |",
        local.len().max(offset.len()) / 1000
    );
    println!("|---|---:|---:|");
    for (i, (name, _, _)) in cases.iter().enumerate() {
        println!("| {name} | {:.1} ms | {:.3}× |", best[i].as_secs_f64() * 1e3, best[i].as_secs_f64() / base);
    }
    ExitCode::SUCCESS
}
