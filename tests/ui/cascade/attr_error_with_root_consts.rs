#![allow(dead_code)]
// A misspelt rule on the root type is the only error: the derive's fallback still
// defines the root consts the app uses.
#[derive(config_tests::__Config, serde::Deserialize)]
#[config(file = "../../fixtures/good/threshold.toml")]
pub struct Marketing {
    #[config(rnage(max = 100_000))]
    pub free_shipping_over_cents: u32,
}

fn main() {
    let _: u32 = Marketing::FREE_SHIPPING_OVER_CENTS;
}
