use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(range(max = 90))]
    #[serde(skip)]
    pub percent_off: u8,
}

fn main() {}
