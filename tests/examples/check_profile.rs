//! A profiling aid: runs `check_parsed` on a generated config many times.
//! `cargo run --release -p config-tests --example check_profile [bytes] [iterations]`
mod types {
    config_tests::shop_like_types!();
}
fn main() {
    let mut a = std::env::args().skip(1);
    let bytes = a.next().and_then(|b| b.parse().ok()).unwrap_or(3_000_000);
    let n: usize = a.next().and_then(|b| b.parse().ok()).unwrap_or(3);
    let text = config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), bytes);
    let schema = <types::Marketing as config_runtime::HasSchema>::SCHEMA;
    let doc = config_runtime::__private::core::check_str::parse("x", &text).ok();
    for _ in 0..n {
        std::hint::black_box(
            doc.as_ref().map(|d| {
                config_runtime::__private::core::check_str::check_parsed("x", &text, d, schema).len()
            }),
        );
    }
}
