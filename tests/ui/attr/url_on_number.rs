use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(url)]
    pub percent_off: u8,
}

fn main() {}
