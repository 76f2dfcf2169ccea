//! Facts for `unique`: duplicates among the elements of an array, of whole scalar
//! elements or of the value under one key of table elements, compared as canonical
//! values (strings in NFC, numbers by value).

use super::build::Fold;
use super::walk::Builder;
use super::{Dup, PositionId, StrId};
use crate::keypath::SegmentRef;
use crate::literal::{float_value, int_value};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use toml::Spanned;
use toml::de::DeValue;

/// Arrays up to this many items look for duplicates pairwise instead of hashing.
const SMALL_ARRAY: usize = 16;

/// A scalar as `unique` compares it.
#[derive(PartialEq, Eq, Hash)]
enum CanonicalValue<'v> {
    /// In NFC (see [`nfc`]).
    Str(Cow<'v, str>),
    Int(i128),
    /// The bits of the `f64`.
    FloatBits(u64),
    Bool(bool),
    /// As TOML writes it.
    Datetime(String),
}

fn canonical<'v>(v: &'v DeValue<'_>) -> Option<CanonicalValue<'v>> {
    Some(match v {
        DeValue::String(s) => CanonicalValue::Str(nfc(s.as_ref())),
        DeValue::Integer(i) => CanonicalValue::Int(int_value(i.as_str(), i.radix())),
        DeValue::Float(f) => CanonicalValue::FloatBits(float_value(f.as_str()).to_bits()),
        DeValue::Boolean(b) => CanonicalValue::Bool(*b),
        DeValue::Datetime(d) => CanonicalValue::Datetime(d.to_string()),
        DeValue::Array(_) | DeValue::Table(_) => return None,
    })
}

/// A string as `unique` compares it: in Unicode canonical composition (NFC), so `café`
/// typed as one code point and as `e` + a combining accent are the same value, as they are
/// to a reader. ASCII and already-composed text (the usual case) are borrowed as they are.
fn nfc(s: &str) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

impl<'d> Builder<'d> {
    /// Records the duplicates among `items`, the elements of an array at position `p`:
    /// the first of each kind when folded, every one when unfolded.
    pub(super) fn record_dups(
        &mut self,
        p: PositionId,
        items: impl Iterator<Item = &'d Spanned<DeValue<'d>>> + Clone,
    ) {
        if items.clone().nth(1).is_none() {
            return;
        }
        let all = self.fold == Fold::Unfolded;
        // small arrays (the usual case: menu children) compare pairwise, without hashing
        let small = items.clone().nth(SMALL_ARRAY).is_none();
        let mut scalars: HashSet<CanonicalValue<'d>> = HashSet::default();
        let mut by_key: HashMap<&'d str, HashSet<CanonicalValue<'d>>> = HashMap::default();
        let mut seen_small: Vec<(Option<&'d str>, CanonicalValue<'d>)> = Vec::new();
        for (i, item) in items.enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => {
                    for (k, v) in t.iter() {
                        let Some(c) = canonical(v.get_ref()) else { continue };
                        let key: &'d str = k.get_ref().as_ref();
                        let fresh = if small {
                            let dup = seen_small.iter().any(|(sk, sc)| *sk == Some(key) && *sc == c);
                            if !dup {
                                seen_small.push((Some(key), c));
                            }
                            !dup
                        } else {
                            by_key.entry(key).or_default().insert(c)
                        };
                        if fresh {
                            continue;
                        }
                        let ki = self.intern(key);
                        if !all && self.pos[p.index()].dups.iter().any(|d| d.key == ki) {
                            continue;
                        }
                        self.push_seg(SegmentRef::Index(i));
                        self.push_seg(SegmentRef::Key(key));
                        let loc = self.loc_here(v.span().start);
                        self.pop_seg();
                        self.pop_seg();
                        self.pos[p.index()].dups.push(Dup { key: ki, loc });
                    }
                }
                v => {
                    let Some(c) = canonical(v) else { continue };
                    let fresh = if small {
                        let dup = seen_small.iter().any(|(sk, sc)| sk.is_none() && *sc == c);
                        if !dup {
                            seen_small.push((None, c));
                        }
                        !dup
                    } else {
                        scalars.insert(c)
                    };
                    if fresh {
                        continue;
                    }
                    if !all && self.pos[p.index()].dups.iter().any(|d| d.key == StrId::NONE) {
                        continue;
                    }
                    self.push_seg(SegmentRef::Index(i));
                    let loc = self.loc_here(item.span().start);
                    self.pop_seg();
                    self.pos[p.index()].dups.push(Dup { key: StrId::NONE, loc });
                }
            }
        }
    }
}
