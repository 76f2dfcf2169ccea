//! Checks shared by the benchmarks: no benchmark may measure an error path.

use benches::Marketing;

/// Exits when a compared load path fails on `text`, so no benchmark measures an error path.
#[allow(dead_code)]
pub fn verify_load(name: &str, text: &str, baked: &[u8]) {
    let menu = |r: Result<Marketing, String>| r.map(|m| m.menu.len());
    let ours = menu(config_runtime::check_str::<Marketing>(name, text).map_err(|e| e.to_string()));
    let all = [
        ("toml::from_str", menu(toml::from_str::<Marketing>(text).map_err(|e| e.to_string()))),
        (
            "config-rs",
            menu(
                config::Config::builder()
                    .add_source(config::File::from_str(text, config::FileFormat::Toml))
                    .build()
                    .and_then(|c| c.try_deserialize::<Marketing>())
                    .map_err(|e| e.to_string()),
            ),
        ),
        (
            "figment",
            menu(
                figment::Figment::from(<figment::providers::Toml as figment::providers::Format>::string(
                    text,
                ))
                .extract::<Marketing>()
                .map_err(|e| e.to_string()),
            ),
        ),
        (
            "baked decode",
            menu(
                config_runtime::__private::core::blob::decode::<Marketing>(baked).map_err(|e| e.to_string()),
            ),
        ),
    ];
    for (who, r) in all {
        if r != ours || ours.is_err() {
            eprintln!("{name}: {who} gives {r:?}, check_str gives {ours:?}");
            std::process::exit(1);
        }
    }
}
