//! `shop-lint`: the marketing team's gate, built from the shop's own types.
//! `cargo run -p shop --bin shop-lint -- check examples/shop/marketing.toml`
fn main() -> std::process::ExitCode {
    config_lint::main::<shop::Marketing>()
}
