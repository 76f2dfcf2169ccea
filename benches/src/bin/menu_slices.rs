//! What time slices cost a `/menu` request: the real `shop` binary serving a menu with no
//! time-boxed entry (one prepared slice) against the same menu with 10 time-boxed top-level
//! entries (a slice per stretch between their instants, the one in force picked by binary
//! search on every request), measured in one run with interleaved rounds. Loopback only,
//! bounded: a fixed number of requests per round, each round cut off after `--max-secs`.
//!
//! Prints a Markdown section between the `menu-slices` markers; with `--into FILE` also
//! writes it there (replacing the old section, or appended). `scripts/menu-slices.sh`
//! builds the binaries and runs it.
//!
//! usage: menu_slices --shop PATH [--dir DIR] [--bytes N] [--connections N] [--requests N]
//! [--rounds N] [--max-secs N] [--into FILE]

use chrono::{DateTime, TimeDelta, Utc};
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BEGIN: &str = "<!-- menu-slices:begin -->";
const END: &str = "<!-- menu-slices:end -->";
const TARGET: f64 = 0.95;
const ENTRIES: i64 = 10;

struct Opts {
    shop: PathBuf,
    dir: PathBuf,
    bytes: usize,
    connections: usize,
    requests: usize,
    rounds: usize,
    max_secs: u64,
    into: Option<PathBuf>,
}

fn opts() -> Result<Opts, String> {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let num = |name: &str, default: usize| -> Result<usize, String> {
        opt(name).map_or(Ok(default), |v| v.parse().map_err(|_| format!("{name}: not a number: {v}")))
    };
    let shop = opt("--shop").ok_or("usage: menu_slices --shop PATH [...] (see the module docs)")?;
    Ok(Opts {
        shop: PathBuf::from(shop),
        dir: opt("--dir").map_or_else(std::env::temp_dir, PathBuf::from),
        bytes: num("--bytes", 30_000)?,
        connections: num("--connections", 8)?.max(1),
        requests: num("--requests", 20_000)?.max(1),
        rounds: num("--rounds", 7)?.max(1),
        max_secs: num("--max-secs", 30)? as u64,
        into: opt("--into").map(PathBuf::from),
    })
}

/// The two configs: the taxonomy menu as generated, and the same with [`ENTRIES`]
/// time-boxed top-level entries around `now` (half shown now until a later day, half
/// shown later for twelve hours), each with two children.
fn configs(bytes: usize, now: DateTime<Utc>) -> (String, String) {
    let base = config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), bytes);
    let mut sliced = base.clone();
    // local times in the shop's zone, read on its clock with the rules the shop uses
    let kyiv =
        config_runtime::__private::core::zone::Zone::named("Europe/Kyiv").map(|z| z.rules_table().leak());
    let rfc = |t: DateTime<Utc>| {
        let offset = kyiv.as_ref().map_or(0, |z| z.at(t.timestamp()).offset);
        (t + TimeDelta::seconds(i64::from(offset))).format("%Y-%m-%dT%H:%M:%S").to_string()
    };
    for i in 0..ENTRIES {
        let (from, until) = if i < ENTRIES / 2 {
            (now - TimeDelta::days(1), now + TimeDelta::days(i + 1))
        } else {
            let from = now + TimeDelta::days(i + 1);
            (from, from + TimeDelta::hours(12))
        };
        sliced.push_str(&format!(
            "\n[[menu]]\ntitle = \"Campaign {i}\"\nurl = \"/campaign/{i}\"\nvisible_from = {}\nvisible_until = {}\n\n  \
             [[menu.children]]\n  title = \"Deals {i}\"\n  url = \"/campaign/{i}/deals\"\n\n  [[menu.children]]\n  \
             title = \"New in {i}\"\n  url = \"/campaign/{i}/new\"\n",
            rfc(from),
            rfc(until)
        ));
    }
    (base, sliced)
}

/// A `shop` process, killed when dropped.
struct Shop {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Shop {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(shop: &Path, config: &Path) -> Result<Shop, String> {
    let mut child = Command::new(shop)
        .args(["--addr", "127.0.0.1:0", "--config"])
        .arg(config)
        .env("RUST_LOG", "warn")
        .env_remove("SHOP_BENCH_ROUTES")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", shop.display()))?;
    let Some(pipe) = child.stderr.take() else { return Err("no stderr".into()) };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            if let Some(addr) = line.strip_prefix("shop: listening on http://") {
                let _ = tx.send(addr.parse::<SocketAddr>());
            } else if line.contains("is not usable") {
                let _ = tx.send("not usable".parse::<SocketAddr>());
            }
        }
    });
    let shop = |addr| Shop { child, addr };
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(addr)) => Ok(shop(addr)),
        Ok(Err(_)) => Err(format!("the shop refused {}", config.display())),
        Err(e) => Err(format!("the shop did not say where it listens: {e}")),
    }
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    reader: BufReader<TcpStream>,
    request: Vec<u8>,
}

impl Conn {
    fn open(addr: SocketAddr, path: &str, accept_encoding: &str) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: {accept_encoding}\r\n\r\n")
                .into_bytes();
        Ok(Conn { reader: BufReader::new(stream), request })
    }

    /// Sends the request, reads the whole response: (status, body).
    fn get(&mut self) -> std::io::Result<(u16, Vec<u8>)> {
        self.reader.get_mut().write_all(&self.request)?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = 0;
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body)?;
        Ok((status, body))
    }
}

/// One round against `addr`: `requests` requests over `connections` connections at once.
/// Returns requests per second and every latency, in microseconds.
fn round(
    addr: SocketAddr,
    connections: usize,
    requests: usize,
    max: Duration,
) -> Result<(f64, Vec<u32>), String> {
    let per_conn = requests.div_ceil(connections);
    let start = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            std::thread::spawn(move || -> Result<Vec<u32>, String> {
                let mut conn = Conn::open(addr, "/menu", "gzip").map_err(|e| e.to_string())?;
                let mut lat = Vec::with_capacity(per_conn);
                for _ in 0..per_conn {
                    if start.elapsed() > max {
                        break;
                    }
                    let t = Instant::now();
                    let (status, body) = conn.get().map_err(|e| e.to_string())?;
                    lat.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                    if status != 200 || body.is_empty() {
                        return Err(format!("GET /menu: status {status}, {} bytes", body.len()));
                    }
                }
                Ok(lat)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(requests);
    for w in workers {
        all.extend(w.join().map_err(|_| "a load thread panicked".to_owned())??);
    }
    let secs = start.elapsed().as_secs_f64();
    Ok((all.len() as f64 / secs, all))
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn percentile(sorted_us: &[u32], p: f64) -> f64 {
    let i = ((sorted_us.len() as f64 - 1.0) * p).round() as usize;
    sorted_us.get(i).map_or(0.0, |&us| f64::from(us) / 1000.0)
}

/// What one server was measured at.
struct Measured {
    rps: Vec<f64>,
    latencies: Vec<u32>,
}

fn run(o: &Opts) -> Result<String, String> {
    let now = Utc::now();
    let (base, sliced) = configs(o.bytes, now);
    let mut shops = Vec::new();
    let mut rows = Vec::new();
    for (name, text) in [("none", &base), ("sliced", &sliced)] {
        let m = config_runtime::check_str::<shop::Marketing>("menu.toml", text).map_err(|d| d.to_string())?;
        let view = shop::ShopView::new(&m, now).map_err(|e| e.to_string())?;
        let slices = view.menu.slice_count();
        let gzip = view.menu.current(now).gzip().len();
        let path = o.dir.join(format!("menu-slices-{name}.toml"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        let shop = spawn(&o.shop, &path)?;
        // what is served is the slice in force: the entries shown now, not the later ones
        let (status, body) = Conn::open(shop.addr, "/menu", "identity")
            .and_then(|mut c| c.get())
            .map_err(|e| e.to_string())?;
        let served: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        let shown = served.as_array().map_or(0, |a| {
            a.iter().filter(|e| e["url"].as_str().is_some_and(|u| u.starts_with("/campaign/"))).count()
        });
        let want = if name == "none" { 0 } else { (ENTRIES / 2) as usize };
        if status != 200 || shown != want {
            return Err(format!(
                "{name}: status {status}, {shown} time-boxed entries served, {want} expected"
            ));
        }
        rows.push((name, slices, gzip, text.len()));
        shops.push(shop);
    }
    let max = Duration::from_secs(o.max_secs);
    let mut measured: Vec<Measured> =
        (0..2).map(|_| Measured { rps: Vec::new(), latencies: Vec::new() }).collect();
    // a warm-up round each, then interleaved rounds, the order swapped every round
    for (i, shop) in shops.iter().enumerate() {
        round(shop.addr, o.connections, o.requests / 4, max).map_err(|e| format!("{}: {e}", rows[i].0))?;
    }
    for r in 0..o.rounds {
        let order = if r % 2 == 0 { [0, 1] } else { [1, 0] };
        for i in order {
            let (rps, lat) = round(shops[i].addr, o.connections, o.requests, max)
                .map_err(|e| format!("{}: {e}", rows[i].0))?;
            eprintln!("round {r}: {} {rps:.0} req/s", rows[i].0);
            measured[i].rps.push(rps);
            measured[i].latencies.extend(lat);
        }
    }
    drop(shops);
    let per_round: Vec<f64> = measured[1].rps.iter().zip(&measured[0].rps).map(|(s, n)| s / n).collect();
    let (lo, hi) = per_round.iter().fold((f64::MAX, 0.0f64), |(lo, hi), r| (lo.min(*r), hi.max(*r)));
    let mut table = String::from(
        "| menu | slices prepared | config | gzip body | requests/s (median) | p50 | p99 |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut medians = Vec::new();
    for (m, (name, slices, gzip, bytes)) in measured.iter_mut().zip(&rows) {
        let med = median(&mut m.rps);
        medians.push(med);
        m.latencies.sort_unstable();
        let label = if *name == "none" {
            "no time-boxed entry".to_owned()
        } else {
            format!("{ENTRIES} time-boxed entries")
        };
        table.push_str(&format!(
            "| {label} | {slices} | {:.1} KB | {:.1} KB | {med:.0} | {:.3} ms | {:.3} ms |\n",
            *bytes as f64 / 1000.0,
            *gzip as f64 / 1000.0,
            percentile(&m.latencies, 0.5),
            percentile(&m.latencies, 0.99),
        ));
    }
    let ratio = medians[1] / medians[0];
    let verdict = if ratio >= TARGET { "met" } else { "**missed**" };
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    Ok(format!(
        "{BEGIN}\n## `/menu` with time-boxed entries\n\n\
         The release `shop` binary on loopback, serving a taxonomy menu with no time-boxed entry (one prepared \
         slice) and the same menu with {ENTRIES} time-boxed top-level entries ({} of them shown now, the rest \
         later; every slice prepared with the version, the one in force picked per request by binary search), \
         both in one run: a warm-up round each, then {} interleaved rounds of {} `GET /menu` \
         (`Accept-Encoding: gzip`) over {} keep-alive connections each. Target: time-boxed / none ≥ {TARGET:.2}× \
         in requests per second. Regenerate with `scripts/menu-slices.sh` (measured {}; {cores} cores shared \
         by both servers and the load generator).\n\n{table}\n\
         Time-boxed / none: **{ratio:.2}×** (median of rounds; per round {lo:.2}× to {hi:.2}×), target ≥ \
         {TARGET:.2}×: {verdict}.\n{END}\n",
        ENTRIES / 2,
        o.rounds,
        o.requests,
        o.connections,
        now.format("%Y-%m-%d"),
    ))
}

/// `text` with its section replaced by `section`, or `section` appended.
fn splice(text: &str, section: &str) -> String {
    match (text.find(BEGIN), text.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!("{}{}{}", &text[..b], section.trim_end(), &text[e + END.len()..])
        }
        _ => format!("{}\n\n{section}", text.trim_end()),
    }
}

fn main() -> ExitCode {
    let o = match opts() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let section = match run(&o) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("menu_slices: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!("{section}");
    if let Some(file) = &o.into {
        let old = std::fs::read_to_string(file).unwrap_or_default();
        if let Err(e) = std::fs::write(file, splice(&old, &section)) {
            eprintln!("cannot write {}: {e}", file.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_section_replaces_its_old_self_or_is_appended() {
        let section = format!("{BEGIN}\nnew\n{END}\n");
        let doc = format!("# P\n\n{BEGIN}\nold\n{END}\n\n<!-- shapes:begin -->\nx\n<!-- shapes:end -->\n");
        assert_eq!(
            splice(&doc, &section),
            format!("# P\n\n{BEGIN}\nnew\n{END}\n\n<!-- shapes:begin -->\nx\n<!-- shapes:end -->\n")
        );
        assert_eq!(splice("# P\n", &section), format!("# P\n\n{section}"));
    }

    #[test]
    fn the_time_boxed_config_is_accepted_and_sliced() {
        let now: DateTime<Utc> = "2026-12-02T00:00:00Z".parse().unwrap();
        let (base, sliced) = configs(30_000, now);
        let view = |t: &str| {
            let m = config_runtime::check_str::<shop::Marketing>("m.toml", t).unwrap();
            shop::ShopView::new(&m, now).unwrap()
        };
        assert_eq!(view(&base).menu.slice_count(), 1);
        // 5 shown now: 5 ends ahead; 5 later: 10 instants ahead
        assert_eq!(view(&sliced).menu.slice_count(), 16);
    }
}
