//! The main app's side of the second wasm module, `plan_and_decoder`, which holds what the
//! first screen does not need: the "Decode a fault" tool, and the troubleshooting flow's
//! screens after the questions (the likely causes, the fix plan's steps, and the end with the
//! hand-over). Fetched when one of them first opens, so an owner's first download holds the
//! questions, not the plan; the service worker has usually cached it by the time the questions
//! are done.
//!
//! Trunk builds `src/bin/plan_and_decoder.rs` as a worker-type asset: wasm-bindgen's
//! `no-modules` output beside `index.html`, whose two files `scripts/second_module.mjs` renames
//! with a hash of their bytes and names in `index.html` (see `module_files`). Its script
//! declares one global, `wasm_bindgen`; called with the wasm's path, it instantiates the
//! module, after which its exports (`wasm_bindgen.mount_decoder(element)` and so on) draw into
//! an element. The paths are relative, so the site works under any sub-path, and the service
//! worker precaches both files like every other, so all of it works offline after one visit.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The `<meta>` whose content names the module's files (see `module_files`).
const MODULE_META: &str = "meta[name=\"fix1002-module\"]";

/// What the main app can ask the module to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// The decoder tool, below the section's heading (which the main app draws itself).
    Decoder,
    /// The troubleshooting flow's screen after the questions: the likely causes, a fix step,
    /// "fixed" or the hand-over. The module reads the journey from the page's URL itself.
    Plan,
}

#[wasm_bindgen]
extern "C" {
    /// The `no-modules` initialiser; resolves once the module has started.
    #[wasm_bindgen(catch, js_name = wasm_bindgen)]
    fn instantiate(options: &JsValue) -> Result<js_sys::Promise, JsValue>;

    // The module's exports (`src/bin/plan_and_decoder.rs`).
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = mount_decoder)]
    fn mount_decoder(root: &web_sys::HtmlElement) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = mount_plan)]
    fn mount_plan(root: &web_sys::HtmlElement) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = set_language)]
    fn set_language(tag: &str, messages: &str, kb: &str) -> Result<(), JsValue>;
}

thread_local! {
    /// The load under way or done, shared by every part and every visit.
    static LOAD: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Whether the script has run. It declares a global with `let`, so it must never run
    /// twice; a retry after a failed wasm download calls the initialiser again instead.
    static SCRIPT_RAN: Cell<bool> = const { Cell::new(false) };
    /// Whether the module has been handed the page's language.
    static LANGUAGE_SET: Cell<bool> = const { Cell::new(false) };
}

/// Draws `drawn` into `root`, downloading the module first if this page has not yet. An `Err`
/// means the module could not be fetched or started (offline on a first visit, say); the
/// failed attempt is forgotten, so calling again retries.
pub async fn draw_into(root: web_sys::HtmlElement, drawn: Drawn) -> Result<(), JsValue> {
    let load = LOAD.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| wasm_bindgen_futures::future_to_promise(load()))
            .clone()
    });
    if let Err(error) = JsFuture::from(load).await {
        LOAD.with(|slot| slot.borrow_mut().take());
        return Err(error);
    }
    if let Some((language, messages, kb)) = crate::i18n::installed_files() {
        if !LANGUAGE_SET.replace(true) {
            set_language(language.tag(), messages, kb)?;
        }
    }
    match drawn {
        Drawn::Decoder => mount_decoder(&root),
        Drawn::Plan => mount_plan(&root),
    }
}

async fn load() -> Result<JsValue, JsValue> {
    let (script, wasm) = module_files()?;
    if !SCRIPT_RAN.get() {
        run_script(&script).await?;
        SCRIPT_RAN.set(true);
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &wasm.into())?;
    JsFuture::from(instantiate(&options)?).await
}

/// The module's script and wasm, as this release's `index.html` names them.
///
/// Their names carry a hash of their bytes, so that no HTTP cache can hand this app another
/// release's module under the same name. This wasm is built before those names exist, so the
/// build writes them into the page instead: `<meta name="fix1002-module"
/// content="plan_and_decoder-<hash>">`, the name both files share (`<name>.js` and
/// `<name>_bg.wasm`, wasm-bindgen's own pairing). A `<meta>` is plain data, which the CSP
/// allows where it forbids inline scripts, and the pre-rendered pages inherit it from
/// `index.html`. Without a plain file name there, this is an error, and the part says it could
/// not be loaded rather than fetch a guess.
fn module_files() -> Result<(String, String), JsValue> {
    let name = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|document| document.query_selector(MODULE_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    let Some(name) = name else {
        // The reader sees "could not be loaded"; whoever publishes the site needs the cause.
        let error =
            JsValue::from_str("fix1002: this page names no second module (meta fix1002-module)");
        web_sys::console::error_1(&error);
        return Err(error);
    };
    Ok((format!("{name}.js"), format!("{name}_bg.wasm")))
}

/// Adds `<script src=…>` to the page and waits for it to run. A script file is what the CSP
/// (`script-src 'self'`) allows; a script that failed to load is taken out again.
async fn run_script(src: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let script: web_sys::HtmlScriptElement = document.create_element("script")?.unchecked_into();
    script.set_src(src);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or_else(|| JsValue::from_str("no head"))?
        .append_child(&script)?;
    let outcome = JsFuture::from(loaded).await;
    script.set_onload(None);
    script.set_onerror(None);
    if outcome.is_err() {
        script.remove();
    }
    outcome.map(|_| ())
}
