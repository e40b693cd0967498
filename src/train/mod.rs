//! Training and evaluation of the NER models. They run the whole pipeline
//! (evaluation through [`crate::extract`], as the browser does), so they sit
//! above the layers, not inside `ner`.

pub mod conll;
pub mod eval;
pub mod learn;
pub mod score;

pub use eval::{eval_cmd, eval_files};
pub use learn::train_cmd;
