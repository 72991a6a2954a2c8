//! Browser tests for the app shell, run in headless Chromium by `wasm-bindgen-test-runner`.
//!
//! They guard what only a browser can show: that the navigation links really change the page
//! through the URL fragment (the `hashchange` path), and that the current section is marked
//! for screen readers.
#![cfg(target_arch = "wasm32")]

use fix1002_web::ui::plan_and_decoder::{DecoderState, DecoderTool};
use fix1002_web::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and returns that element.
fn mount_fresh_app() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), || leptos::view! { <App /> }).forget();
    root
}

/// The browser fires `hashchange` in a task of its own after the fragment changes; waiting
/// one timer turn lets it run.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets `hashchange` fire, then lets the reactive system re-render. Only valid once the app
/// is mounted, since mounting starts Leptos' executor.
async fn settle() {
    next_task().await;
    leptos::task::tick().await;
}

fn set_fragment(fragment: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(fragment)
        .unwrap();
}

fn heading(root: &HtmlElement) -> String {
    root.query_selector("h1")
        .unwrap()
        .expect("every page has a main heading")
        .text_content()
        .unwrap_or_default()
}

fn nav_link(root: &HtmlElement, name: &str) -> HtmlElement {
    let links = root.query_selector_all("nav a").unwrap();
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|a| a.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no navigation link named {name:?}"))
}

#[wasm_bindgen_test]
async fn clicking_a_section_link_shows_that_section_and_marks_it_current() {
    set_fragment("#/");
    next_task().await;
    let root = mount_fresh_app();
    assert!(heading(&root).contains("error 1002"), "home page first");

    nav_link(&root, "Decode a fault").click();
    settle().await;

    assert_eq!(heading(&root), "Decode a SMAPI fault");
    let decode = nav_link(&root, "Decode a fault");
    assert_eq!(
        decode.get_attribute("aria-current").as_deref(),
        Some("page")
    );
    let troubleshoot = nav_link(&root, "Troubleshoot");
    assert_eq!(troubleshoot.get_attribute("aria-current"), None);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_browser_back_button_returns_to_the_previous_section() {
    storage().remove_item("fix1002.journey").unwrap();
    set_fragment("#/troubleshoot");
    next_task().await;
    let root = mount_fresh_app();
    assert_eq!(heading(&root), "When do you see error 1002?");

    nav_link(&root, "Fix steps").click();
    settle().await;
    assert_eq!(heading(&root), "Fix steps");

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    settle().await;
    settle().await;
    assert_eq!(heading(&root), "When do you see error 1002?");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_fragment_shows_not_found_without_rendering_it_as_html() {
    set_fragment("#/<img src=x>");
    next_task().await;
    let root = mount_fresh_app();
    assert_eq!(heading(&root), "Page not found");
    assert!(root.query_selector("main img").unwrap().is_none());
    root.remove();
}

fn button(root: &HtmlElement, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn an_answer_moves_to_the_next_question_and_is_kept_in_the_url_and_storage() {
    storage().remove_item("fix1002.journey").unwrap();
    set_fragment("#/troubleshoot");
    next_task().await;
    let root = mount_fresh_app();
    assert_eq!(heading(&root), "When do you see error 1002?");

    button(&root, "During a software update").click();
    settle().await;

    assert_eq!(
        heading(&root),
        "Has a speaker stopped responding since a firmware update?"
    );
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#/troubleshoot?s=when:update");
    assert_eq!(
        storage().get_item("fix1002.journey").unwrap().as_deref(),
        Some("when:update")
    );

    button(&root, "Back").click();
    settle().await;
    assert_eq!(heading(&root), "When do you see error 1002?");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_saved_journey_is_resumed_and_a_corrupted_one_is_dropped_silently() {
    storage()
        .set_item(
            "fix1002.journey",
            "when:playback,recurring:yes,services:not-sure",
        )
        .unwrap();
    set_fragment("#/troubleshoot");
    next_task().await;
    let root = mount_fresh_app();
    settle().await;
    assert_eq!(
        heading(&root),
        "Can other devices at home reach the internet right now?"
    );
    root.remove();

    storage()
        .set_item("fix1002.journey", "when:playback,{\"oops\"")
        .unwrap();
    set_fragment("#/decode");
    next_task().await;
    set_fragment("#/troubleshoot");
    next_task().await;
    let root = mount_fresh_app();
    settle().await;
    assert_eq!(heading(&root), "When do you see error 1002?");
    assert_eq!(storage().get_item("fix1002.journey").unwrap(), None);
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_a_fault_decodes_it_at_once_and_the_context_changes_the_message() {
    // The tool as the second module draws it (src/entry/plan_and_decoder.rs); the main app
    // only hosts it, and the Playwright suite covers the loading.
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let state = DecoderState::new();
    leptos::mount::mount_to(
        root.clone(),
        move || leptos::view! { <DecoderTool state /> },
    )
    .forget();
    let textarea: web_sys::HtmlTextAreaElement = root
        .query_selector("#soap-response")
        .unwrap()
        .expect("the SOAP response text area")
        .unchecked_into();
    textarea.set_value(
        "<Fault><faultcode>Client.ItemNotFound</faultcode><faultstring>gone</faultstring></Fault>",
    );
    textarea
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    // A paste is decoded in a task of its own and drawn in the next (issue 13).
    for _ in 0..20 {
        settle().await;
        if root
            .query_selector("[data-testid=fault-code]")
            .unwrap()
            .is_some()
        {
            break;
        }
    }

    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(text("[data-testid=fault-code]"), "ItemNotFound");
    assert_eq!(
        text("[data-testid=user-message]"),
        "Unable to browse music."
    );

    let select: web_sys::HtmlSelectElement = root
        .query_selector("#context")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("search");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        text("[data-testid=user-message]"),
        "There was a problem searching. Please try again."
    );
    root.remove();
}

/// In the browser the plural forms come from its own `Intl.PluralRules`, handed in at start:
/// the forms CLDR gives, for the languages whose rules differ the most.
#[wasm_bindgen_test]
fn the_browsers_plural_rules_pick_cldrs_forms() {
    use fix1002_core::i18n::{Language, Plural};
    fix1002_web::web::plural::hand_in_the_browsers_rules();
    for (count, language, form) in [
        (1, Language::EnUs, Plural::One),
        (2, Language::EnUs, Plural::Other),
        (0, Language::EnUs, Plural::Other),
        (1, Language::DeDe, Plural::One),
        (5, Language::DeDe, Plural::Other),
        // French counts 0 and 1 as one.
        (0, Language::FrFr, Plural::One),
        (1, Language::FrFr, Plural::One),
        (2, Language::FrFr, Plural::Other),
        (0, Language::PtBr, Plural::One),
        // Japanese and Chinese have one form.
        (1, Language::JaJp, Plural::Other),
        (1, Language::ZhCn, Plural::Other),
        (1, Language::NbNo, Plural::One),
    ] {
        assert_eq!(
            Plural::of(count, language),
            form,
            "{count} in {}",
            language.tag()
        );
    }
}
