use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub enum Discount {
    Percent(u8),
    Fixed,
}

fn main() {}
