//! What a link to an unknown page shows.

use leptos::prelude::*;

use crate::i18n::t;
use crate::route::{Route, Sections};
use crate::ui::shared::{nav_label, with_code, PageHeading, PAGE_HEADING_ID};

#[component]
pub fn NotFoundPage(path: String, sections: Sections) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>{t("not_found.heading")}</PageHeading>
            <p>{with_code(t("not_found.text"), "path", path)}</p>
            <SectionLinks sections />
        </section>
    }
}

/// A section the help site embedding the widget has left out (`data-sections`).
#[component]
pub fn NotOfferedPage(sections: Sections) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>{t("not_found.not_offered_heading")}</PageHeading>
            <p>{t("not_found.not_offered_text")}</p>
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
                .map(|s| view! { <li><a href=s.href()>{nav_label(&s)}</a></li> })
                .collect_view()}
            <li><a href=Route::Home.href()>{t("nav.home")}</a></li>
        </ul>
    }
}
