//! Coming back to a journey saved on this device, when the flow opens: "Continue where you
//! left off, or start a new check?", or, for a check that ended with a fix, "Did error 1002
//! come back?". The saved check and its choices are shared with the start page
//! (`super::super::saved_check`).

use leptos::prelude::*;

use super::super::saved_check::{fixed_last_time, SavedCheck, SavedCheckChoices};
use crate::diagnose::Journey;
use crate::i18n::t;
use crate::route::Route;
use crate::ui::shared::PageHeading;
use crate::web::location::{self, History};
use crate::web::storage;

/// Opening the flow without a journey in the link finds the saved one, if it is intact.
pub(super) fn saved_journey(in_link: &Journey) -> Option<SavedCheck> {
    let first_in_visit = storage::first_flow_opening_this_visit();
    if !in_link.is_empty() {
        return None;
    }
    let saved = SavedCheck::read()?;
    // Within one visit (the owner went to a fix step's page and came back by the menu) the
    // flow simply carries on; the question is for coming back later.
    if !first_in_visit {
        location::go_to(&Route::troubleshoot(saved.journey).href(), History::Replace);
        return None;
    }
    Some(saved)
}

/// The flow's first screen when a check is saved: continue it or start a new one, or, after a
/// fix, whether the error came back.
#[component]
pub(super) fn ResumeScreen(
    saved: SavedCheck,
    offer: RwSignal<Option<SavedCheck>>,
) -> impl IntoView {
    let (heading, lead) = match saved.fixed_by {
        Some(step) => (t("saved.came_back"), fixed_last_time(step)),
        None => (t("saved.resume_heading"), saved.progress()),
    };
    view! {
        <p class="eyebrow">{t("common.eyebrow_troubleshoot")}</p>
        <PageHeading>{heading}</PageHeading>
        <p class="lead" data-testid="saved-journey">{lead}</p>
        <SavedCheckChoices saved offer history=History::Replace new_check=None />
    }
    .into_any()
}
