mod types {
    config_tests::shop_like_types!();
}
fn main() {
    let corpus = std::fs::read_to_string(config_tests::taxonomy::corpus_path()).unwrap_or_default();
    let text = config_tests::taxonomy::shop_config(&corpus, 3_000_000);
    let schema = <types::Marketing as config_runtime::HasSchema>::SCHEMA;
    let doc = config_runtime::__private::core::check_str::parse("x", &text).ok();
    for _ in 0..3 {
        std::hint::black_box(doc.as_ref().map(|d| config_runtime::__private::core::check_str::check_parsed("x", &text, d, schema).len()));
    }
}
