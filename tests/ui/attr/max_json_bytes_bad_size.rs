use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Shop {
    #[config(max_json_bytes = "256 parsecs")]
    pub tags: Vec<String>,
}

fn main() {}
