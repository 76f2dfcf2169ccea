//! Unit tests of `num`.

use super::*;

fn show(v: Val) -> String {
    let mut b = [0u8; 48];
    let n = push_val_to(&mut b, v);
    String::from_utf8_lossy(&b[..n]).into_owned()
}

#[test]
fn formats() {
    assert_eq!(
        show(Val::Int(-170141183460469231731687303715884105728)),
        "-170141183460469231731687303715884105728"
    );
    assert_eq!(show(Val::Int(0)), "0");
    assert_eq!(show(Val::Float(99.5)), "99.5");
    assert_eq!(show(Val::Float(1.0)), "1.0");
    assert_eq!(show(Val::Float(-0.25)), "-0.25");
    assert_eq!(show(Val::Float(f64::NAN)), "NaN");
    assert_eq!(show(Val::Float(f64::NEG_INFINITY)), "-inf");
    assert_eq!(show(Val::Float(0.9999999)), "1.0");
}

#[test]
fn large_and_tiny_floats_in_scientific_notation() {
    assert_eq!(show(Val::Float(1e39)), "1e39");
    assert_eq!(show(Val::Float(-3.5e38)), "-3.5e38");
    assert_eq!(show(Val::Float(1e16)), "1e16");
    assert_eq!(show(Val::Float(123456789012345.0)), "123456789012345.0");
    assert_eq!(show(Val::Float(2.5e-7)), "2.5e-7");
    assert_eq!(show(Val::Float(0.0)), "0.0");
    assert_eq!(show(Val::Float(9.9999999e20)), "1e21");
}

/// Every finite float formats without panicking (the integer part of a huge value used to
/// overflow) and within the buffer.
#[test]
fn every_magnitude_formats() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let f = f64::from_bits(x);
        let s = show(Val::Float(f));
        assert!(!s.is_empty() && s.len() <= 48, "{f:e}: {s}");
    }
    for f in [f64::MAX, f64::MIN, f64::MIN_POSITIVE, -f64::MIN_POSITIVE, 5e-324] {
        assert!(!show(Val::Float(f)).is_empty());
    }
}
