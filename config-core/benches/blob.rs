//! What decoding a baked blob costs, against parsing the same TOML text, in one run.
//!
//! The document is ~1 MB of `[[servers]]` tables (host, port, weight and a `meta` table
//! with an RFC 3339 datetime string and a note). Group `decode_1mb`:
//!
//! - `blob decode, servers without meta`: `decode` into structs that skip `meta`;
//! - `blob decode, every field`: `decode` into structs that read every field, the datetime
//!   included;
//! - `blob skip, whole document`: `Blob::skip` over the root table (constant time: it steps
//!   over the body length);
//! - `toml::from_str::<toml::Table>` and `toml::from_str` into the same every-field structs
//!   (serde): the baselines.
//!
//! Group `datetime`: `decode` of a one-datetime map, against `toml::from_str` of its text.
//!
//! `cargo bench -p config-core --bench blob` (add `-- --quick` for a short run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, Utc};
use config_core::blob::{Blob, BlobError, FromBlob, decode, encode, field};
use criterion::Criterion;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

/// A server entry read without its `meta` table (skipped as an unknown key).
#[derive(serde::Deserialize)]
struct Server {
    host: String,
    port: u16,
    weight: Option<f32>,
}

impl FromBlob for Server {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let (mut host, mut port, mut weight) = (None, None, None);
        for _ in 0..blob.table_len()? {
            match blob.key()? {
                "host" => host = Some(FromBlob::read(blob)?),
                "port" => port = Some(FromBlob::read(blob)?),
                "weight" => weight = Some(FromBlob::read(blob)?),
                _ => blob.skip()?,
            }
        }
        Ok(Server {
            host: field(host, "host")?,
            port: field(port, "port")?,
            weight: field(weight, "weight")?,
        })
    }
}

/// The `meta` table of a server.
#[derive(serde::Deserialize)]
struct Meta {
    since: DateTime<Utc>,
    note: String,
}

impl FromBlob for Meta {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let (mut since, mut note) = (None, None);
        for _ in 0..blob.table_len()? {
            match blob.key()? {
                "since" => since = Some(FromBlob::read(blob)?),
                "note" => note = Some(FromBlob::read(blob)?),
                _ => blob.skip()?,
            }
        }
        Ok(Meta { since: field(since, "since")?, note: field(note, "note")? })
    }
}

/// A server entry with every field read.
#[derive(serde::Deserialize)]
struct ServerWithMeta {
    host: String,
    port: u16,
    weight: f64,
    meta: Meta,
}

impl FromBlob for ServerWithMeta {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let (mut host, mut port, mut weight, mut meta) = (None, None, None, None);
        for _ in 0..blob.table_len()? {
            match blob.key()? {
                "host" => host = Some(FromBlob::read(blob)?),
                "port" => port = Some(FromBlob::read(blob)?),
                "weight" => weight = Some(FromBlob::read(blob)?),
                "meta" => meta = Some(FromBlob::read(blob)?),
                _ => blob.skip()?,
            }
        }
        Ok(ServerWithMeta {
            host: field(host, "host")?,
            port: field(port, "port")?,
            weight: field(weight, "weight")?,
            meta: field(meta, "meta")?,
        })
    }
}

/// The ~1 MB document and its number of servers.
fn servers_toml() -> (String, usize) {
    let mut text = String::new();
    let mut count = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!(
            "[[servers]]\nhost = \"host-{count}.example.com\"\nport = {}\nweight = 0.{count}\n\
             [servers.meta]\nsince = \"2024-11-29T09:00:00Z\"\nnote = \"lorem ipsum dolor sit amet\"\n",
            count % 60000
        ));
        count += 1;
    }
    (text, count)
}

fn baked(text: &str) -> Vec<u8> {
    encode(toml::de::DeTable::parse(text).unwrap().get_ref())
}

/// Checks once, outside the timings, that every measured path reads the whole document.
fn verify(text: &str, bytes: &[u8], count: usize) {
    let plain: BTreeMap<String, Vec<Server>> = decode(bytes).unwrap();
    assert_eq!(plain["servers"].len(), count);
    assert!(plain["servers"].iter().all(|s| !s.host.is_empty() && s.port < 60000 && s.weight.is_some()));
    let full: BTreeMap<String, Vec<ServerWithMeta>> = decode(bytes).unwrap();
    let servers = &full["servers"];
    assert_eq!(servers.len(), count);
    assert!(servers.iter().all(|s| s.meta.since.timestamp() > 0 && !s.meta.note.is_empty()));
    assert!(servers.iter().all(|s| !s.host.is_empty() && s.weight >= 0.0 && s.port < 60000));
    let parsed: BTreeMap<String, Vec<ServerWithMeta>> = toml::from_str(text).unwrap();
    assert_eq!(parsed["servers"].len(), count);
    let mut blob = Blob::new(bytes);
    blob.skip().unwrap();
    assert!(blob.is_empty());
}

fn bench_decode(c: &mut Criterion) {
    let (text, count) = servers_toml();
    let bytes = baked(&text);
    verify(&text, &bytes, count);
    println!("{} bytes toml, {} bytes blob, {count} servers", text.len(), bytes.len());

    let mut g = c.benchmark_group("decode_1mb");
    g.sample_size(20).warm_up_time(Duration::from_millis(500));
    g.bench_function("blob decode, servers without meta", |b| {
        b.iter(|| black_box(decode::<BTreeMap<String, Vec<Server>>>(&bytes).unwrap()["servers"].len()))
    });
    g.bench_function("blob decode, every field", |b| {
        b.iter(|| {
            black_box(decode::<BTreeMap<String, Vec<ServerWithMeta>>>(&bytes).unwrap()["servers"].len())
        })
    });
    g.bench_function("blob skip, whole document", |b| {
        b.iter(|| {
            let mut blob = Blob::new(black_box(&bytes));
            blob.skip().unwrap();
            black_box(blob.remaining())
        })
    });
    g.bench_function("toml::from_str::<toml::Table>", |b| {
        b.iter(|| black_box(toml::from_str::<toml::Table>(&text).unwrap().len()))
    });
    g.bench_function("toml::from_str, every field (serde)", |b| {
        b.iter(|| {
            black_box(
                toml::from_str::<BTreeMap<String, Vec<ServerWithMeta>>>(&text).unwrap()["servers"].len(),
            )
        })
    });
    g.finish();
}

fn bench_datetime(c: &mut Criterion) {
    let text = "v = '2024-11-29T09:00:00Z'";
    let bytes = baked(text);
    let mut g = c.benchmark_group("datetime");
    g.bench_function("blob decode, one-datetime map", |b| {
        b.iter(|| black_box(decode::<BTreeMap<String, DateTime<Utc>>>(black_box(&bytes)).unwrap()))
    });
    g.bench_function("toml::from_str, one-datetime map", |b| {
        b.iter(|| black_box(toml::from_str::<BTreeMap<String, DateTime<Utc>>>(black_box(text)).unwrap()))
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_decode(&mut c);
    bench_datetime(&mut c);
    c.final_summary();
}
