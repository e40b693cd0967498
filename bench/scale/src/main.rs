//! Wall-clock time of `extract`, `highlight` and `token_spans` together on each
//! pathological family at sizes n and 2n (default 100,000 units), with the
//! ratio: about 2 is linear, 4 quadratic. A report, not a test: tests assert
//! behaviour (tests/limits.rs counts tokens and allocations instead).
//!
//! ```text
//! cargo run --release --manifest-path bench/scale/Cargo.toml -- [N]
//! ```

use lupa_fuzz::checks;
use std::time::{Duration, Instant};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    type Make = fn(usize) -> String;
    let families: &[(&str, Make)] = &[
        ("one letter", |n| "a".repeat(n)),
        ("one emoji", |n| "😀".repeat(n)),
        ("periods", |n| ".".repeat(n)),
        ("no spaces", |n| "Putin,dijo«hola»EE.UU.".repeat(n / 8)),
        ("nested quotes", |n| format!("{}Putin{}", "«".repeat(n), "»".repeat(n))),
        ("straight quotes", |n| "\"".repeat(n)),
        ("digits", |n| "1".repeat(n)),
        ("grouped number", |n| "1.000".repeat(n / 2)),
        ("capitalised words", |n| checks::names(n / 2).join(" ")),
        ("names in a list", |n| checks::names(n / 2).join(", ")),
        ("a.", |n| "a.".repeat(n)),
        ("a. spaced", |n| "a. ".repeat(n)),
        ("A. spaced", |n| "A. ".repeat(n)),
        ("quotes with speakers", |n| "Putin dijo: «sí». «No», dijo Klaar. ".repeat(n / 10)),
        ("dates", |n| "el 15 de marzo de 2023 a las 15:30, ".repeat(n / 10)),
        ("quantities", |n| "3,5 millones de euros (12 %), ".repeat(n / 10)),
        ("news", |n| "La Unión Europea y EE.UU. acordaron ayer, según el Sr. Putin, «nada». ".repeat(n / 20)),
    ];
    let time = |text: &str| -> Duration {
        let start = Instant::now();
        let x = lupa::extract(text, &Default::default()).unwrap();
        let h = lupa::highlight(text, &Default::default()).unwrap();
        let t = lupa::token_spans(text, &Default::default()).unwrap();
        std::hint::black_box((x, h, t));
        start.elapsed()
    };
    println!("{:<22} {:>10} {:>12} {:>12} {:>6}", "family", "bytes(n)", "time(n)", "time(2n)", "ratio");
    for (name, make) in families {
        let (a, b) = (make(n), make(2 * n));
        let _ = time(&make(n / 10)); // warm up
        let (ta, tb) = (time(&a), time(&b));
        println!("{name:<22} {:>10} {:>12.1?} {:>12.1?} {:>6.2}", a.len(), ta, tb, tb.as_secs_f64() / ta.as_secs_f64().max(1e-9));
    }
}
