//! Text utilities shared by every layer.

pub mod offsets;
