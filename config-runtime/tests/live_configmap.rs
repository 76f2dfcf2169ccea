#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A ConfigMap volume as the kubelet's atomic writer lays it out: `..data` a symlink to a
//! timestamped directory, the file a symlink through it (`marketing.toml ->
//! ..data/marketing.toml`). An update writes a new timestamped directory, swaps `..data`
//! with a temp symlink and a rename, and removes the old directory. Three `Live`s watching
//! one such directory (three replicas) converge on one hash after each swap, and keep it
//! through a bad one.

mod live_common;
use live_common::*;
use std::os::unix::fs::symlink;
use std::path::Path;

/// The atomic writer's publication step: `..<stamp>/marketing.toml`, `..data_tmp ->
/// ..<stamp>`, renamed over `..data`, then the previous directory removed.
fn publish(dir: &Path, stamp: &str, text: &str) {
    let data = dir.join(format!("..{stamp}"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("marketing.toml"), text).unwrap();
    let previous = std::fs::read_link(dir.join("..data")).ok();
    let tmp = dir.join("..data_tmp");
    symlink(format!("..{stamp}"), &tmp).unwrap();
    std::fs::rename(&tmp, dir.join("..data")).unwrap();
    if let Some(previous) = previous {
        std::fs::remove_dir_all(dir.join(previous)).unwrap();
    }
}

fn hash_of(text: &str) -> String {
    ContentHash::of(text.as_bytes()).to_string()
}

#[test]
fn three_lives_on_one_configmap_volume_converge_on_one_hash() {
    let dir = tempfile::tempdir().unwrap();
    let first = good("spring", 1, 3);
    publish(dir.path(), "2026_12_01_10_00_00.000000001", &first);
    let file = dir.path().join("marketing.toml");
    symlink("..data/marketing.toml", &file).unwrap();
    let replicas: Vec<_> = (0..3).map(|_| watch(&file)).collect();
    for live in &replicas {
        assert_eq!(live.status().hash, Some(hash_of(&first)));
    }

    let second = good("summer", 2, 3);
    publish(dir.path(), "2026_12_01_10_05_00.000000002", &second);
    let swapped = hash_of(&second);
    for live in &replicas {
        let s = wait_until(live, "the swapped version", |s| s.hash.as_deref() == Some(swapped.as_str()));
        assert_eq!((s.version, s.rejected, s.is_ok()), (2, 0, true));
        assert_eq!(live.load().prepared.as_str(), "summer#2");
    }
    let hashes: std::collections::BTreeSet<_> = replicas.iter().map(|l| l.status().hash).collect();
    assert_eq!(hashes.len(), 1, "one hash across the fleet: {hashes:?}");

    publish(dir.path(), "2026_12_01_10_10_00.000000003", "title = \"\"\nn = 3\n");
    for live in &replicas {
        let s = wait_until(live, "the rejection", |s| s.rejected >= 1);
        assert!(!s.is_ok());
        assert_eq!(s.hash, Some(hash_of(&second)), "the old version is still served");
        assert_eq!(live.load().prepared.as_str(), "summer#2");
    }
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries.len(), 3, "..data, one timestamped directory, the file: {entries:?}");
}
