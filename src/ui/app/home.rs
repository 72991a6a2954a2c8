//! The landing page: what error 1002 is, and the way into each section.

use leptos::prelude::*;

use super::common_questions::QuestionList;
use super::saved_check::SavedCheckOffer;
use crate::kb::ABOUT_ERROR_1002;
use crate::route::{Route, Sections};
use crate::ui::shared::{CitedFact, PageHeading, PAGE_HEADING_ID};

/// What each section's card says under its name.
fn card_text(section: &Route) -> &'static str {
    match section {
        Route::Troubleshoot { .. } => {
            "Answer a few questions and get the likely causes and a fix plan."
        }
        Route::Decode => "For music-service developers: see what a SOAP fault shows Sonos users.",
        Route::Steps => "Every fix on a page of its own, with a link you can share.",
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
                    <h2><a href=section.href()>{section.nav_label()}</a></h2>
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
                "Start troubleshooting"
            </a>
        }
    });
    view! {
        <section class="page home" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>"Sonos says error 1002? Let’s fix it."</PageHeading>
            <p class="lead">
                "A calm, step-by-step helper that works on your phone, even when the home "
                "internet is down."
            </p>
            {saved}
            {start}

            <ul class="cards" role="list">{cards}</ul>

            <h2>"Common questions"</h2>
            <QuestionList />

            <h2>"What error 1002 means"</h2>
            <ul class="facts" role="list">
                {ABOUT_ERROR_1002
                    .iter()
                    .map(|fact| view! { <CitedFact fact /> })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
