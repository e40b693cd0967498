//! placeholder
use crate::extract::Entity;
use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerSpan { pub start: usize, pub end: usize, pub entity: Option<usize> }
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote { pub start: usize, pub end: usize, pub speaker: Option<SpeakerSpan>, pub cue: Option<(usize, usize)>, pub scare: bool }
pub fn find_quotes(_text: &str, _tokens: &[Token], _sentences: &[Sentence], _lang: Lang, _entities: &[Entity]) -> Vec<Quote> { vec![] }
