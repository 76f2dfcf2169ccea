#![allow(dead_code)]
// A TOML syntax error in the root file is the only error: the app's uses of the root
// consts and of `baked()` still compile against the derive's fallback.
config_tests::shop_types!(#[config(file = "../../fixtures/bad/shop/syntax.toml")]);

fn main() {
    let threshold: u32 = Marketing::FREE_SHIPPING_OVER_CENTS;
    let promotions = Marketing::baked().promotions.len();
    println!("{threshold} {promotions}");
}
