//! The landing page: what error 1002 is, and the way into each section.

use leptos::prelude::*;

use super::components::{CitedFact, PageHeading};
use super::questions::QuestionList;
use crate::kb::ABOUT_ERROR_1002;
use crate::route::Route;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page home" aria-labelledby="page-heading">
            <PageHeading>"Sonos says error 1002? Let’s fix it."</PageHeading>
            <p class="lead">
                "A calm, step-by-step helper that works on your phone, even when the home "
                "internet is down."
            </p>
            <a class="button primary" href=Route::Troubleshoot.href()>
                "Start troubleshooting"
            </a>

            <ul class="cards" role="list">
                <li class="card">
                    <h2><a href=Route::Troubleshoot.href()>"Troubleshoot"</a></h2>
                    <p>"Answer a few questions and get the likely causes and a fix plan."</p>
                </li>
                <li class="card">
                    <h2><a href=Route::Decode.href()>"Decode a fault"</a></h2>
                    <p>"For music-service developers: see what a SOAP fault shows Sonos users."</p>
                </li>
                <li class="card">
                    <h2><a href=Route::Steps.href()>"Fix steps"</a></h2>
                    <p>"Every fix on a page of its own, with a link you can share."</p>
                </li>
            </ul>

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
}
