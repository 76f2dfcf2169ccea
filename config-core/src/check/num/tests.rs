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
