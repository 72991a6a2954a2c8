//! Undo for Start over: the first question, right after Start over, says the answers were
//! cleared and offers them back. Start over (`ui::shared::StartOver`, drawn by either module)
//! set them aside in the tab's session storage; this puts them back.

use leptos::prelude::*;

use crate::diagnose::Journey;
use crate::i18n::t;
use crate::route::Route;
use crate::ui::shared::use_flow;
use crate::web::{storage, title_and_focus};

/// A polite status region, always present so that a screen reader announces what appears in
/// it: after Start over, "Your answers were cleared." with an Undo button, until the owner
/// answers again or undoes.
#[component]
pub(super) fn UndoStartOver(journey: Signal<Journey>) -> impl IntoView {
    let flow = use_flow();
    // Read again whenever the journey changes: Start over sets the answers aside just before
    // the link changes to the empty journey.
    let set_aside = Memo::new(move |_| {
        journey.with(Journey::is_empty) && storage::set_aside_journey().is_some()
    });
    // Start over is pressed at the foot of a screen, and the first question may be short: the
    // message is at the top, so the page goes there.
    Effect::new(move |_| {
        if set_aside.get() {
            title_and_focus::scroll_to_top();
        }
    });
    let undo = move |_| {
        let restored = storage::restore_set_aside().and_then(|text| Route::saved_journey(&text));
        if let Some(journey) = restored {
            flow.go(&journey);
        }
    };
    view! {
        <div class="undo-bar" role="status" aria-live="polite" data-testid="start-over-status">
            {move || {
                set_aside
                    .get()
                    .then(|| {
                        view! {
                            <p>{t("flow.cleared")}</p>
                            <button type="button" class="button" on:click=undo>
                                {t("flow.undo")}
                            </button>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
