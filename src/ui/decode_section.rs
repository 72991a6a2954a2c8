//! The "Decode a fault" section as the main app draws it: the heading and the privacy note at
//! once, then the decoder tool, which lives in a wasm of its own and is fetched the first time
//! the section opens. Owners, who never open it, never download it (issue 13).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::components::PageHeading;
use crate::web::decoder_module;

/// Where the decoder's module stands, as the reader is told.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Pending,
    Ready,
    Failed,
}

#[component]
pub fn DecodePage() -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let loading = RwSignal::new(Loading::Pending);
    // Bumped by "Try again"; each bump starts one attempt.
    let attempt = RwSignal::new(0u32);

    Effect::new(move |_| {
        attempt.track();
        let Some(element) = host.get() else {
            return;
        };
        loading.set(Loading::Pending);
        spawn_local(async move {
            let outcome = decoder_module::mount_into(element.into()).await;
            // The reader may have left the section while the module loaded; the signal is
            // gone with the page then, and there is nothing to update.
            let _ = loading.try_set(if outcome.is_ok() {
                Loading::Ready
            } else {
                Loading::Failed
            });
        });
    });

    view! {
        <section class="page decoder" aria-labelledby="page-heading">
            <PageHeading>"Decode a SMAPI fault"</PageHeading>
            <p class="lead">
                "Paste a SOAP fault, a whole raw HTTP response or a controller log. See what the "
                "Sonos user is shown, and every way the fault breaks Sonos’ rules."
            </p>
            <p class="privacy-note">
                "Decoding happens in this browser tab. Nothing you paste is stored or sent."
            </p>
            <p class="boot-status" role="status" data-testid="decoder-status">
                {move || match loading.get() {
                    Loading::Pending => "Loading the decoder…",
                    Loading::Ready | Loading::Failed => "",
                }}
            </p>
            <Show when=move || loading.get() == Loading::Failed>
                <div class="decode-error" role="alert" data-testid="decoder-unavailable">
                    <p>
                        "The decoder could not be loaded. It is downloaded the first time this "
                        "section opens, and kept for offline use after that. Check the connection "
                        "and try again."
                    </p>
                    <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                        "Try again"
                    </button>
                </div>
            </Show>
            // The decoder module draws into this element; the main app never touches its
            // children.
            <div class="decoder-host" node_ref=host></div>
        </section>
    }
}
