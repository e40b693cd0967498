//! placeholder
use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword { pub text: String, pub score: f64, pub count: usize }
pub fn find_keywords(_text: &str, _tokens: &[Token], _sentences: &[Sentence], _lang: Lang, _limit: usize) -> Vec<Keyword> { vec![] }
