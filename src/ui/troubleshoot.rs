//! The guided troubleshooting section.

use leptos::prelude::*;

use super::components::PageHeading;
use crate::route::Route;

#[component]
pub fn TroubleshootPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Troubleshoot error 1002"</PageHeading>
            <p class="lead">
                "One question at a time: when the error appears, which speaker, and what else "
                "you notice. From your answers Fix 1002 ranks the likely causes and gives you a "
                "plan, quickest likely fix first, checking after each step whether it worked."
            </p>
            <h2>"Before you start, have at hand"</h2>
            <ul>
                <li>"The Sonos app on your phone or tablet"</li>
                <li>"Your Wi-Fi router, in case it needs a restart"</li>
                <li>"The sign-in details of your music service"</li>
            </ul>
            <p>
                "If nothing works, you finish with a summary of what you tried, ready to send to "
                "Sonos support. You can also browse every "
                <a href=Route::Steps.href()>"fix step"</a>
                " on its own."
            </p>
        </section>
    }
}
