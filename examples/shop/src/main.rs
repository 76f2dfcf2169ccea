//! `cargo run --release -p shop`: the example storefront on 127.0.0.1:8080, booting on its
//! baked config and hot-reloading `examples/shop/marketing.toml`, until Ctrl-C or SIGTERM.

use clap::Parser;
use shop::routes::BenchRoutes;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Example storefront: menu and promotions from hot-reloaded config")]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "SHOP_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The marketing config to watch (the baked copy serves while it is missing or bad).
    #[arg(long, env = "SHOP_CONFIG", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/marketing.toml"))]
    config: PathBuf,
    /// Also mount the benchmark-only routes: `/menu/naive`, the incident replay (serialize
    /// and gzip-9 on every request). For `scripts/bench-serve.sh`; never in production.
    #[arg(long, env = "SHOP_BENCH_ROUTES", value_parser = clap::builder::BoolishValueParser::new())]
    bench_routes: bool,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let args = Args::parse();
    let shop = match shop::serve::live(&args.config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("shop: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    let st = shop.live().status();
    match &st.last_error {
        Some(err) => eprintln!(
            "shop: {} is not usable, serving the baked config:\n{}",
            args.config.display(),
            err.one_line()
        ),
        None => eprintln!("shop: config version {} from {}", st.version, args.config.display()),
    }
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("shop: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let signal = {
        let _in_runtime = rt.enter();
        shop::serve::shutdown_signal()
    };
    let signal = match signal {
        Ok(s) => s,
        Err(e) => {
            eprintln!("shop: cannot listen for SIGTERM: {e}");
            return ExitCode::from(2);
        }
    };
    let shutdown = async {
        let name = signal.await;
        eprintln!("shop: {name}, shutting down");
    };
    let bench_routes = if args.bench_routes { BenchRoutes::On } else { BenchRoutes::Off };
    let served = rt.block_on(shop::serve::run(
        shop,
        args.addr,
        bench_routes,
        |a| eprintln!("shop: listening on http://{a}"),
        shutdown,
    ));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shop: {e}");
            ExitCode::from(1)
        }
    }
}
