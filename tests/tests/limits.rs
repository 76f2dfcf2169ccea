#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Resource limits, measured without clocks: a counting allocator (per thread, so tests
//! running in parallel do not disturb each other) gives the bytes and allocations each
//! check costs. Parse and check must stay linear in the input, with a bounded factor.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|c| {
            let n = c.get() + l.size();
            c.set(n);
            let _ = PEAK.try_with(|p| p.set(p.get().max(n)));
        });
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        let _ = LIVE.try_with(|c| c.set(c.get().saturating_sub(l.size())));
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let _ = LIVE.try_with(|c| {
            let n = c.get().saturating_sub(l.size()) + new;
            c.set(n);
            let _ = PEAK.try_with(|pk| pk.set(pk.get().max(n)));
        });
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Peak extra bytes and number of allocations while `f` runs on this thread.
fn cost<R>(f: impl FnOnce() -> R) -> (usize, u64, R) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let a0 = ALLOCS.with(Cell::get);
    let r = f();
    let peak = PEAK.with(Cell::get) - base;
    (peak, ALLOCS.with(Cell::get) - a0, r)
}

mod shop_like {
    config_tests::shop_types!();
}

fn check(text: &str) -> usize {
    match config_runtime::check_str::<shop::Marketing>("f.toml", text) {
        Ok(_) => 0,
        Err(d) => d.len(),
    }
}

fn probe(name: &str, make: impl Fn(usize) -> String) {
    for n in [1usize << 18, 1 << 20, 1 << 22] {
        let text = make(n);
        let t = std::time::Instant::now();
        let (peak, allocs, found) = cost(|| check(&text));
        eprintln!(
            "{name:>24} {:>9} bytes: peak {:>6.1}x, {:>9} allocs ({:.2}/byte), {found} findings, {:?}",
            text.len(),
            peak as f64 / text.len() as f64,
            allocs,
            allocs as f64 / text.len() as f64,
            t.elapsed()
        );
    }
}

fn repeat_to(n: usize, unit: &str) -> String {
    unit.repeat(n / unit.len() + 1)
}

#[test]
fn probe_shapes() {
    probe("good menu", |n| {
        let mut s = String::from("free_shipping_over_cents = 1\n");
        s.push_str(&repeat_to(n, "[[menu]]\ntitle = \"Shoes\"\nurl = \"/shoes\"\n"));
        s
    });
    probe("menu, bad urls", |n| {
        let mut s = String::from("free_shipping_over_cents = 1\n");
        s.push_str(&repeat_to(n, "[[menu]]\ntitle = \"Shoes\"\nurl = \"javascript:x\"\n"));
        s
    });
    probe("many root keys", |n| {
        let mut s = String::new();
        let mut i = 0;
        while s.len() < n {
            s.push_str(&format!("k{i} = 1\n"));
            i += 1;
        }
        s
    });
    probe("int array", |n| format!("free_shipping_over_cents = [{}1]", repeat_to(n, "1,")));
    probe("long string", |n| format!("free_shipping_over_cents = \"{}\"", "x".repeat(n)));
    probe("many tables", |n| repeat_to(n, "[[x]]\n"));
}
