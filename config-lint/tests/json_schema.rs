#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The editor schema (`schema --format json-schema`): well-formed draft-07 whose
//! references resolve, and (with taplo installed) accepted by taplo, which passes the
//! good fixture and flags the bad one. Generated in process through `config_lint::run`.

use config_lint::{Linter, run};
use config_runtime::HasSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}

/// `<app> schema --format json-schema` for the app linter of `T`.
fn json_schema<T: HasSchema + DeserializeOwned>(app: &'static str) -> Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run([app, "schema", "--format", "json-schema"], &Linter::app::<T>(app), &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).unwrap()
}

fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[test]
fn draft_07_with_resolvable_references() {
    for (name, v) in
        [("shop", json_schema::<shop::Marketing>("app-lint")), ("nav", json_schema::<nav::Nav>("app-lint"))]
    {
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#", "{name}");
        assert_eq!(v["type"], "object");
        assert_eq!(v["additionalProperties"], false);
        let mut rs = Vec::new();
        refs(&v, &mut rs);
        assert!(!rs.is_empty(), "{name}");
        for r in rs {
            let target = v.pointer(r.trim_start_matches('#')).unwrap_or(&Value::Null);
            assert_eq!(target["type"], "object", "{name}: {r} does not resolve");
        }
    }
    let v = json_schema::<shop::Marketing>("app-lint");
    assert_eq!(v["required"], serde_json::json!(["free_shipping_over_cents"]));
    let promo = &v["definitions"]["Promotion"];
    assert_eq!(promo["properties"]["percent_off"]["minimum"], 1);
    assert_eq!(promo["properties"]["percent_off"]["maximum"], 90);
    assert_eq!(promo["properties"]["starts"]["format"], "date-time");
    assert_eq!(promo["properties"]["audience"]["enum"], serde_json::json!(["all", "members", "new"]));
    assert!(promo["properties"]["starts"]["description"].as_str().unwrap().contains("before = \"ends\""));
    let nav = json_schema::<nav::Nav>("app-lint");
    assert_eq!(nav["properties"]["tags"]["uniqueItems"], true);
    assert_eq!(nav["properties"]["tags"]["maxItems"], 4);
    assert!(
        nav["properties"]["tags"]["items"].get("maxLength").is_none(),
        "len applies to the list, not its items"
    );
    assert_eq!(
        nav["definitions"]["Node"]["properties"]["kind"]["enum"],
        serde_json::json!(["link", "sale-banner"])
    );
}

/// `cargo test -p config-lint --test json_schema -- --ignored` with taplo on PATH
/// (`npm i -g @taplo/cli`).
#[test]
#[ignore = "needs taplo on PATH"]
fn taplo_accepts_the_schema() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("taplo");
    std::fs::create_dir_all(&dir).unwrap();
    let schema = dir.join("marketing.schema.json");
    std::fs::write(&schema, json_schema::<shop::Marketing>("shop-lint").to_string()).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let run = |file: &Path| {
        // the `#:schema` directive, as marketing would put it in their file
        let text = format!("#:schema ./marketing.schema.json\n{}", std::fs::read_to_string(file).unwrap());
        let target = dir.join(file.file_name().unwrap());
        std::fs::write(&target, text).unwrap();
        Command::new("taplo").arg("check").arg(&target).current_dir(&dir).output().expect("taplo on PATH")
    };
    let good = run(&fixtures.join("good/shop.toml"));
    assert!(good.status.success(), "{}", String::from_utf8_lossy(&good.stderr));
    for bad in ["range.toml", "unknown_key.toml", "url.toml", "len.toml", "one_of.toml", "type.toml"] {
        let out = run(&fixtures.join("bad/shop").join(bad));
        assert!(!out.status.success(), "{bad} passes taplo");
    }
}
