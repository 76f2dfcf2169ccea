//! Key paths as the checker prints them (`promotions[2].ends`, `labels."new in".text`),
//! parsed back into segments and resolved against a schema, so a finding can be related
//! to the Rust type it is about (the date help needs to know which datetime form a
//! field wants).

use config_core::Schema;
use config_core::schema::unwrap_opt;

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Parses a printed key path; `(root)` / `(document)` are the empty path. `None` when
/// the text is not a key path.
pub(crate) fn parse(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    if path == "(root)" || path == "(document)" {
        return Some(out);
    }
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' if !out.is_empty() => i += 1,
            b'[' => {
                let end = i + path[i..].find(']')?;
                out.push(Segment::Index(path[i + 1..end].parse().ok()?));
                i = end + 1;
            }
            b'"' => {
                // a Rust-debug-quoted key: find the closing quote, honouring escapes
                let mut j = i + 1;
                let mut key = String::new();
                let mut chars = path[j..].char_indices();
                loop {
                    let (k, c) = chars.next()?;
                    match c {
                        '"' => {
                            j += k + 1;
                            break;
                        }
                        '\\' => {
                            let (_, e) = chars.next()?;
                            key.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                '0' => '\0',
                                other => other,
                            });
                        }
                        c => key.push(c),
                    }
                }
                out.push(Segment::Key(key));
                i = j;
            }
            _ => {
                let end = path[i..].find(['.', '[']).map_or(path.len(), |e| i + e);
                if end == i {
                    return None;
                }
                out.push(Segment::Key(path[i..end].to_owned()));
                i = end;
            }
        }
    }
    Some(out)
}

/// The schema at a path below `root` (`Option` layers stripped), if the path leads
/// anywhere in it.
pub(crate) fn schema_at(root: &'static Schema, path: &[Segment]) -> Option<&'static Schema> {
    let mut s = unwrap_opt(root);
    for seg in path {
        s = match (s, seg) {
            (Schema::Struct(st), Segment::Key(k)) => st.fields.iter().find(|f| f.matches(k))?.ty.get(),
            (Schema::Map(inner), Segment::Key(_)) | (Schema::Seq(inner), Segment::Index(_)) => inner.get(),
            _ => return None,
        };
        s = unwrap_opt(s);
    }
    Some(s)
}

#[cfg(test)]
mod tests;
