use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(url(relative, https))]
    pub banner_url: String,
}

fn main() {}
