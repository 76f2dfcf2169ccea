//! TOML number literals as values. `toml`'s parser keeps integer and float literals as
//! text (`0x_ff`, `1_000`, `+inf`); every reader of a document (the summary builder, the
//! baked binary form, the derive's defaults) decodes them here, so they all see the same
//! number.

use std::borrow::Cow;

/// Integer literal value; out-of-range literals saturate (the checker reports them).
pub fn int_value(text: &str, radix: u32) -> i128 {
    let t = without_underscores(text);
    let t = t.strip_prefix('+').unwrap_or(&t);
    i128::from_str_radix(t, radix).unwrap_or(if t.starts_with('-') { i128::MIN } else { i128::MAX })
}

/// Float literal value (`inf`, `nan` included).
pub fn float_value(text: &str) -> f64 {
    without_underscores(text).parse().unwrap_or(f64::NAN)
}

/// Does an integer literal have digits, all valid for its radix (underscores aside, after
/// an optional sign)? The parser leaves a few malformed ones (`0x` without digits,
/// non-ASCII digits) to the conversion.
pub fn int_digits_valid(text: &str, radix: u32) -> bool {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    t.bytes().any(|b| b != b'_') && t.chars().all(|c| c == '_' || c.is_digit(radix))
}

/// The digits without `_` separators, borrowed when there are none (the usual case).
fn without_underscores(text: &str) -> Cow<'_, str> {
    if text.contains('_') { text.replace('_', "").into() } else { text.into() }
}

#[cfg(test)]
mod tests;
