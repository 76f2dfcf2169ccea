use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[serde(rename_all = "Title Case")]
pub struct Promo {
    pub percent_off: u8,
}

fn main() {}
