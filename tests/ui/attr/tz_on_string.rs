use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(tz = "Europe/Kyiv")]
    pub title: String,
}

#[derive(Config, serde::Deserialize)]
#[config(tz = "Europe/Kyiv")]
pub enum Audience {
    All,
}

fn main() {}
