//! The preview's HTTP: just enough HTTP/1.1 for a browser on the same machine to read
//! two resources, written on `std::net` (see the module header of `preview` for why no
//! framework). One request per connection (`Connection: close`), `GET` and `HEAD` only,
//! a request head of at most [`MAX_HEAD`] bytes read within [`READ_TIMEOUT`], and a
//! `Host` header that must name the loopback address served: a page of another site
//! whose name an attacker points at 127.0.0.1 (DNS rebinding) gets 403, not the report.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Longest request head read (request line and headers).
pub(crate) const MAX_HEAD: usize = 8 * 1024;
/// How long a client may take to send its request head.
pub(crate) const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How long writing a response may block.
pub(crate) const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed request head.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub method: String,
    /// The path, without the query.
    pub path: String,
    pub host: Option<String>,
}

/// Why a request is answered with an error before routing.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Not an HTTP request head, or one over [`MAX_HEAD`]: 400.
    Malformed,
    /// The connection closed or timed out first: no answer.
    Gone,
}

/// Reads one request head from `stream`.
pub(crate) fn read_request(stream: &mut TcpStream) -> Result<Request, Refused> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).map_err(|_| Refused::Gone)?;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Err(Refused::Malformed);
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err(Refused::Gone),
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    parse_head(&head)
}

/// Parses a request head (up to and including its blank line).
pub(crate) fn parse_head(head: &[u8]) -> Result<Request, Refused> {
    let text = std::str::from_utf8(head).map_err(|_| Refused::Malformed)?;
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(Refused::Malformed);
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return Err(Refused::Malformed);
    }
    let mut host = None;
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').ok_or(Refused::Malformed)?;
        if name.eq_ignore_ascii_case("host") {
            host = Some(value.trim().to_owned());
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    Ok(Request { method: method.to_owned(), path, host })
}

/// Does `host` (a `Host` header) name the loopback address `served`?
pub(crate) fn host_allowed(host: Option<&str>, served: SocketAddr) -> bool {
    let Some(host) = host else { return false };
    let port = served.port();
    let names = [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        served.to_string(),
    ];
    names.iter().any(|n| n.eq_ignore_ascii_case(host))
}

/// One response.
#[derive(Debug)]
pub(crate) struct Response<'a> {
    pub status: u16,
    pub content_type: &'static str,
    pub body: &'a [u8],
    /// A `Content-Security-Policy` header (the page carries it as a meta tag too).
    pub csp: Option<&'a str>,
}

impl Response<'_> {
    /// A plain-text response.
    pub fn text(status: u16, body: &str) -> Response<'_> {
        Response { status, content_type: "text/plain; charset=utf-8", body: body.as_bytes(), csp: None }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// Writes `r` (its head only for `HEAD`) and closes the connection's write side.
pub(crate) fn respond(stream: &mut TcpStream, r: &Response<'_>, head_only: bool) -> io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    if r.status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    if let Some(csp) = r.csp {
        head.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(r.body)?;
    }
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Write)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_heads() {
        let r = parse_head(b"GET /version?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n");
        let want =
            Request { method: "GET".into(), path: "/version".into(), host: Some("127.0.0.1:8080".into()) };
        assert_eq!(r, Ok(want));
        assert_eq!(parse_head(b"GET / HTTP/1.1 extra\r\n\r\n"), Err(Refused::Malformed));
        assert_eq!(parse_head(b"GET http://evil.example/ HTTP/1.1\r\n\r\n"), Err(Refused::Malformed));
        assert_eq!(parse_head(b"GET / SPDY/3\r\n\r\n"), Err(Refused::Malformed));
        assert_eq!(parse_head(b"GET / HTTP/1.1\r\nno colon\r\n\r\n"), Err(Refused::Malformed));
        assert_eq!(parse_head(b"GET / HTTP/1.1\r\n\xff: x\r\n\r\n"), Err(Refused::Malformed));
    }

    #[test]
    fn only_the_served_loopback_names_are_hosts() {
        let served: SocketAddr = "127.0.0.1:4321".parse().unwrap_or_else(|_| unreachable!());
        assert!(host_allowed(Some("127.0.0.1:4321"), served));
        assert!(host_allowed(Some("LOCALHOST:4321"), served));
        assert!(!host_allowed(Some("localhost:4322"), served));
        assert!(!host_allowed(Some("evil.example:4321"), served));
        assert!(!host_allowed(Some("127.0.0.1"), served));
        assert!(!host_allowed(None, served));
    }
}
