//! Text utilities shared by every layer.

pub mod chars;
pub mod fold;
pub mod offsets;

