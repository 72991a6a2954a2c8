//! The SMAPI fault decoder section, for developers of music services on Sonos.

use leptos::prelude::*;

use super::components::PageHeading;

#[component]
pub fn DecodePage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Decode a SMAPI fault"</PageHeading>
            <p class="lead">
                "For developers of music services on Sonos. Paste a SOAP fault, a whole raw HTTP "
                "response or a controller log, and see what the Sonos user is shown while "
                "browsing, searching, setting up an account or streaming."
            </p>
            <h2>"What you will get"</h2>
            <ul>
                <li>"Each fault’s code, its type (Client or Server) and what it means"</li>
                <li>"The exact message the user sees, with your service’s name filled in"</li>
                <li>
                    "Every way the response breaks Sonos’ rules, such as a status other than 500 "
                    "or anything beside the Fault in the SOAP body"
                </li>
                <li>"Links to the fix steps that help the user"</li>
            </ul>
            <p class="privacy-note">
                "Decoding happens in this browser tab. Nothing you paste is stored or sent."
            </p>
        </section>
    }
}
