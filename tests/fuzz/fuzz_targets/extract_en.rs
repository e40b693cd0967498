//! `extract` with `lang: "en"` and every layer; without, then with, a reference date.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lupa::api::LangOption;
use lupa_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    let text = lupa_fuzz::text(data);
    let u16s = checks::Utf16::new(&text);
    let lang = LangOption::En;
    checks::check_extract(&text, &u16s, &checks::extract_options(lang, None));
    checks::check_extract(&text, &u16s, &checks::extract_options(lang, Some("2023-10-15")));
});
