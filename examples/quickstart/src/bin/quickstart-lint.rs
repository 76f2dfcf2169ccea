//! The app's linter, for CI and pre-commit hooks: `quickstart-lint check marketing.toml`.

fn main() -> std::process::ExitCode {
    config_lint::main::<quickstart::Marketing>()
}
