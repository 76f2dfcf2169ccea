use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[config(file = "marketing.toml")]
pub enum Kind {
    Link,
}

fn main() {}
