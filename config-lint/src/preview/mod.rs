//! `preview FILE [--addr 127.0.0.1:PORT]`: the report page served on loopback and
//! refreshed within a second of every save. Prints `preview: http://ADDR/` on start (with
//! the real port when `--addr` asks for port 0, the default), then a line per new version
//! (`version 2: marketing.toml: fails: 1 error, 0 warnings`) and per page load
//! (`version 2 loaded by a browser`), and runs until stopped.
//!
//! How a save reaches the browser:
//! 1. The file's directory is watched exactly as `Live` watches it
//!    (`config_runtime::live::DirWatch`: the parent directory, so rename-over saves and
//!    ConfigMap swaps are seen), plus a re-read every [`RECHECK`] as a safety net.
//! 2. The regeneration thread waits [`SETTLE`] for a burst of events to end, reads the
//!    file, and when its text changed generates the page again (`report::generate`,
//!    preview mode) and bumps the version. A file that cannot be read becomes a page that
//!    says so, and the next good save replaces it.
//! 3. The page polls `GET /version` four times a second (`live.js`) and reloads itself when
//!    the number differs from the one it was served with.
//!
//! The server is a small HTTP/1.1 server on `std::net` ([`http`]), a thread per
//! connection, not axum and tokio: it serves two resources to one local browser, and the
//! linter library is what every app's `<app>-lint` binary links, so an async runtime and
//! an HTTP stack would be built into every linter for this one command. Loopback only:
//! `--addr` must be a loopback address, and requests must name it in `Host`.

mod http;

use super::args::PreviewArgs;
use super::error::LintError;
use super::input::{self, InputFile};
use super::report::{self, Judging, Mode};
use super::{EXIT_USAGE, RunContext};
use config_runtime::live::DirWatch;
use http::{Refused, Request, Response};
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Quiet time after a file event before the file is read (editors write in bursts).
pub(crate) const SETTLE: Duration = Duration::from_millis(40);
/// The file is read again this often even without events (a missed event costs at most
/// this much delay).
pub(crate) const RECHECK: Duration = Duration::from_secs(1);
/// Connections served at once; more are answered 503.
const MAX_CONNECTIONS: usize = 32;

/// The page being served.
#[derive(Debug)]
struct Current {
    version: u64,
    html: Arc<str>,
}

/// What the server threads share.
#[derive(Debug)]
struct Served {
    current: Mutex<Current>,
    addr: SocketAddr,
    connections: AtomicUsize,
    /// Lines for the terminal (written by the command's thread, the one owner of `out`).
    log: Sender<String>,
}

impl Served {
    fn page(&self) -> (u64, Arc<str>) {
        let c = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        (c.version, Arc::clone(&c.html))
    }

    fn publish(&self, html: String) -> u64 {
        let mut c = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        c.version += 1;
        c.html = html.into();
        c.version
    }
}

pub(crate) fn run(
    args: &PreviewArgs,
    ctx: &mut RunContext<'_>,
    out: &mut dyn Write,
) -> Result<u8, LintError> {
    if !args.addr.ip().is_loopback() {
        return Err(LintError::BadValue {
            flag: "--addr",
            message: format!(
                "{} is not a loopback address: the preview serves this machine only (127.0.0.1, ::1)",
                args.addr
            ),
        });
    }
    let judging = report::judging(ctx, "preview", None, args.deny_warnings)?;
    let first = input::read(&args.file)?;
    let listener =
        TcpListener::bind(args.addr).map_err(|e| LintError::Serve { addr: args.addr, source: e })?;
    let addr = listener.local_addr().map_err(|e| LintError::Serve { addr: args.addr, source: e })?;
    let page = generate(&judging, &first, 1);
    let (log, lines) = mpsc::channel();
    let served = Arc::new(Served {
        current: Mutex::new(Current { version: 1, html: page.html.into() }),
        addr,
        connections: AtomicUsize::new(0),
        log,
    });
    let (tx, events) = mpsc::channel();
    let _watch = DirWatch::parent_of(&args.file, move || {
        let _ = tx.send(());
    })
    .map_err(|e| LintError::Read { path: args.file.clone(), source: e })?;
    writeln!(out, "preview: http://{addr}/ ({}; Ctrl-C stops)", first.name)?;
    writeln!(out, "version 1: {}", page.verdict)?;
    out.flush()?;
    let regen = Regenerate {
        file: args.file.clone(),
        judging,
        served: Arc::clone(&served),
        last: Seen::Text(first.text),
    };
    let spawn_failed = |e| LintError::Serve { addr, source: e };
    std::thread::Builder::new()
        .name("preview-regenerate".into())
        .spawn(move || regen.run(&events))
        .map_err(spawn_failed)?;
    std::thread::Builder::new()
        .name("preview-accept".into())
        .spawn(move || accept(&listener, &served))
        .map_err(spawn_failed)?;
    // the threads hold the senders for as long as the preview runs
    for line in lines {
        writeln!(out, "{line}")?;
        out.flush()?;
    }
    Ok(EXIT_USAGE)
}

/// Serves every connection on its own thread, [`MAX_CONNECTIONS`] at once.
fn accept(listener: &TcpListener, served: &Arc<Served>) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if served.connections.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            let _ = http::respond(&mut stream, &Response::text(503, "too many connections\n"), false);
            served.connections.fetch_sub(1, Ordering::AcqRel);
            continue;
        }
        let spawned = std::thread::Builder::new().name("preview-connection".into()).spawn({
            let served = Arc::clone(served);
            move || {
                serve(stream, &served);
                served.connections.fetch_sub(1, Ordering::AcqRel);
            }
        });
        if spawned.is_err() {
            served.connections.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// The page at `version`, judged at the present moment.
fn generate(judging: &Judging, file: &InputFile, version: u64) -> report::Generated {
    let judging = Judging { now: chrono::Utc::now().fixed_offset(), ..*judging };
    report::generate(&judging, file, None, Mode::Preview { version })
}

/// The regeneration thread's state.
struct Regenerate {
    file: PathBuf,
    judging: Judging,
    served: Arc<Served>,
    /// What the served page was made from.
    last: Seen,
}

/// What the file held when it was last read.
#[derive(PartialEq, Eq)]
enum Seen {
    Text(String),
    /// It could not be read, for this reason.
    Unreadable(String),
}

impl Regenerate {
    fn run(mut self, events: &mpsc::Receiver<()>) {
        loop {
            match events.recv_timeout(RECHECK) {
                Ok(()) => {
                    std::thread::sleep(SETTLE);
                    while events.try_recv().is_ok() {}
                }
                Err(RecvTimeoutError::Timeout) => {}
                // the watch is gone: keep the safety net
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(RECHECK),
            }
            self.refresh();
        }
    }

    /// Reads the file; a different text, or a new reason it cannot be read, is a new
    /// version.
    fn refresh(&mut self) {
        let version = self.served.page().0 + 1;
        let (seen, html, line) = match input::read(&self.file) {
            Ok(f) => {
                if matches!(&self.last, Seen::Text(t) if *t == f.text) {
                    return;
                }
                let page = generate(&self.judging, &f, version);
                (Seen::Text(f.text), page.html, page.verdict)
            }
            Err(e) => {
                let seen = Seen::Unreadable(e.to_string());
                if seen == self.last {
                    return;
                }
                let html = report::unreadable_page(&self.file.display().to_string(), &e.to_string(), version);
                (seen, html, e.to_string())
            }
        };
        self.last = seen;
        self.served.publish(html);
        let _ = self.served.log.send(format!("version {version}: {line}"));
    }
}

/// Answers one connection.
fn serve(mut stream: TcpStream, served: &Served) {
    let request = match http::read_request(&mut stream) {
        Ok(r) => r,
        Err(Refused::Gone) => return,
        Err(Refused::Malformed) => {
            let _ = http::respond(&mut stream, &Response::text(400, "bad request\n"), false);
            return;
        }
    };
    let _ = answer(&mut stream, &request, served);
}

fn answer(stream: &mut TcpStream, request: &Request, served: &Served) -> std::io::Result<()> {
    let head_only = request.method == "HEAD";
    if !http::host_allowed(request.host.as_deref(), served.addr) {
        return http::respond(
            stream,
            &Response::text(403, "this preview answers its loopback address only\n"),
            false,
        );
    }
    if request.method != "GET" && !head_only {
        return http::respond(stream, &Response::text(405, "GET or HEAD only\n"), false);
    }
    let (version, html) = served.page();
    match request.path.as_str() {
        "/" | "/index.html" => {
            if !head_only {
                let _ = served.log.send(format!("version {version} loaded by a browser"));
            }
            let csp = report::preview_csp();
            let r = Response {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: html.as_bytes(),
                csp: Some(&csp),
            };
            http::respond(stream, &r, head_only)
        }
        "/version" => http::respond(stream, &Response::text(200, &format!("{version}\n")), head_only),
        _ => http::respond(stream, &Response::text(404, "not found: the report is at /\n"), head_only),
    }
}
