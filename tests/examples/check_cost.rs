//! Where `check_str` spends its time on a 3 MB realistic config, against bare
//! `toml::from_str` of the same text (best of N, release): a quick profile aid.
//! `cargo run --release -p config-tests --example check_cost [bytes]`

use std::time::Instant;

mod types {
    config_tests::shop_like_types!();
}

fn best<R>(n: usize, mut f: impl FnMut() -> R) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..n {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64() * 1e6);
    }
    best
}

fn main() {
    let bytes = std::env::args().nth(1).and_then(|b| b.parse().ok()).unwrap_or(3_000_000);
    let text = config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), bytes);
    let schema = <types::Marketing as config_runtime::HasSchema>::SCHEMA;
    let n = if bytes < 1_000_000 { 300 } else { 15 };
    let bare = best(n, || toml::from_str::<types::Marketing>(&text).map(|m| m.menu.len()).unwrap_or(0));
    let parse = best(n, || {
        config_runtime::__private::core::check_str::parse("x", &text).map(|d| d.get_ref().len()).unwrap_or(0)
    });
    let raw = best(n, || toml::de::DeTable::parse(&text).map(|d| d.get_ref().len()).unwrap_or(0));
    let doc = config_runtime::__private::core::check_str::parse("x", &text).ok();
    let check = best(n, || {
        doc.as_ref()
            .map(|d| config_runtime::__private::core::check_str::check_parsed("x", &text, d, schema).len())
    });
    let full = best(n, || {
        config_runtime::check_str::<types::Marketing>("x", &text).map(|m| m.menu.len()).unwrap_or(0)
    });
    println!(
        "{} bytes: from_str {bare:.0} us | DeTable::parse {raw:.0} us, parse {parse:.0} us, check {check:.0} us, check_str {full:.0} us ({:.2}x)",
        text.len(),
        full / bare
    );
}
