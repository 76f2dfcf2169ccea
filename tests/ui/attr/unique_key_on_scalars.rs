use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Shop {
    #[config(unique = "id")]
    pub tags: Vec<String>,
}

fn main() {}
