//! The app: shell around the page that the current route names.

use leptos::prelude::*;

use super::{decode, home, not_found, shell, steps, troubleshoot};
use crate::route::Route;
use crate::web::{location, page};

/// The id of each page's main heading, which takes focus after navigation.
pub(crate) const PAGE_HEADING_ID: &str = "page-heading";

/// The whole application. Its only state is the route, read from the URL fragment; links are
/// plain `<a href="#/…">`, so Back, Forward, reload and "open in new tab" all behave natively.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::from_fragment(&location::current_fragment()));
    location::watch_fragment(move |fragment| route.set(Route::from_fragment(&fragment)));

    // Title and focus follow the route. On the first run (page load) focus stays where the
    // browser put it; after that, the new heading takes focus as a full page load would.
    Effect::new(move |already_ran: Option<()>| {
        page::set_title(&route.get().document_title());
        if already_ran.is_some() {
            page::focus_by_id(PAGE_HEADING_ID);
        }
    });

    let current = Signal::derive(move || route.get());
    view! {
        <shell::SkipLink />
        <shell::Header current />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Home => view! { <home::HomePage /> }.into_any(),
                Route::Troubleshoot => view! { <troubleshoot::TroubleshootPage /> }.into_any(),
                Route::Decode => view! { <decode::DecodePage /> }.into_any(),
                Route::Steps => view! { <steps::StepsIndexPage /> }.into_any(),
                Route::Step(id) => view! { <steps::StepPage id /> }.into_any(),
                Route::NotFound(path) => view! { <not_found::NotFoundPage path /> }.into_any(),
            }}
        </main>
        <shell::Footer />
    }
}
