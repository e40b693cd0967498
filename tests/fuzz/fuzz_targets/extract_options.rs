//! `extract` with options chosen by the first seven bytes: language (es, en,
//! auto), reference date (absent, real, or impossible: then it must be
//! refused with an error naming `referenceDate`) and the included layers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lupa_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = lupa_fuzz::split(data, 7);
    let text = lupa_fuzz::text(rest);
    let (opts, valid) = lupa_fuzz::extract_options(&head);
    if valid {
        checks::check_extract(&text, &checks::Utf16::new(&text), &opts);
    } else {
        let err = lupa::extract(&text, &opts).expect_err("an impossible referenceDate was accepted");
        assert!(err.0.contains("referenceDate"), "the error does not name the option: {err}");
    }
});
