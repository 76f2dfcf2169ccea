//! The `url` rule's one link parser: what a safe link is (a `/relative/path` or an
//! `http(s)://` URL whose authority is a plain host and port) and what the rule's options
//! (`https`, `relative`, `hosts(...)`) allow. The summary builder calls [`parse`] for every
//! string under a `url` rule; the checker compares hosts with [`host_allowed`] (a `const
//! fn`, so the build-time checker runs the same comparison); fuzzing and the linter call
//! [`check`].

use crate::forbidden::must_escape;
use std::fmt;

/// The options of `#[config(url(...))]`. Bare `#[config(url)]` is [`UrlOptions::BARE`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlOptions {
    /// `url(https)`: absolute links must use `https://`.
    pub https: bool,
    /// `url(relative)`: only `/relative/paths`.
    pub relative: bool,
    /// `url(hosts("cdn.example", "*.shop.example"))`: absolute links only to these hosts
    /// (`*.x` is any subdomain of `x`, not `x` itself; case-insensitive). Empty: any host.
    pub hosts: &'static [&'static str],
}

impl UrlOptions {
    /// No options: any safe link.
    pub const BARE: UrlOptions = UrlOptions { https: false, relative: false, hosts: &[] };

    /// Whether no option is set.
    pub const fn is_bare(&self) -> bool {
        !self.https && !self.relative && self.hosts.is_empty()
    }
}

/// The longest link accepted, in characters.
pub const MAX_LINK_CHARS: usize = 2048;

/// Why a string is not an acceptable link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    TooLong,
    /// An invisible or non-letter character (1-based character position).
    Invisible {
        position: usize,
        c: char,
    },
    Whitespace,
    Backslash,
    ProtocolRelative,
    Scheme,
    NoHost,
    Userinfo,
    Host,
    Port,
    /// `url(https)`: an `http://` link.
    NotHttps,
    /// `url(relative)`: an absolute link.
    NotRelative,
    /// `url(hosts(...))`: a host outside the list.
    HostNotAllowed,
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            UrlProblem::Invisible { position, c } => write!(
                f,
                "invisible character U+{:04X} at position {position} (outside ASCII a link may hold letters and \
                 digits only; percent-encode anything else)",
                c as u32
            ),
            p => f.write_str(p.message()),
        }
    }
}

impl UrlProblem {
    /// The message, without the position of an invisible character (see `Display`).
    pub const fn message(self) -> &'static str {
        match self {
            UrlProblem::Empty => "empty link",
            UrlProblem::TooLong => "the link is longer than 2,048 characters",
            UrlProblem::Invisible { .. } => "invisible character",
            UrlProblem::Whitespace => "links may not contain whitespace or control characters",
            UrlProblem::Backslash => "links may not contain backslashes",
            UrlProblem::ProtocolRelative => {
                "`//` starts a link to another host; use `/path` or `https://host/path`"
            }
            UrlProblem::Scheme => "expected a `/relative/path` or an `http(s)://` URL",
            UrlProblem::NoHost => "the URL has no host",
            UrlProblem::Userinfo => {
                "userinfo (`name@` before the host) is not allowed: a browser visits the host after the `@`"
            }
            UrlProblem::Host => {
                "the host must be a DNS name (letters, digits, hyphens; labels of at most 63, at most 253 \
                 in all; an IDN in its `xn--` form), a dotted IPv4 address or a bracketed IPv6 address"
            }
            UrlProblem::Port => "the port must be 1-65535, in digits",
            UrlProblem::NotHttps => "absolute links here must use `https://`",
            UrlProblem::NotRelative => "only `/relative/paths` are allowed here",
            UrlProblem::HostNotAllowed => "the host is not one of the allowed hosts",
        }
    }
}

/// A link that passed [`parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link<'a> {
    Relative,
    /// `host` as written (brackets kept for IPv6), without the port.
    Absolute {
        https: bool,
        host: &'a str,
    },
}

/// Checks `link` against the rule and its options: the one implementation behind the
/// summary's facts.
pub fn check(link: &str, opts: &UrlOptions) -> Result<(), UrlProblem> {
    match parse(link)? {
        Link::Relative => Ok(()),
        Link::Absolute { .. } if opts.relative => Err(UrlProblem::NotRelative),
        Link::Absolute { https: false, .. } if opts.https => Err(UrlProblem::NotHttps),
        Link::Absolute { host, .. } if !opts.hosts.is_empty() && !host_allowed(host, opts.hosts) => {
            Err(UrlProblem::HostNotAllowed)
        }
        Link::Absolute { .. } => Ok(()),
    }
}

/// Parses a link as bare `#[config(url)]` sees it.
///
/// Accepted: a relative path starting with one `/` (not `//` or `/\`, which browsers
/// treat as another host), or an absolute `http://` / `https://` URL whose authority is a
/// host and an optional port. Everything else is refused, so `javascript:`, `data:`,
/// `vbscript:`, encoded or padded variants of them, userinfo and backslash tricks never
/// pass.
pub fn parse(s: &str) -> Result<Link<'_>, UrlProblem> {
    if s.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if s.len() > MAX_LINK_CHARS && s.chars().count() > MAX_LINK_CHARS {
        return Err(UrlProblem::TooLong);
    }
    if !s.is_ascii() || s.bytes().any(|b| b <= b' ' || b == 0x7f) {
        for (i, c) in s.chars().enumerate() {
            if must_escape(c) || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace()) {
                return Err(UrlProblem::Invisible { position: i + 1, c });
            }
            if c.is_whitespace() {
                return Err(UrlProblem::Whitespace);
            }
        }
    }
    if s.contains('\\') {
        return Err(UrlProblem::Backslash);
    }
    let b = s.as_bytes();
    if b[0] == b'/' {
        if b.len() > 1 && b[1] == b'/' {
            return Err(UrlProblem::ProtocolRelative);
        }
        return Ok(Link::Relative);
    }
    let (https, rest) = if starts_with_ignore_case(s, "https://") {
        (true, &s[8..])
    } else if starts_with_ignore_case(s, "http://") {
        (false, &s[7..])
    } else {
        return Err(UrlProblem::Scheme);
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(UrlProblem::Userinfo);
    }
    let (host, port) = split_host_port(authority)?;
    if host.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    if let Some(p) = port
        && !valid_port(p)
    {
        return Err(UrlProblem::Port);
    }
    if !valid_host(host) {
        return Err(UrlProblem::Host);
    }
    Ok(Link::Absolute { https, host })
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// `host[:port]` or `[v6][:port]`.
fn split_host_port(a: &str) -> Result<(&str, Option<&str>), UrlProblem> {
    if a.starts_with('[') {
        let Some(end) = a.find(']') else { return Err(UrlProblem::Host) };
        let (host, rest) = a.split_at(end + 1);
        return match rest {
            "" => Ok((host, None)),
            _ => match rest.strip_prefix(':') {
                Some(p) => Ok((host, Some(p))),
                None => Err(UrlProblem::Host),
            },
        };
    }
    if a.bytes().filter(|&b| b == b':').count() > 1 {
        // an unbracketed IPv6 address
        return Err(UrlProblem::Host);
    }
    Ok(match a.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (a, None),
    })
}

fn valid_port(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && {
        let digits = p.trim_start_matches('0');
        digits.len() <= 5 && digits.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    }
}

/// A DNS name, a dotted IPv4 address or a bracketed IPv6 address.
pub fn valid_host(h: &str) -> bool {
    if let Some(inner) = h.strip_prefix('[') {
        return inner.strip_suffix(']').is_some_and(|v6| v6.parse::<std::net::Ipv6Addr>().is_ok());
    }
    if h.len() > 253 {
        return false;
    }
    let last = h.rsplit('.').next().unwrap_or("");
    // a numeric last label makes browsers read the host as an IPv4 address
    let numeric = |l: &[u8]| {
        !l.is_empty()
            && (l.iter().all(u8::is_ascii_digit)
                || (l.len() >= 2
                    && l[..2].eq_ignore_ascii_case(b"0x")
                    && l[2..].iter().all(u8::is_ascii_hexdigit)))
    };
    if numeric(last.as_bytes()) {
        return valid_ipv4(h);
    }
    h.split('.').all(valid_label) && (!has_idn_label(h) || idn_ok(h))
}

fn has_idn_label(h: &str) -> bool {
    h.split('.').any(|l| l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
}

fn valid_ipv4(h: &str) -> bool {
    let parts: Vec<&str> = h.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Letters, digits and hyphens, 1 to 63 of them (hyphens anywhere: browsers accept
/// `p-.example`, and so did this rule before it parsed hosts).
fn valid_label(l: &str) -> bool {
    let b = l.as_bytes();
    !b.is_empty() && b.len() <= 63 && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// Whether a host with `xn--` labels is an IDN browsers accept as written: UTS 46
/// processing (the `idna` crate, as WHATWG specifies it) maps it to itself. Punycode,
/// mapping, normalization and the bidi rule are that crate's; nothing else here is.
fn idn_ok(host: &str) -> bool {
    idna::domain_to_ascii(host).is_ok_and(|ascii| ascii.eq_ignore_ascii_case(host))
}

/// Whether `p` is a valid `hosts(...)` entry: a host, or `*.` and a DNS name.
pub fn valid_host_pattern(p: &str) -> bool {
    match p.strip_prefix("*.") {
        Some(base) => !base.starts_with('[') && valid_host(base) && !valid_ipv4(base),
        None => valid_host(p),
    }
}

/// Whether `host` is one of `patterns` (`*.x`: a subdomain of `x`, not `x` itself), ASCII
/// case-insensitively.
pub const fn host_allowed(host: &str, patterns: &[&str]) -> bool {
    let mut i = 0;
    while i < patterns.len() {
        if host_matches(host.as_bytes(), patterns[i].as_bytes()) {
            return true;
        }
        i += 1;
    }
    false
}

const fn host_matches(h: &[u8], p: &[u8]) -> bool {
    if p.len() >= 2 && p[0] == b'*' && p[1] == b'.' {
        // `*.x`: `h` ends with `.x` and has at least one character before it
        let suffix = p.len() - 1;
        if h.len() <= suffix {
            return false;
        }
        return eq_ignore_case(h, h.len() - suffix, p, 1, suffix);
    }
    h.len() == p.len() && eq_ignore_case(h, 0, p, 0, p.len())
}

const fn eq_ignore_case(a: &[u8], a_at: usize, b: &[u8], b_at: usize, n: usize) -> bool {
    let mut i = 0;
    while i < n {
        if !a[a_at + i].eq_ignore_ascii_case(&b[b_at + i]) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests;
