//! A good file bakes; root-level scalars are consts.
config_tests::shop_types!(#[config(file = "../../fixtures/good/shop.toml")]);

const FREE: u32 = Marketing::FREE_SHIPPING_OVER_CENTS;

fn main() {
    assert_eq!(FREE, 4900);
    assert_eq!(Marketing::baked().promotions.len(), 2);
}
