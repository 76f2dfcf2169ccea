//! The `url` rule against an independent oracle, the WHATWG URL parser of the `url` crate:
//! every link `config_core::url::check` accepts parses (a relative one against
//! `https://shop.example/`, staying on that host) to scheme `http` or `https` with no
//! username or password; under `https` an absolute link is `https`; under `hosts(...)` its
//! host is in the list. Input: the first byte's low three bits pick the options (1:
//! `https`, 2: `relative`, 4: `hosts("cdn.shop.example", "*.shop.example")`, so the seeds
//! can start with a digit), the rest is the link (lossy UTF-8).
#![no_main]

use config_core::url::{UrlOptions, check};
use config_fuzz::ok;
use config_tests::invariants::link_is_what_a_browser_reads;
use libfuzzer_sys::fuzz_target;

const HOSTS: &[&str] = &["cdn.shop.example", "*.shop.example"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let link = String::from_utf8_lossy(rest);
    let relative = pick & 2 != 0;
    let opts = UrlOptions {
        https: pick & 1 != 0 && !relative,
        relative,
        hosts: if pick & 4 != 0 && !relative { HOSTS } else { &[] },
    };
    if check(&link, &opts).is_ok() {
        ok(link_is_what_a_browser_reads(&link, &opts));
    }
    // the bare rule accepts whatever an option accepts
    if check(&link, &opts).is_ok() {
        assert!(check(&link, &UrlOptions::BARE).is_ok(), "{link:?}");
    }
});
