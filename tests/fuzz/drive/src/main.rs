//! Runs inputs through the fuzz checks without libFuzzer, on a stable toolchain.
//!
//! ```text
//! drive replay [--target T] PATH...      every file once; a file named crash-T-…, timeout-T-…
//!                                        or oom-T-… also through target T
//! drive fuzz [--target T] [--runs N] [--max-len N] [--seed S] DIR...
//!                                        a seeded mutator over the files in DIR...; N inputs,
//!                                        or until killed (run.sh bounds it with `timeout`)
//! ```
//! `--target` is one of the cargo-fuzz targets (src/targets.rs) or `all`
//! (the default): `checks::check_all`, every entry point in several settings.
//! Limits, as libFuzzer's in run.sh: `--timeout` seconds per input (1) and
//! `--rss-limit-mb` of live heap (2048). The first crash, timeout or
//! out-of-memory writes its input to `artifacts/drive/` and exits with status 1.
//!
//! Nothing here reads a clock: a watchdog thread sleeps in short ticks and
//! counts how many pass while one input runs, as libFuzzer's alarm does.
//! The wall-clock scaling report lives in bench/scale/.

use lupa_fuzz::{checks, targets};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::Mutex;
use std::time::Duration;

/// The input being run, for the watchdog and the allocator to save.
static CURRENT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Inputs started so far, and whether one is running now.
static STARTED: AtomicU64 = AtomicU64::new(0);
static RUNNING: AtomicBool = AtomicBool::new(false);
static TARGET: Mutex<String> = Mutex::new(String::new());

/// Live heap bytes, and the limit past which an input is an out-of-memory.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
/// Set once an input is over the limit, so that saving it may allocate.
static OOM: AtomicBool = AtomicBool::new(false);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        over_limit(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), SeqCst);
        System.dealloc(ptr, layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        over_limit(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            over_limit(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, SeqCst);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn over_limit(size: usize) {
    let live = LIVE.fetch_add(size, SeqCst) + size;
    if live > LIMIT.load(SeqCst) && RUNNING.load(SeqCst) && !OOM.swap(true, SeqCst) {
        give_up("oom", &format!("{} MB of live heap", live >> 20));
    }
}

/// Saves the running input as `KIND-TARGET-HASH` and exits with status 1.
fn give_up(kind: &str, why: &str) -> ! {
    let data = CURRENT.try_lock().map(|g| g.clone()).unwrap_or_default();
    let target = TARGET.try_lock().map(|g| g.clone()).unwrap_or_default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts/drive");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{kind}-{target}-{:016x}", hash(&data)));
    let _ = std::fs::write(&path, &data);
    println!("drive: {kind} in target {target} ({why}) after {} inputs: saved as {}", STARTED.load(SeqCst), path.display());
    std::process::exit(1);
}

/// Gives up when one input has been running for `timeout`: the same input
/// seen running on every tick for that long.
fn watchdog(timeout: Duration) {
    const TICK: Duration = Duration::from_millis(100);
    let ticks_allowed = (timeout.as_millis() / TICK.as_millis()).max(1) as u32;
    std::thread::spawn(move || {
        let (mut seen, mut ticks) = (u64::MAX, 0);
        loop {
            std::thread::sleep(TICK);
            let now = STARTED.load(SeqCst);
            if RUNNING.load(SeqCst) && now == seen {
                ticks += 1;
                if ticks > ticks_allowed {
                    give_up("timeout", &format!("one input ran over {timeout:?}"));
                }
            } else {
                (seen, ticks) = (now, 0);
            }
        }
    });
}

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

fn whole(data: &[u8]) {
    checks::check_all(&lupa_fuzz::text(data));
}

fn target(name: &str) -> fn(&[u8]) {
    if name == "all" {
        return whole;
    }
    targets::by_name(name).unwrap_or_else(|| {
        let names: Vec<&str> = targets::ALL.iter().map(|t| t.0).collect();
        eprintln!("drive: no target {name:?}; one of all, {}", names.join(", "));
        std::process::exit(2)
    })
}

/// The target a saved finding names (`crash-highlight-…`), if any.
fn named_target(path: &Path) -> Option<(&'static str, fn(&[u8]))> {
    let name = path.file_name()?.to_str()?;
    let rest = ["crash-", "timeout-", "oom-"].iter().find_map(|p| name.strip_prefix(p))?;
    targets::ALL.iter().filter(|(t, _)| rest.starts_with(&format!("{t}-"))).max_by_key(|(t, _)| t.len()).copied()
}

/// Runs one input; a panic gives up (the panic message is already printed).
fn run(name: &str, f: fn(&[u8]), data: &[u8]) {
    {
        let mut cur = CURRENT.lock().unwrap();
        cur.clear();
        cur.extend_from_slice(data);
    }
    *TARGET.lock().unwrap() = name.to_owned();
    STARTED.fetch_add(1, SeqCst);
    RUNNING.store(true, SeqCst);
    let result = std::panic::catch_unwind(|| f(data));
    RUNNING.store(false, SeqCst);
    if result.is_err() {
        give_up("crash", "panicked");
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

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>, max_len: usize) {
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
                let times = 1 + rng.below(max_len / 2 + 1);
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
    input.truncate(max_len);
}

/// `--name value` options, in any order, before or among the paths.
struct Args {
    target: String,
    runs: u64,
    max_len: usize,
    seed: u64,
    timeout: u64,
    rss_limit_mb: usize,
    paths: Vec<String>,
}

fn parse(args: &[String]) -> Args {
    let mut a = Args { target: "all".into(), runs: u64::MAX, max_len: 4096, seed: 1, timeout: 1, rss_limit_mb: 2048, paths: Vec::new() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        let number = |s: String| s.parse::<u64>().unwrap_or_else(|_| usage(&format!("{arg}: not a number: {s}")));
        match arg.as_str() {
            "--target" => a.target = value(),
            "--runs" => a.runs = number(value()),
            "--max-len" => a.max_len = number(value()) as usize,
            "--seed" => a.seed = number(value()),
            "--timeout" => a.timeout = number(value()),
            "--rss-limit-mb" => a.rss_limit_mb = number(value()) as usize,
            s if s.starts_with("--") => usage(&format!("unknown option {s}")),
            _ => a.paths.push(arg.clone()),
        }
    }
    a
}

fn usage(why: &str) -> ! {
    eprintln!("drive: {why}\nusage: drive replay [--target T] PATH... | drive fuzz [--target T] [--runs N] [--max-len N] [--seed S] [--timeout SECONDS] [--rss-limit-mb MB] DIR...");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else { usage("no command") };
    let a = parse(&args[1..]);
    let f = target(&a.target);
    LIMIT.store(a.rss_limit_mb << 20, SeqCst);
    watchdog(Duration::from_secs(a.timeout));
    match command.as_str() {
        "replay" => {
            let paths = files(&a.paths);
            for path in &paths {
                let data = std::fs::read(path).unwrap();
                run(&a.target, f, &data);
                if let Some((name, g)) = named_target(path) {
                    run(name, g, &data);
                }
            }
            println!("drive replay: {} files, {} runs, no crash, timeout or out-of-memory", paths.len(), STARTED.load(SeqCst));
        }
        "fuzz" => {
            let seeds: Vec<Vec<u8>> = files(&a.paths).iter().map(|p| std::fs::read(p).unwrap()).collect();
            let mut rng = Rng(0x5eed_1ab5_0f1a_0001 ^ a.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut input = Vec::with_capacity(a.max_len + 64);
            // Every seed as it is first, then mutants.
            for s in &seeds {
                if STARTED.load(SeqCst) >= a.runs {
                    break;
                }
                run(&a.target, f, &s[..s.len().min(a.max_len)]);
            }
            let mut n = STARTED.load(SeqCst);
            while n < a.runs {
                // Mostly mutate the last input further; now and then start again from a seed.
                if n % 16 == 0 {
                    input.clear();
                    if !seeds.is_empty() {
                        input.extend_from_slice(&seeds[rng.below(seeds.len())]);
                    }
                }
                mutate(&mut rng, &seeds, &mut input, a.max_len);
                run(&a.target, f, &input);
                n += 1;
                // Progress for run.sh, which may stop this process at any moment.
                if n % 1000 == 0 {
                    println!("drive fuzz: {n} inputs");
                }
            }
            println!("drive fuzz: {n} inputs, no crash, timeout or out-of-memory");
        }
        _ => usage(&format!("unknown command {command}")),
    }
}
