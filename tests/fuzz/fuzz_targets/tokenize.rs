//! Byte-level and public tokenizers, in every language setting.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lupa::api::LangOption;
use lupa_fuzz::checks;

fuzz_target!(|data: &[u8]| {
    let text = lupa_fuzz::text(data);
    for lang in lupa::lang::Lang::ALL {
        checks::check_byte_tokens(&text, lang);
    }
    let u16s = checks::Utf16::new(&text);
    for lang in [LangOption::Es, LangOption::En, LangOption::Auto] {
        checks::check_tokens(&text, &u16s, &checks::tokenize_options(lang));
    }
});
