//! Oracles shared by the fuzz targets: what must hold of any answer, beyond "no panic".
//! The location invariants live in `config_tests::invariants` (also used by the property
//! tests); here are the shop-specific ones.

use config_core::summary::control_problem;
use config_core::summary::url_problem;
use shop::{Marketing, MenuItem};
use std::collections::HashSet;

/// Fails on the first violation, with a message.
#[track_caller]
pub fn ok(r: Result<(), String>) {
    if let Err(e) = r {
        panic!("invariant violated: {e}");
    }
}

/// An accepted `Marketing` satisfies every declared rule: nothing dangerous got through.
pub fn marketing_is_safe(m: &Marketing) -> Result<(), String> {
    if m.free_shipping_over_cents > 1_000_000 {
        return Err(format!("free_shipping_over_cents {} over 1000000", m.free_shipping_over_cents));
    }
    if m.promotions.len() > 100 {
        return Err("more than 100 promotions".into());
    }
    let mut ids = HashSet::new();
    for p in &m.promotions {
        if !ids.insert(p.id.as_str()) {
            return Err(format!("duplicate promotion id {:?}", p.id));
        }
        let n = p.title.chars().count();
        if !(1..=80).contains(&n) {
            return Err(format!("title of {n} chars"));
        }
        if !(1..=90).contains(&p.percent_off) {
            return Err(format!("percent_off {}", p.percent_off));
        }
        if p.starts >= p.ends {
            return Err(format!("starts {} not before ends {}", p.starts, p.ends));
        }
        if let Some(u) = &p.banner_url
            && let Some(why) = url_problem(u)
        {
            return Err(format!("banner_url {u:?} accepted: {why}"));
        }
        for s in [&p.id, &p.title] {
            if let Some(why) = control_problem(s) {
                return Err(format!("{s:?} accepted with {why}"));
            }
        }
        if let Some(u) = &p.banner_url
            && let Some(why) = control_problem(u)
        {
            return Err(format!("{u:?} accepted with {why}"));
        }
    }
    let mut nodes = 0usize;
    menu_is_safe(&m.menu, 1, &mut nodes)?;
    if nodes > 50_000 {
        return Err(format!("{nodes} menu nodes"));
    }
    Ok(())
}

fn menu_is_safe(items: &[MenuItem], level: usize, nodes: &mut usize) -> Result<(), String> {
    for it in items {
        if level > 3 {
            return Err(format!("menu level {level}"));
        }
        *nodes += 1;
        let n = it.title.chars().count();
        if !(1..=80).contains(&n) {
            return Err(format!("menu title of {n} chars"));
        }
        if let Some(why) = url_problem(&it.url) {
            return Err(format!("menu url {:?} accepted: {why}", it.url));
        }
        for s in [&it.title, &it.url] {
            if let Some(why) = control_problem(s) {
                return Err(format!("{s:?} accepted with {why}"));
            }
        }
        menu_is_safe(&it.children, level + 1, nodes)?;
    }
    Ok(())
}
