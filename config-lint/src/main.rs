//! `config-lint`: the generic linter. It has no Rust types of its own: it reads the schema
//! an app exported (`<app>-lint schema > marketing.schema.json`) and runs the same
//! checker, so `config-lint --schema marketing.schema.json check marketing.toml` reports
//! exactly what the app's linter and `cargo build` report. The whole linter is the
//! `config_lint` library; this binary is its generic entry point.

fn main() -> std::process::ExitCode {
    config_lint::generic_main()
}
