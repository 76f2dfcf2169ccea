use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    pub id: String,
}

#[derive(Config, serde::Deserialize)]
pub struct Shop {
    #[config(unique = "code")]
    pub promotions: Vec<Promo>,
}

fn main() {}
