//! Writes a realistic marketing config of about N bytes: a few promotions and a menu
//! built from the real product taxonomy (levels 1-3), repeated with numbered copies of
//! the top-level categories until the size is reached.
//!
//! `cargo run --release -p config-tests --example gen_config -- <bytes> <out.toml>`

use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(bytes), Some(out)) = (args.get(1).and_then(|b| b.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: gen_config <bytes> <out.toml>");
        std::process::exit(2);
    };
    let text = config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), bytes);
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(2);
    }
    let mut msg = String::new();
    let _ = write!(msg, "wrote {} bytes to {out}", text.len());
    println!("{msg}");
}
