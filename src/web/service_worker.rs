//! Registering the service worker (public/sw.js) and offering its updates.
//!
//! A new version installs in the background and waits; `on_update_ready` tells the app, which
//! offers a reload. Only when the owner accepts does [`apply_update`] let the new version take
//! over, and the page reloads once it controls it.
//!
//! Several tabs may be open. When the owner accepts in one of them, the new version takes
//! control of all of them at once; every other tab then offers "Reload to update" too (rather
//! than reloading by itself and losing what was typed there), and its button simply reloads.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

thread_local! {
    /// Set when the owner accepted an update in this tab: the next change of controller is
    /// the one asked for, so the page reloads into it.
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// `navigator.serviceWorker`, or `None` where there is none. Reading it can throw (storage
/// disabled, some sandboxed frames), and an exception crossing into the wasm would stop the app
/// from mounting, so it is read through `Reflect`, which catches.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Registers `./sw.js` (beside index.html, so its scope is the app's folder wherever it is
/// published). Does nothing where service workers are unavailable, such as plain-http hosts.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    watch_controller_changes(&container, on_update_ready.clone());
    spawn_local(async move {
        // A registration is checked, not assumed: where service workers are blocked (a
        // browser setting, an extension, a test harness) `register` may resolve to nothing.
        let registration = JsFuture::from(container.register("./sw.js"))
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok());
        let Some(registration) = registration else {
            return;
        };
        // A version that finished installing during an earlier visit is already waiting.
        if registration.waiting().is_some() && has_controller() {
            on_update_ready();
        }
        // One may also be installing right now: its `updatefound` has already fired.
        if let Some(installing) = registration.installing() {
            offer_when_installed(&installing, on_update_ready.clone());
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                offer_when_installed(&installing, on_update_ready.clone());
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Calls `ready` once `worker` has installed as an update (not as the first version, which
/// simply takes over: there is nothing to offer on a first visit).
fn offer_when_installed(worker: &ServiceWorker, ready: impl Fn() + 'static) {
    let watched = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            ready();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// From start-up: a change of controller is either the update this tab asked for (reload into
/// it) or one accepted in another tab (offer the reload here too). On a first visit the first
/// version claiming the page is neither.
fn watch_controller_changes(
    container: &ServiceWorkerContainer,
    on_update_ready: impl Fn() + 'static,
) {
    let controlled_at_start = container.controller().is_some();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ON_CONTROLLER_CHANGE.get() {
            reload();
        } else if controlled_at_start {
            on_update_ready();
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();
}

/// Lets the waiting version take over, then reloads the page under it. When nothing is waiting
/// (another tab has already switched to the new version), reloads at once.
pub fn apply_update() {
    let Some(container) = container() else {
        reload();
        return;
    };
    RELOAD_ON_CONTROLLER_CHANGE.set(true);
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(waiting) => skip_waiting(&waiting),
            None => reload(),
        }
    });
}

/// Asks the active worker to keep `urls` (a language's files) for offline use. On a first visit
/// the page downloaded them before the worker controlled it; once it is active, it fetches
/// and stores them itself. Quietly nothing without a service worker.
pub fn keep_language_files(urls: Vec<String>) {
    let Some(container) = container() else {
        return;
    };
    spawn_local(async move {
        let Ok(ready) = container.ready() else {
            return;
        };
        let active = JsFuture::from(ready)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.active());
        let Some(active) = active else {
            return;
        };
        let list = js_sys::Array::new();
        for url in urls {
            list.push(&url.into());
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"fix1002:keep-language".into());
        let _ = js_sys::Reflect::set(&message, &"urls".into(), &list);
        let _ = active.post_message(&message);
    });
}

fn skip_waiting(worker: &ServiceWorker) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"fix1002:skip-waiting".into());
    let _ = worker.post_message(&message);
}
