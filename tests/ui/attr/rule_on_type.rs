use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[config(url)]
pub struct Promo {
    pub banner_url: String,
}

fn main() {}
