//! What a link to an unknown page shows.

use leptos::prelude::*;

use crate::route::{Route, Sections};
use crate::ui::shared::{PageHeading, PAGE_HEADING_ID};

#[component]
pub fn NotFoundPage(path: String, sections: Sections) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>"Page not found"</PageHeading>
            <p>"There is no page at “" <code>{path}</code> "”. Try one of these:"</p>
            <SectionLinks sections />
        </section>
    }
}

/// A section the help site embedding the widget has left out (`data-sections`).
#[component]
pub fn NotOfferedPage(sections: Sections) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>"Not offered here"</PageHeading>
            <p>"This help offers the sections below. Try one of these:"</p>
            <SectionLinks sections />
        </section>
    }
}

#[component]
fn SectionLinks(sections: Sections) -> impl IntoView {
    view! {
        <ul>
            {sections
                .list()
                .map(|s| view! { <li><a href=s.href()>{s.nav_label()}</a></li> })
                .collect_view()}
            <li><a href=Route::Home.href()>"Home"</a></li>
        </ul>
    }
}
