use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(range(min = 1, max = 90))]
    pub title: String,
}

fn main() {}
