use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(before = "starts")]
    pub starts: u32,
}

fn main() {}
