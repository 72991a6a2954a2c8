//! What a link to an unknown page shows.

use leptos::prelude::*;

use super::components::PageHeading;
use crate::route::{Offered, Route};

#[component]
pub fn NotFoundPage(path: String, offered: Offered) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Page not found"</PageHeading>
            <p>"There is no page at “" <code>{path}</code> "”. Try one of these:"</p>
            <SectionLinks offered />
        </section>
    }
}

/// A section the help site embedding the widget has left out (`data-sections`).
#[component]
pub fn NotOfferedPage(offered: Offered) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Not offered here"</PageHeading>
            <p>"This help offers the sections below. Try one of these:"</p>
            <SectionLinks offered />
        </section>
    }
}

#[component]
fn SectionLinks(offered: Offered) -> impl IntoView {
    view! {
        <ul>
            {offered
                .sections()
                .map(|s| view! { <li><a href=s.href()>{s.nav_label()}</a></li> })
                .collect_view()}
            <li><a href=Route::Home.href()>"Home"</a></li>
        </ul>
    }
}
