//! Unit tests of `text`.

use super::*;

#[test]
fn distances() {
    assert_eq!(edit_distance("titel", "title"), 2);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("percent_of", "percent_off"), 1);
    assert!(is_close("percent_of", "percent_off"));
    assert!(!is_close("menu", "free_shipping_over_cents"));
}
