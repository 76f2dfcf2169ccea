use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(len(max = 3))]
    pub percent_off: u8,
}

fn main() {}
