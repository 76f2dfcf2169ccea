use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Cents(pub u32);

fn main() {}
