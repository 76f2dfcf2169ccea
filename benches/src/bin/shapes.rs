//! The cost of `check_str` against bare `toml::from_str` on every input shape of
//! `config_tests::shapes`, at one size (15 MiB by default), measured in one run: wall time
//! (the best of `--runs`, 3 by default) and peak heap (a counting allocator). Prints a
//! Markdown table; `scripts/shapes.sh` puts it into PERFORMANCE.md.
//!
//! usage: shapes [--mib N] [--runs N] [--only NAME]

use config_runtime::{HasSchema, check_str};
use config_tests::shapes;
use serde::de::DeserializeOwned;
use std::alloc::{GlobalAlloc, Layout, System};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new >= l.size() {
            let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            LIVE.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Best time of `runs` calls and the peak heap of one, beyond what was live before.
fn measure(runs: usize, mut f: impl FnMut() -> bool) -> Result<(Duration, usize), &'static str> {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    if !f() {
        return Err("failed");
    }
    let peak = PEAK.load(Relaxed) - base;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let ok = f();
        best = best.min(t.elapsed());
        if !ok {
            return Err("failed");
        }
    }
    Ok((best, peak))
}

struct Row {
    shape: &'static str,
    bytes: usize,
    toml: (Duration, usize),
    ours: (Duration, usize),
}

fn row<T: HasSchema + DeserializeOwned>(shape: &'static str, text: &str, runs: usize) -> Result<Row, String> {
    let toml = measure(runs, || toml::from_str::<T>(text).is_ok()).map_err(|_| {
        format!("{shape}: toml::from_str rejects the input: {:?}", toml::from_str::<T>(text).err())
    })?;
    let ours = measure(runs, || check_str::<T>("shape.toml", text).is_ok()).map_err(|_| {
        format!(
            "{shape}: check_str rejects the input: {}",
            check_str::<T>("shape.toml", text).err().map(|d| d.one_line()).unwrap_or_default()
        )
    })?;
    Ok(Row { shape, bytes: text.len(), toml, ours })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let mib: usize = opt("--mib").and_then(|v| v.parse().ok()).unwrap_or(15);
    let runs: usize = opt("--runs").and_then(|v| v.parse().ok()).unwrap_or(3);
    let only = opt("--only");
    let bytes = mib << 20;
    type Maker = fn(usize, usize) -> Result<Row, String>;
    let all: [(&str, Maker); 5] = [
        ("map of short keys", |b, r| row::<shapes::KeyMap>("map of short keys", &shapes::key_map(b), r)),
        ("array of inline tables", |b, r| {
            row::<shapes::InlineTables>("array of inline tables", &shapes::inline_tables(b), r)
        }),
        ("one long string", |b, r| row::<shapes::LongString>("one long string", &shapes::long_string(b), r)),
        ("nested tables", |b, r| row::<shapes::Deep>("nested tables", &shapes::deep(b), r)),
        ("taxonomy menu", |b, r| row::<benches::Marketing>("taxonomy menu", &shapes::taxonomy_menu(b), r)),
    ];
    println!(
        "| shape | size | `toml::from_str` | `check_str` | time ratio | peak heap `toml` | peak heap ours | memory ratio |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for (name, make) in all {
        if only.is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let r = match make(bytes, runs) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let t = r.ours.0.as_secs_f64() / r.toml.0.as_secs_f64();
        let m = r.ours.1 as f64 / r.toml.1 as f64;
        worst = worst.max(t).max(m);
        println!(
            "| {} | {:.1} MiB | {:.3} s | {:.3} s | {t:.2}× | {:.0} MiB | {:.0} MiB | {m:.2}× |",
            r.shape,
            r.bytes as f64 / 1048576.0,
            r.toml.0.as_secs_f64(),
            r.ours.0.as_secs_f64(),
            r.toml.1 as f64 / 1048576.0,
            r.ours.1 as f64 / 1048576.0,
        );
    }
    eprintln!("worst ratio {worst:.2}× (target ≤ 1.50×)");
    ExitCode::SUCCESS
}
