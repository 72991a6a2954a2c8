//! The fix steps section: an index, and a page per step at a stable link.

use leptos::prelude::*;

use super::components::PageHeading;
use crate::route::Route;

#[component]
pub fn StepsIndexPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Fix steps"</PageHeading>
            <p class="lead">
                "Every fix for error 1002, each on its own page with the exact menu path in the "
                "Sonos app, why it helps and roughly how long it takes."
            </p>
            <p>
                "Each step keeps the same link from release to release, so a support agent can "
                "send it and a help site can link to it. Not sure which step you need? "
                <a href=Route::Troubleshoot.href()>"Troubleshoot"</a>
                " picks them for you in order."
            </p>
        </section>
    }
}

/// A single step's page. A link to a step that does not exist (mistyped, or from a future
/// release) says so and leads back to the index rather than showing an empty page.
#[component]
pub fn StepPage(id: String) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"No fix step with this link"</PageHeading>
            <p>
                "There is no fix step called “" <code>{id}</code> "”. The link may be mistyped."
            </p>
            <a class="button" href=Route::Steps.href()>"See all fix steps"</a>
        </section>
    }
}
