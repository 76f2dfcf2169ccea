//! Writes a realistic marketing config of about N bytes: a few promotions and a menu
//! built from the real product taxonomy (levels 1-3), repeated with numbered copies of
//! the top-level categories until the size is reached.
//!
//! `cargo run --release -p config-tests --example gen_config -- <bytes> <out.toml> [local N]`
//!
//! With `local N`: N promotions whose times are local (no offset), for a schema with a
//! zone in force; `offset N`: the same N promotions with explicit `+02:00` offsets.

use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(bytes), Some(out)) = (args.get(1).and_then(|b| b.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: gen_config <bytes> <out.toml>");
        std::process::exit(2);
    };
    use config_tests::taxonomy::{Times, corpus, shop_config, shop_config_with};
    let n = args.get(4).and_then(|n| n.parse::<usize>().ok()).unwrap_or(4);
    let text = match args.get(3).map(String::as_str) {
        Some("local") => shop_config_with(corpus(), bytes, n, Times::Local),
        Some("offset") => shop_config_with(corpus(), bytes, n, Times::Offset),
        _ => shop_config(corpus(), bytes),
    };
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(2);
    }
    let mut msg = String::new();
    let _ = write!(msg, "wrote {} bytes to {out}", text.len());
    println!("{msg}");
}
