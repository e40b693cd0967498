//! Runs inputs through every check without libFuzzer.
//!
//! ```text
//! drive replay DIR_OR_FILE...            every file, once, through every entry point and check
//! drive fuzz SECONDS [ITERS] DIR...      a seeded mutator over the files in DIR...: deterministic
//!                                        (fixed seed), for SECONDS or ITERS inputs, whichever first
//! drive scale [N]                        wall-clock time of extract() and highlight() on each
//!                                        pathological family at sizes N and 2N (default 100,000
//!                                        units), with the ratio: about 2 is linear, 4 quadratic
//! ```
//! Each input runs through `checks::check_all` (tokenize, token_spans,
//! extract in three settings, highlight with an HTML5 parser, determinism).
//! An input that panics, or takes longer than one second, is written to
//! `artifacts/drive/` and counted; the exit status is non-zero if any was.

use lupa_fuzz::checks;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_secs(1);

fn files(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
            v.sort();
            out.extend(v);
        } else if p.is_file() {
            out.push(p.to_owned());
        }
    }
    out
}

struct Stats {
    runs: u64,
    failures: u64,
    slow: u64,
    slowest: Duration,
}

impl Stats {
    /// Runs one input through every check, recording failures and slow inputs.
    fn run(&mut self, data: &[u8]) {
        let text = lupa_fuzz::text(data).into_owned();
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| checks::check_all(&text));
        let took = start.elapsed();
        self.runs += 1;
        self.slowest = self.slowest.max(took);
        let kind = if result.is_err() {
            self.failures += 1;
            "crash"
        } else if took > BUDGET {
            self.slow += 1;
            "timeout"
        } else {
            return;
        };
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/drive");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{kind}-{:016x}", hash(data)));
        std::fs::write(&path, data).unwrap();
        eprintln!("{kind} ({took:?}): saved as {}", path.display());
    }
}

fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// xorshift64*: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces the mutator inserts: the characters and words the code treats specially.
const PIECES: &[&str] = &[
    " ", "\n", "\r\n", "\r", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{2029}", ".", ",", ":", "/", "-", "'", "’", "«", "»",
    "“", "”", "\"", "(", ")", "¿", "¡", "!", "?", "...", "…", "#", "@", "_", "%", "€", "$", "&", "<", ">", "\0",
    "\u{301}", "\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{600}", "😀", "🇪🇸", "👨‍👩‍👧", "\u{FFFD}", "º", "ª", "1", "2023",
    "100.000", "3,5", "15:30", "1/10/2023", "EE.UU.", "Sr.", "U.S.", "a.", "Putin", "Unión Europea", "dijo", "said",
    "el mes pasado", "last week", "ayer", "enero", "September", "millones", "euros", "por ciento", "https://", "www.",
    "a@b.es", " de ", " the ", "La ", "The ",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        let at = rng.below(len + 1);
        match rng.below(8) {
            0 if len > 0 => input[rng.below(len)] ^= 1 << rng.below(8),
            1 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                input.drain(at.min(end)..end);
            }
            2 | 3 => {
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                input.splice(at..at, p.iter().copied());
            }
            4 if len > 0 => {
                // Repeat a chunk many times: long runs.
                let s = rng.below(len);
                let e = (s + 1 + rng.below(8)).min(len);
                let chunk = input[s..e].to_vec();
                let times = 1 + rng.below(2000);
                let rep: Vec<u8> = chunk.iter().copied().cycle().take(chunk.len() * times).collect();
                input.splice(e..e, rep);
            }
            5 if !seeds.is_empty() => {
                // Splice in part of another seed.
                let other = &seeds[rng.below(seeds.len())];
                let s = rng.below(other.len() + 1);
                let e = (s + rng.below(200)).min(other.len());
                input.splice(at..at, other[s..e].iter().copied());
            }
            6 => input.insert(at, rng.next() as u8),
            _ => {
                let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}');
                let mut buf = [0; 4];
                input.splice(at..at, c.encode_utf8(&mut buf).bytes());
            }
        }
    }
    input.truncate(1 << 20);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stats = Stats { runs: 0, failures: 0, slow: 0, slowest: Duration::ZERO };
    match args.first().map(String::as_str) {
        Some("replay") => {
            for path in files(&args[1..]) {
                stats.run(&std::fs::read(&path).unwrap());
            }
        }
        Some("fuzz") => {
            let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).expect("drive fuzz SECONDS [ITERS] DIR...");
            let (iters, dirs) = match args.get(2).and_then(|s| s.parse::<u64>().ok()) {
                Some(n) => (n, &args[3..]),
                None => (u64::MAX, &args[2..]),
            };
            let seeds: Vec<Vec<u8>> = files(dirs).iter().map(|p| std::fs::read(p).unwrap()).collect();
            let mut rng = Rng(0x5eed_1ab5_0f1a_0001);
            let deadline = Instant::now() + Duration::from_secs(seconds);
            let mut input = Vec::new();
            while stats.runs < iters && Instant::now() < deadline {
                // Mostly mutate the last input further; now and then start again from a seed.
                if stats.runs % 16 == 0 || input.len() > 200_000 {
                    input = seeds.get(rng.below(seeds.len())).cloned().unwrap_or_default();
                }
                mutate(&mut rng, &seeds, &mut input);
                stats.run(&input);
            }
        }
        Some("scale") => {
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
            return scale(n);
        }
        _ => {
            eprintln!("usage: drive replay PATH... | drive fuzz SECONDS [ITERS] DIR... | drive scale [N]");
            std::process::exit(2);
        }
    }
    println!(
        "drive: {} inputs, {} crashes, {} over {:?}, slowest {:?}",
        stats.runs, stats.failures, stats.slow, BUDGET, stats.slowest
    );
    if stats.failures + stats.slow > 0 {
        std::process::exit(1);
    }
}


/// Times every entry point on each family of pathological inputs at n and 2n units.
fn scale(n: usize) {
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
