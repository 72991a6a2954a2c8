//! The main module's views: the shell around the page that the current route names.

mod common_questions;
mod decode_page;
mod home;
mod module_host;
mod not_found;
mod saved_check;
mod shell;
mod step_pages;
mod troubleshoot;

pub use common_questions::QuestionPage;
pub use home::HomePage;
pub use step_pages::{StepPage, StepsIndexPage};
pub use troubleshoot::FirstQuestionPage;

use leptos::prelude::*;

use fix1002_core::language_files::shown_from_first_files;

use super::shared::{Flow, PAGE_HEADING_ID};
use crate::i18n::t;
use crate::route::{Route, Sections};
use crate::web::{location, title_and_focus};

/// The whole application. Its only state is the URL fragment, read once per change into a
/// [`Route`] (which, in the troubleshooting flow, carries the journey so far). Links are plain
/// `<a href="#/…">`, so Back, Forward, reload and "open in new tab" all behave natively.
///
/// `texts_complete` turns true once every text of the page's language is installed: until then
/// only the pages its first files hold are drawn, and another says it is loading (see
/// `fix1002_core::language_files`); without it, every text is there.
///
/// `update_ready` turns true when a new version has been downloaded and waits (see
/// `web::service_worker`); `embedded` selects the compact layout of the help widget and keeps
/// the flow out of the host page's history; `sections` leaves sections out (all are offered
/// when it is not given).
#[component]
pub fn App(
    #[prop(optional)] update_ready: Option<RwSignal<bool>>,
    #[prop(optional)] texts_complete: Option<RwSignal<bool>>,
    #[prop(optional)] embedded: bool,
    #[prop(optional)] sections: Option<Sections>,
) -> impl IntoView {
    let sections = sections.unwrap_or(Sections::ALL);
    provide_context(Flow::for_page(embedded));
    let fragment = RwSignal::new(location::current_fragment());
    location::watch_fragment(move |new| fragment.set(new));
    let route = Memo::new(move |_| Route::from_fragment(&fragment.get()));
    // The page to show changes less often than the route: every answer is a new route but
    // the same troubleshooting page, which keeps what it holds.
    let page = Memo::new(move |_| route.with(Route::page));

    // Title and focus follow the fragment (and, in the widget, what the host page is told).
    // On the first run (page load) focus stays where the browser put it; after that, the new
    // page's heading takes focus as after a page load, so a screen reader announces each new
    // page, question and step.
    Effect::new(move |already_ran: Option<()>| {
        fragment.track();
        title_and_focus::set_title(&route.with(crate::ui::shared::document_title));
        // Inside the widget, the host page is told where the owner is in the flow.
        if embedded {
            route.with(crate::web::embed::tell_host_about_the_flow);
        }
        if already_ran.is_some() {
            title_and_focus::focus_by_id(PAGE_HEADING_ID);
        }
    });

    // Whether the page's texts are all installed; false only on a page that needs the later
    // files before they have arrived (see `TextsLoading`).
    let texts_ready = Memo::new(move |_| {
        texts_complete.is_none_or(|complete| complete.get()) || route.with(shown_from_first_files)
    });
    // The page that replaces the loading line gets the focus the route change gave its
    // heading, which was not there yet.
    Effect::new(move |was_ready: Option<bool>| {
        let ready = texts_ready.get();
        if was_ready == Some(false) && ready {
            title_and_focus::focus_by_id_if_unfocused(PAGE_HEADING_ID);
        }
        ready
    });

    let current = Signal::derive(move || page.get());
    let journey = Signal::derive(move || route.with(|r| r.journey().cloned().unwrap_or_default()));
    view! {
        <shell::SkipLink />
        {update_ready.map(|ready| view! { <shell::UpdateBanner ready /> })}
        <shell::Header current embedded sections />
        <main id="main" tabindex="-1">
            {move || match page.get() {
                _ if !texts_ready.get() => view! { <TextsLoading /> }.into_any(),
                page if !sections.offers(&page) => view! { <not_found::NotOfferedPage sections /> }.into_any(),
                Route::Home => view! { <home::HomePage sections /> }.into_any(),
                Route::Troubleshoot { .. } => view! { <troubleshoot::TroubleshootPage journey /> }.into_any(),
                Route::Decode => view! { <decode_page::DecodePage /> }.into_any(),
                Route::Steps => view! { <StepsIndexPage /> }.into_any(),
                Route::Step(id) => view! { <StepPage id /> }.into_any(),
                Route::Question(id) => view! { <QuestionPage id /> }.into_any(),
                Route::NotFound(path) => view! { <not_found::NotFoundPage path sections /> }.into_any(),
            }}
        </main>
        <shell::Footer embedded />
    }
}

/// Shown in place of a page whose texts are still on their way: briefly, between the first
/// answer and the arrival of the language's later files.
#[component]
fn TextsLoading() -> impl IntoView {
    view! {
        <p class="boot-status" role="status" data-testid="texts-loading">
            {t("shell.loading")}
        </p>
    }
}
