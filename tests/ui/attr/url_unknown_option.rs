use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(url(http))]
    pub banner_url: String,
}

fn main() {}
