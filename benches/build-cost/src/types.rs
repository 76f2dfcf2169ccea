// The benchmark's config types (the test suite's shop schema with wide budgets); the
// root's attributes come from the generated lib.rs.
#[macro_export]
macro_rules! bench_types {
    ($(#[$attr:meta])*) => {
        config_tests::shop_like_types!($(#[$attr])*);
    };
}
