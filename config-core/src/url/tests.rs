//! The link parser: each trick refused with the part that is wrong, the options, and the
//! WHATWG parser of the `url` crate as an independent oracle over generated links.

use super::*;
use proptest::prelude::*;

#[test]
fn accepts_plain_links() {
    for ok in [
        "/sale",
        "/",
        "https://shop.example/x?y#z",
        "HTTP://shop.example",
        "https://shop.example:8443/x",
        "https://[::1]/x",
        "https://[2001:db8::1]:443",
        "http://192.0.2.1/x",
        "https://xn--bcher-kva.example/",
        "/caf\u{e9}",
    ] {
        assert_eq!(parse(ok).err(), None, "{ok}");
    }
}

#[test]
fn refuses_each_trick_with_its_part() {
    let cases: &[(&str, UrlProblem)] = &[
        ("", UrlProblem::Empty),
        ("javascript:alert(1)", UrlProblem::Scheme),
        ("%6Aavascript:alert(1)", UrlProblem::Scheme),
        ("data:text/html,x", UrlProblem::Scheme),
        ("sale", UrlProblem::Scheme),
        (" /sale", UrlProblem::Whitespace),
        ("//evil.example", UrlProblem::ProtocolRelative),
        ("/\\evil.example", UrlProblem::Backslash),
        ("https://", UrlProblem::NoHost),
        ("https://:80/", UrlProblem::NoHost),
        ("https://good.example@evil.example/x", UrlProblem::Userinfo),
        ("https://a:b@c", UrlProblem::Userinfo),
        ("https://@c", UrlProblem::Userinfo),
        ("https://host:99999", UrlProblem::Port),
        ("https://host:0", UrlProblem::Port),
        ("https://host:8o", UrlProblem::Port),
        ("https://host:", UrlProblem::Port),
        ("https://::1/", UrlProblem::Host),
        ("https://2001:db8::1/", UrlProblem::Host),
        ("https://[::g]/", UrlProblem::Host),
        ("https://[::1]x/", UrlProblem::Host),
        ("https://256.0.0.1/", UrlProblem::Host),
        ("https://1.2.3/", UrlProblem::Host),
        ("https://010.0.0.1/", UrlProblem::Host),
        ("https://a.0x1/", UrlProblem::Host),
        ("https://a!.example/", UrlProblem::Host),
        ("https://a..example/", UrlProblem::Host),
        ("https://a_b.example/", UrlProblem::Host),
        ("https://b\u{fc}cher.example/", UrlProblem::Host),
        ("https://xn--.example/", UrlProblem::Host),
    ];
    for (link, want) in cases {
        assert_eq!(parse(link).err(), Some(*want), "{link:?}");
    }
    let label = "a".repeat(64);
    assert_eq!(parse(&format!("https://{label}.example/")).err(), Some(UrlProblem::Host));
    let ok63 = "a".repeat(63);
    assert_eq!(parse(&format!("https://{ok63}.example/")).err(), None);
    let long = format!("/{}", "a".repeat(MAX_LINK_CHARS));
    assert_eq!(parse(&long).err(), Some(UrlProblem::TooLong));
    assert_eq!(parse(&long[..MAX_LINK_CHARS]).err(), None);
    let zwsp = parse("https://good.example\u{200b}.evil.example");
    assert_eq!(zwsp.err(), Some(UrlProblem::Invisible { position: 21, c: '\u{200b}' }));
    assert_eq!(parse("/sa\u{feff}le").err(), Some(UrlProblem::Invisible { position: 4, c: '\u{feff}' }));
    let shown = UrlProblem::Invisible { position: 4, c: '\u{feff}' }.to_string();
    assert!(shown.starts_with("invisible character U+FEFF at position 4"), "{shown}");
}

#[test]
fn options() {
    const HOSTS: UrlOptions =
        UrlOptions { hosts: &["cdn.shop.example", "*.shop.example"], ..UrlOptions::BARE };
    assert_eq!(check("https://cdn.shop.example/a.png", &HOSTS), Ok(()));
    assert_eq!(check("https://img.eu.SHOP.example/a.png", &HOSTS), Ok(()));
    assert_eq!(check("https://CDN.Shop.Example/", &HOSTS), Ok(()));
    assert_eq!(check("/local.png", &HOSTS), Ok(()));
    assert_eq!(check("https://shop.example/", &HOSTS), Err(UrlProblem::HostNotAllowed));
    assert_eq!(check("https://evil.example/", &HOSTS), Err(UrlProblem::HostNotAllowed));
    assert_eq!(check("https://evilshop.example/", &HOSTS), Err(UrlProblem::HostNotAllowed));
    let https = UrlOptions { https: true, ..UrlOptions::BARE };
    assert_eq!(check("http://shop.example/", &https), Err(UrlProblem::NotHttps));
    assert_eq!(check("https://shop.example/", &https), Ok(()));
    assert_eq!(check("/x", &https), Ok(()));
    let relative = UrlOptions { relative: true, ..UrlOptions::BARE };
    assert_eq!(check("https://shop.example/", &relative), Err(UrlProblem::NotRelative));
    assert_eq!(check("/x", &relative), Ok(()));
}

#[test]
fn host_patterns() {
    for ok in ["cdn.shop.example", "*.shop.example", "localhost", "192.0.2.1", "[::1]"] {
        assert!(valid_host_pattern(ok), "{ok}");
    }
    for bad in ["", "*", "*.", "a.*.example", "shop.example/", "ev il", "*.[::1]", "*.1.2.3.4", "a@b"] {
        assert!(!valid_host_pattern(bad), "{bad}");
    }
}

/// What the WHATWG parser makes of a link the rule accepted; `Err` says what is wrong.
fn oracle(link: &str, opts: &UrlOptions) -> Result<(), String> {
    let base = ::url::Url::parse("https://shop.example/").map_err(|e| e.to_string())?;
    let u = base.join(link).map_err(|e| format!("{link:?} does not parse: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(format!("{link:?}: scheme {}", u.scheme()));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(format!("{link:?}: userinfo"));
    }
    let absolute = !link.starts_with('/');
    if opts.https && absolute && u.scheme() != "https" {
        return Err(format!("{link:?}: not https"));
    }
    if !absolute && u.host_str() != Some("shop.example") {
        return Err(format!("{link:?}: relative link leaves the host: {u}"));
    }
    if absolute && !opts.hosts.is_empty() {
        let host = u.host_str().unwrap_or("");
        if !host_allowed(host, opts.hosts) {
            return Err(format!("{link:?}: host {host} is not allowed"));
        }
    }
    Ok(())
}

fn links() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![Just(""), Just("https://"), Just("http://"), Just("HTTPS://"), Just("/")];
    let userinfo = prop_oneof![4 => Just(""), 1 => Just("a@"), 1 => Just("a:b@")];
    let host = prop_oneof![
        Just("shop.example".to_owned()),
        Just("img.shop.example".to_owned()),
        Just("cdn.shop.example".to_owned()),
        Just("[::1]".to_owned()),
        Just("192.0.2.1".to_owned()),
        "[a-z0-9.\\-]{0,12}",
        "[\\x21-\\x7e]{0,6}",
        Just("xn--bcher-kva.example".to_owned()),
        "xn--[a-z0-9\\-]{1,6}",
    ];
    let port = prop_oneof![4 => Just(String::new()), 1 => "(:[0-9]{0,6})", 1 => Just(":x".to_owned())];
    let rest = "[\\x20-\\x7e\u{200b}\u{feff}\u{e9}]{0,12}";
    (scheme, userinfo, host, port, rest).prop_map(|(s, u, h, p, r)| format!("{s}{u}{h}{p}{r}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn every_accepted_link_is_what_a_browser_reads(link in links()) {
        const HOSTS: UrlOptions = UrlOptions { hosts: &["cdn.shop.example", "*.shop.example"], ..UrlOptions::BARE };
        const HTTPS: UrlOptions = UrlOptions { https: true, ..UrlOptions::BARE };
        for opts in [UrlOptions::BARE, HOSTS, HTTPS] {
            if check(&link, &opts).is_ok()
                && let Err(e) = oracle(&link, &opts)
            {
                return Err(TestCaseError::fail(e));
            }
        }
    }
}
