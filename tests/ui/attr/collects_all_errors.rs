use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(maximum = 3)]
    pub percent_off: u8,
    #[config(before = "nowhere")]
    pub starts: u32,
    #[serde(flatten)]
    pub extra: std::collections::BTreeMap<String, String>,
}

fn main() {}
