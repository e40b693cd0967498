//! Lupa reads news articles: tokens, sentences, named entities and safe
//! highlighting, for Spanish and English, natively and in the browser.
//!
//! Data flows one way: text → [`tokenize`] → sentences → [`extract`] → output.

pub mod api;
pub mod extract;
pub mod highlight;
pub mod lang;
pub mod ner;
pub mod text;
pub mod tokenize;
#[cfg(feature = "cli")]
pub mod train;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use api::{extract, highlight, token_spans, tokenize, Error, ExtractOptions, HighlightOptions, TokenizeOptions};
