//! The engine's JavaScript face, used only by Lupa's core through its bridge:
//! patterns in, flat byte spans out (see [`Patterns::find_all`]).

use crate::Patterns;
use wasm_bindgen::prelude::*;

/// Compiled patterns.
#[wasm_bindgen]
pub struct Compiled(Patterns);

/// Why a pattern was refused: its index (or -1: too many patterns), the UTF-16 position of a syntax error (or -1), and why.
#[wasm_bindgen(getter_with_clone)]
pub struct CompileError {
    pub index: i32,
    pub position: i32,
    pub message: String,
}

/// Compiles `patterns`.
#[wasm_bindgen]
pub fn compile(patterns: Vec<String>) -> Result<Compiled, CompileError> {
    Patterns::new(&patterns).map(Compiled).map_err(|e| CompileError {
        index: e.index.map_or(-1, |i| i as i32),
        position: e.position.map_or(-1, |p| p as i32),
        message: e.message,
    })
}

#[wasm_bindgen]
impl Compiled {
    /// The matches in `text`, as UTF-8 byte offsets: see `Patterns::find_all`.
    pub fn find(&self, text: &str) -> Vec<u32> {
        self.0.find_all(text)
    }

    /// The names of pattern `i`'s named groups.
    #[wasm_bindgen(js_name = groupNames)]
    pub fn group_names(&self, i: u32) -> Vec<String> {
        self.0.group_names(i as usize).into_iter().map(str::to_owned).collect()
    }
}
