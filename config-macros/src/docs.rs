//! Doc comments of the type, its fields and its variants, as the schema carries them.

use crate::attr::ungroup;
use syn::{Attribute, Expr, ExprLit, Lit};

/// The doc comment of an item: the string literals of its `#[doc = "..."]` attributes
/// (what `///` and `/** */` become), one line each, the one leading space rustdoc writes
/// after `///` and trailing spaces removed, joined with `\n`; blank lines at either end
/// dropped; `""` for none.
/// A doc computed by a macro (`#[doc = include_str!(..)]`) is not a literal the derive can
/// read; it is left out, never an error (rustdoc still shows it).
pub fn doc(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        let syn::Meta::NameValue(nv) = &a.meta else { continue };
        let Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) = ungroup(&nv.value) else { continue };
        // `split`, not `lines`: an empty `///` is `#[doc = ""]`, a blank line to keep
        for line in s.value().split('\n') {
            lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
        }
    }
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
    lines[first..last].join("\n")
}
