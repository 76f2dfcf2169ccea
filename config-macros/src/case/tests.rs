//! Unit tests of `case`.

use super::*;

#[test]
fn cases() {
    assert_eq!(apply("camelCase", "percent_off", false).as_deref(), Some("percentOff"));
    assert_eq!(apply("kebab-case", "percent_off", false).as_deref(), Some("percent-off"));
    assert_eq!(apply("snake_case", "FreeShipping", true).as_deref(), Some("free_shipping"));
    assert_eq!(apply("lowercase", "FreeShipping", true).as_deref(), Some("freeshipping"));
    assert_eq!(apply("SCREAMING-KEBAB-CASE", "a_b", false).as_deref(), Some("A-B"));
    assert_eq!(apply("nope", "a", false), None);
}
