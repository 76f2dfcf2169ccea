//! Links with hosts: the authority of a `url` link (userinfo, host, port), its length,
//! invisible characters inside it, and the options `hosts(...)`, `https`, `relative`
//! (schema `config_tests::links_types!`). Each test: rule `url`, key path, line:col.

use super::{build_findings, rejected, toml_basic};
use config_runtime::check_str;

mod schema {
    config_tests::links_types!();
}
use schema::Links;

/// The `url` findings of `text` (every finding must be `url`).
fn url_findings(text: &str) -> Vec<(String, u32, u32, String)> {
    let d = rejected::<Links>(text);
    for x in &d.items {
        assert_eq!(x.rule.id(), "url", "{text}: {}", d.one_line());
    }
    d.items.iter().map(|x| (x.path.clone(), x.line, x.col, x.message.clone())).collect()
}

/// The build reports exactly `want` (rule, path, line, col) for `ui/bad/<name>.rs`.
fn built(name: &str, want: &[(&str, &str, u32, u32)]) {
    let got = build_findings(name);
    let got: Vec<_> = got.iter().map(|(r, p, l, c)| (r.as_str(), p.as_str(), *l, *c)).collect();
    assert_eq!(got, want, "{name}");
}

/// `home = <link>` is refused at 1:8 and the message names `part`.
fn home_refused(link: &str, part: &str) {
    let text = format!("home = {}\n", toml_basic(link));
    let f = url_findings(&text);
    assert_eq!(f.len(), 1, "{link:?}: {f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2), ("home", 1, 8), "{link:?}");
    assert!(f[0].3.contains(part), "{link:?}: {}", f[0].3);
}

fn accepted(text: &str) {
    if let Err(d) = check_str::<Links>("ok.toml", text) {
        panic!("{text}: {}", d.one_line());
    }
}

#[test]
fn links_userinfo_is_refused() {
    for link in ["https://good.example@evil.example/x", "https://a:b@c", "http://user@shop.example/"] {
        home_refused(link, "userinfo");
    }
    built("links_userinfo", &[("url", "home", 2, 8)]);
}

#[test]
fn links_port_zero_is_refused() {
    home_refused("https://shop.example:0/x", "port");
}

#[test]
fn links_port_over_65535_is_refused() {
    home_refused("https://host:99999", "port");
    accepted("home = \"https://host:65535/x\"\n");
    built("links_port", &[("url", "home", 2, 8)]);
}

#[test]
fn links_port_of_non_digits_is_refused() {
    home_refused("https://host:8o/x", "port");
    home_refused("https://host:+80/x", "port");
}

#[test]
fn links_bracketed_ipv6_is_accepted_unbracketed_refused() {
    accepted("home = \"https://[2001:db8::1]:8443/x\"\n");
    home_refused("https://2001:db8::1/x", "host");
    home_refused("https://[2001:db8::g]/x", "host");
    built("links_ipv6", &[("url", "home", 2, 8)]);
}

#[test]
fn links_ipv4_is_accepted_when_dotted_quad() {
    accepted("home = \"http://192.0.2.1/x\"\n");
    home_refused("http://192.0.2.256/x", "host");
    home_refused("http://192.0.2/x", "host");
    home_refused("http://0x7f.1/x", "host");
}

#[test]
fn links_label_of_64_characters_is_refused() {
    let label = "a".repeat(64);
    home_refused(&format!("https://{label}.example/"), "labels of at most 63");
    accepted(&format!("home = \"https://{}.example/\"\n", "a".repeat(63)));
}

#[test]
fn links_of_2049_characters_are_refused() {
    let link = format!("/{}", "a".repeat(2048));
    home_refused(&link, "2,048");
    accepted(&format!("home = \"{}\"\n", &link[..2048]));
}

/// `home = <link>` holding an invisible character: a `url` finding naming `part` and,
/// as for any string, a `control-char` one, both at 1:8.
fn home_refused_as_invisible(link: &str, part: &str) {
    let d = rejected::<Links>(&format!("home = {}\n", toml_basic(link)));
    let at: Vec<_> = d.items.iter().map(|x| (x.rule.id(), x.path.as_str(), x.line, x.col)).collect();
    assert_eq!(at, [("control-char", "home", 1, 8), ("url", "home", 1, 8)], "{link:?}");
    assert!(d.items[1].message.contains(part), "{link:?}: {}", d.items[1].message);
}

#[test]
fn links_with_a_zero_width_space_inside_are_refused() {
    home_refused_as_invisible(
        "https://good.example\u{200b}.evil.example",
        "invisible character U+200B at position 21",
    );
    home_refused_as_invisible("/sa\u{200b}le", "U+200B at position 4");
}

#[test]
fn links_with_a_bom_inside_are_refused() {
    home_refused_as_invisible("https://shop.example/\u{feff}x", "invisible character U+FEFF at position 22");
    home_refused_as_invisible("\u{feff}/sale", "U+FEFF at position 1");
}

#[test]
fn links_allowlist_accepts_the_host_and_subdomains() {
    accepted(
        "images = [\"https://cdn.shop.example/a.png\", \"https://img.eu.shop.example/b.png\", \"/c.png\"]\n",
    );
}

#[test]
fn links_allowlist_refuses_the_apex_of_a_wildcard() {
    let f = url_findings("images = [\"https://shop.example/a.png\"]\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2), ("images[0]", 1, 11));
    assert!(f[0].3.contains("host `shop.example`"), "{}", f[0].3);
    // the build, on a list with the apex and another host: the first link to each host
    built("links_host", &[("url", "images[2]", 4, 3), ("url", "images[3]", 5, 3)]);
}

#[test]
fn links_allowlist_refuses_another_host() {
    let text = "images = [\n  \"https://cdn.shop.example/a.png\",\n  \"https://evil.example/b.png\",\n  \
                \"https://cdn.shop.example.evil.example/c.png\",\n]\n";
    let f = url_findings(text);
    let at: Vec<_> = f.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
    assert_eq!(at, [("images[1]", 3, 3), ("images[2]", 4, 3)], "{f:?}");
}

#[test]
fn links_allowlist_compares_hosts_case_insensitively() {
    accepted("images = [\"https://CDN.Shop.Example/a.png\", \"HTTPS://IMG.SHOP.EXAMPLE/b.png\"]\n");
}

#[test]
fn links_https_refuses_http() {
    let f = url_findings("checkout = \"http://pay.shop.example/\"\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2), ("checkout", 1, 12));
    assert!(f[0].3.contains("https://"), "{}", f[0].3);
    accepted("checkout = \"https://pay.shop.example/\"\n");
    accepted("checkout = \"/checkout\"\n");
    built("links_https", &[("url", "checkout", 1, 12)]);
}

#[test]
fn links_relative_refuses_absolute_links() {
    let f = url_findings("help = \"https://help.shop.example/faq\"\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2), ("help", 1, 8));
    assert!(f[0].3.contains("relative"), "{}", f[0].3);
    accepted("help = \"/faq\"\n");
    built("links_relative", &[("url", "help", 1, 8)]);
}

/// A map of links folds into one position at run time, also in the pass that lists every
/// finding once it has created its budget of positions; how many distinct good hosts the
/// entries hold together is no finding (the build, a position per key, has none either),
/// and a bad one among them is found at its line.
#[test]
fn links_allowlist_in_a_map_of_many_distinct_good_hosts() {
    let mut text = String::from("[mirrors]\n");
    // more entries than the unfolding budget (100,000 positions)
    let n = 105_000;
    for i in 0..n {
        text.push_str(&format!("r{i} = \"https://h{}.shop.example/\"\n", i % 500));
    }
    accepted(&text);
    text.push_str("evil = \"https://evil.example/\"\n");
    let f = url_findings(&text);
    let at: Vec<_> = f.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
    assert_eq!(at, [("mirrors.evil", n + 2, 8)], "{f:?}");
}
