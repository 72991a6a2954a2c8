//! Small pieces that several pages share.

use leptos::prelude::*;

use crate::i18n::t;
use crate::kb::{href, Fact, Piece, Prose};

/// The id of each page's main heading, which takes focus after navigation and names the
/// page's section (`aria-labelledby`).
pub const PAGE_HEADING_ID: &str = "page-heading";

/// A page's main heading. It can take focus (but is not a Tab stop), so that navigation can
/// move a screen reader's attention to the new page.
#[component]
pub fn PageHeading(children: Children) -> impl IntoView {
    view! {
        <h1 id=PAGE_HEADING_ID tabindex="-1">
            {children()}
        </h1>
    }
}

/// A line of the knowledge base's text, with its web addresses as real links. They open
/// outside the app (and outside the help widget's frame), so the owner's place is kept.
#[component]
pub fn LinkedText(text: Prose) -> impl IntoView {
    text.pieces()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Address(address) => view! {
                <a href=href(address) target="_blank" rel="noopener noreferrer">{address}</a>
            }
            .into_any(),
        })
        .collect_view()
}

/// A fact with its citation underneath, so the reader can see where each claim comes from.
#[component]
pub fn CitedFact(fact: &'static Fact) -> impl IntoView {
    view! {
        <li class="fact" data-fact=fact.id>
            <p>{fact.text}</p>
            <p class="source">{t("common.source")} {fact.source.citation()}</p>
        </li>
    }
}

/// A message whose placeholder `{name}` shows its value as code: "There is no page at
/// “<code>x</code>”". The value is text, never markup, like everything a visitor typed.
pub fn with_code(template: &'static str, name: &str, value: String) -> impl IntoView {
    let marker = format!("{{{name}}}");
    let (before, after) = template.split_once(&marker).unwrap_or((template, ""));
    view! { {before} <code>{value}</code> {after} }
}
