#![allow(dead_code)]
// Finite numbers past `f32`'s range fail the build as `range` (they would become
// infinities); `inf` itself is an f32.
#[derive(config_tests::__Config, serde::Deserialize)]
#[config(file = "../../fixtures/numbers/f32.toml")]
pub struct Weights {
    pub ratio: f32,
    pub boost: f32,
    pub floor: f32,
    pub limit: f32,
}

fn main() {}
