#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The real `shop` binary as a child process, as an orchestrator runs it: it serves on the
//! port it was given (0 here: the one it prints), mounts `/menu/naive` only with
//! `--bench-routes` or `SHOP_BENCH_ROUTES=1`, and on SIGTERM stops accepting, finishes, and
//! exits with success.

use std::io::{BufRead as _, BufReader, Read as _};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

const GOOD: &str = include_str!("../marketing.toml");

/// A running `shop` process, killed if a test leaves it running.
struct Shop {
    child: Child,
    addr: SocketAddr,
    /// Everything it wrote to stderr so far.
    stderr: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

impl Drop for Shop {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Starts the binary on 127.0.0.1:0 with a fresh copy of the config, `args` and `env` on top
/// of an environment without the shop's own variables; returns once it says where it listens.
fn spawn(args: &[&str], env: &[(&str, &str)]) -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("marketing.toml");
    std::fs::write(&config, GOOD).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shop"));
    cmd.arg("--addr").arg("127.0.0.1:0").arg("--config").arg(&config).args(args);
    for var in ["SHOP_ADDR", "SHOP_CONFIG", "SHOP_BENCH_ROUTES"] {
        cmd.env_remove(var);
    }
    cmd.env("RUST_LOG", "warn").envs(env.iter().copied());
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let pipe = child.stderr.take().unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let (tx, rx) = mpsc::channel();
    let log = Arc::clone(&stderr);
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            if let Some(addr) = line.strip_prefix("shop: listening on http://") {
                let _ = tx.send(addr.parse::<SocketAddr>().unwrap());
            }
            log.lock().unwrap().push_str(&format!("{line}\n"));
        }
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(addr) => Shop { child, addr, stderr, _dir: dir },
        Err(e) => {
            let _ = child.kill();
            panic!("the shop did not say where it listens ({e}); stderr:\n{}", stderr.lock().unwrap());
        }
    }
}

impl Shop {
    async fn get(&self, path: &str) -> reqwest::Response {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
        client.get(format!("http://{}{path}", self.addr)).send().await.unwrap()
    }

    /// Waits until `/healthz` answers.
    async fn serving(&self) {
        let t = Instant::now();
        while self.get("/healthz").await.status() != 200 {
            assert!(t.elapsed() < Duration::from_secs(10), "not serving: {}", self.stderr.lock().unwrap());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Sends SIGTERM and waits (a few seconds at most) for the process to exit.
    fn terminate(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let t = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                t.elapsed() < Duration::from_secs(5),
                "still running 5 s after SIGTERM; stderr:\n{}",
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[tokio::test]
async fn sigterm_shuts_down_gracefully_and_bench_routes_are_off_by_default() {
    let mut shop = spawn(&[], &[]);
    shop.serving().await;
    assert_eq!(shop.get("/menu").await.status(), 200);
    assert_eq!(shop.get("/menu/naive").await.status(), 404);
    let status = shop.terminate();
    assert!(status.success(), "{status}; stderr:\n{}", shop.stderr.lock().unwrap());
    // the listener is closed
    assert!(std::net::TcpStream::connect_timeout(&shop.addr, Duration::from_secs(1)).is_err());
    let deadline = Instant::now() + Duration::from_secs(5);
    while !shop.stderr.lock().unwrap().contains("SIGTERM, shutting down") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shop.stderr.lock().unwrap().contains("SIGTERM, shutting down"));
}

#[tokio::test]
async fn bench_routes_mounts_the_naive_menu() {
    let mut shop = spawn(&["--bench-routes"], &[]);
    shop.serving().await;
    let naive = shop.get("/menu/naive").await;
    assert_eq!(naive.status(), 200);
    assert_eq!(naive.headers()["content-encoding"], "gzip");
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(&naive.bytes().await.unwrap()[..]).read_to_end(&mut json).unwrap();
    let prepared: serde_json::Value = shop.get("/menu").await.json().await.unwrap();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&json).unwrap(), prepared);
    assert!(shop.terminate().success());
}

#[tokio::test]
async fn bench_routes_from_the_environment() {
    for (value, want) in [("1", 200), ("0", 404)] {
        let mut shop = spawn(&[], &[("SHOP_BENCH_ROUTES", value)]);
        shop.serving().await;
        assert_eq!(shop.get("/menu/naive").await.status(), want, "SHOP_BENCH_ROUTES={value}");
        assert!(shop.terminate().success());
    }
}
