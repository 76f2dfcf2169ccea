//! `#[derive(Config)]`: checks a TOML file against the app's types during `cargo build`
//! and bakes the value. Use it through `config-runtime`, which re-exports it.
//!
//! Layout: `attr` parses attributes, `ast` is the typed model (spans kept), `valid`
//! rejects bad attribute use, `expand` writes the code (`root` for the file part, `tz` for
//! the zone tables).

mod ast;
mod attr;
mod case;
mod docs;
mod expand;
mod root;
mod tz;
mod valid;

use proc_macro::TokenStream;

#[proc_macro_derive(Config, attributes(config))]
pub fn derive_config(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
