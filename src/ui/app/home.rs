//! The landing page: what error 1002 is, and the way into each section.

use leptos::prelude::*;

use super::common_questions::QuestionList;
use super::saved_check::SavedCheckOffer;
use crate::i18n::{facts, t};
use crate::route::{Route, Sections};
use crate::ui::shared::{nav_label, CitedFact, PageHeading, PAGE_HEADING_ID};

/// What each section's card says under its name.
fn card_text(section: &Route) -> &'static str {
    match section {
        Route::Troubleshoot { .. } => t("home.card_troubleshoot"),
        Route::Decode => t("home.card_decode"),
        Route::Steps => t("home.card_steps"),
        // Only sections have cards.
        _ => "",
    }
}

/// `sections` leaves out the cards (and the start button) of sections the page does not
/// offer, as in a help widget for owners only.
#[component]
pub fn HomePage(sections: Sections) -> impl IntoView {
    let cards = sections
        .list()
        .map(|section| {
            let text = card_text(&section);
            view! {
                <li class="card">
                    <h2><a href=section.href()>{nav_label(&section)}</a></h2>
                    <p>{text}</p>
                </li>
            }
        })
        .collect_view();
    // A check saved on this device is offered first: the start page is what a home-screen
    // icon opens, so it is where an owner comes back.
    let saved = sections
        .offers(&Route::TROUBLESHOOT)
        .then(|| view! { <SavedCheckOffer /> });
    let start = sections.offers(&Route::TROUBLESHOOT).then(|| {
        view! {
            <a class="button primary" href=Route::TROUBLESHOOT.href()>
                {t("home.start")}
            </a>
        }
    });
    view! {
        <section class="page home" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>{t("home.heading")}</PageHeading>
            <p class="lead">{t("home.lead")}</p>
            {saved}
            {start}

            <ul class="cards" role="list">{cards}</ul>

            <h2>{t("home.common_questions")}</h2>
            <QuestionList />

            <h2>{t("home.what_it_means")}</h2>
            <ul class="facts" role="list">
                {facts()
                    .iter()
                    .map(|fact| view! { <CitedFact fact /> })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
