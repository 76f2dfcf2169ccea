//! Writes PERFORMANCE.md from the last criterion run: `report <criterion dir> <out> <machine> <command> <date>`.
fn main() -> std::process::ExitCode {
    let a: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (a.get(1), a.get(2)) else {
        eprintln!("usage: report <criterion dir> <out.md> [machine] [command] [date]");
        return std::process::ExitCode::from(2);
    };
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let results = benches::report::read_results(std::path::Path::new(dir));
    if results.is_empty() {
        eprintln!("no criterion results under {dir}");
        return std::process::ExitCode::from(1);
    }
    let md = benches::report::render(&results, &arg(3), &arg(4), &arg(5));
    if let Err(e) = std::fs::write(out, md) {
        eprintln!("cannot write {out}: {e}");
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
