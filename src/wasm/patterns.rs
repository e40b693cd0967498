//! The pattern engine as the browser has it: the `lupa-patterns` wasm module,
//! reached through `patterns.js`. With the `patterns` feature the engine is
//! linked into the core instead (the wasm tests use that).

use crate::extract::patterns::Engine;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/patterns.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadPatterns)]
    fn load_patterns_js(url: Option<String>) -> Promise;
    #[wasm_bindgen(js_name = patternsLoaded)]
    fn patterns_loaded_js() -> bool;
}

/// Fetches and starts the pattern engine; resolves when `patterns` can be used.
#[wasm_bindgen(js_name = loadPatterns, skip_typescript)]
pub fn load_patterns(url: Option<String>) -> Promise {
    load_patterns_js(url)
}

/// Whether the pattern engine is ready (linked in, or loaded).
#[wasm_bindgen(js_name = patternsLoaded, skip_typescript)]
pub fn patterns_loaded() -> bool {
    cfg!(feature = "patterns") || patterns_loaded_js()
}

/// The engine the facade gives the API.
pub(super) fn engine() -> &'static dyn Engine {
    #[cfg(feature = "patterns")]
    {
        crate::api::linked_engine()
    }
    #[cfg(not(feature = "patterns"))]
    {
        &bridge::Bridge
    }
}

/// The engine behind `patterns.js`, which the linked engine replaces.
#[cfg(not(feature = "patterns"))]
mod bridge {
    use crate::extract::patterns::{Compiled, Engine, EngineError};
    use js_sys::{Array, Reflect};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/wasm/patterns.js")]
    extern "C" {
        #[wasm_bindgen(catch, js_name = compilePatterns)]
        fn compile_patterns(patterns: &Array) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = findPatterns)]
        fn find_patterns(compiled: &JsValue, text: &str) -> Vec<u32>;
        #[wasm_bindgen(js_name = groupNames)]
        fn group_names_js(compiled: &JsValue, i: u32) -> Array;
        #[wasm_bindgen(js_name = freePatterns)]
        fn free_patterns(compiled: &JsValue);
    }

    pub(super) struct Bridge;

    struct JsCompiled(JsValue);

    impl Drop for JsCompiled {
        fn drop(&mut self) {
            free_patterns(&self.0);
        }
    }

    impl Engine for Bridge {
        fn compile(&self, patterns: &[String]) -> Result<Box<dyn Compiled>, EngineError> {
            let list: Array = patterns.iter().map(|p| JsValue::from_str(p)).collect();
            compile_patterns(&list).map(|c| Box::new(JsCompiled(c)) as Box<dyn Compiled>).map_err(|e| {
                let get = |k: &str| Reflect::get(&e, &JsValue::from_str(k)).ok();
                let number = |k: &str| get(k).and_then(|v| v.as_f64()).filter(|&n| n >= 0.0).map(|n| n as usize);
                let message =
                    get("message").and_then(|v| v.as_string()).unwrap_or_else(|| "the pattern engine failed".into());
                EngineError { index: number("index"), position: number("position"), message }
            })
        }
    }

    impl Compiled for JsCompiled {
        fn group_names(&self, i: usize) -> Vec<String> {
            group_names_js(&self.0, i as u32).iter().filter_map(|v| v.as_string()).collect()
        }
        fn find(&self, text: &str) -> Vec<u32> {
            find_patterns(&self.0, text)
        }
    }
}
