//! Parses `#[config(...)]` and the `#[serde(...)]` attributes the schema must honour, and
//! the doc comments (`#[doc = "..."]`) the schema carries for editors and the linter.
//! Every problem is collected (not returned early) with the span of the offending token.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprUnary, Lit, LitStr, UnOp};

/// Collected errors; combined into one at the end (serde_derive's approach).
#[derive(Default)]
pub struct Errors(Vec<syn::Error>);

impl Errors {
    pub fn push(&mut self, e: syn::Error) {
        self.0.push(e);
    }
    pub fn at(&mut self, span: Span, msg: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span, msg));
    }
    pub fn combine(self) -> Option<syn::Error> {
        let mut it = self.0.into_iter();
        let mut first = it.next()?;
        for e in it {
            first.combine(e);
        }
        Some(first)
    }
}

/// serde's `default`: absent, `default`, or `default = "path"`.
#[derive(Clone)]
pub enum DefaultAttr {
    None,
    Default,
    Path(syn::ExprPath),
}

/// A number as written in a rule (`range(min = -5, max = 2.5)`).
#[derive(Clone, Copy)]
pub enum NumLit {
    Int(i128),
    Float(f64),
}

/// One declared rule, with the span of its name for errors.
#[derive(Clone)]
pub struct RuleAttr {
    pub span: Span,
    pub kind: RuleKind,
}

#[derive(Clone)]
pub enum RuleKind {
    Range { min: Option<NumLit>, max: Option<NumLit> },
    Len { min: Option<u64>, max: Option<u64> },
    Unique(Option<String>),
    Before(LitStr),
    MaxDepth(u32),
    MaxNodes(u64),
    MaxJsonBytes(u64),
    Url(UrlAttr),
    OneOf(Vec<String>),
    Tz(LitStr),
    NoOverlap { start: LitStr, end: LitStr, by: Option<LitStr> },
}

/// The options of `url(...)`; all off for bare `url`.
#[derive(Clone, Default)]
pub struct UrlAttr {
    pub https: bool,
    pub relative: bool,
    pub hosts: Vec<String>,
}

impl RuleKind {
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::Range { .. } => "range",
            RuleKind::Len { .. } => "len",
            RuleKind::Unique(_) => "unique",
            RuleKind::Before(_) => "before",
            RuleKind::MaxDepth(_) => "max_depth",
            RuleKind::MaxNodes(_) => "max_nodes",
            RuleKind::MaxJsonBytes(_) => "max_json_bytes",
            RuleKind::Url(_) => "url",
            RuleKind::OneOf(_) => "one_of",
            RuleKind::Tz(_) => "tz",
            RuleKind::NoOverlap { .. } => "no_overlap",
        }
    }
}

/// Attributes of the struct or enum itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub file: Option<LitStr>,
    pub krate: Option<syn::Path>,
    pub rename_all: Option<(String, Span)>,
    pub default: Option<DefaultAttr>,
    /// `tz = "Zone"`: the zone in force for every field without its own.
    pub tz: Option<LitStr>,
}

/// Attributes of one field.
pub struct FieldAttrs {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub default: DefaultAttr,
    pub skip: bool,
    pub rules: Vec<RuleAttr>,
}

/// Attributes of one enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub skip: bool,
}

/// Every rule a field may declare.
const RULES: &[&str] = &[
    "range",
    "len",
    "unique",
    "before",
    "max_depth",
    "max_nodes",
    "max_json_bytes",
    "url",
    "one_of",
    "tz",
    "no_overlap",
];

/// serde attributes that change the data's shape; the checker cannot follow them yet.
const UNSUPPORTED: &[&str] = &[
    "flatten",
    "untagged",
    "tag",
    "content",
    "with",
    "deserialize_with",
    "transparent",
    "from",
    "try_from",
    "remote",
    "other",
];

fn unsupported(m: &ParseNestedMeta<'_>, errs: &mut Errors) -> bool {
    let Some(id) = m.path.get_ident() else { return false };
    let name = id.to_string();
    if UNSUPPORTED.contains(&name.as_str()) {
        errs.at(
            id.span(),
            format!(
                "Config: `#[serde({name})]` changes the shape of the data and is not supported by the config checker yet; \
                 without it the file would be checked against the wrong shape"
            ),
        );
        return true;
    }
    false
}

/// Consumes `= value` or `(...)` after a meta item we do not care about.
fn ignore_rest(m: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if m.input.peek(syn::Token![=]) {
        let _: Expr = m.value()?.parse()?;
    } else if m.input.peek(syn::token::Paren) {
        m.parse_nested_meta(|inner| ignore_rest(&inner))?;
    }
    Ok(())
}

/// `rename = "x"` or `rename(deserialize = "x")`: the deserialize name.
fn rename_value(m: &ParseNestedMeta<'_>) -> syn::Result<Option<String>> {
    if m.input.peek(syn::Token![=]) {
        return Ok(Some(m.value()?.parse::<LitStr>()?.value()));
    }
    let mut out = None;
    m.parse_nested_meta(|inner| {
        if inner.path.is_ident("deserialize") {
            out = Some(inner.value()?.parse::<LitStr>()?.value());
        } else {
            ignore_rest(&inner)?;
        }
        Ok(())
    })?;
    Ok(out)
}

fn default_value(m: &ParseNestedMeta<'_>) -> syn::Result<DefaultAttr> {
    if m.input.peek(syn::Token![=]) {
        let s: LitStr = m.value()?.parse()?;
        return Ok(DefaultAttr::Path(s.parse()?));
    }
    Ok(DefaultAttr::Default)
}

pub fn container(attrs: &[Attribute], errs: &mut Errors) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for a in attrs {
        let r = if a.path().is_ident("config") {
            a.parse_nested_meta(|m| {
                if m.path.is_ident("file") {
                    out.file = Some(m.value()?.parse()?);
                } else if m.path.is_ident("crate") {
                    let s: LitStr = m.value()?.parse()?;
                    out.krate = Some(s.parse()?);
                } else if m.path.is_ident("tz") {
                    out.tz = Some(m.value()?.parse()?);
                } else {
                    let msg = if is_rule_name(&m.path) {
                        "Config: rules go on fields, not on the type; on the type only `file = \"...\"` and `tz = \"...\"` are accepted"
                    } else {
                        "Config: unknown attribute on the type; expected `file = \"...\"` or `tz = \"...\"`"
                    };
                    errs.push(m.error(msg));
                    ignore_rest(&m)?;
                }
                Ok(())
            })
        } else if a.path().is_ident("serde") {
            a.parse_nested_meta(|m| {
                if unsupported(&m, errs) {
                    ignore_rest(&m)?;
                } else if m.path.is_ident("rename_all") {
                    let span = m.path.span();
                    if let Some(v) = rename_value(&m)? {
                        out.rename_all = Some((v, span));
                    }
                } else if m.path.is_ident("default") {
                    out.default = Some(default_value(&m)?);
                } else {
                    ignore_rest(&m)?;
                }
                Ok(())
            })
        } else {
            Ok(())
        };
        if let Err(e) = r {
            errs.push(e);
        }
    }
    out
}

fn is_rule_name(p: &syn::Path) -> bool {
    // `tz` is also a type attribute
    RULES.iter().any(|r| *r != "tz" && p.is_ident(r))
}

pub fn field(attrs: &[Attribute], errs: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs {
        rename: None,
        aliases: Vec::new(),
        default: DefaultAttr::None,
        skip: false,
        rules: Vec::new(),
    };
    for a in attrs {
        let r = if a.path().is_ident("config") {
            a.parse_nested_meta(|m| {
                match rule(&m) {
                    Ok(Some(r)) => out.rules.push(r),
                    Ok(None) => {}
                    Err(e) => {
                        errs.push(e);
                        ignore_rest(&m)?;
                    }
                }
                Ok(())
            })
        } else if a.path().is_ident("serde") {
            a.parse_nested_meta(|m| {
                if unsupported(&m, errs) {
                    ignore_rest(&m)?;
                } else if m.path.is_ident("rename") {
                    if let Some(v) = rename_value(&m)? {
                        out.rename = Some(v);
                    }
                } else if m.path.is_ident("alias") {
                    out.aliases.push(m.value()?.parse::<LitStr>()?.value());
                } else if m.path.is_ident("default") {
                    out.default = default_value(&m)?;
                } else if m.path.is_ident("skip") || m.path.is_ident("skip_deserializing") {
                    out.skip = true;
                } else {
                    ignore_rest(&m)?;
                }
                Ok(())
            })
        } else {
            Ok(())
        };
        if let Err(e) = r {
            errs.push(e);
        }
    }
    out
}

pub fn variant(attrs: &[Attribute], errs: &mut Errors) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for a in attrs {
        let r = if a.path().is_ident("config") {
            Err(syn::Error::new_spanned(a, "Config: rules go on struct fields, not on enum variants"))
        } else if a.path().is_ident("serde") {
            a.parse_nested_meta(|m| {
                if unsupported(&m, errs) {
                    ignore_rest(&m)?;
                } else if m.path.is_ident("rename") {
                    if let Some(v) = rename_value(&m)? {
                        out.rename = Some(v);
                    }
                } else if m.path.is_ident("alias") {
                    out.aliases.push(m.value()?.parse::<LitStr>()?.value());
                } else if m.path.is_ident("skip") || m.path.is_ident("skip_deserializing") {
                    out.skip = true;
                } else {
                    ignore_rest(&m)?;
                }
                Ok(())
            })
        } else {
            Ok(())
        };
        if let Err(e) = r {
            errs.push(e);
        }
    }
    out
}

pub use crate::docs::doc;

/// One `#[config(...)]` item on a field.
fn rule(m: &ParseNestedMeta<'_>) -> syn::Result<Option<RuleAttr>> {
    let Some(id) = m.path.get_ident() else {
        return Err(m.error(format!("Config: unknown rule; expected one of: {}", RULES.join(", "))));
    };
    let span = id.span();
    let name = id.to_string();
    let kind = match name.as_str() {
        "range" => {
            empty_parens(m, "Config: `range` needs `min`, `max` or both: `range(min = 1, max = 90)`")?;
            let (mut min, mut max) = (None, None);
            m.parse_nested_meta(|b| {
                let v = Some(num(&b.value()?.parse::<Expr>()?)?);
                if b.path.is_ident("min") {
                    min = v;
                } else if b.path.is_ident("max") {
                    max = v;
                } else {
                    return Err(b.error("Config: `range` takes `min = ...` and/or `max = ...`"));
                }
                Ok(())
            })?;
            if min.is_none() && max.is_none() {
                return Err(m.error("Config: `range` needs `min`, `max` or both: `range(min = 1, max = 90)`"));
            }
            RuleKind::Range { min, max }
        }
        "len" => {
            empty_parens(m, "Config: `len` needs `min`, `max` or both: `len(min = 1, max = 80)`")?;
            let (mut min, mut max) = (None, None);
            m.parse_nested_meta(|b| {
                let v = Some(uint(&b.value()?.parse::<Expr>()?)?);
                if b.path.is_ident("min") {
                    min = v;
                } else if b.path.is_ident("max") {
                    max = v;
                } else {
                    return Err(b.error("Config: `len` takes `min = ...` and/or `max = ...`"));
                }
                Ok(())
            })?;
            if min.is_none() && max.is_none() {
                return Err(m.error("Config: `len` needs `min`, `max` or both: `len(min = 1, max = 80)`"));
            }
            RuleKind::Len { min, max }
        }
        "unique" => {
            if m.input.peek(syn::Token![=]) {
                RuleKind::Unique(Some(m.value()?.parse::<LitStr>()?.value()))
            } else {
                RuleKind::Unique(None)
            }
        }
        "before" => RuleKind::Before(m.value()?.parse()?),
        "tz" => RuleKind::Tz(m.value()?.parse()?),
        "no_overlap" => crate::tz::no_overlap(m)?,
        "max_depth" => {
            let v = uint(&m.value()?.parse::<Expr>()?)?;
            RuleKind::MaxDepth(u32::try_from(v).map_err(|_| m.error("Config: `max_depth` is too large"))?)
        }
        "max_nodes" => RuleKind::MaxNodes(uint(&m.value()?.parse::<Expr>()?)?),
        "max_json_bytes" => RuleKind::MaxJsonBytes(bytes(&m.value()?.parse::<Expr>()?)?),
        "url" => RuleKind::Url(url_options(m)?),
        "one_of" => {
            let content;
            syn::parenthesized!(content in m.input);
            let items = content.parse_terminated(|p| p.parse::<LitStr>(), syn::Token![,])?;
            if items.is_empty() {
                return Err(m.error("Config: `one_of` needs at least one value: `one_of(\"a\", \"b\")`"));
            }
            RuleKind::OneOf(items.iter().map(LitStr::value).collect())
        }
        _ => {
            return Err(syn::Error::new(
                span,
                format!("Config: unknown rule `{name}`; expected one of: {}", RULES.join(", ")),
            ));
        }
    };
    Ok(Some(RuleAttr { span, kind }))
}

const URL_OPTIONS: &str = "expected `https`, `relative` or `hosts(\"cdn.example\", \"*.example\")`";

/// `url`, or `url(https)`, `url(relative)`, `url(hosts("a.example", "*.b.example"))`.
fn url_options(m: &ParseNestedMeta<'_>) -> syn::Result<UrlAttr> {
    let mut out = UrlAttr::default();
    if !m.input.peek(syn::token::Paren) {
        return Ok(out);
    }
    empty_parens(m, &format!("Config: `url()` needs an option; {URL_OPTIONS}, or write bare `url`"))?;
    let mut hosts_span = None;
    m.parse_nested_meta(|o| {
        if o.path.is_ident("https") {
            out.https = true;
        } else if o.path.is_ident("relative") {
            out.relative = true;
        } else if o.path.is_ident("hosts") {
            hosts_span = Some(o.path.span());
            let content;
            syn::parenthesized!(content in o.input);
            let items = content.parse_terminated(|p| p.parse::<LitStr>(), syn::Token![,])?;
            if items.is_empty() {
                return Err(o.error("Config: `hosts()` needs at least one host: `hosts(\"cdn.shop.example\")`"));
            }
            for h in &items {
                let v = h.value();
                if !config_core::url::valid_host_pattern(&v) {
                    return Err(syn::Error::new_spanned(
                        h,
                        format!(
                            "Config: `{}` is not a host pattern; expected a DNS name (`cdn.shop.example`), \
                             `*.` and a DNS name (`*.shop.example`), an IPv4 address or a bracketed IPv6 address",
                            v.escape_debug()
                        ),
                    ));
                }
                out.hosts.push(v);
            }
        } else {
            return Err(o.error(format!("Config: unknown `url` option; {URL_OPTIONS}")));
        }
        Ok(())
    })?;
    if out.relative && (out.https || !out.hosts.is_empty()) {
        let other = if out.https { "https" } else { "hosts" };
        return Err(syn::Error::new(
            hosts_span.filter(|_| !out.https).unwrap_or_else(|| m.path.span()),
            format!(
                "Config: `url(relative)` allows no absolute links, so `{other}` cannot apply; use one or the other"
            ),
        ));
    }
    Ok(out)
}

/// Errors on `rule()` with nothing inside (syn's message for that is unhelpful).
fn empty_parens(m: &ParseNestedMeta<'_>, msg: &str) -> syn::Result<()> {
    let fork = m.input.fork();
    let content;
    syn::parenthesized!(content in fork);
    if content.is_empty() {
        return Err(m.error(msg));
    }
    Ok(())
}

/// Literals passed through `macro_rules!` (`$n:literal`) arrive wrapped in an invisible
/// group; look through it.
pub(crate) fn ungroup(e: &Expr) -> &Expr {
    match e {
        Expr::Group(g) => ungroup(&g.expr),
        _ => e,
    }
}

fn num(e: &Expr) -> syn::Result<NumLit> {
    match ungroup(e) {
        Expr::Lit(ExprLit { lit: Lit::Int(i), .. }) => Ok(NumLit::Int(i.base10_parse()?)),
        Expr::Lit(ExprLit { lit: Lit::Float(f), .. }) => Ok(NumLit::Float(f.base10_parse()?)),
        Expr::Unary(ExprUnary { op: UnOp::Neg(_), expr, .. }) => match num(expr)? {
            NumLit::Int(i) => Ok(NumLit::Int(-i)),
            NumLit::Float(f) => Ok(NumLit::Float(-f)),
        },
        _ => Err(syn::Error::new_spanned(e, "Config: expected a number literal")),
    }
}

fn uint(e: &Expr) -> syn::Result<u64> {
    match ungroup(e) {
        Expr::Lit(ExprLit { lit: Lit::Int(i), .. }) => i.base10_parse(),
        _ => Err(syn::Error::new_spanned(e, "Config: expected a non-negative integer literal")),
    }
}

/// `256`, `"256"`, `"256 KiB"`, `"3 MB"`, `"1.5 MiB"`.
fn bytes(e: &Expr) -> syn::Result<u64> {
    match ungroup(e) {
        Expr::Lit(ExprLit { lit: Lit::Int(i), .. }) => i.base10_parse(),
        Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => parse_size(&s.value()).ok_or_else(|| {
            syn::Error::new_spanned(s, "Config: expected a size like `256 KiB`, `3 MB` or a number of bytes")
        }),
        _ => {
            Err(syn::Error::new_spanned(e, "Config: expected a size like `\"256 KiB\"` or a number of bytes"))
        }
    }
}

/// Parses `"256 KiB"` style sizes (B, KB, KiB, MB, MiB, GB, GiB; decimal or binary).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n.parse().ok()?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" => 1e3,
        "kib" => 1024.0,
        "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let v = n * mult;
    (0.0..1.8e19).contains(&v).then_some(v.round() as u64)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::{doc, parse_size};

    fn doc_of(item: &str) -> String {
        let item: syn::DeriveInput = syn::parse_str(item).unwrap();
        doc(&item.attrs)
    }

    #[test]
    fn doc_comments() {
        assert_eq!(doc_of("/// One line.\nstruct A;"), "One line.");
        assert_eq!(doc_of("#[doc = \" A.\"]\n#[doc = \"\"]\n#[doc = \" B.\"]\nstruct A;"), "A.\n\nB.");
        assert_eq!(
            doc_of("/// First,\n///   indented,\n///\n/// after a blank.\nstruct A;"),
            "First,\n  indented,\n\nafter a blank."
        );
        assert_eq!(doc_of("///\n/// Padded.\n///\nstruct A;"), "Padded.");
        assert_eq!(doc_of("/** Block\n two */\nstruct A;"), "Block\ntwo");
        assert_eq!(doc_of("#[doc = \"Written out.\"]\n#[doc(hidden)]\nstruct A;"), "Written out.");
        assert_eq!(doc_of("#[doc = include_str!(\"x.md\")]\n#[derive(Debug)]\nstruct A;"), "");
        assert_eq!(doc_of("struct A;"), "");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("256 KiB"), Some(262_144));
        assert_eq!(parse_size("3 MB"), Some(3_000_000));
        assert_eq!(parse_size("1.5MiB"), Some(1_572_864));
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("12 parsecs"), None);
    }
}
