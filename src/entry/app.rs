//! The main module: mounts the app into the page that `index.html` provides.

use leptos::prelude::*;

use fix1002_core::i18n::Language;

use crate::i18n;
use crate::ui::App;
use crate::web::{embed, language, location, service_worker};

/// The element `index.html` reserves for the app. Until the wasm arrives it holds a static
/// first screen; mounting replaces that with the live app.
const ROOT_ID: &str = "app";

/// Mounts [`App`] into `#app`, or into `<body>` when a host page has no such element, and
/// starts what only the real page needs: the service worker, and embed mode in the widget.
/// In another language than English, the language's files are downloaded first (or read from
/// the service worker's cache), so that the app mounts in it; until then the page keeps the
/// first screen it was served with.
pub fn mount_app() {
    crate::web::log_panics_to_console();
    crate::web::plural::hand_in_the_browsers_rules();
    location::adopt_prerendered_route();
    let wanted = language::preferred();
    if wanted == Language::EnUs {
        mount_in_language();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let installed = match language::download(wanted).await {
            Ok((messages, kb)) => i18n::install(wanted, &messages, &kb),
            Err(error) => Err(error),
        };
        match installed {
            Ok(()) => service_worker::keep_language_files(language::file_addresses(wanted)),
            Err(error) => {
                web_sys::console::warn_1(&format!("Fix 1002: {error}; English is shown").into());
                i18n::mark_unavailable(wanted);
            }
        }
        mount_in_language();
    });
}

/// Mounts the app in the language installed.
fn mount_in_language() {
    language::mark_document(i18n::language());
    let embedded = embed::is_embedded();
    let sections = embed::offered_sections();
    if embedded {
        embed::mark_document();
        embed::forward_escape_to_host();
        embed::keep_links_out_of_host_history();
    }
    // Lives as long as the page; the app shows a reload offer when it turns true.
    let update_ready = RwSignal::new(false);
    let app = move || view! { <App update_ready embedded sections /> };

    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID));
    match root.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
    // After mounting: whatever the service worker does, the app is already on screen.
    service_worker::register(move || update_ready.set(true));
}
