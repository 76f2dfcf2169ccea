//! What reading and reloading cost, in one run:
//!
//! - `load`: `Live::load`, a cached `LiveHandle`, and `load_full`, against a raw
//!   `ArcSwap::load` and a `RwLock<Arc<T>>` (read, and read + clone).
//! - `reload_3mb`: a ~3 MB menu built from the product taxonomy, split into read / hash /
//!   parse / check / deserialize / prepare, against a bare `toml::from_str::<Menu>`, and the
//!   whole `reload_now`.
//! - Reader latency (p50/p99 of 256-load batches) idle and during continuous reloads,
//!   printed after the criterion groups.
//!
//! `cargo bench -p config-runtime --bench live` (add `-- --quick` for a short run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use arc_swap::ArcSwap;
use config_runtime::artifact::Level;
use config_runtime::{
    ContentHash, Field, HasSchema, JsonArtifact, Live, Outcome, Rule, Schema, SchemaRef, StructSchema,
};
use criterion::{BatchSize, Criterion};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

#[derive(serde::Deserialize, serde::Serialize)]
struct Menu {
    menu: Vec<MenuItem>,
}

#[derive(serde::Deserialize, serde::Serialize)]
struct MenuItem {
    title: String,
    url: String,
    id: u64,
    #[serde(default)]
    children: Vec<MenuItem>,
}

static MENU: Schema = Schema::Struct(StructSchema {
    name: "Menu",
    id: "bench::Menu",
    doc: "",
    fields: &[Field {
        ident: "menu",
        key: "menu",
        aliases: &[],
        ty: SchemaRef(&raw const ITEMS),
        required: true,
        rules: &[Rule::Len { min: Some(1), max: None }, Rule::MaxDepth(8), Rule::MaxNodes(1_000_000)],
        doc: "",
    }],
});
static ITEMS: Schema = Schema::Seq(SchemaRef(&raw const ITEM));
static ITEM: Schema = Schema::Struct(StructSchema {
    name: "MenuItem",
    id: "bench::MenuItem",
    doc: "",
    fields: &[
        Field {
            ident: "title",
            key: "title",
            aliases: &[],
            ty: <String as HasSchema>::SCHEMA,
            required: true,
            rules: &[Rule::Len { min: Some(1), max: Some(120) }],
            doc: "",
        },
        Field {
            ident: "url",
            key: "url",
            aliases: &[],
            ty: <String as HasSchema>::SCHEMA,
            required: true,
            rules: &[Rule::Url(config_core::url::UrlOptions::BARE)],
            doc: "",
        },
        Field {
            ident: "id",
            key: "id",
            aliases: &[],
            ty: <u64 as HasSchema>::SCHEMA,
            required: true,
            rules: &[],
            doc: "",
        },
        Field {
            ident: "children",
            key: "children",
            aliases: &[],
            ty: SchemaRef(&raw const ITEMS),
            required: false,
            rules: &[],
            doc: "",
        },
    ],
});

impl HasSchema for Menu {
    const SCHEMA: SchemaRef = SchemaRef(&raw const MENU);
}

// ---- the 3 MB menu -------------------------------------------------------------------

#[derive(Default)]
struct Node {
    id: u64,
    children: BTreeMap<String, Node>,
}

/// The taxonomy as a tree (`ID - A > B > C` per line), from the fixture checked in under
/// `tests/fixtures/product-taxonomy` (the file `config_tests::taxonomy` reads).
fn taxonomy() -> Node {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/product-taxonomy/google-product-taxonomy-tr-2015.txt");
    let text = std::fs::read_to_string(&corpus)
        .unwrap_or_else(|e| panic!("product taxonomy fixture {}: {e}", corpus.display()));
    let mut root = Node::default();
    let lines: Vec<(u64, Vec<String>)> = text
        .lines()
        .filter_map(|l| {
            let (id, path) = l.split_once(" - ")?;
            Some((id.trim().parse().ok()?, path.split(" > ").map(str::to_owned).collect()))
        })
        .collect();
    for (id, path) in lines {
        let mut node = &mut root;
        for part in path {
            node = node.children.entry(part).or_default();
        }
        node.id = id;
    }
    root
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ç' | 'Ç' => 'c',
            'ğ' | 'Ğ' => 'g',
            'ı' | 'İ' => 'i',
            'ö' | 'Ö' => 'o',
            'ş' | 'Ş' => 's',
            'ü' | 'Ü' => 'u',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect()
}

fn emit(out: &mut String, node: &Node, title: &str, url: &str, depth: usize) {
    out.push_str("\n[[menu");
    for _ in 1..depth {
        out.push_str(".children");
    }
    out.push_str("]]\n");
    out.push_str(&format!("title = {}\nurl = \"{url}\"\nid = {}\n", toml_str(title), node.id));
    for (t, child) in &node.children {
        emit(out, child, t, &format!("{url}/{}", slug(t)), depth + 1);
    }
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Copies of the tree (one per storefront), top-level category by category, until the
/// text reaches 3 MB. `salt`
/// changes one title, to get distinct contents of the same size.
fn menu_toml(salt: u32) -> String {
    let tree = taxonomy();
    let mut out = format!("# generated menu, variant {salt}\n");
    let mut copy = 0;
    while out.len() < 3_000_000 {
        for (t, child) in &tree.children {
            emit(&mut out, child, &format!("{t} {copy}"), &format!("/m{copy}/{}", slug(t)), 1);
            if out.len() >= 3_000_000 {
                break;
            }
        }
        copy += 1;
    }
    out
}

// ---- benches ---------------------------------------------------------------------------

fn file_pair(dir: &Path) -> (PathBuf, [PathBuf; 2]) {
    let a = dir.join("a.toml");
    let b = dir.join("b.toml");
    std::fs::write(&a, menu_toml(1)).unwrap();
    std::fs::write(&b, menu_toml(2)).unwrap();
    let link = dir.join("menu.toml");
    std::os::unix::fs::symlink(&a, &link).unwrap();
    (link, [a, b])
}

/// Points `link` at `target` atomically (as a ConfigMap swap does).
fn flip(link: &Path, target: &Path) {
    let tmp = link.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(target, &tmp).unwrap();
    std::fs::rename(&tmp, link).unwrap();
}

fn bench_load(c: &mut Criterion, live: &Live<Menu, JsonArtifact>) {
    let mut g = c.benchmark_group("load");
    let raw = ArcSwap::from_pointee((1u64, String::from("payload")));
    g.bench_function("raw ArcSwap::load", |b| b.iter(|| black_box(raw.load().0)));
    g.bench_function("Live::load", |b| b.iter(|| black_box(live.load().version)));
    let mut handle = live.handle();
    g.bench_function("LiveHandle::load (cached)", |b| b.iter(|| black_box(handle.load().version)));
    g.bench_function("Live::load_full", |b| b.iter(|| black_box(live.load_full().version)));
    let lock = RwLock::new(Arc::new((1u64, String::from("payload"))));
    g.bench_function("RwLock<Arc<T>> read", |b| {
        b.iter(|| black_box(lock.read().unwrap_or_else(|e| e.into_inner()).0))
    });
    g.bench_function("RwLock<Arc<T>> read+clone", |b| {
        b.iter(|| black_box(Arc::clone(&lock.read().unwrap_or_else(|e| e.into_inner())).0))
    });
    g.finish();
}

fn bench_reload(c: &mut Criterion, dir: &Path) {
    let text = menu_toml(1);
    let path = dir.join("menu-bench.toml");
    std::fs::write(&path, &text).unwrap();
    let menu: Menu = config_runtime::check_str("menu.toml", &text).unwrap();

    let mut g = c.benchmark_group("reload_3mb");
    g.sample_size(10).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    g.bench_function("read", |b| b.iter(|| black_box(std::fs::read(&path).unwrap().len())));
    g.bench_function("hash (sha256)", |b| b.iter(|| black_box(ContentHash::of(text.as_bytes()))));
    g.bench_function("bare toml::from_str::<Menu>", |b| {
        b.iter(|| black_box(toml::from_str::<Menu>(&text).unwrap().menu.len()))
    });
    g.bench_function("parse (DeTable, spans)", |b| {
        b.iter_batched(
            || (),
            |()| drop(black_box(config_core::check_str::parse("menu.toml", &text).unwrap())),
            BatchSize::PerIteration,
        )
    });
    let doc = config_core::check_str::parse("menu.toml", &text).unwrap();
    g.bench_function("check (summary + rules)", |b| {
        b.iter(|| {
            black_box(config_core::check_str::check_parsed("menu.toml", &text, &doc, Menu::SCHEMA).len())
        })
    });
    g.bench_function("check_str (parse + check + deserialize)", |b| {
        b.iter(|| black_box(config_runtime::check_str::<Menu>("menu.toml", &text).unwrap().menu.len()))
    });
    g.bench_function("prepare (JsonArtifact, Level::DEFAULT)", |b| {
        b.iter(|| black_box(JsonArtifact::new(&menu, Level::DEFAULT).unwrap().sizes()))
    });
    g.bench_function("drop a parsed menu", |b| {
        b.iter_batched(|| toml::from_str::<Menu>(&text).unwrap(), drop, BatchSize::PerIteration)
    });

    // The whole pipeline, alternating two contents so every reload parses (one kept version:
    // otherwise a return to the other content would be a rollback).
    let (link, targets) = file_pair(dir);
    let live = Live::<Menu>::builder(&link)
        .keep_versions(1)
        .max_shrink(0.5)
        .try_prepare(|m: &Menu| JsonArtifact::new(m, Level::DEFAULT))
        .open()
        .unwrap();
    let mut turn = 0usize;
    let mut split = Vec::new();
    g.bench_function("reload_now (read..publish, JsonArtifact prepare)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                turn += 1;
                flip(&link, &targets[turn % 2]);
                let t = Instant::now();
                let out = live.reload_now();
                total += t.elapsed();
                match out {
                    Outcome::Accepted { timings, .. } => split.push(timings),
                    other => panic!("{other:?}"),
                }
            }
            total
        })
    });
    g.finish();
    if !split.is_empty() {
        let n = split.len() as u64;
        let avg = |f: fn(&config_runtime::live::Timings) -> u64| split.iter().map(f).sum::<u64>() / n / 1000;
        println!(
            "reload_now split over {n} reloads (ms): read {} | hash {} | parse+check+deserialize {} | shrink guard {} | prepare {} | total {}",
            avg(|t| t.read_us),
            avg(|t| t.hash_us),
            avg(|t| t.parse_us),
            avg(|t| t.guard_us),
            avg(|t| t.prepare_us),
            avg(|t| t.total_us)
        );
    }
}

/// p50 / p99 of the time per `load()` (batches of 256), on one reader thread, for `secs`.
fn reader_latency(live: &Live<Menu>, secs: f64) -> (f64, f64) {
    const BATCH: u32 = 256;
    let mut samples = Vec::new();
    let end = Instant::now() + Duration::from_secs_f64(secs);
    while Instant::now() < end {
        let t = Instant::now();
        for _ in 0..BATCH {
            let s = live.load();
            black_box(s.config.menu.len());
        }
        samples.push(t.elapsed().as_nanos() as f64 / f64::from(BATCH));
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    (at(0.50), at(0.99))
}

fn readers_during_reloads(dir: &Path) {
    let dir = dir.join("p99");
    std::fs::create_dir_all(&dir).unwrap();
    let (link, targets) = file_pair(&dir);
    // One kept version, so every flip is parsed (not rolled back to).
    let live = Live::<Menu>::builder(&link).keep_versions(1).open().unwrap();
    let idle = reader_latency(&live, 2.0);
    let stop = Arc::new(AtomicBool::new(false));
    let reloader = {
        let (live, stop) = (live.clone(), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                flip(&link, &targets[n % 2]);
                assert!(live.reload_now().is_accepted());
            }
            n
        })
    };
    let busy = reader_latency(&live, 2.0);
    stop.store(true, Ordering::Relaxed);
    let reloads = reloader.join().unwrap();
    println!(
        "reader load() ns, p50/p99: idle {:.1}/{:.1}; during {reloads} reloads of 3 MB in 2 s {:.1}/{:.1}; p99 ratio {:.2}",
        idle.0,
        idle.1,
        busy.0,
        busy.1,
        busy.1 / idle.1
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Criterion::default().configure_from_args();
    {
        let path = dir.path().join("menu-live.toml");
        std::fs::write(&path, menu_toml(0)).unwrap();
        println!("menu TOML: {} bytes", std::fs::metadata(&path).unwrap().len());
        let live = Live::<Menu>::builder(&path)
            .try_prepare(|m: &Menu| JsonArtifact::new(m, Level::FAST))
            .open()
            .unwrap();
        let s = live.load().prepared.sizes();
        println!("menu JSON {} bytes, gzip {} bytes, br {} bytes", s.json, s.gzip, s.br);
        bench_load(&mut c, &live);
    }
    bench_reload(&mut c, dir.path());
    readers_during_reloads(dir.path());
    c.final_summary();
}
