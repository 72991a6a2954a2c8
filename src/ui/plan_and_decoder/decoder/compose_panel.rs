//! The reverse of decoding, for a developer deciding what to send: pick a code, perhaps a
//! custom message or the refreshed tokens, and get the exact HTTP response, the localization
//! entries and what the user will see in each context. `fault::compose` decides everything;
//! this only draws it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text_field::TextField;
use crate::fault::codes::Code;
use crate::fault::compose::{compose, Composed, Request};
use crate::web::clipboard;

#[component]
pub fn ComposePanel() -> impl IntoView {
    let code = RwSignal::new(Code::ALL[0].name().to_owned());
    let number = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let faultstring = RwSignal::new(String::new());
    let auth_token = RwSignal::new(String::new());
    let private_key = RwSignal::new(String::new());

    // Everything below follows the fields; a field that cannot be used says why.
    let composed = Memo::new(move |_| -> Result<Composed, String> {
        let number_text = number.get();
        let custom = match number_text.trim() {
            "" => None,
            n => {
                let n: u32 = n
                    .parse()
                    .map_err(|_| format!("SonosError must be a whole number, not “{n}”."))?;
                Some(n)
            }
        };
        let (message, faultstring, auth, key) = (
            message.get(),
            faultstring.get(),
            auth_token.get(),
            private_key.get(),
        );
        let code = code.get();
        let request = Request {
            code: &code,
            custom: custom.map(|n| (n, message.as_str())),
            tokens: (!auth.trim().is_empty() || !key.trim().is_empty())
                .then_some((auth.as_str(), key.as_str())),
            faultstring: Some(faultstring.as_str()).filter(|s| !s.trim().is_empty()),
        };
        compose(&request).map_err(|e| format!("{}.", capitalised(&e.to_string())))
    });
    let is_refresh = move || code.get() == Code::TokenRefreshRequired.name();
    let options = Code::ALL
        .iter()
        .map(|c| view! { <option value=c.name()>{c.name()}</option> })
        .collect_view();

    view! {
        <details class="compose-panel">
            <summary>"Compose the fault to send"</summary>
            <p class="help">
                "Choose what the user should meet; get the exact response to send, built the way "
                "Sonos requires, and what the user sees in each context."
            </p>
            <div class="field">
                <label for="compose-code" class="field-label">"Fault code"</label>
                <select id="compose-code" on:change=move |ev| code.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <TextField id="compose-faultstring" label="faultstring (for Sonos’ logs)" value=faultstring />
            <TextField
                id="compose-sonos-error"
                label="Custom message number (SonosError, optional)"
                value=number
                numeric=true
            />
            <TextField id="compose-message" label="Custom message text" value=message />
            <Show when=is_refresh>
                <TextField id="compose-auth-token" label="New authToken" value=auth_token />
                <TextField id="compose-private-key" label="New privateKey" value=private_key />
            </Show>
            <div aria-live="polite">
                {move || match composed.get() {
                    Ok(composed) => view! { <ComposedView composed /> }.into_any(),
                    Err(message) => view! {
                        <p class="decode-error" data-testid="compose-error" role="alert">{message}</p>
                    }
                    .into_any(),
                }}
            </div>
        </details>
    }
}

#[component]
fn ComposedView(composed: Composed) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let http = composed.http.clone();
    let copy = move |_| {
        let text = http.clone();
        spawn_local(async move {
            status.set(match clipboard::copy_text(&text).await {
                Ok(()) => "Response copied.".to_owned(),
                Err(()) => "This browser did not allow copying.".to_owned(),
            });
        });
    };
    let entries = composed.strings.map(|entries| {
        view! {
            <h4>{format!("Add {} to your localization resource", entries.key)}</h4>
            <pre class="code-output" data-testid="compose-strings"><code>{entries.json}"\n\n"{entries.xml}</code></pre>
        }
    });
    view! {
        <h4>"The HTTP response to send"</h4>
        <pre class="code-output" data-testid="compose-http"><code>{composed.http}</code></pre>
        <p>
            <button type="button" class="button" on:click=copy>"Copy response"</button>
            " " <span role="status">{move || status.get()}</span>
        </p>
        {entries}
        <h4>"What the user sees"</h4>
        <dl class="fault-facts" data-testid="compose-user-sees">
            {composed.user_sees.into_iter().map(|(context, seen)| view! {
                <dt>{context.label()}</dt><dd>{seen}</dd>
            }).collect_view()}
        </dl>
        {composed.notes.into_iter().map(|n| view! { <p class="note">{n}</p> }).collect_view()}
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
