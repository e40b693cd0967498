//! Lupa reads news articles: tokens, sentences, named entities and safe
//! highlighting, for Spanish and English, natively and in the browser.
//!
//! Data flows one way: text → [`tokenize`] → sentences → [`extract`] → output.

pub mod extract;
pub mod lang;
pub mod ner;
pub mod tokenize;
