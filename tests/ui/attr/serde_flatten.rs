use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Inner {
    pub a: u8,
}

#[derive(Config, serde::Deserialize)]
pub struct Outer {
    #[serde(flatten)]
    pub inner: Inner,
}

fn main() {}
