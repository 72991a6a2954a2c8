//! The main module: mounts the app into the page that `index.html` provides.

use leptos::prelude::*;

use crate::ui::App;
use crate::web::{embed, location, service_worker};

/// The element `index.html` reserves for the app. Until the wasm arrives it holds a static
/// first screen; mounting replaces that with the live app.
const ROOT_ID: &str = "app";

/// Mounts [`App`] into `#app`, or into `<body>` when a host page has no such element, and
/// starts what only the real page needs: the service worker, and embed mode in the widget.
pub fn mount_app() {
    crate::web::log_panics_to_console();
    location::adopt_prerendered_route();
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
