//! TOML literal decoding (the value of an integer or float literal's text), shared by the
//! summary builder and the blob encoder. For now this re-exports the functions from the
//! summary builder, where they are defined.

pub use crate::summary::build::{float_value, int_value};
