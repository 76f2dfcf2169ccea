//! Arbitrary bytes against the shop schema through `check_str`: never a panic; every
//! diagnostic located inside the input; an accepted value obeys every rule and survives
//! a round trip (serialized back to TOML, it is accepted again and equal).
#![no_main]

use config_fuzz::{marketing_is_safe, ok};
use config_tests::invariants::diagnostics_inside;
use libfuzzer_sys::fuzz_target;
use shop::Marketing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match config_core::check_str::<Marketing>("f.toml", &text) {
        Ok(m) => {
            ok(marketing_is_safe(&m));
            if let Ok(again) = toml::to_string(&m) {
                match config_core::check_str::<Marketing>("again.toml", &again) {
                    Ok(m2) => assert_eq!(m, m2, "round trip changed the value:\n{again}"),
                    Err(d) => panic!("an accepted value, serialized again, is rejected:\n{d}\n{again}"),
                }
            }
        }
        Err(d) => {
            assert!(!d.is_empty(), "rejected without a finding");
            ok(diagnostics_inside(&text, &d));
        }
    }
});
