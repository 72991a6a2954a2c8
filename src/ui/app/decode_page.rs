//! The "Decode a fault" section as the main app draws it: the heading and the privacy note at
//! once, then the decoder tool, which lives in the second wasm module and is fetched the first
//! time the section opens, so it is not part of an owner's first download (issue 13).

use leptos::prelude::*;

use super::module_host::ModuleHost;
use crate::ui::shared::{PageHeading, PAGE_HEADING_ID};
use crate::web::plan_and_decoder_module::Drawn;

#[component]
pub fn DecodePage() -> impl IntoView {
    view! {
        <section class="page decoder" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>"Decode a SMAPI fault"</PageHeading>
            <p class="lead">
                "Paste a SOAP fault, a whole raw HTTP response or a controller log. See what the "
                "Sonos user is shown, and every way the fault breaks Sonos’ rules."
            </p>
            <p class="privacy-note">
                "Decoding happens in this browser tab. Nothing you paste is stored or sent."
            </p>
            // The tool itself comes from the second module, fetched the first time the
            // section opens.
            <ModuleHost drawn=Drawn::Decoder />
        </section>
    }
}
