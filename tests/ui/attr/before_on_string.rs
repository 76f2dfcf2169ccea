use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(before = "ends")]
    pub starts: String,
    pub ends: String,
}

fn main() {}
