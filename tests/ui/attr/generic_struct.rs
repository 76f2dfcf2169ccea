use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Wrapper<T> {
    pub value: T,
}

fn main() {}
