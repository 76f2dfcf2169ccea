//! Levels 1-3 of the real product taxonomy pass a `max_depth = 3` menu.
config_tests::taxonomy_types!(#[config(file = "../../fixtures/generated/taxonomy_3.toml")]);

fn main() {
    assert!(Catalog::baked().menu.len() > 10);
}
