use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(url(hosts("cdn.shop.example", "*.shop.*")))]
    pub banner_url: String,
}

fn main() {}
