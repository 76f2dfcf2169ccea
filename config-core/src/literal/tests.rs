//! Number literals: separators, signs, radixes, saturation, and malformed digits.

use super::*;

#[test]
fn integers() {
    assert_eq!(int_value("1_000", 10), 1000);
    assert_eq!(int_value("+7", 10), 7);
    assert_eq!(int_value("-7", 10), -7);
    assert_eq!(int_value("ff", 16), 255);
    assert_eq!(int_value("9999999999999999999999999999999999999999", 10), i128::MAX);
    assert_eq!(int_value("-9999999999999999999999999999999999999999", 10), i128::MIN);
}

#[test]
fn floats() {
    assert_eq!(float_value("1_000.5"), 1000.5);
    assert_eq!(float_value("-inf"), f64::NEG_INFINITY);
    assert!(float_value("nan").is_nan());
    assert!(float_value("x").is_nan());
}

#[test]
fn digits() {
    assert!(int_digits_valid("1_000", 10));
    assert!(int_digits_valid("-7", 10));
    assert!(!int_digits_valid("", 16));
    assert!(!int_digits_valid("_", 10));
    assert!(!int_digits_valid("12a", 10));
    assert!(!int_digits_valid("١٢", 10));
}
