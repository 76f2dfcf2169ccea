//! Number formatting usable in const evaluation (integers and floats to text), shared by
//! both reports so build-time and run-time messages print numbers identically.

use crate::schema::Num;
use crate::summary::Val;

/// Writes `v` in decimal into `buf`, returning the length used.
pub const fn push_u128_to(buf: &mut [u8; 48], at: usize, v: u128) -> usize {
    let mut tmp = [0u8; 40];
    let mut n = 0;
    let mut u = v;
    loop {
        tmp[n] = b'0' + (u % 10) as u8;
        n += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let mut i = at;
    while n > 0 && i < 48 {
        n -= 1;
        buf[i] = tmp[n];
        i += 1;
    }
    i
}

/// Formats a value as text into `buf` and returns the length: integers exactly, floats
/// with up to six decimals (`99.5`, `1.0`, `-0.25`, `NaN`, `inf`).
pub const fn push_val_to(buf: &mut [u8; 48], v: Val) -> usize {
    match v {
        Val::Int(i) => {
            let mut at = 0;
            if i < 0 {
                buf[0] = b'-';
                at = 1;
            }
            push_u128_to(buf, at, i.unsigned_abs())
        }
        Val::Float(f) => {
            if f.is_nan() {
                buf[0] = b'N';
                buf[1] = b'a';
                buf[2] = b'N';
                return 3;
            }
            let mut at = 0;
            let mut a = f;
            if f < 0.0 {
                buf[0] = b'-';
                at = 1;
                a = -f;
            }
            if a == f64::INFINITY {
                buf[at] = b'i';
                buf[at + 1] = b'n';
                buf[at + 2] = b'f';
                return at + 3;
            }
            // large and tiny magnitudes in scientific notation (`1e39`, `3.5e-7`): a plain
            // integer part would not fit `u128` (or the buffer), and six decimals show 0
            let mut exp: i32 = 0;
            if a >= 1e16 {
                while a >= 10.0 {
                    a /= 10.0;
                    exp += 1;
                }
            } else if a > 0.0 && a < 1e-4 {
                while a < 1.0 {
                    a *= 10.0;
                    exp -= 1;
                }
            }
            let (mut int, mut frac) = split_six_decimals(a);
            if exp != 0 && int >= 10 {
                // 9.9999999e20 rounds to 10.0: write 1e21
                int = 1;
                frac = 0;
                exp += 1;
            }
            at = push_u128_to(buf, at, int);
            if exp == 0 || frac != 0 {
                if at < 48 {
                    buf[at] = b'.';
                    at += 1;
                }
                at = push_six_decimals(buf, at, frac, exp != 0);
            }
            if exp != 0 && at + 1 < 48 {
                buf[at] = b'e';
                at += 1;
                if exp < 0 {
                    buf[at] = b'-';
                    at += 1;
                }
                at = push_u128_to(buf, at, exp.unsigned_abs() as u128);
            }
            at
        }
    }
}

/// The integer part of `a` (at most 1e16 here) and its first six decimals, rounded.
const fn split_six_decimals(a: f64) -> (u128, u64) {
    let mut int = a as u128;
    let mut frac = ((a - int as f64) * 1_000_000.0 + 0.5) as u64;
    if frac >= 1_000_000 {
        int += 1;
        frac = 0;
    }
    (int, frac)
}

/// Writes six decimals without trailing zeros (one zero kept unless `drop_all_zeros`).
const fn push_six_decimals(buf: &mut [u8; 48], mut at: usize, frac: u64, drop_all_zeros: bool) -> usize {
    let mut digits = [0u8; 6];
    let mut k = 6;
    let mut x = frac;
    while k > 0 {
        k -= 1;
        digits[k] = b'0' + (x % 10) as u8;
        x /= 10;
    }
    let mut last = 6;
    while last > 1 && digits[last - 1] == b'0' {
        last -= 1;
    }
    if drop_all_zeros && last == 1 && digits[0] == b'0' {
        return at;
    }
    let mut j = 0;
    while j < last && at < 48 {
        buf[at] = digits[j];
        at += 1;
        j += 1;
    }
    at
}

/// As [`push_val_to`] for a rule bound.
pub const fn num_val(n: Num) -> Val {
    match n {
        Num::Int(i) => Val::Int(i),
        Num::Float(f) => Val::Float(f),
    }
}

#[cfg(test)]
mod tests;
