//! Turns the real product taxonomy (../shared/corpus/product-taxonomy) into menu TOML.
//!
//! Lines look like `5608 - Bavullar ve Çantalar > Alışveriş Çantaları`; each becomes a
//! node under its parent. The output uses `[[menu]]` / `[[menu.children]]` headers in
//! document order, the way a marketing team writes a menu by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Where the corpus file is, from this crate.
pub fn corpus_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/product-taxonomy/google-product-taxonomy-tr-2015.txt")
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

fn emit(n: &Node, header: &str, level: usize, limit: usize, out: &mut String, first_deep: &mut Option<usize>) {
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
