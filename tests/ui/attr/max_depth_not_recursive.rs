use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Item {
    pub title: String,
}

#[derive(Config, serde::Deserialize)]
pub struct Shop {
    #[config(max_depth = 3)]
    pub menu: Vec<Item>,
}

fn main() {}
