use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Shop {
    #[config(max_nodes = 10)]
    pub tags: Vec<String>,
}

fn main() {}
