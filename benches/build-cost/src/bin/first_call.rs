//! One process, one measurement: `Marketing::baked()` first call (decode of the baked
//! blob) against `toml::from_str::<Marketing>` of the same text. Prints microseconds.
//! `first_call swap` measures `toml::from_str` first, so neither side always pays the
//! process's first-use costs (both orders are run by the script).
use build_cost_bench::{Marketing, TEXT};
use std::time::Instant;

fn main() {
    let swap = std::env::args().nth(1).as_deref() == Some("swap");
    // the clock's own first use is not part of either measurement
    let _ = Instant::now().elapsed();
    let from_str = || {
        let t = Instant::now();
        let parsed: Result<Marketing, _> = toml::from_str(TEXT);
        let us = t.elapsed().as_secs_f64() * 1e6;
        match parsed {
            Ok(m) => (us, m.menu.len()),
            Err(e) => panic!("toml::from_str failed: {e}"),
        }
    };
    let baked = || {
        let t = Instant::now();
        let m = Marketing::baked();
        (t.elapsed().as_secs_f64() * 1e6, m.menu.len())
    };
    let ((b, nb), (p, np)) = if swap {
        let p = from_str();
        (baked(), p)
    } else {
        let b = baked();
        (b, from_str())
    };
    assert_eq!(nb, np);
    println!("{b:.1} {p:.1}");
}
