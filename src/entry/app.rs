//! The main module: mounts the app into the page that `index.html` provides.

use leptos::prelude::*;

use fix1002_core::i18n::Language;
use fix1002_core::language_files::{shown_from_first_files, FIRST_FILES, LATER_FILES};

use crate::i18n;
use crate::route::Route;
use crate::ui::App;
use crate::web::{embed, language, location, service_worker};

/// The element `index.html` reserves for the app. Until the wasm arrives it holds a static
/// first screen; mounting replaces that with the live app.
const ROOT_ID: &str = "app";

/// Mounts [`App`] into `#app`, or into `<body>` when a host page has no such element, and
/// starts what only the real page needs: the service worker, and embed mode in the widget.
///
/// In another language than English, the language's files are downloaded first (or read from
/// the service worker's cache), so that the app mounts in it; until then the page keeps the
/// first screen it was served with. Where that screen is the start page or the first question,
/// only the first files are awaited, and the later ones follow once the app is on screen (see
/// `fix1002_core::language_files`).
pub fn mount_app() {
    crate::web::log_panics_to_console();
    crate::web::plural::hand_in_the_browsers_rules();
    location::adopt_prerendered_route();
    let wanted = language::preferred();
    if wanted == Language::EnUs {
        mount_in_language(RwSignal::new(true));
        return;
    }
    let route = Route::from_fragment(&location::current_fragment());
    let later_afterwards = shown_from_first_files(&route);
    wasm_bindgen_futures::spawn_local(async move {
        let installed = language::download(wanted, FIRST_FILES)
            .await
            .and_then(|(messages, kb)| i18n::install(wanted, &messages, &kb));
        if let Err(error) = &installed {
            web_sys::console::warn_1(&format!("Fix 1002: {error}; English is shown").into());
            i18n::mark_unavailable(wanted);
        }
        let texts_complete = RwSignal::new(installed.is_err());
        // A page that shows later texts waits for them too. Its pre-rendered form preloads
        // all four files, so the second download is usually already there.
        if !later_afterwards {
            add_later_files(wanted, texts_complete).await;
        }
        mount_in_language(texts_complete);
        add_later_files(wanted, texts_complete).await;
    });
}

/// Downloads and installs the language's later files, unless they are (or the first could
/// not be installed); then marks the texts complete, and asks the service worker to keep
/// every file of the language for offline use.
async fn add_later_files(language: Language, texts_complete: RwSignal<bool>) {
    if texts_complete.get_untracked() {
        return;
    }
    let added = language::download(language, LATER_FILES)
        .await
        .and_then(|(messages, kb)| i18n::add_later(&messages, &kb));
    if let Err(error) = added {
        // These texts then show in English: better than no page.
        let note = format!("Fix 1002: {error}; some texts are shown in English");
        web_sys::console::warn_1(&note.into());
    }
    texts_complete.set(true);
    service_worker::keep_language_files(language::file_addresses(language));
}

/// Mounts the app in the language installed; `texts_complete` turns true once every text of
/// it is (until then the app shows only the pages its first files hold).
fn mount_in_language(texts_complete: RwSignal<bool>) {
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
    let app = move || view! { <App update_ready embedded sections texts_complete /> };

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
