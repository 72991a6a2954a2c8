//! The app: shell around the page that the current route names.

use leptos::prelude::*;

use super::{decode_section, home, not_found, questions, shell, steps, troubleshoot};
use crate::route::{Offered, Route};
use crate::web::{location, page};

/// The id of each page's main heading, which takes focus after navigation.
pub(crate) const PAGE_HEADING_ID: &str = "page-heading";

/// The whole application. Its only state is the URL fragment: it names the route and, in the
/// troubleshooting flow, the journey so far. Links are plain `<a href="#/…">`, so Back,
/// Forward, reload and "open in new tab" all behave natively.
///
/// `update_ready` turns true when a new version has been downloaded and waits (see
/// `web::service_worker`); `embedded` selects the compact layout of the help widget;
/// `offered` leaves sections out (all are offered when it is not given).
#[component]
pub fn App(
    #[prop(optional)] update_ready: Option<RwSignal<bool>>,
    #[prop(optional)] embedded: bool,
    #[prop(optional)] offered: Option<Offered>,
) -> impl IntoView {
    let offered = offered.unwrap_or(Offered::ALL);
    let fragment = RwSignal::new(location::current_fragment());
    location::watch_fragment(move |new| fragment.set(new));
    let route = Memo::new(move |_| Route::from_fragment(&fragment.get()));

    // Title and focus follow the fragment. On the first run (page load) focus stays where the
    // browser put it; after that, the new page's heading takes focus as after a page load, so a
    // screen reader announces each new page, question and step.
    Effect::new(move |already_ran: Option<()>| {
        fragment.track();
        page::set_title(&route.get().document_title());
        if already_ran.is_some() {
            page::focus_by_id(PAGE_HEADING_ID);
        }
    });

    let current = Signal::derive(move || route.get());
    let fragment = Signal::from(fragment);
    view! {
        <shell::SkipLink />
        {update_ready.map(|ready| view! { <shell::UpdateBanner ready /> })}
        <shell::Header current embedded offered />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                route if !offered.offers(&route) => view! { <not_found::NotOfferedPage offered /> }.into_any(),
                Route::Home => view! { <home::HomePage offered /> }.into_any(),
                Route::Troubleshoot => view! { <troubleshoot::TroubleshootPage fragment /> }.into_any(),
                Route::Decode => view! { <decode_section::DecodePage /> }.into_any(),
                Route::Steps => view! { <steps::StepsIndexPage /> }.into_any(),
                Route::Step(id) => view! { <steps::StepPage id /> }.into_any(),
                Route::Question(id) => view! { <questions::QuestionPage id /> }.into_any(),
                Route::NotFound(path) => view! { <not_found::NotFoundPage path offered /> }.into_any(),
            }}
        </main>
        <shell::Footer embedded />
    }
}
