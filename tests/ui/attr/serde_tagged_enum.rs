use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[serde(tag = "type")]
pub enum Kind {
    Link,
    Banner,
}

fn main() {}
