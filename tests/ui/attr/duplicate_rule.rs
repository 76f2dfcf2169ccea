use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(range(min = 1), range(max = 90))]
    pub percent_off: u8,
}

fn main() {}
