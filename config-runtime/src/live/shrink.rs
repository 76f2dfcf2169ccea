//! The shrink guard: refuse a version that lost too many values against the last good one.
//!
//! A file cut at a line boundary is usually still valid TOML, and an empty file is too, so
//! "it parsed" is not "it is complete". Required fields and `len(min = …)` catch some of it;
//! this guard catches the rest by counting the scalar values written in the text (strings,
//! numbers, booleans, datetimes, each array element) and comparing with the last good version.
//!
//! Counting lexes the text once, allocation-free except for a bracket stack, at memory speed.
//! It runs only on text the loader accepted, so it need not diagnose anything; on any other
//! input it still ends, never panics and never recurses. Both sides are counted the same way,
//! so reformatting (comments, blank lines, one array element per line) changes nothing.

/// The number of scalar values written in `text`.
pub(crate) fn count_values(text: &str) -> u64 {
    let b = text.as_bytes();
    let mut i = 0;
    let mut n = 0u64;
    // Open `[` (array) and `{` (inline table) in value position.
    let mut stack: Vec<u8> = Vec::new();
    let mut want_value = false;
    while let Some(&c) = b.get(i) {
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' => {
                i += 1;
                if stack.is_empty() {
                    want_value = false;
                }
            }
            b'#' => i = skip_line(b, i),
            b'=' => {
                want_value = true;
                i += 1;
            }
            b',' => {
                want_value = stack.last() == Some(&b'[');
                i += 1;
            }
            b'[' if want_value => {
                stack.push(b'[');
                i += 1;
            }
            // A table header (`[a.b]`, `[[a]]`) outside any value.
            b'[' if stack.is_empty() => i = skip_line(b, i),
            b'{' if want_value => {
                stack.push(b'{');
                want_value = false;
                i += 1;
            }
            b']' | b'}' => {
                let open = if c == b']' { b'[' } else { b'{' };
                if stack.last() == Some(&open) {
                    stack.pop();
                }
                want_value = false;
                i += 1;
            }
            b'"' | b'\'' => {
                i = skip_string(b, i);
                if want_value {
                    n += 1;
                    want_value = false;
                }
            }
            _ if want_value => {
                i = skip_scalar(b, i);
                n += 1;
                want_value = false;
            }
            // Part of a key (or stray input): move on.
            _ => i += 1,
        }
    }
    n
}

/// Index of the next `\n` at or after `i` (a comment or header ends there).
fn skip_line(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = b.get(j) {
        if c == b'\n' {
            break;
        }
        if c == b'"' || c == b'\'' {
            j = skip_string(b, j);
        } else {
            j += 1;
        }
    }
    j.max(i + 1)
}

/// A bare value (number, boolean, datetime, which may hold one space) ends at a delimiter.
fn skip_scalar(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = b.get(j) {
        if matches!(c, b',' | b']' | b'}' | b'#' | b'\n' | b'\r') {
            break;
        }
        j += 1;
    }
    j.max(i + 1)
}

/// Index just past the string starting at `i` (basic, literal, or multi-line of either).
fn skip_string(b: &[u8], i: usize) -> usize {
    let Some(&q) = b.get(i) else { return i + 1 };
    let triple = b.get(i..i + 3) == Some(&[q, q, q][..]);
    let escapes = q == b'"';
    let mut j = if triple { i + 3 } else { i + 1 };
    while let Some(&c) = b.get(j) {
        if escapes && c == b'\\' {
            j += 2;
            continue;
        }
        if c == b'\n' && !triple {
            return j;
        }
        if c == q {
            if !triple {
                return j + 1;
            }
            if b.get(j..j + 3) == Some(&[q, q, q][..]) {
                // Up to two more quotes belong to the content (`""""` ends a string with `"`).
                let mut end = j + 3;
                while end < j + 5 && b.get(end) == Some(&q) {
                    end += 1;
                }
                return end;
            }
        }
        j += 1;
    }
    j.max(i + 1)
}

/// Refuses `after` values against `before` when more than `max_shrink` (0..=1) of them were lost.
pub(crate) fn check(before: u64, after: u64, max_shrink: f64) -> Result<(), String> {
    if before == 0 || after >= before {
        return Ok(());
    }
    let lost = (before - after) as f64 / before as f64;
    if lost <= max_shrink {
        return Ok(());
    }
    Err(format!(
        "the file has {after} values, {pct:.0}% fewer than the {before} of the version being served \
         (max_shrink allows losing {max:.0}%)",
        pct = lost * 100.0,
        max = max_shrink * 100.0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalars_not_keys() {
        assert_eq!(count_values(""), 0);
        assert_eq!(count_values("a = 1\nb = \"x = 2\"\n"), 2);
        assert_eq!(count_values("a.b = true # c = 3\n"), 1);
        assert_eq!(count_values("[t]\n'k' = 1979-05-27 07:32:00Z\n"), 1);
        assert_eq!(count_values("a = [1, 2,\n  3, # x\n]\n"), 3);
        assert_eq!(count_values("a = { x = 1, y = [2, 3], z = { w = 'q' } }\n"), 4);
        assert_eq!(count_values("[[menu]]\ntitle = \"a\"\n[[menu.children]]\ntitle = \"b\"\n"), 2);
        assert_eq!(count_values("s = \"\"\"\nline = 1\n\\\"\"\" \"\"\"\nn = 2\n"), 2);
        assert_eq!(count_values("s = '''a ''''\nn = 2\n"), 2);
        assert_eq!(count_values("[\"a]b\"] # [\nx = 1\n"), 1);
    }

    #[test]
    fn survives_any_input() {
        let deep = format!("x = {}{}", "[".repeat(100_000), "]".repeat(3));
        assert_eq!(count_values(&deep), 0);
        for s in ["\"", "'''", "x = \"\\", "= = =", "]]]}}}", "x = {", "a = [\"", "x = 1\r"] {
            let _ = count_values(s);
        }
    }

    #[test]
    fn guard_threshold() {
        assert!(check(100, 50, 0.5).is_ok());
        assert!(check(100, 49, 0.5).is_err());
        assert!(check(0, 0, 0.5).is_ok());
        assert!(check(10, 0, 1.0).is_ok());
        assert!(check(10, 9, 0.0).is_err());
    }
}
