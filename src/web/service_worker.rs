//! Registering the service worker (public/sw.js) and offering its updates.
//!
//! A new version installs in the background and waits; `on_update_ready` tells the app, which
//! offers a reload. Only when the owner accepts does [`apply_update`] let the new version take
//! over, and the page reloads once it controls it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers `./sw.js` (beside index.html, so its scope is the app's folder wherever it is
/// published). Does nothing where service workers are unavailable, such as plain-http hosts.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = window.navigator().service_worker();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let has_controller = move || {
            web_sys::window()
                .map(|w| w.navigator().service_worker().controller().is_some())
                .unwrap_or(false)
        };
        // A version that finished installing during an earlier visit is already waiting.
        if registration.waiting().is_some() && has_controller() {
            on_update_ready();
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let ready = on_update_ready.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // "installed" with a page already controlled means: an update, not a first visit.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    ready();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Lets the waiting version take over, then reloads the page under it.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Some(registration) = registration.dyn_ref::<ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            skip_waiting(&waiting);
        }
    });
}

fn skip_waiting(worker: &ServiceWorker) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"fix1002:skip-waiting".into());
    let _ = worker.post_message(&message);
}
