//! Turns the real product taxonomy (`fixtures/product-taxonomy`, checked in) into menu TOML.
//!
//! Lines look like `5608 - Bavullar ve Çantalar > Alışveriş Çantaları`; each becomes a
//! node under its parent. The output uses `[[menu]]` / `[[menu.children]]` headers in
//! document order, the way a marketing team writes a menu by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The taxonomy fixture's absolute path, as a literal (for `include_str!` and `corpus_path`).
macro_rules! taxonomy_fixture {
    () => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/product-taxonomy/google-product-taxonomy-tr-2015.txt")
    };
}

/// Where the taxonomy file is: `fixtures/product-taxonomy/` in this crate.
pub fn corpus_path() -> PathBuf {
    PathBuf::from(taxonomy_fixture!())
}

/// The whole taxonomy text, compiled in from [`corpus_path`]: a checkout without the file
/// fails to build, naming it, instead of any test or benchmark running on an empty menu.
pub fn corpus() -> &'static str {
    include_str!(taxonomy_fixture!())
}

#[derive(Default)]
struct Node {
    id: String,
    children: Vec<(String, Node)>,
    index: BTreeMap<String, usize>,
}

impl Node {
    fn child(&mut self, name: &str) -> &mut Node {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.children.push((name.to_owned(), Node::default()));
                self.index.insert(name.to_owned(), self.children.len() - 1);
                self.children.len() - 1
            }
        };
        &mut self.children[i].1
    }
}

/// The menu TOML for the first `levels` levels, and the 1-based line of the first node
/// deeper than `limit` levels (its `[[...]]` header), if any.
pub fn menu_toml(corpus: &str, levels: usize, limit: usize) -> (String, Option<usize>) {
    let mut root = Node::default();
    for line in corpus.lines() {
        let Some((id, path)) = line.split_once(" - ") else { continue };
        if id.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = path.split(" > ").map(str::trim).collect();
        if parts.len() > levels {
            continue;
        }
        let mut n = &mut root;
        for p in &parts {
            n = n.child(p);
        }
        n.id = id.trim().to_owned();
    }
    let mut out = String::new();
    let mut first_deep = None;
    emit(&root, "menu", 1, limit, &mut out, &mut first_deep);
    (out, first_deep)
}

fn emit(
    n: &Node,
    header: &str,
    level: usize,
    limit: usize,
    out: &mut String,
    first_deep: &mut Option<usize>,
) {
    for (title, child) in &n.children {
        if level > limit && first_deep.is_none() {
            *first_deep = Some(out.lines().count() + 1);
        }
        let _ = writeln!(out, "[[{header}]]");
        let _ = writeln!(out, "title = \"{}\"", toml_escape(title));
        let _ = writeln!(out, "url = \"/c/{}\"", child.id);
        out.push('\n');
        emit(child, &format!("{header}.children"), level + 1, limit, out, first_deep);
    }
}

fn toml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o
}

/// A whole shop config (free shipping, promotions, a 3-level menu from the taxonomy)
/// of at least `bytes` bytes (the menu's top level is repeated with numbered copies). The
/// promotions' times carry the offset `+02:00` (Kyiv's in late autumn, so the shop's zone
/// accepts them too).
pub fn shop_config(corpus: &str, bytes: usize) -> String {
    shop_config_with(corpus, bytes, 4, Times::Offset)
}

/// How [`shop_config_with`] writes the promotions' times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Times {
    /// `2026-11-20T00:00:00+02:00`.
    Offset,
    /// `2026-11-20T00:00:00`: local time, for a schema with a zone in force.
    Local,
}

/// [`shop_config`] with `promotions` promotions (at most 28 distinct start days, then
/// repeated hours) whose times are written as `times` says.
pub fn shop_config_with(corpus: &str, bytes: usize, promotions: usize, times: Times) -> String {
    let mut out = String::from("free_shipping_over_cents = 4900\n\n");
    let offset = if times == Times::Offset { "+02:00" } else { "" };
    for i in 0..promotions {
        let _ = write!(
            out,
            "[[promotions]]\nid = \"promo-{i}\"\ntitle = \"Promotion {i}\"\nstarts = \"2026-11-{:02}T{:02}:00:00{offset}\"\n\
             ends = \"2026-12-{:02}T23:59:59{offset}\"\npercent_off = {}\nbanner_url = \"/sale/{i}\"\n\n",
            1 + i % 28,
            i / 28 % 24,
            1 + i % 28,
            10 + 5 * (i % 4)
        );
    }
    let (menu, _) = menu_toml(corpus, 3, 3);
    let mut copy = 0;
    while out.len() < bytes && !menu.is_empty() {
        if copy == 0 {
            out.push_str(&menu);
        } else {
            // a numbered copy: same tree, distinct top-level titles and urls
            let mut top = false;
            for line in menu.lines() {
                if line == "[[menu]]" {
                    top = true;
                }
                if top && line.starts_with("title = \"") {
                    let _ = writeln!(out, "{} ({copy})\"", line.trim_end_matches('"'));
                    top = false;
                } else if let Some(u) = line.strip_prefix("url = \"/c/") {
                    let _ = writeln!(out, "url = \"/c{copy}/{u}");
                } else {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        copy += 1;
    }
    // keep whole `[[menu]]` blocks, cut near the target size
    let mut end = bytes.min(out.len());
    while end < out.len() && !out.is_char_boundary(end) {
        end += 1;
    }
    if end < out.len()
        && let Some(cut) = out[..end].rfind("\n[[menu]]")
    {
        out.truncate(cut + 1);
    }
    out
}
