use chrono::{DateTime, FixedOffset};
use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    pub id: String,
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

#[derive(Config, serde::Deserialize)]
pub struct NoSuchField {
    #[config(no_overlap(start = "begins", end = "ends"))]
    pub promotions: Vec<Promo>,
}

#[derive(Config, serde::Deserialize)]
pub struct NotAnInstant {
    #[config(no_overlap(start = "id", end = "ends"))]
    pub promotions: Vec<Promo>,
}

#[derive(Config, serde::Deserialize)]
pub struct NotAList {
    #[config(no_overlap(start = "starts", end = "ends"))]
    pub promotion: Promo,
}

#[derive(Config, serde::Deserialize)]
pub struct NoEnd {
    #[config(no_overlap(start = "starts"))]
    pub promotions: Vec<Promo>,
}

fn main() {}
