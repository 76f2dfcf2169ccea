#![allow(dead_code)]
// An attribute mistake on the root type is the only error: the root consts still exist.
#[derive(config_tests::__Config, serde::Deserialize)]
#[config(file = "../../fixtures/good/shop.toml")]
pub struct Marketing {
    #[config(range(min = 10, max = 1))]
    pub free_shipping_over_cents: u32,
}

fn main() {
    let _: u32 = Marketing::FREE_SHIPPING_OVER_CENTS;
}
