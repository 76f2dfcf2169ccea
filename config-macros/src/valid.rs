//! Rejects attribute use the derive cannot honour, each error spanned on the attribute.
//! Rules that depend on the field's *type* (e.g. `range` on a string) are checked later,
//! in const evaluation against the schema, so type aliases behave (see `expand`).

use crate::ast::{Body, Input};
use crate::attr::{Errors, RuleKind};

pub fn check(input: &Input<'_>, errs: &mut Errors) {
    if !input.original.generics.params.is_empty() {
        errs.push(syn::Error::new_spanned(
            &input.original.generics,
            "Config: generic config types are not supported (the schema is a `static`)",
        ));
    }
    if let Some(z) = &input.tz
        && let Err(e) = crate::tz::lookup(z)
    {
        errs.push(e);
    }
    match &input.body {
        Body::Enum(vs) => {
            if let Some(z) = &input.tz {
                errs.push(syn::Error::new_spanned(
                    z,
                    "Config: `tz` goes on a struct or a field; an enum holds no datetimes",
                ));
            }
            if let Some(f) = &input.file {
                errs.push(syn::Error::new_spanned(
                    f,
                    "Config: `file = \"...\"` goes on the root struct, not on an enum",
                ));
            }
            for v in vs {
                if v.has_fields {
                    errs.at(
                        v.ident.span(),
                        "Config: only unit variants are supported (config enums are written as strings)",
                    );
                }
            }
            if vs.iter().all(|v| v.skip) {
                errs.at(input.ident.span(), "Config: an enum needs at least one variant that can be written");
            }
        }
        Body::Struct(fields) => {
            for f in fields {
                let mut seen: Vec<&'static str> = Vec::new();
                for r in &f.rules {
                    let name = r.kind.name();
                    if seen.contains(&name) {
                        errs.at(r.span, format!("Config: `{name}` is declared twice on this field"));
                    }
                    seen.push(name);
                    if f.skip {
                        errs.at(
                            r.span,
                            "Config: this field is skipped by serde, so rules on it would never run",
                        );
                    }
                    if let RuleKind::Tz(z) = &r.kind
                        && let Err(e) = crate::tz::lookup(z)
                    {
                        errs.push(e);
                    }
                    if let RuleKind::Before(other) = &r.kind {
                        let o = other.value();
                        let target = fields.iter().find(|g| g.ident == o.as_str() || g.key == o);
                        match target {
                            None => errs.push(syn::Error::new_spanned(
                                other,
                                format!(
                                    "Config: `before` names `{o}`, but this struct has no such field; expected one of: {}",
                                    fields.iter().map(|g| g.ident.to_string()).collect::<Vec<_>>().join(", ")
                                ),
                            )),
                            Some(g) if std::ptr::eq(g, f) => errs.push(syn::Error::new_spanned(
                                other,
                                "Config: `before` must name another field (a value is never before itself)",
                            )),
                            Some(g) if g.skip => errs.push(syn::Error::new_spanned(
                                other,
                                format!("Config: `before` names `{o}`, which serde skips"),
                            )),
                            Some(_) => {}
                        }
                    }
                }
            }
        }
    }
}
