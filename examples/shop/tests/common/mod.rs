//! What the end-to-end tests share: the real server on an ephemeral loopback port, its
//! config file in a fresh directory and its clock injected, a real HTTP client, and the
//! decoding of each content coding.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use config_runtime::clock::Clock;
use std::io::Read as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The shop's own config, as shipped (and baked).
pub const GOOD: &str = include_str!("../../marketing.toml");

/// A running shop, stopped (gracefully) when dropped.
pub struct Server {
    pub addr: SocketAddr,
    /// The config file it watches.
    pub path: PathBuf,
    /// The state the handlers see (the same `Live`), to look at what was prepared.
    pub shop: shop::Shop,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Starts the shop on 127.0.0.1:0 watching `marketing.toml` in a fresh directory (written
/// with `initial` unless it is `None`), reading now from `clock`.
pub async fn start(initial: Option<&str>, clock: impl Clock + 'static) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    if let Some(text) = initial {
        std::fs::write(&path, text).unwrap();
    }
    let shop = shop::serve::live_with_clock(&path, Arc::new(clock)).unwrap();
    let served = shop.clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let (atx, arx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let addr = "127.0.0.1:0".parse().unwrap();
        let _ = shop::serve::run(
            served,
            addr,
            shop::routes::BenchRoutes::Off,
            move |a| {
                let _ = atx.send(a);
            },
            async {
                let _ = rx.await;
            },
        )
        .await;
    });
    let addr = arx.await.unwrap();
    Server { addr, path, shop, stop: Some(tx), _dir: dir }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap()
}

pub async fn get(s: &Server, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut r = client().get(format!("http://{}{path}", s.addr));
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.send().await.unwrap()
}

/// A body back to the JSON it encodes, by its `Content-Encoding` (`None`: identity).
pub fn decode(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        None => out.extend_from_slice(body),
        Some("gzip") => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut out).unwrap();
        }
        Some("br") => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut out).unwrap();
        }
        Some(other) => panic!("unexpected encoding {other}"),
    }
    out
}
