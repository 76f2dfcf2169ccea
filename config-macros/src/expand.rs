//! Writes the generated code: the schema `static` (doc comments included) and `HasSchema`
//! impl, the blob decoder (`FromBlob`), a const check of each field's rules against its
//! type, and for the root type (`file = "..."`) the build-time check and baked value (see
//! `root`).

use crate::ast::{Body, FieldAst, Input, VariantAst};
use crate::attr::{DefaultAttr, Errors, NumLit, RuleAttr, RuleKind};
use crate::tz::ZoneStatics;
use crate::{root, valid};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errs = Errors::default();
    let ast = Input::from_syn(input, &mut errs);
    valid::check(&ast, &mut errs);
    if let Some(e) = errs.combine() {
        // the error plus stubs, so uses of the type do not add a cascade of errors
        let mut out = e.to_compile_error();
        out.extend(stubs(&ast));
        return out;
    }
    let mut out = match &ast.body {
        Body::Struct(fields) => struct_impls(&ast, fields),
        Body::Enum(vs) => enum_impls(&ast, vs),
    };
    if let (Some(file), Body::Struct(fields)) = (&ast.file, &ast.body) {
        out.extend(root::expand(&ast, file, fields));
    }
    out
}

/// Minimal impls emitted next to an attribute error.
fn stubs(ast: &Input<'_>) -> TokenStream {
    let (ident, k) = (ast.ident, &ast.krate);
    if !ast.original.generics.params.is_empty() {
        return TokenStream::new();
    }
    let core = quote!(#k::__private::core);
    let mut out = quote! {
        const _: () = {
            static __SCHEMA: #core::Schema = #core::Schema::Bool;
            impl #core::HasSchema for #ident {
                const SCHEMA: #core::SchemaRef = #core::SchemaRef(&raw const __SCHEMA);
            }
            impl #core::blob::FromBlob for #ident {
                fn read(_: &mut #core::blob::Blob<'_>) -> ::core::result::Result<Self, #core::blob::BlobError> {
                    ::core::unreachable!()
                }
            }
        };
    };
    if ast.file.is_some() {
        let fields = match &ast.body {
            Body::Struct(fields) => fields.as_slice(),
            Body::Enum(_) => &[],
        };
        out.extend(root::stub_baked(ast, fields));
    }
    out
}

fn num(n: NumLit, core: &TokenStream) -> TokenStream {
    match n {
        NumLit::Int(i) => {
            let lit = proc_macro2::Literal::i128_unsuffixed(i);
            quote!(#core::Num::Int(#lit))
        }
        NumLit::Float(f) => {
            let lit = proc_macro2::Literal::f64_unsuffixed(f);
            quote!(#core::Num::Float(#lit))
        }
    }
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> TokenStream) -> TokenStream {
    match v {
        Some(x) => {
            let t = f(x);
            quote!(::core::option::Option::Some(#t))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn rule_tokens(
    r: &RuleAttr,
    fields: &[FieldAst<'_>],
    zones: &ZoneStatics,
    core: &TokenStream,
) -> TokenStream {
    match &r.kind {
        RuleKind::Range { min, max } => {
            let (a, b) = (opt(*min, |n| num(n, core)), opt(*max, |n| num(n, core)));
            quote!(#core::Rule::Range { min: #a, max: #b })
        }
        RuleKind::Len { min, max } => {
            let (a, b) = (opt(*min, |n| quote!(#n)), opt(*max, |n| quote!(#n)));
            quote!(#core::Rule::Len { min: #a, max: #b })
        }
        RuleKind::Unique(k) => {
            let k = opt(k.as_ref(), |s| {
                // the element field may be named by ident; the schema check resolves keys
                quote!(#s)
            });
            quote!(#core::Rule::Unique(#k))
        }
        RuleKind::Before(other) => {
            let o = other.value();
            let key = fields
                .iter()
                .find(|g| g.ident == o.as_str() || g.key == o)
                .map_or(o.clone(), |g| g.key.clone());
            quote!(#core::Rule::Before(#key))
        }
        RuleKind::MaxDepth(n) => quote!(#core::Rule::MaxDepth(#n)),
        RuleKind::MaxNodes(n) => quote!(#core::Rule::MaxNodes(#n)),
        RuleKind::MaxJsonBytes(n) => quote!(#core::Rule::MaxJsonBytes(#n)),
        RuleKind::Url(o) => {
            let (https, relative, hosts) = (o.https, o.relative, &o.hosts);
            quote!(#core::Rule::Url(#core::url::UrlOptions { https: #https, relative: #relative, hosts: &[#(#hosts),*] }))
        }
        RuleKind::OneOf(v) => quote!(#core::Rule::OneOf(&[#(#v),*])),
        RuleKind::Tz(z) => {
            let ident = zones.ident(&z.value());
            quote!(#core::Rule::Tz(&#ident))
        }
        RuleKind::NoOverlap { start, end, by } => {
            let by = opt(by.as_ref(), |b| quote!(#b));
            quote!(#core::Rule::NoOverlap { start: #start, end: #end, by: #by })
        }
    }
}

fn struct_impls(ast: &Input<'_>, fields: &[FieldAst<'_>]) -> TokenStream {
    let (ident, k) = (ast.ident, &ast.krate);
    let core = quote!(#k::__private::core);
    let name = ident.to_string();
    let container_default = ast.container_default.is_some();
    let live: Vec<&FieldAst<'_>> = fields.iter().filter(|f| !f.skip).collect();
    let zones = ZoneStatics::of(ast);
    // the type's `tz` is in force on each field without its own (the nearest wins)
    let container_tz = ast.tz.as_ref().map(|z| {
        let ident = zones.ident(&z.value());
        quote!(#core::Rule::Tz(&#ident))
    });

    let schema_fields = live.iter().map(|f| {
        let (fi, key, ty, aliases, doc) = (f.ident.to_string(), &f.key, f.ty, &f.aliases, &f.doc);
        let fi = fi.trim_start_matches("r#").to_owned();
        let required = !f.optional(container_default);
        let inherited = container_tz.as_ref().filter(|_| f.tz().is_none());
        let rules = f.rules.iter().map(|r| rule_tokens(r, fields, &zones, &core)).chain(inherited.cloned());
        quote! {
            #core::Field {
                ident: #fi, key: #key, aliases: &[#(#aliases),*],
                ty: <#ty as #core::HasSchema>::SCHEMA, required: #required, rules: &[#(#rules),*],
                doc: #doc,
            }
        }
    });

    // one const per field with rules: rule/type mismatches fail here, spanned on the rule
    let rule_checks = live.iter().filter(|f| !f.rules.is_empty()).map(|f| {
        let ty = f.ty;
        // (a zone's table is a `static` a const cannot borrow; this check needs only the rule)
        let rules: Vec<TokenStream> = f
            .rules
            .iter()
            .map(|r| match &r.kind {
                RuleKind::Tz(_) => quote!(#core::Rule::Tz(&#core::zone::ZoneRules::UNUSED)),
                _ => rule_tokens(r, fields, &zones, &core),
            })
            .collect();
        let sibling = f.rules.iter().find_map(|r| match &r.kind {
            RuleKind::Before(o) => {
                let o = o.value();
                fields.iter().find(|g| g.ident == o.as_str() || g.key == o).map(|g| g.ty)
            }
            _ => None,
        });
        let sib = opt(sibling, |t| quote!(<#t as #core::HasSchema>::SCHEMA));
        let span = f.rules[0].span;
        quote_spanned! {span=>
            const _: () = match #core::check::validate_field_rules(
                <#ty as #core::HasSchema>::SCHEMA, &[#(#rules),*], #sib) {
                ::core::result::Result::Ok(()) => (),
                ::core::result::Result::Err(e) => ::core::panic!("{}", e),
            };
        }
    });

    let decode = from_blob_struct(ast, fields, &zones, &core);
    let doc = &ast.doc;
    let zone_statics = zones.tokens(&core);
    quote! {
        const _: () = {
            #zone_statics
            static __SCHEMA: #core::Schema = #core::Schema::Struct(#core::StructSchema {
                name: #name,
                id: ::core::concat!(::core::module_path!(), "::", #name),
                doc: #doc,
                fields: &[#(#schema_fields),*],
            });
            impl #core::HasSchema for #ident {
                const SCHEMA: #core::SchemaRef = #core::SchemaRef(&raw const __SCHEMA);
            }
            #decode
        };
        #(#rule_checks)*
    }
}

fn default_expr(d: &DefaultAttr) -> Option<TokenStream> {
    match d {
        DefaultAttr::None => None,
        DefaultAttr::Default => Some(quote!(::core::default::Default::default())),
        DefaultAttr::Path(p) => Some(quote!(#p())),
    }
}

fn from_blob_struct(
    ast: &Input<'_>,
    fields: &[FieldAst<'_>],
    zones: &ZoneStatics,
    core: &TokenStream,
) -> TokenStream {
    let ident = ast.ident;
    let locals: Vec<syn::Ident> = (0..fields.len()).map(|i| quote::format_ident!("__f{}", i)).collect();
    let decls = fields.iter().zip(&locals).filter(|(f, _)| !f.skip).map(|(f, l)| {
        let ty = f.ty;
        quote!(let mut #l: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = fields.iter().zip(&locals).filter(|(f, _)| !f.skip).map(|(f, l)| {
        let (key, aliases, ty) = (&f.key, &f.aliases, f.ty);
        // the nearest `tz` is in force while the field's value is read
        match f.tz().or(ast.tz.as_ref()) {
            Some(z) => {
                let zone = zones.ident(&z.value());
                quote! {
                    #key #(| #aliases)* => {
                        let __z = __b.enter_zone(::core::option::Option::Some(&#zone));
                        let __v = <#ty as #core::blob::FromBlob>::read(__b);
                        __b.leave_zone(__z);
                        #l = ::core::option::Option::Some(__v?);
                    }
                }
            }
            None => quote!(#key #(| #aliases)* => #l = ::core::option::Option::Some(<#ty as #core::blob::FromBlob>::read(__b)?),),
        }
    });
    let container = ast.container_default.as_ref().and_then(default_expr);
    let base = container.as_ref().map(|e| quote!(#[allow(unused_variables)] let __d: #ident = #e;));
    let inits = fields.iter().zip(&locals).map(|(f, l)| {
        let (fi, ty, key) = (f.ident, f.ty, &f.key);
        let fallback = default_expr(&f.default).or_else(|| container.as_ref().map(|_| quote!(__d.#fi)));
        if f.skip {
            let v = fallback.unwrap_or_else(|| quote!(::core::default::Default::default()));
            return quote!(#fi: #v);
        }
        match fallback {
            Some(v) => quote!(#fi: match #l { ::core::option::Option::Some(v) => v, ::core::option::Option::None => #v }),
            None => quote! {
                #fi: match #l {
                    ::core::option::Option::Some(v) => v,
                    ::core::option::Option::None => match <#ty as #core::blob::FromBlob>::missing() {
                        ::core::option::Option::Some(v) => v,
                        ::core::option::Option::None => return ::core::result::Result::Err(#core::blob::BlobError::MissingField(#key)),
                    },
                }
            },
        }
    });
    quote! {
        impl #core::blob::FromBlob for #ident {
            fn read(__b: &mut #core::blob::Blob<'_>) -> ::core::result::Result<Self, #core::blob::BlobError> {
                #(#decls)*
                let __n = __b.table_len()?;
                for _ in 0..__n {
                    match __b.key()? {
                        #(#arms)*
                        _ => __b.skip()?,
                    }
                }
                #base
                ::core::result::Result::Ok(#ident { #(#inits),* })
            }
        }
    }
}

fn enum_impls(ast: &Input<'_>, vs: &[VariantAst<'_>]) -> TokenStream {
    let (ident, k) = (ast.ident, &ast.krate);
    let core = quote!(#k::__private::core);
    let name = ident.to_string();
    let live: Vec<&VariantAst<'_>> = vs.iter().filter(|v| !v.skip).collect();
    let names: Vec<&String> = live.iter().flat_map(|v| std::iter::once(&v.name).chain(&v.aliases)).collect();
    // one doc per accepted name: an alias has its variant's
    let docs: Vec<&String> =
        live.iter().flat_map(|v| std::iter::repeat_n(&v.doc, 1 + v.aliases.len())).collect();
    let doc = &ast.doc;
    let arms = live.iter().map(|v| {
        let (vi, n, a) = (v.ident, &v.name, &v.aliases);
        quote!(#n #(| #a)* => ::core::result::Result::Ok(#ident::#vi),)
    });
    quote! {
        const _: () = {
            static __SCHEMA: #core::Schema = #core::Schema::Enum {
                name: #name, doc: #doc, variants: &[#(#names),*], variant_docs: &[#(#docs),*],
            };
            impl #core::HasSchema for #ident {
                const SCHEMA: #core::SchemaRef = #core::SchemaRef(&raw const __SCHEMA);
            }
            impl #core::blob::FromBlob for #ident {
                fn read(__b: &mut #core::blob::Blob<'_>) -> ::core::result::Result<Self, #core::blob::BlobError> {
                    match __b.read_str()? {
                        #(#arms)*
                        other => ::core::result::Result::Err(#core::blob::BlobError::UnknownVariant(other.into())),
                    }
                }
            }
        };
    }
}
