//! A loop to profile one Lupa call under perf or callgrind:
//!
//!     cargo build --release --example profile --manifest-path bench/native/Cargo.toml
//!     perf record --call-graph dwarf bench/native/target/release/examples/profile token_spans bench/texts/1mb.txt 20
//!     valgrind --tool=callgrind bench/native/target/release/examples/profile extract seeds/000_b3dfaa5d8271907c.txt 5
//!
//! Functions: token_spans, tokenize, tokenize_core, detect, extract_entities, extract_all.
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live heap bytes and their peak, to report each call's peak memory
/// (native sizes: `usize` is 8 bytes here, 4 in wasm).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // Both blocks exist while the data moves.
        let now = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(now, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: profile FUNCTION FILE [REPEATS]");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[2]).expect("read the text");
    let n: usize = args.get(3).map_or(10, |s| s.parse().expect("REPEATS is a number"));
    let topts = lupa::TokenizeOptions::default();
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let t0 = Instant::now();
    let mut count = 0usize;
    for _ in 0..n {
        count += match args[1].as_str() {
            "token_spans" => lupa::token_spans(black_box(&text), &topts).unwrap().len() / 3,
            "tokenize" => lupa::tokenize(black_box(&text), &topts).unwrap().len(),
            "tokenize_core" => lupa::tokenize::tokenize(black_box(&text), lupa::lang::Lang::Es).len(),
            "detect" => matches!(lupa::lang::detect(black_box(&text)), lupa::lang::Detected::Known(_)) as usize,
            "extract_entities" => {
                let o = lupa::ExtractOptions { include: Some(vec![lupa::api::Layer::Entities]), ..Default::default() };
                lupa::extract(black_box(&text), &o).unwrap().entities.len()
            }
            "extract_all" => lupa::extract(black_box(&text), &Default::default()).unwrap().entities.len(),
            f => panic!("unknown function {f}"),
        };
    }
    let dt = t0.elapsed().as_secs_f64() / n as f64;
    eprintln!(
        "{}: {:.3} ms per call, {:.1} MB/s, result {}, peak heap {:.1} MiB above the text ({:.2}x input)",
        args[1],
        dt * 1e3,
        text.len() as f64 / 1e6 / dt,
        count / n,
        (PEAK.load(Relaxed) - before) as f64 / (1 << 20) as f64,
        (PEAK.load(Relaxed) - before) as f64 / text.len() as f64,
    );
}
