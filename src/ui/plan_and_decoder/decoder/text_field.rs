//! A labelled one-line text input bound to a signal: the names of the message options and the
//! fields of the compose panel.

use leptos::prelude::*;

#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: &'static str,
    /// Whether a phone should offer its number keyboard.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id class="field-label">{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                inputmode=numeric.then_some("numeric")
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                // The decoder's state outlives this view: coming back shows what was typed.
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
