use build_cost_bench::{Marketing, TEXT};
use std::time::Instant;
fn main() {
    let mut best_d = f64::MAX;
    let mut best_p = f64::MAX;
    for _ in 0..20 {
        let t = Instant::now();
        let d: Marketing = config_runtime::__private::core::blob::decode(Marketing::__CONFIG_BLOB).unwrap();
        best_d = best_d.min(t.elapsed().as_secs_f64() * 1e6);
        drop(d);
        let t = Instant::now();
        let p: Marketing = toml::from_str(TEXT).unwrap();
        best_p = best_p.min(t.elapsed().as_secs_f64() * 1e6);
        drop(p);
    }
    println!("decode best {best_d:.0}us, from_str best {best_p:.0}us, ratio {:.1}", best_p / best_d);
}
