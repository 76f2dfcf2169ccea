//! `stats FILE`: where the payload goes. The document, its top-level fields and (by
//! default) one level below, each with its compact JSON size, gzip size, depth and node
//! count, drawn as a tree with bars proportional to the JSON size. `--format json` gives
//! the same tree as data.

use super::args::{ReportFormat, StatsArgs};
pub(crate) use super::breakdown::{Node, tree};
use super::error::LintError;
use super::measure::{GZIP_LEVEL, human_bytes};
use super::{RunContext, input};
use std::io::Write;

/// Width of the longest bar (the document), in terminal cells.
pub(crate) const BAR_WIDTH: usize = 30;
/// Names longer than this are cut with `…`.
const NAME_WIDTH: usize = 36;

pub(crate) fn run(args: &StatsArgs, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    let src = input::read(&args.file)?;
    let doc = match ctx.parsed(&src, out)? {
        Ok(doc) => doc,
        Err(code) => return Ok(code),
    };
    let root = ctx.schema_opt()?.map(|s| s.get());
    let tree = tree(doc.get_ref(), root, args.depth);
    match args.format {
        ReportFormat::Json => {
            let v = serde_json::json!({
                "file": config_core::diag::printable(&src.name),
                "toml_bytes": src.text.len(),
                "gzip_level": GZIP_LEVEL,
                "tree": tree,
            });
            serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        ReportFormat::Human => out.write_all(render(&src.name, src.text.len(), &tree).as_bytes())?,
    }
    Ok(0)
}

/// The human tree.
pub(crate) fn render(file: &str, toml_bytes: usize, tree: &Node) -> String {
    let file = config_core::diag::printable(file);
    let s = tree.size;
    let mut rows: Vec<(String, &Node)> = vec![(tree.name.clone(), tree)];
    flatten(&tree.children, "", &mut rows);
    let name_w = rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0).max(10);
    let mut out = format!(
        "{file}: {} TOML, {} as JSON, {} gzipped (level {GZIP_LEVEL}), depth {}, {} nodes\n\n",
        human_bytes(toml_bytes as u64),
        human_bytes(s.json),
        human_bytes(s.gzip),
        s.depth,
        s.nodes
    );
    out.push_str(&format!(
        "{:<name_w$}  {:>10}  {:>10}  {:>5}  {:>7}\n",
        "", "JSON", "gzip", "depth", "nodes"
    ));
    for (name, n) in rows {
        let line = format!(
            "{name:<name_w$}  {:>10}  {:>10}  {:>5}  {:>7}  {}",
            human_bytes(n.size.json),
            human_bytes(n.size.gzip),
            n.size.depth,
            n.size.nodes,
            bar(n.size.json, s.json)
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn flatten<'a>(nodes: &'a [Node], prefix: &str, rows: &mut Vec<(String, &'a Node)>) {
    for (i, n) in nodes.iter().enumerate() {
        let last = i + 1 == nodes.len();
        let (branch, cont) = if last { ("└─ ", "   ") } else { ("├─ ", "│  ") };
        rows.push((format!("{prefix}{branch}{}", cut(&n.name)), n));
        flatten(&n.children, &format!("{prefix}{cont}"), rows);
    }
}

fn cut(name: &str) -> String {
    // names are already escaped and cut to 80 characters (`breakdown`)
    if name.chars().count() <= NAME_WIDTH {
        return name.to_owned();
    }
    let mut s: String = name.chars().take(NAME_WIDTH - 1).collect();
    s.push('…');
    s
}

/// A bar of `part / whole` of [`BAR_WIDTH`] cells, in eighths; at least an eighth for a
/// non-empty part.
pub(crate) fn bar(part: u64, whole: u64) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if whole == 0 || part == 0 {
        return String::new();
    }
    let total = (part as u128 * (BAR_WIDTH as u128 * 8) / whole as u128).max(1) as usize;
    let mut s = "█".repeat(total / 8);
    s.push_str(EIGHTHS[total % 8]);
    s
}
