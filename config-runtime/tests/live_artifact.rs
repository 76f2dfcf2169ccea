//! `JsonArtifact`: bodies decode to the same JSON, ETags are strong and distinct per
//! encoding and per content, builds are deterministic, and budgets fail with rule ids.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use config_runtime::JsonArtifact;
use config_runtime::artifact::{ArtifactError, Encoding, Level};
use std::io::Read;

fn menu(n: usize) -> serde_json::Value {
    let items: Vec<_> = (0..n)
        .map(|i| serde_json::json!({ "title": format!("Category {i}"), "url": format!("/c/{i}"), "children": [] }))
        .collect();
    serde_json::json!({ "menu": items })
}

#[test]
fn bodies_round_trip() {
    let value = menu(500);
    let a = JsonArtifact::new(&value, Level::DEFAULT).unwrap();
    assert_eq!(a.json().as_ref(), serde_json::to_vec(&value).unwrap().as_slice());
    let mut gz = Vec::new();
    flate2::read::GzDecoder::new(&a.gzip()[..]).read_to_end(&mut gz).unwrap();
    let mut br = Vec::new();
    brotli::Decompressor::new(&a.br()[..], 4096).read_to_end(&mut br).unwrap();
    assert_eq!(gz, a.json().as_ref());
    assert_eq!(br, a.json().as_ref());
    let s = a.sizes();
    assert!(s.gzip < s.json / 4 && s.br < s.json / 4, "{s:?}");
}

#[test]
fn etags_are_strong_distinct_and_stable() {
    let a = JsonArtifact::new(&menu(10), Level::DEFAULT).unwrap();
    let b = JsonArtifact::new(&menu(10), Level::DEFAULT).unwrap();
    let c = JsonArtifact::new(&menu(11), Level::DEFAULT).unwrap();
    let tags: Vec<&str> = Encoding::ALL.iter().map(|&e| a.etag(e)).collect();
    for t in &tags {
        assert!(t.starts_with("\"sha256-") && t.ends_with('"') && !t.starts_with("W/"), "{t}");
    }
    assert_eq!(tags.len(), 3);
    assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2]);
    for e in Encoding::ALL {
        assert_eq!(a.etag(e), b.etag(e));
        assert_eq!(a.body(e), b.body(e));
        assert_ne!(a.etag(e), c.etag(e));
    }
    assert!(a.not_modified(Encoding::Br, &format!("W/{}", a.etag(Encoding::Br))));
    assert!(!a.not_modified(Encoding::Br, c.etag(Encoding::Br)));
}

#[test]
fn budgets_fail_in_order_with_rule_ids() {
    let value = menu(200);
    let a = JsonArtifact::new(&value, Level::FAST).unwrap();
    let s = a.sizes();
    let err = JsonArtifact::builder().max_json_bytes(s.json - 1).build(&value).unwrap_err();
    assert!(matches!(err, ArtifactError::Budget { encoding: Encoding::Identity, .. }));
    assert_eq!(err.rule().id(), "max-json-bytes");
    let err =
        JsonArtifact::builder().level(Level::FAST).max_gzip_bytes(s.gzip - 1).build(&value).unwrap_err();
    assert_eq!(err.rule().id(), "max-gzip-bytes");
    assert!(err.to_string().contains(&format!("gzip body is {} bytes", s.gzip)), "{err}");
    let err = JsonArtifact::builder().level(Level::FAST).max_br_bytes(s.br - 1).build(&value).unwrap_err();
    assert_eq!(err.rule().id(), "max-br-bytes");
    let ok = JsonArtifact::builder()
        .level(Level::FAST)
        .max_json_bytes(s.json)
        .max_gzip_bytes(s.gzip)
        .max_br_bytes(s.br);
    assert!(ok.build(&value).is_ok());
}

#[test]
fn serialization_errors_are_typed() {
    let mut m = std::collections::HashMap::new();
    m.insert(vec![1u8], 1); // a non-string key cannot be a JSON object key
    let err = JsonArtifact::new(&m, Level::FAST).unwrap_err();
    assert_eq!(err.rule().id(), "artifact");
    assert!(err.to_string().starts_with("cannot serialize the value as JSON"));
}

#[test]
fn negotiation() {
    for (header, want) in [
        ("gzip, deflate, br", Encoding::Br),
        ("gzip, deflate, br;q=0.9", Encoding::Gzip),
        ("GZIP", Encoding::Gzip),
        ("x-gzip", Encoding::Gzip),
        ("deflate", Encoding::Identity),
        ("br;q=0", Encoding::Identity),
        ("*;q=0", Encoding::Identity),
        ("identity", Encoding::Identity),
        ("br;q=0.2, gzip;q=0.2", Encoding::Br),
        ("br; q=1.0 , gzip ; q=0.5", Encoding::Br),
        (" , ;;, q=", Encoding::Identity),
    ] {
        assert_eq!(Encoding::negotiate(header), want, "{header:?}");
    }
}
