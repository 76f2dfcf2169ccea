use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[config(file = "does-not-exist.toml")]
pub struct Marketing {
    pub free_shipping_over_cents: u32,
}

fn main() {
    let _ = Marketing::baked();
}
