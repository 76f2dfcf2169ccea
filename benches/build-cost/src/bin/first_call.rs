//! One process, one measurement: `Marketing::baked()` first call (decode of the baked
//! blob) against `toml::from_str::<Marketing>` of the same text. Prints microseconds.
use build_cost_bench::{Marketing, TEXT};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let baked = Marketing::baked();
    let baked_us = t.elapsed().as_secs_f64() * 1e6;
    let t = Instant::now();
    let parsed: Result<Marketing, _> = toml::from_str(TEXT);
    let parse_us = t.elapsed().as_secs_f64() * 1e6;
    let n = match parsed {
        Ok(m) => m.menu.len(),
        Err(e) => panic!("toml::from_str failed: {e}"),
    };
    assert_eq!(n, baked.menu.len());
    println!("{baked_us:.1} {parse_us:.1}");
}
