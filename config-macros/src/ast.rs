//! The typed model of a derive input: keys as serde reads them, rules with spans, and
//! the doc comments of the type, its fields and its variants.

use crate::attr::{self, DefaultAttr, Errors, RuleAttr};
use crate::case;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub original: &'a DeriveInput,
    pub file: Option<LitStr>,
    pub krate: syn::Path,
    pub container_default: Option<DefaultAttr>,
    /// `tz = "Zone"` on the type.
    pub tz: Option<LitStr>,
    /// The type's doc comment (see `attr::doc`).
    pub doc: String,
    pub body: Body<'a>,
}

pub enum Body<'a> {
    Struct(Vec<FieldAst<'a>>),
    Enum(Vec<VariantAst<'a>>),
}

pub struct FieldAst<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// TOML key after `rename` / `rename_all`.
    pub key: String,
    pub aliases: Vec<String>,
    pub default: DefaultAttr,
    pub skip: bool,
    pub rules: Vec<RuleAttr>,
    pub doc: String,
}

pub struct VariantAst<'a> {
    pub ident: &'a Ident,
    pub name: String,
    pub aliases: Vec<String>,
    pub skip: bool,
    pub has_fields: bool,
    pub doc: String,
}

impl FieldAst<'_> {
    /// The field's own `tz`, if declared.
    pub fn tz(&self) -> Option<&LitStr> {
        self.rules.iter().find_map(|r| match &r.kind {
            attr::RuleKind::Tz(z) => Some(z),
            _ => None,
        })
    }

    /// Whether the field may be absent: `Option<_>` (as serde sees it: by the type's
    /// last path segment) or a serde default.
    pub fn optional(&self, container_default: bool) -> bool {
        container_default || !matches!(self.default, DefaultAttr::None) || is_option(self.ty)
    }
}

/// `Option<...>` by its last path segment, as serde_derive decides.
pub fn is_option(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|s| s.ident == "Option")
}

pub fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(input: &'a DeriveInput, errs: &mut Errors) -> Input<'a> {
        let c = attr::container(&input.attrs, errs);
        let rename_all = c.rename_all.as_ref().map(|(r, span)| {
            if case::apply(r, "a_b", false).is_none() {
                errs.at(*span, format!("Config: unknown `rename_all` rule `{r}`"));
            }
            r.clone()
        });
        let body = match &input.data {
            Data::Struct(ds) => {
                let mut fields = Vec::new();
                match &ds.fields {
                    Fields::Named(named) => {
                        for f in &named.named {
                            let Some(ident) = f.ident.as_ref() else { continue };
                            let a = attr::field(&f.attrs, errs);
                            let name = ident.to_string();
                            let name = name.trim_start_matches("r#").to_owned();
                            let key = a.rename.clone().unwrap_or_else(|| {
                                rename_all
                                    .as_deref()
                                    .and_then(|r| case::apply(r, &name, false))
                                    .unwrap_or(name)
                            });
                            fields.push(FieldAst {
                                ident,
                                ty: &f.ty,
                                key,
                                aliases: a.aliases,
                                default: a.default,
                                skip: a.skip,
                                rules: a.rules,
                                doc: attr::doc(&f.attrs),
                            });
                        }
                    }
                    _ => errs.at(
                        input.ident.span(),
                        "Config: only structs with named fields (and unit-only enums) can be config types",
                    ),
                }
                Body::Struct(fields)
            }
            Data::Enum(de) => {
                let mut vs = Vec::new();
                for v in &de.variants {
                    let a = attr::variant(&v.attrs, errs);
                    let name = v.ident.to_string();
                    let name = a.rename.clone().unwrap_or_else(|| {
                        rename_all.as_deref().and_then(|r| case::apply(r, &name, true)).unwrap_or(name)
                    });
                    vs.push(VariantAst {
                        ident: &v.ident,
                        name,
                        aliases: a.aliases,
                        skip: a.skip,
                        has_fields: !matches!(v.fields, Fields::Unit),
                        doc: attr::doc(&v.attrs),
                    });
                }
                Body::Enum(vs)
            }
            Data::Union(_) => {
                errs.at(input.ident.span(), "Config: unions cannot be config types");
                Body::Struct(Vec::new())
            }
        };
        let krate = c.krate.unwrap_or_else(|| syn::parse_quote!(::config_runtime));
        Input {
            ident: &input.ident,
            original: input,
            file: c.file,
            krate,
            container_default: c.default,
            tz: c.tz,
            doc: attr::doc(&input.attrs),
            body,
        }
    }
}
