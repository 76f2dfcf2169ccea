use config_runtime::Config;

fn parse_loose<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    serde::Deserialize::deserialize(d)
}

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[serde(deserialize_with = "parse_loose")]
    pub percent_off: u8,
}

fn main() {}
