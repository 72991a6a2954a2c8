//! Embed mode: the app running inside the help widget's panel (an iframe with `?embed=1`).

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::diagnose::Journey;
use crate::kb::KB;
use crate::route::{query_param, web_origin, Route, Sections};
use crate::widget_events::{self, Field, WidgetEvent, VERSION};

/// The value of `key` in the page's query string (not the fragment's), percent-decoded.
fn page_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let raw = query_param(&search, key)?;
    js_sys::decode_uri_component(raw).ok().map(String::from)
}

/// Whether the page was opened by the embed loader (`?embed=1` in the query string). Read
/// once, when a module mounts, and passed down from there.
pub fn is_embedded() -> bool {
    page_param("embed").as_deref() == Some("1")
}

/// The sections the page offers: all, unless the loader passed `?sections=…` on (see
/// [`Sections`]).
pub fn offered_sections() -> Sections {
    Sections::from_list(page_param("sections").as_deref())
}

/// The language the embedding page asked for (`data-lang`, or else its own `lang`), as the
/// loader passes it (`?lang=`).
pub fn requested_language() -> Option<String> {
    page_param("lang")
}

/// Marks the document so the styles can switch to the compact embedded layout.
pub fn mark_document() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("embedded");
    }
}

/// Inside the widget, following one of the app's own links (`href="#/…"`) replaces the
/// fragment rather than adding a history entry: the frame shares the host page's history, and
/// every answer would otherwise be one more press of Back before the host page goes back.
pub fn keep_links_out_of_host_history() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MouseEvent)>::new(
        |event: web_sys::MouseEvent| {
            // A click meant for a new tab or window keeps its usual meaning.
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href^='#']").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            event.prevent_default();
            super::location::replace_with(&href);
        },
    );
    let _ = document.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Escape inside the panel closes it: the loader in the host page owns the panel, so the app
/// asks it to. The message carries nothing but its type.
pub fn forward_escape_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
        |event: web_sys::KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            let Some(window) = web_sys::window() else {
                return;
            };
            if let Ok(Some(parent)) = window.parent() {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"fix1002:close".into());
                let _ = parent.post_message(&message, "*");
            }
        },
    );
    let _ = window.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The origin of the page that embeds the widget, as the loader passes it (`?host=`): the
/// only one the frame ever posts its events to. A frame opened by anything else (no origin, or
/// not one) tells no one anything. A page that names another origin than its own gets
/// nothing either: the browser delivers a message only to the origin it names.
pub fn host_origin() -> Option<String> {
    let origin = page_param("host")?;
    web_origin(&origin).map(str::to_owned)
}

/// The words of the host's own hand-over button (`data-handover-label`), when the host takes
/// the hand-over into its own support (`?handover=host`); at most 80 characters, shown as text.
pub fn host_handover_label() -> Option<String> {
    host_origin()?;
    if page_param("handover").as_deref() != Some("host") {
        return None;
    }
    let label = page_param("handover_label").unwrap_or_default();
    let label: String = label.trim().chars().take(80).collect();
    Some(label)
}

/// Posts `{ type: "fix1002:event", version, event, detail }` to the host page, at its origin.
fn tell_host(event: &str, detail: &Object) {
    let Some(origin) = host_origin() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // A page that is not in a frame is its own parent: there is no host to tell.
    if Object::is(&parent, &window) {
        return;
    }
    let message = Object::new();
    set(&message, "type", &"fix1002:event".into());
    set(&message, "version", &VERSION.into());
    set(&message, "event", &event.into());
    set(&message, "detail", detail);
    let _ = parent.post_message(&message, &origin);
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

fn tell_widget_event(event: &WidgetEvent) {
    let detail = Object::new();
    for (key, field) in event.fields() {
        let value: JsValue = match field {
            Field::Id(id) => id.into(),
            Field::Number(n) => (n as u32).into(),
            Field::Ids(ids) => ids.into_iter().map(JsValue::from).collect::<Array>().into(),
        };
        set(&detail, key, &value);
    }
    tell_host(event.name(), &detail);
}

thread_local! {
    /// The journey the host page was last told about; none before the owner reached the flow.
    static TOLD: RefCell<Option<Journey>> = const { RefCell::new(None) };
}

/// Inside the widget, tells the host page where the owner is in the flow, given the route just
/// shown (see [`widget_events`]): ids and outcomes only. Called on every change of route; the
/// flow's routes that moved the journey tell something.
///
/// A plain function with the last journey in a thread-local rather than an effect of its own
/// with a stored value: each new reactive type is new generic code in the wasm every visitor
/// downloads.
pub fn tell_host_about_the_flow(route: &Route) {
    let Some(journey) = route.journey() else {
        return;
    };
    if host_origin().is_none() {
        return;
    }
    let before = TOLD.with(|told| told.replace(Some(journey.clone())));
    let told = match before {
        Some(before) => widget_events::events(&KB, &before, journey),
        // Arriving on the flow (a resumed journey too): where the owner is now.
        None => widget_events::screen_event(&KB, journey)
            .into_iter()
            .collect(),
    };
    for event in &told {
        tell_widget_event(event);
    }
}

/// What the owner passes to the host's own support with the hand-over button: the summary as
/// text, and the same as data.
pub struct HandOver<'a> {
    pub summary: &'a str,
    /// The steps tried, with how each went: (step id, outcome name).
    pub steps: Vec<(&'static str, &'static str)>,
    /// The likely causes still open, likeliest first.
    pub causes: Vec<&'static str>,
    pub model: Option<String>,
    pub service: Option<String>,
    pub language: &'static str,
}

/// Sends the hand-over to the host page: only ever on the owner's click, which is the consent.
pub fn hand_over_to_host(hand_over: &HandOver) {
    let detail = Object::new();
    set(&detail, "summary", &hand_over.summary.into());
    let steps: Array = hand_over
        .steps
        .iter()
        .map(|(step, outcome)| {
            let tried = Object::new();
            set(&tried, "step", &(*step).into());
            set(&tried, "outcome", &(*outcome).into());
            JsValue::from(tried)
        })
        .collect();
    set(&detail, "steps", &steps);
    let causes: Array = hand_over.causes.iter().map(|c| JsValue::from(*c)).collect();
    set(&detail, "causes", &causes);
    let text = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from);
    set(&detail, "model", &text(&hand_over.model));
    set(&detail, "service", &text(&hand_over.service));
    set(&detail, "language", &hand_over.language.into());
    tell_host("handover", &detail);
}
