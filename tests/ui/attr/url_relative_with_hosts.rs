use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(url(relative, hosts("cdn.shop.example")))]
    pub banner_url: String,
}

fn main() {}
