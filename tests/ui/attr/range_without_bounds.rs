use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(range())]
    pub percent_off: u8,
}

fn main() {}
