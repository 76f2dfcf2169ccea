//! Active promotions, answered from an interval index built once per config version.
//!
//! Every start and end of a promotion is a boundary; between two boundaries the set of
//! running promotions does not change, so each segment's JSON body is serialized when the
//! version is prepared. A request does one binary search and returns shared bytes: no date
//! parsing and no serialization on the request path (the first incident: a date library
//! trying ~20 formats on every request).

use crate::model::Promotion;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What a client sees of a running promotion.
#[derive(Serialize)]
struct Active<'a> {
    id: &'a str,
    title: &'a str,
    percent_off: u8,
    banner_url: Option<&'a str>,
    ends: String,
}

/// Segments between boundaries, each with the JSON of the promotions running in it.
#[derive(Debug, Clone)]
pub struct PromotionIndex {
    /// Sorted, distinct boundaries (UTC instants).
    bounds: Vec<DateTime<Utc>>,
    /// `bodies[i]` covers `[bounds[i-1], bounds[i])`; `bodies[0]` is before the first
    /// boundary, the last one after the last boundary.
    bodies: Vec<Bytes>,
    counts: Vec<usize>,
}

impl PromotionIndex {
    /// Builds the index. A promotion runs from `starts` (inclusive) to `ends` (exclusive).
    pub fn new(promotions: &[Promotion]) -> Result<Self, serde_json::Error> {
        let mut bounds: Vec<DateTime<Utc>> =
            promotions.iter().flat_map(|p| [p.starts.to_utc(), p.ends.to_utc()]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut bodies = Vec::with_capacity(bounds.len() + 1);
        let mut counts = Vec::with_capacity(bounds.len() + 1);
        for i in 0..=bounds.len() {
            // any instant inside the segment: its start (segment 0 has none running)
            let running: Vec<Active<'_>> = match i.checked_sub(1).and_then(|j| bounds.get(j)) {
                None => Vec::new(),
                Some(&t) => promotions
                    .iter()
                    .filter(|p| p.starts.to_utc() <= t && t < p.ends.to_utc())
                    .map(|p| Active {
                        id: &p.id,
                        title: &p.title,
                        percent_off: p.percent_off,
                        banner_url: p.banner_url.as_deref(),
                        ends: p.ends.to_rfc3339(),
                    })
                    .collect(),
            };
            counts.push(running.len());
            bodies.push(Bytes::from(serde_json::to_vec(&running)?));
        }
        Ok(PromotionIndex { bounds, bodies, counts })
    }

    /// The JSON array of promotions running at `t`, and how many there are.
    pub fn at(&self, t: DateTime<Utc>) -> (&Bytes, usize) {
        let i = self.bounds.partition_point(|b| *b <= t);
        match (self.bodies.get(i), self.counts.get(i)) {
            (Some(b), Some(&n)) => (b, n),
            _ => (&EMPTY, 0),
        }
    }
}

static EMPTY: Bytes = Bytes::from_static(b"[]");

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn promo(id: &str, starts: &str, ends: &str) -> Promotion {
        Promotion {
            id: id.into(),
            title: id.into(),
            starts: DateTime::parse_from_rfc3339(starts).unwrap(),
            ends: DateTime::parse_from_rfc3339(ends).unwrap(),
            percent_off: 10,
            banner_url: None,
        }
    }

    fn at(ix: &PromotionIndex, t: &str) -> Vec<String> {
        let (body, n) = ix.at(DateTime::parse_from_rfc3339(t).unwrap().to_utc());
        let v: Vec<serde_json::Value> = serde_json::from_slice(body).unwrap();
        assert_eq!(v.len(), n);
        v.iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn segments_follow_starts_and_ends() {
        let ix = PromotionIndex::new(&[
            promo("a", "2026-11-27T00:00:00+01:00", "2026-12-01T00:00:00+01:00"),
            promo("b", "2026-11-30T00:00:00Z", "2026-12-02T00:00:00Z"),
        ])
        .unwrap();
        assert!(at(&ix, "2026-11-01T00:00:00Z").is_empty());
        assert_eq!(at(&ix, "2026-11-26T23:00:00Z"), ["a"]); // = 27 Nov 00:00 +01:00
        assert_eq!(at(&ix, "2026-11-30T12:00:00Z"), ["a", "b"]);
        assert_eq!(at(&ix, "2026-11-30T23:00:00Z"), ["b"]); // a ended (exclusive)
        assert!(at(&ix, "2026-12-02T00:00:00Z").is_empty());
    }

    #[test]
    fn no_promotions() {
        let ix = PromotionIndex::new(&[]).unwrap();
        assert!(at(&ix, "2026-11-01T00:00:00Z").is_empty());
    }
}
