//! The attributes about time. `no_overlap(start = "…", end = "…", by = "…")` is parsed
//! here ([`no_overlap`]); its field names are checked against the element struct in
//! const evaluation (`config_core::check::validate_field_rules`).
//!
//! `tz = "Zone"` on a type or a field: the zone is looked up here, on the host, in the
//! database bundled with `config-core` (an unknown name is an error spanned on it, with
//! the nearest valid one), and its rules are emitted as a `static` [`ZoneRules`] table that
//! the schema points at, so the const check, `Live`, the linter and `baked()` all read the
//! same transitions.
//!
//! [`ZoneRules`]: config_core::zone::ZoneRules

use config_core::zone::{RulesTable, Zone, ZoneError};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, LitStr};

/// `no_overlap(start = "starts", end = "ends")`, with an optional `by = "audience"`.
pub fn no_overlap(m: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<crate::attr::RuleKind> {
    const FORM: &str = "Config: `no_overlap` takes `start = \"...\"`, `end = \"...\"` and optionally `by = \"...\"`: `no_overlap(start = \"starts\", end = \"ends\")`";
    if !m.input.peek(syn::token::Paren) {
        return Err(m.error(FORM));
    }
    let (mut start, mut end, mut by) = (None, None, None);
    m.parse_nested_meta(|b| {
        let v: LitStr = b.value()?.parse()?;
        if b.path.is_ident("start") {
            start = Some(v);
        } else if b.path.is_ident("end") {
            end = Some(v);
        } else if b.path.is_ident("by") {
            by = Some(v);
        } else {
            return Err(b.error(FORM));
        }
        Ok(())
    })?;
    match (start, end) {
        (Some(start), Some(end)) => Ok(crate::attr::RuleKind::NoOverlap { start, end, by }),
        _ => Err(m.error(FORM)),
    }
}

/// The zone named by `lit`, or the error to show on it.
pub fn lookup(lit: &LitStr) -> Result<Zone, syn::Error> {
    Zone::named(&lit.value()).map_err(|e| {
        let ZoneError::Unknown { name, suggestion } = &e;
        let help = match suggestion {
            Some(s) => format!("; did you mean `{s}`?"),
            None => "; zone names are IANA names such as `Europe/Kyiv` or `America/New_York`".to_owned(),
        };
        syn::Error::new_spanned(lit, format!("Config: unknown time zone `{}`{help}", name.escape_debug()))
    })
}

/// The zones one derive names, each emitted once as a `static`.
#[derive(Default)]
pub struct ZoneStatics {
    names: Vec<String>,
}

impl ZoneStatics {
    /// Every zone named on the type or its fields.
    pub fn of(ast: &crate::ast::Input<'_>) -> ZoneStatics {
        let mut out = ZoneStatics::default();
        let fields = match &ast.body {
            crate::ast::Body::Struct(fields) => fields.as_slice(),
            crate::ast::Body::Enum(_) => &[],
        };
        for lit in ast.tz.iter().chain(fields.iter().filter_map(|f| f.tz())) {
            if !out.names.contains(&lit.value()) {
                out.names.push(lit.value());
            }
        }
        out
    }

    /// The `static` holding `name`'s rules (a name [`ZoneStatics::of`] found).
    pub fn ident(&self, name: &str) -> Ident {
        let i = self.names.iter().position(|n| n == name).unwrap_or(usize::MAX);
        format_ident!("__CONFIG_TZ_{}", i)
    }

    /// The statics (names were checked by `valid`; one that fails here is skipped, and
    /// its error was already emitted).
    pub fn tokens(&self, core: &TokenStream) -> TokenStream {
        let statics = self.names.iter().enumerate().filter_map(|(i, name)| {
            let zone = Zone::named(name).ok()?;
            let ident = format_ident!("__CONFIG_TZ_{}", i);
            let t = table_tokens(&zone.rules_table(), core);
            Some(quote!(static #ident: #core::zone::ZoneRules = #t;))
        });
        quote!(#(#statics)*)
    }
}

fn table_tokens(t: &RulesTable, core: &TokenStream) -> TokenStream {
    let (name, primary, off, abbrev) = (&t.name, &t.primary, t.initial_offset, &t.initial_abbrev);
    let (from, until) = (Literal::i64_suffixed(t.from), Literal::i64_suffixed(t.until));
    let transitions = t.transitions.iter().map(|(at, offset, abbrev)| {
        let at = Literal::i64_unsuffixed(*at);
        quote!(#core::zone::Transition { at: #at, offset: #offset, abbrev: #abbrev })
    });
    quote! {
        #core::zone::ZoneRules {
            name: #name, primary: #primary, initial_offset: #off, initial_abbrev: #abbrev,
            transitions: &[#(#transitions),*], from: #from, until: #until,
        }
    }
}
