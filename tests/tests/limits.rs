#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Resource limits of the whole run-time path (parse, summary, check, diagnostics,
//! rendering), measured without clocks: a counting allocator (per thread, so tests running
//! in parallel do not disturb each other) gives the peak memory and the number of
//! allocations each check costs. Both must grow linearly with the input, within stated
//! factors; the one timing test compares two sizes in the same run with a wide margin.
//!
//! The bound for a file `Live` accepts to read (at most `max_file_bytes`, 16 MiB by
//! default): peak memory at most [`PEAK_PER_BYTE`] times its size plus
//! [`UNFOLDED_ALLOWANCE`], allocations at most [`ALLOCS_PER_BYTE`] per byte, time linear
//! in its size. Anything larger is refused unread
//! (`hostile_file_over_the_cap_is_refused_unread`). Where the bytes go (measured, 4 MB
//! inputs): `toml`'s parsed document 40-100 per input byte (a `1,` is a 48-byte value),
//! the summary about 1.8 KB per distinct key path (~180 per byte for a file of short
//! distinct keys, the worst shape), findings and frames little (capped per rule).

use config_runtime::{Live, check_str};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

fn grew(n: usize) {
    let _ = LIVE.try_with(|c| {
        c.set(n);
        let _ = PEAK.try_with(|p| p.set(p.get().max(n)));
    });
    let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(LIVE.try_with(Cell::get).unwrap_or(0) + l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        let _ = LIVE.try_with(|c| c.set(c.get().saturating_sub(l.size())));
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        grew(LIVE.try_with(Cell::get).unwrap_or(0).saturating_sub(l.size()) + new);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Peak bytes allocated beyond what was live before, and allocations made, while `f` runs
/// on this thread.
fn cost<R>(f: impl FnOnce() -> R) -> (usize, u64, R) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let a0 = ALLOCS.with(Cell::get);
    let r = f();
    (PEAK.with(Cell::get) - base, ALLOCS.with(Cell::get) - a0, r)
}

/// The bound the README states: peak memory of checking a file and rendering its
/// findings, per byte of the file, whatever its shape. Measured worst ~375, one long line
/// of bad values (every one a position of the unfolded pass that lists them all, which
/// stops unfolding at `MAX_UNFOLDED_POSITIONS`); ~40 for a realistic menu.
const PEAK_PER_BYTE: usize = 400;
/// Allocations per byte, whatever the shape (measured worst: ~2.3 for `[1,1,1,...]`).
const ALLOCS_PER_BYTE: f64 = 3.0;

/// Everything a rejected file costs: check, one-line records and code frames.
fn check_and_render(text: &str) -> usize {
    match check_str::<shop::Marketing>("f.toml", text) {
        Ok(_) => 0,
        Err(d) => {
            let n = d.one_line().len() + d.render().len();
            // bounded per finding, whatever the length of the lines
            assert!(n < 1024 * (d.len() + 4), "output of {n} bytes for {} findings", d.len());
            d.len()
        }
    }
}

fn repeat_to(n: usize, unit: &str) -> String {
    unit.repeat(n / unit.len() + 1)
}

/// Hostile shapes of a file of about `n` bytes.
/// A named maker of a file of about `n` bytes.
type Shape = (&'static str, fn(usize) -> String);

fn shapes() -> Vec<Shape> {
    vec![
        ("a good menu", |n| {
            "free_shipping_over_cents = 1\n".to_owned()
                + &repeat_to(n, "[[menu]]\ntitle = \"Shoes\"\nurl = \"/shoes\"\n")
        }),
        ("a menu of bad links", |n| {
            "free_shipping_over_cents = 1\n".to_owned()
                + &repeat_to(n, "[[menu]]\ntitle = \"Shoes\"\nurl = \"javascript:x\"\n")
        }),
        ("many unknown keys", |n| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < n {
                s.push_str(&format!("k{i} = {i}\n"));
                i += 1;
            }
            s
        }),
        ("one long array of the wrong type", |n| {
            format!("free_shipping_over_cents = [{}1]", repeat_to(n, "1,"))
        }),
        ("one long line of bad values", |n| format!("menu = [{}]", repeat_to(n, "{title=\"\",url=\"x\"},"))),
        ("one long string", |n| format!("free_shipping_over_cents = \"{}\"", "x".repeat(n))),
        ("many tiny tables", |n| repeat_to(n, "[[x]]\n")),
        ("deep nesting", |n| format!("x = {}{}", "[".repeat(n / 2), "]".repeat(n / 2))),
        ("many duplicate ids", |n| {
            repeat_to(n, "[[promotions]]\nid = \"a\"\ntitle = \"t\"\nstarts = 2026-11-27T00:00:00\n")
        }),
    ]
}

#[test]
fn memory_and_allocations_grow_linearly() {
    const N: usize = 64 << 10;
    for (name, make) in shapes() {
        let (small, big) = (make(N), make(4 * N));
        let (p1, a1, f1) = cost(|| check_and_render(&small));
        let (p4, a4, f4) = cost(|| check_and_render(&big));
        let per_byte = p4 / big.len();
        eprintln!(
            "{name}: peak {per_byte}/byte, {:.2} allocs/byte, {f1} and {f4} findings",
            a4 as f64 / big.len() as f64
        );
        assert!(per_byte <= PEAK_PER_BYTE, "{name}: peak {p4} for {} bytes", big.len());
        assert!(a4 as f64 <= ALLOCS_PER_BYTE * big.len() as f64, "{name}: {a4} allocations");
        // four times the input: at most ~four times the cost (plus slack for fixed costs)
        assert!(p4 <= 5 * p1 + (1 << 20), "{name}: peak {p1} -> {p4}");
        assert!(a4 <= 5 * a1 + 1000, "{name}: allocations {a1} -> {a4}");
    }
}

/// Peak heap of `check_str` on a good file of each benchmark shape (`config_tests::shapes`),
/// against bare `toml::from_str` of the same text into the same type: the summary and the
/// checker add at most half of what parsing needs (allocations are counted, not timed;
/// the times are in PERFORMANCE.md, `scripts/shapes.sh`).
#[test]
fn memory_of_every_benchmark_shape_stays_near_the_parser() {
    use config_tests::shapes;
    use serde::de::DeserializeOwned;
    fn both<T: config_runtime::HasSchema + DeserializeOwned>(name: &str, text: &str) {
        let (bare, _, r) = cost(|| toml::from_str::<T>(text).is_ok());
        assert!(r, "{name}: toml refuses the shape");
        let (ours, _, r) = cost(|| check_str::<T>("shape.toml", text).map_err(|d| d.one_line()));
        assert!(r.is_ok(), "{name}: {}", r.err().unwrap_or_default());
        eprintln!("{name}: {ours} bytes against {bare} ({:.2}×)", ours as f64 / bare as f64);
        assert!(ours * 2 <= bare * 3, "{name}: {ours} bytes against {bare}");
        assert!(ours <= PEAK_PER_BYTE * text.len(), "{name}: {ours} bytes for {}", text.len());
    }
    const N: usize = 1 << 20;
    both::<shapes::KeyMap>("map of short keys", &shapes::key_map(N));
    both::<shapes::InlineTables>("array of inline tables", &shapes::inline_tables(N));
    both::<shapes::LongString>("one long string", &shapes::long_string(N));
    both::<shapes::Deep>("nested tables", &shapes::deep(N));
    both::<shop::Marketing>("taxonomy menu", &shapes::taxonomy_menu(N));
}

fn fastest(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            check_and_render(text);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Time is linear too: eight times the input may take at most 24 times as long (linear
/// is 8, quadratic 64), for the shapes where a quadratic step could hide (many findings on
/// one long line: locating, underlining and rendering each of them).
#[test]
fn time_grows_linearly_on_one_long_line() {
    const N: usize = 32 << 10;
    for make in [shapes()[3].1, shapes()[4].1, shapes()[5].1] {
        let (small, big) = (make(N), make(8 * N));
        let (t1, t8) = (fastest(&small), fastest(&big));
        assert!(t8 <= t1 * 24 + Duration::from_millis(50), "{t1:?} -> {t8:?}");
    }
}

#[test]
fn nesting_is_refused_at_depth_80_whatever_the_size() {
    for n in [81, 10_000, 1 << 20] {
        for text in [
            format!("x = {}{}", "[".repeat(n), "]".repeat(n)),
            format!("x = {}1{}", "{a=".repeat(n), "}".repeat(n)),
            format!("{}b = 1", "a.".repeat(n)),
            format!("[{}b]", "a.".repeat(n)),
        ] {
            let (peak, _, r) = cost(|| check_str::<shop::Marketing>("f.toml", &text));
            let d = r.unwrap_err();
            assert_eq!((d.len(), d.items[0].rule.id()), (1, "syntax"), "{}", d.one_line());
            assert!(d.items[0].message.contains("recursion"), "{}", d.items[0].message);
            // `toml` reads a whole dotted key or run of brackets before it refuses the depth
            assert!(peak <= 100 * text.len() + (4 << 20), "{peak} bytes for {}", text.len());
        }
    }
}

#[test]
fn hostile_file_over_the_cap_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    let cap = config_runtime::live::DEFAULT_MAX_FILE_BYTES;
    assert_eq!(cap, 16 << 20);
    // 16 MiB + 1 of something that would be expensive to parse
    let text = repeat_to(cap as usize, "[[x]]\n");
    std::fs::write(&path, &text[..cap as usize + 1]).unwrap();
    let (peak, _, live) = cost(|| Live::<shop::Marketing>::builder(&path).fallback_baked().open().unwrap());
    let s = live.status();
    assert_eq!((s.parses, s.rejected, s.version), (0, 1, 0), "{s:?}");
    assert_eq!(s.last_error.as_ref().unwrap().items[0].rule.id(), "max-file-bytes");
    assert!(peak < 1 << 20, "the file was not read whole: {peak} bytes");
    // the same size again is not re-examined
    assert!(matches!(live.reload_now(), config_runtime::Outcome::StillRejected(_)));
}

#[test]
fn hostile_file_under_the_cap_is_checked_in_bounded_memory() {
    // 4 MiB of tiny tables under the 16 MiB cap: a located rejection, within the bound
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    let text = repeat_to(4 << 20, "[[x]]\n");
    std::fs::write(&path, &text).unwrap();
    let (peak, _, live) = cost(|| Live::<shop::Marketing>::builder(&path).fallback_baked().open().unwrap());
    let s = live.status();
    assert_eq!((s.parses, s.rejected), (1, 1));
    let e = s.last_error.unwrap();
    assert!(e.items.iter().any(|i| (i.rule.id(), i.line, i.col) == ("unknown-key", 1, 3)), "{e}");
    assert!(peak <= PEAK_PER_BYTE * text.len(), "{peak} bytes for {}", text.len());
}
