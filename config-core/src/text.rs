//! Small `const fn` string helpers for the checker, which runs in const evaluation.

/// Byte equality of two strings.
pub const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const MAX_EDIT: usize = 48;

/// Levenshtein distance over bytes; `usize::MAX` when either string is too long to compare.
pub const fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX_EDIT || b.len() > MAX_EDIT {
        return usize::MAX;
    }
    let mut prev = [0usize; MAX_EDIT + 1];
    let mut cur = [0usize; MAX_EDIT + 1];
    let mut j = 0;
    while j <= b.len() {
        prev[j] = j;
        j += 1;
    }
    let mut i = 1;
    while i <= a.len() {
        cur[0] = i;
        let mut j = 1;
        while j <= b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            let del = prev[j] + 1;
            let ins = cur[j - 1] + 1;
            let sub = prev[j - 1] + cost;
            let m = if del < ins { del } else { ins };
            cur[j] = if m < sub { m } else { sub };
            j += 1;
        }
        let mut k = 0;
        while k <= b.len() {
            prev[k] = cur[k];
            k += 1;
        }
        i += 1;
    }
    prev[b.len()]
}

/// Is `candidate` close enough to `typo` to suggest it?
pub const fn is_close(typo: &str, candidate: &str) -> bool {
    let d = edit_distance(typo, candidate);
    let n = if typo.len() > candidate.len() { typo.len() } else { candidate.len() };
    d != usize::MAX && d > 0 && (d <= 2 || d * 3 <= n)
}

#[cfg(test)]
mod tests;
