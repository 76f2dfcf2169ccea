use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(range(min = 90, max = 1))]
    pub percent_off: u8,
}

fn main() {}
