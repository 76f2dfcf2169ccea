use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(unique)]
    pub id: String,
}

fn main() {}
