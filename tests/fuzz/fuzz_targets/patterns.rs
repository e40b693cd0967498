//! The `patterns` target; its body, shared with the stable fallback and the regression replay, is in src/targets.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lupa_fuzz::targets::patterns(data));
