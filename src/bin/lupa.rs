//! The `lupa` command-line tool.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("train") => lupa::ner::train::train_cmd(rest),
        Some("eval") => lupa::ner::train::eval_cmd(rest),
        _ => Err("usage: lupa train|eval [OPTIONS]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lupa: {e}");
            ExitCode::FAILURE
        }
    }
}
