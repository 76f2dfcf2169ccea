use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(one_of("a", "b"))]
    pub percent_off: u8,
}

fn main() {}
