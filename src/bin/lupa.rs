//! The command-line tool: the JS contract on files and pipes.
//!
//! ```text
//! lupa tokenize  [FILE] [--lang es|en|auto]
//! lupa extract   [FILE] [--lang …] [--reference-date YYYY-MM-DD] [--include entities,dates,…]
//! lupa highlight [FILE] [--lang …] [--include PER,dates,terms,…] [--reference-date …]
//!                [--terms camion,vladimir putin] [--stem] [--class-prefix lupa-]
//! (extract and highlight) [--pattern NAME=REGEX]... [--pattern-ci NAME=REGEX]... [--pattern-fold NAME=REGEX]...
//! lupa train --lang es|en --train FILE... --dev FILE --out models/LANG.bin
//! lupa eval  --lang es|en [--paragraphs] FILE
//! ```
//! FILE defaults to standard input. Output is the same JSON (UTF-16 offsets)
//! or HTML as the JavaScript functions return.

use serde_json::{Map, Value};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: lupa <tokenize|extract|highlight> [FILE] [--lang es|en|auto] \
[--reference-date YYYY-MM-DD] [--include a,b] [--terms a,b] [--stem] [--class-prefix P]
       [--pattern NAME=REGEX]... (--pattern-ci: ignoring case; --pattern-fold: ignoring accents and case)
       lupa train --lang es|en --train FILE... --dev FILE --out models/LANG.bin
       lupa eval --lang es|en [--paragraphs] FILE";

/// Flags that become options, by flag name and option name.
const FLAGS: [(&str, &str); 5] = [
    ("--lang", "lang"),
    ("--reference-date", "referenceDate"),
    ("--include", "include"),
    ("--terms", "terms"),
    ("--class-prefix", "classPrefix"),
];

/// Repeatable flags that add a pattern, with the options they set.
const PATTERN_FLAGS: [(&str, &[&str]); 3] =
    [("--pattern", &[]), ("--pattern-ci", &["caseInsensitive"]), ("--pattern-fold", &["foldAccents"])];

/// `NAME=REGEX` as a pattern option.
fn pattern_option(flag: &str, value: &str, options: &[&str]) -> Result<Value, String> {
    let (name, pattern) = value.split_once('=').ok_or_else(|| format!("{flag} needs NAME=REGEX, got {value:?}"))?;
    let mut p = Map::new();
    p.insert("name".into(), Value::String(name.to_owned()));
    p.insert("pattern".into(), Value::String(pattern.to_owned()));
    for o in options {
        p.insert((*o).to_owned(), Value::Bool(true));
    }
    Ok(Value::Object(p))
}

/// Flags without a value that set a boolean option.
const SWITCHES: [(&str, &str); 1] = [("--stem", "stem")];

struct Invocation {
    file: Option<String>,
    options: Value,
}

fn parse_args(args: &[String]) -> Result<Invocation, String> {
    use lexopt::Arg::{Long, Short, Value as Free};
    let mut file = None;
    let mut options = Map::new();
    let mut p = lexopt::Parser::from_args(args.iter().cloned());
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        let flag = match arg {
            Long(f) => format!("--{f}"),
            Short(c) => return Err(format!("unknown flag -{c}\n{USAGE}")),
            Free(v) => {
                let v = v.into_string().map_err(|_| "the file name is not UTF-8".to_owned())?;
                if file.replace(v).is_some() {
                    return Err(format!("only one input file may be given\n{USAGE}"));
                }
                continue;
            }
        };
        if let Some((_, name)) = FLAGS.iter().find(|(f, _)| *f == flag) {
            let value = p.value().map_err(|_| format!("{flag} needs a value"))?;
            let value = value.into_string().map_err(|_| format!("{flag} needs a UTF-8 value"))?;
            let value = if *name == "include" || *name == "terms" {
                Value::Array(value.split(',').map(|s| Value::String(s.trim().to_owned())).collect())
            } else {
                Value::String(value)
            };
            options.insert((*name).to_owned(), value);
        } else if let Some((_, set)) = PATTERN_FLAGS.iter().find(|(f, _)| *f == flag) {
            let value = p.value().map_err(|_| format!("{flag} needs NAME=REGEX"))?;
            let value = value.into_string().map_err(|_| format!("{flag} needs a UTF-8 value"))?;
            let list = options.entry("patterns").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(pattern_option(&flag, &value, set)?);
            }
        } else if let Some((_, name)) = SWITCHES.iter().find(|(f, _)| *f == flag) {
            options.insert((*name).to_owned(), Value::Bool(true));
        } else {
            return Err(format!("unknown flag {flag}\n{USAGE}"));
        }
    }
    Ok(Invocation { file, options: Value::Object(options) })
}

fn read_input(file: &Option<String>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        Some(path) => bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        None => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    String::from_utf8(bytes).map_err(|e| format!("input is not UTF-8 (invalid byte at {})", e.utf8_error().valid_up_to()))
}

fn options<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    lupa::api::parse_options(value.clone()).map_err(|e| e.0)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    if let Some(out) = run_tool(command, rest) {
        return out;
    }
    let inv = parse_args(rest)?;
    let text = read_input(&inv.file)?;
    let e = |e: lupa::Error| e.0;
    match command.as_str() {
        "tokenize" => json(&lupa::tokenize(&text, &options(&inv.options)?).map_err(e)?),
        "extract" => json(&lupa::extract(&text, &options(&inv.options)?).map_err(e)?),
        "highlight" => lupa::highlight(&text, &options(&inv.options)?).map_err(e),
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

/// The model tools, which take their own flags and print as they go.
fn run_tool(command: &str, rest: &[String]) -> Option<Result<String, String>> {
    let done = |r: Result<(), String>| r.map(|()| String::new());
    match command {
        "-h" | "--help" | "help" => Some(Ok(USAGE.to_owned())),
        "train" => Some(done(lupa::train::train_cmd(rest))),
        "eval" => Some(done(lupa::train::eval_cmd(rest))),
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            if !out.is_empty() {
                let _ = writeln!(std::io::stdout().lock(), "{out}");
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("lupa: {msg}");
            ExitCode::from(2)
        }
    }
}
