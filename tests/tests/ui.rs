//! Compile-time behaviour, as users see it: every rule id failing `cargo build` on a bad
//! fixture, every attribute misuse, and good files (including the real taxonomy) passing.
//! Expected compiler output is checked in next to each case as `.stderr`.

#[test]
fn ui() {
    config_tests::generate_taxonomy_fixtures();
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/attr/*.rs");
    t.compile_fail("ui/bad/*.rs");
    t.compile_fail("ui/cascade/*.rs");
    t.compile_fail("ui/limits/*.rs");
    t.compile_fail("ui/numbers/*.rs");
    t.compile_fail("ui/taxonomy/*.rs");
    t.pass("ui/pass/*.rs");
}
