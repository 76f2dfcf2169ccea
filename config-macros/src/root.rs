//! The root type's file: read it during expansion, fold it into a summary, and emit
//! (1) `include_bytes!` so editing the TOML rebuilds the crate, (2) a `const` that runs
//! the checker at compile time, spanned on the `file = "..."` literal, (3) the baked
//! binary blob and `baked()`, (4) associated consts for root-level scalar fields.

use crate::ast::{FieldAst, Input, last_segment};
use crate::attr::DefaultAttr;
use crate::case::screaming;
use config_core::check_str::zoned::instant_of;
use config_core::datetime::{self, DtKind, DtParts};
use config_core::diag::LineIndex;
use config_core::literal::{float_value, int_value};
use config_core::summary::{Fold, build, emit::emit};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use std::path::PathBuf;
use syn::LitStr;
use toml::de::{DeTable, DeValue};

/// Where the file is: relative to `CARGO_MANIFEST_DIR`; failing that, relative to the
/// source file holding the attribute (so UI tests built elsewhere still find it).
fn resolve(file: &LitStr) -> Result<PathBuf, String> {
    let rel = file.value();
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let primary = PathBuf::from(&dir).join(&rel);
    if primary.exists() {
        return Ok(primary);
    }
    if let Some(src) = file.span().unwrap().local_file()
        && let Some(parent) = src.parent()
        && parent.join(&rel).exists()
    {
        return Ok(parent.join(&rel));
    }
    Err(format!(
        "Config: cannot find `{rel}`; the path is relative to the crate root (the directory of its Cargo.toml)"
    ))
}

/// What the derive emits instead of the real items when the file cannot be used (not
/// found, unreadable, not TOML): `baked()` and every root const, with placeholder values,
/// so the app's uses of them compile and the one real error is the only one shown.
pub fn stub_baked(ast: &Input<'_>, fields: &[FieldAst<'_>]) -> TokenStream {
    let (ident, k) = (ast.ident, &ast.krate);
    let core = quote!(#k::__private::core);
    let empty = DeTable::new();
    let lines = LineIndex::new("");
    let consts = fields
        .iter()
        .filter(|f| !f.skip)
        .filter_map(|f| scalar_const(f, &empty, &core, "", &lines, Placeholder::Always, None));
    quote! {
        impl #ident {
            /// The baked config (unavailable: the derive reported an error).
            pub fn baked() -> &'static Self { ::core::unreachable!() }
            #(#consts)*
        }
        impl #k::__private::core::Baked for #ident {
            fn baked() -> &'static Self { ::core::unreachable!() }
        }
    }
}

pub fn expand(ast: &Input<'_>, file: &LitStr, fields: &[FieldAst<'_>]) -> TokenStream {
    let (ident, k) = (ast.ident, &ast.krate);
    let core = quote!(#k::__private::core);
    let rel = file.value();
    let path = match resolve(file) {
        Ok(p) => p,
        Err(msg) => {
            let e = syn::Error::new_spanned(file, msg).to_compile_error();
            let stub = stub_baked(ast, fields);
            return quote!(#e #stub);
        }
    };
    let abs = path.to_string_lossy().into_owned();
    let track = quote!(
        const _: &[u8] = ::core::include_bytes!(#abs);
    );
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            let e = syn::Error::new_spanned(
                file,
                format!("Config: cannot read `{rel}` ({}): {e}", path.display()),
            )
            .to_compile_error();
            let stub = stub_baked(ast, fields);
            return quote!(#e #track #stub);
        }
    };
    // the same syntax check as `Live` and the linter (malformed integer literals included)
    let doc = match config_core::check_str::parse(&rel, &text) {
        Ok(d) => d,
        Err(d) => {
            let records: Vec<String> = d.items.iter().map(|x| d.line_of(x)).collect();
            let n = records.len().max(1);
            let msg = format!(
                "config file `{rel}` does not pass its checks ({n} problem{}):\n{}",
                if n == 1 { "" } else { "s" },
                records.join("\n")
            );
            let e = syn::Error::new_spanned(file, msg).to_compile_error();
            let stub = stub_baked(ast, fields);
            return quote!(#e #track #stub);
        }
    };

    let mut summary = build(&doc, Fold::Positions);
    summary.resolve_lines(&text);
    let code: TokenStream = match emit(&summary, &core.to_string().replace(' ', "")).parse() {
        Ok(c) => c,
        Err(e) => {
            let e =
                syn::Error::new_spanned(file, format!("Config: internal error emitting the summary: {e}"))
                    .to_compile_error();
            return quote!(#e #track);
        }
    };
    let blob = Literal::byte_string(&config_core::blob::encode(doc.get_ref()));
    let lines = LineIndex::new(&text);
    let consts = fields.iter().filter(|f| !f.skip).filter_map(|f| {
        scalar_const(f, doc.get_ref(), &core, &rel, &lines, Placeholder::Never, ast.tz.as_ref())
    });
    // the app's linter, by the `<app>-lint` convention, for the "… and N more" hint
    let linter = format!("{}-lint", std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "config".to_owned()));
    let check = quote_spanned! {file.span()=>
        const _: () = #core::check::check_or_fail(#rel, #linter, #ident::__CONFIG_SUMMARY, <#ident as #core::HasSchema>::SCHEMA);
    };
    let name = ident.to_string();
    let doc_baked = format!(
        "The config baked from `{rel}` at compile time (checked against `{name}`'s rules), decoded once on first \
         call from an embedded binary blob: no text parsing at run time."
    );
    quote! {
        #track
        impl #ident {
            #[doc(hidden)]
            pub const __CONFIG_SUMMARY: &'static #core::summary::Summary<'static> = #code;
            #[doc(hidden)]
            pub const __CONFIG_BLOB: &'static [u8] = #blob;
            #[doc = #doc_baked]
            pub fn baked() -> &'static Self {
                static V: #k::__private::std::sync::LazyLock<#ident> = #k::__private::std::sync::LazyLock::new(|| {
                    match #core::blob::decode::<#ident>(#ident::__CONFIG_BLOB) {
                        ::core::result::Result::Ok(v) => v,
                        ::core::result::Result::Err(e) => ::core::panic!("baked config blob does not decode: {}", e),
                    }
                });
                &V
            }
            #(#consts)*
        }
        impl #core::Baked for #ident {
            fn baked() -> &'static Self { #ident::baked() }
        }
        #check
    }
}

/// The value of a root key (or one of its aliases).
fn lookup<'d>(doc: &'d DeTable<'d>, f: &FieldAst<'_>) -> Option<&'d toml::Spanned<DeValue<'d>>> {
    std::iter::once(&f.key).chain(&f.aliases).find_map(|k| doc.get(k.as_str()))
}

#[derive(Clone, Copy)]
enum Scalar {
    Bool,
    Int(i128, i128),
    Float,
    Str,
    Dt(DtKind, bool),
}

fn scalar_of(ty: &syn::Type) -> Option<Scalar> {
    let seg = last_segment(ty)?;
    let name = seg.ident.to_string();
    Some(match name.as_str() {
        "bool" => Scalar::Bool,
        "u8" => Scalar::Int(0, u8::MAX.into()),
        "u16" => Scalar::Int(0, u16::MAX.into()),
        "u32" => Scalar::Int(0, u32::MAX.into()),
        "u64" | "usize" => Scalar::Int(0, i64::MAX.into()),
        "u128" => Scalar::Int(0, i64::MAX.into()),
        "i8" => Scalar::Int(i8::MIN.into(), i8::MAX.into()),
        "i16" => Scalar::Int(i16::MIN.into(), i16::MAX.into()),
        "i32" => Scalar::Int(i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" | "i128" => Scalar::Int(i64::MIN.into(), i64::MAX.into()),
        "f32" | "f64" => Scalar::Float,
        "String" => Scalar::Str,
        "NaiveDate" => Scalar::Dt(DtKind::Date, false),
        "NaiveTime" => Scalar::Dt(DtKind::Time, false),
        "NaiveDateTime" => Scalar::Dt(DtKind::Local, false),
        "DateTime" => {
            let syn::PathArguments::AngleBracketed(a) = &seg.arguments else { return None };
            let Some(syn::GenericArgument::Type(t)) = a.args.first() else { return None };
            match last_segment(t)?.ident.to_string().as_str() {
                "FixedOffset" => Scalar::Dt(DtKind::Offset, false),
                "Utc" => Scalar::Dt(DtKind::Offset, true),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn dt_tokens(kind: DtKind, utc: bool, p: Option<DtParts>, core: &TokenStream) -> TokenStream {
    let p = p.unwrap_or(DtParts {
        year: 1970,
        month: 1,
        day: 1,
        hour: 0,
        min: 0,
        sec: 0,
        nano: 0,
        offset_secs: 0,
    });
    let DtParts { year, month, day, hour, min, sec, nano, offset_secs } = p;
    let parts = quote!(#core::datetime::DtParts { year: #year, month: #month, day: #day, hour: #hour, min: #min, sec: #sec, nano: #nano, offset_secs: #offset_secs });
    let f = match kind {
        DtKind::Offset => quote!(to_offset),
        DtKind::Local => quote!(to_local),
        DtKind::Date => quote!(to_date),
        DtKind::Time => quote!(to_time),
    };
    let conv = if utc { quote!(.to_utc()) } else { quote!() };
    quote! {
        match #core::datetime::#f(#parts) {
            ::core::option::Option::Some(d) => d #conv,
            ::core::option::Option::None => ::core::panic!("invalid baked datetime"),
        }
    }
}

/// Whether [`scalar_const`] emits a const for a field whose value comes from a default
/// function (which has no const value).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    /// The real expansion: no const for such a field.
    Never,
    /// The fallback after an error: every const, with a placeholder value.
    Always,
}

/// `pub const FIELD: T = <value>;` for a root-level scalar or datetime field. Values
/// that fail their checks get a placeholder: the check already fails the build, and a
/// second error from the const would only add noise.
fn scalar_const(
    f: &FieldAst<'_>,
    doc: &DeTable<'_>,
    core: &TokenStream,
    rel: &str,
    lines: &LineIndex<'_>,
    placeholder: Placeholder,
    root_tz: Option<&LitStr>,
) -> Option<TokenStream> {
    let kind = scalar_of(f.ty)?;
    // the nearest `tz`: the field's, else the root type's
    let zone = f.tz().or(root_tz).and_then(|z| crate::tz::lookup(z).ok()).map(|z| z.rules_table().leak());
    let name = syn::Ident::new(&screaming(&f.ident.to_string()), f.ident.span());
    let ty = f.ty;
    let v = lookup(doc, f);
    if v.is_none() && matches!(f.default, DefaultAttr::Path(_)) && placeholder == Placeholder::Never {
        return None;
    }
    let where_ = v.map_or_else(
        || "absent: the type's default".to_owned(),
        |v| {
            let (l, c) = lines.at(v.span().start);
            format!("{rel}:{l}:{c}")
        },
    );
    let doc_line = format!("`{}` from `{rel}` ({where_}), checked and baked at compile time.", f.key);
    let value = v.map(|v| v.get_ref());
    let (cty, expr): (TokenStream, TokenStream) = match kind {
        Scalar::Bool => (
            quote!(#ty),
            match value {
                Some(DeValue::Boolean(b)) => quote!(#b),
                _ => quote!(false),
            },
        ),
        Scalar::Int(lo, hi) => {
            let n = match value {
                Some(DeValue::Integer(i)) => int_value(i.as_str(), i.radix()),
                _ => 0,
            };
            let n = if n < lo || n > hi { 0 } else { n };
            let lit = Literal::i128_unsuffixed(n);
            (quote!(#ty), quote!(#lit))
        }
        Scalar::Float => {
            let x = match value {
                Some(DeValue::Float(x)) => float_value(x.as_str()),
                Some(DeValue::Integer(i)) => int_value(i.as_str(), i.radix()) as f64,
                _ => 0.0,
            };
            let e = if x.is_nan() {
                quote!(#ty::NAN)
            } else if x.is_infinite() {
                if x > 0.0 { quote!(#ty::INFINITY) } else { quote!(#ty::NEG_INFINITY) }
            } else {
                let lit = Literal::f64_unsuffixed(x);
                quote!(#lit)
            };
            (quote!(#ty), e)
        }
        Scalar::Str => {
            let s = match value {
                Some(DeValue::String(s)) => s.to_string(),
                _ => String::new(),
            };
            (quote!(&'static str), quote!(#s))
        }
        Scalar::Dt(k, utc) => {
            let parts = match value {
                Some(DeValue::String(s)) => datetime::parse(k, s).ok(),
                Some(DeValue::Datetime(d)) if datetime::native_kind(d) == k => {
                    Some(datetime::native_parts(d))
                }
                _ => None,
            };
            // a local or RFC 9557 value under a zone: the instant it names, resolved here
            let parts = match (parts, zone, value) {
                (None, Some(z), Some(v)) if k == DtKind::Offset => instant_of(v, z),
                (p, _, _) => p,
            };
            (quote!(#ty), dt_tokens(k, utc, parts, core))
        }
    };
    Some(quote! {
        #[doc = #doc_line]
        pub const #name: #cty = #expr;
    })
}
