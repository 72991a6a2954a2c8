//! What a link to an unknown page shows.

use leptos::prelude::*;

use super::components::PageHeading;
use crate::route::{Route, SECTIONS};

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Page not found"</PageHeading>
            <p>"There is no page at “" <code>{path}</code> "”. Try one of these:"</p>
            <ul>
                {SECTIONS
                    .iter()
                    .map(|s| view! { <li><a href=s.href()>{s.nav_label()}</a></li> })
                    .collect_view()}
                <li><a href=Route::Home.href()>"Home"</a></li>
            </ul>
        </section>
    }
}
