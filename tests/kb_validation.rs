//! The build's own checks of the data files (`build/`), run on files with mistakes: a writer
//! who makes several mistakes must read every one of them after one build, each naming its
//! entry. The modules are the build script's, included here as they are, so what passes here
//! is what the build does.

#[path = "../crates/core/build/emit.rs"]
mod emit;
#[path = "../crates/core/build/schema.rs"]
mod schema;
#[path = "../crates/core/build/smapi.rs"]
mod smapi;
#[path = "../crates/core/build/validate.rs"]
mod validate;

#[path = "../crates/core/src/slug.rs"]
mod slug;
#[path = "../crates/core/src/kb/web_address.rs"]
mod web_address;

use schema::KbFile;
use smapi::CodesFile;

const KB: &str = include_str!("../kb/error1002.toml");
const CODES: &str = include_str!("../kb/smapi_faults.toml");

/// Everything wrong with a knowledge-base text: its structural mistakes, or else the checks'.
fn mistakes(text: &str) -> Vec<String> {
    match KbFile::parse(text) {
        Ok(file) => validate::validate(&file),
        Err(errors) => errors,
    }
}

/// A small knowledge base with no mistake, to make mistakes in.
const SMALL: &str = r#"
[engine]
unexplained_prior = 0.05
unexplained_why = "Some causes are in no guide."
support_chance = 0.6
support_why = "Support ends most problems."
question_minutes = 0.5
question_why = "A question takes half a minute."

[[model]]
id = "one"
name = "Sonos One"
source = "playback: Affected Models"
quote = "Sonos One"

[[cause]]
id = "expired-credentials"
title = "Your sign-in has expired"
detail = "The login token expired."
during = "playback"
prior = 0.2
prior_why = "Common."
source = "playback: Common Causes"
quote = "account credentials have expired"

[[helper]]
id = "sonos"
name = "Sonos support"
what = "They can check your system remotely."
why = "The guide sends owners there."
source = "playback: When to Call a Professional"
quote = "remote diagnostics"

[[helper]]
id = "internet-provider"
name = "Your internet provider"
what = "Only they can check the line."
why = "Fix 1002's judgement."

[[helper]]
id = "music-service"
name = "The music service"
what = "Its support can check your account."
why = "Fix 1002's judgement."

[[step]]
id = "readd-service-account"
title = "Sign in to the service again"
summary = "Remove the account and add it back."
instructions = ["Remove the account, then add it back."]
why = "A fresh sign-in gives a fresh token."
minutes = 3
minutes_why = "A few taps."
source = "playback: How to Fix It"
quote = "Remove Account"

[[step.fixes]]
cause = "expired-credentials"
chance = 0.9
why = "It replaces the expired token."

[[step]]
id = "contact-sonos-support"
title = "Contact Sonos support"
summary = "Ask Sonos."
instructions = ["Go to sonos.com/support."]
why = "They can see inside your system."
minutes = 60
minutes_why = "An hour."
escalation = true
source = "playback: When to Call a Professional"
quote = "remote diagnostics"

[[question]]
id = "services"
text = "One service, or every service?"
known = 0.7
known_why = "Only an owner with a second service can tell."

[[question.answer]]
id = "one"
label = "Only one"
because = "only one service fails"

[[question.answer.weight]]
causes = ["expired-credentials"]
factor = 5.0
why = "One failing service points to its sign-in."

[[question]]
id = "service-elsewhere"
text = "Does the service play on your phone?"
requires = ["services:one"]
known = 0.9
known_why = "The service's own app is on the phone."

[[question.answer]]
id = "plays"
label = "Yes"
because = "it plays elsewhere"

[[fact]]
id = "not-hardware"
text = "The speaker is fine."
source = "playback: Frequently Asked Questions"
quote = "Your speaker hardware is almost certainly fine"

[[common_question]]
id = "is-my-speaker-broken"
question = "Is my speaker broken?"
answer = ["No."]
source = "playback: Frequently Asked Questions"
quote = "this error is entirely software and network related"
steps = ["readd-service-account"]
"#;

/// `SMALL` with each `(from, to)` replaced once; each `from` must be there.
fn small_with(changes: &[(&str, &str)]) -> String {
    let mut text = SMALL.to_owned();
    for (from, to) in changes {
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} is not in SMALL once"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn the_knowledge_base_has_no_mistake() {
    assert_eq!(mistakes(KB), Vec::<String>::new());
}

#[test]
fn the_small_knowledge_base_has_no_mistake() {
    // Otherwise the tests below could count a mistake they did not make.
    assert_eq!(mistakes(SMALL), Vec::<String>::new());
}

#[test]
fn three_mistakes_in_three_entries_are_all_reported_each_with_its_id() {
    let text = small_with(&[
        ("cause = \"expired-credentials\"", "cause = \"foo\""),
        ("prior = 0.2", "prior = -1.0"),
        (
            "requires = [\"services:one\"]",
            "requires = [\"services:all\"]",
        ),
    ]);
    assert_eq!(
        mistakes(&text),
        [
            "cause \"expired-credentials\": prior must be a positive number",
            "step \"readd-service-account\": fixes unknown cause \"foo\"",
            "question \"service-elsewhere\": requires \"services:all\" names no answer of an earlier question",
        ]
    );
}

#[test]
fn mistakes_in_the_helpers_facts_and_common_questions_are_reported_with_the_rest() {
    let text = small_with(&[
        ("id = \"music-service\"", "id = \"music-services\""),
        (
            "source = \"playback: Frequently Asked Questions\"\nquote = \"Your",
            "source = \"Frequently Asked Questions\"\nquote = \"Your",
        ),
        (
            "steps = [\"readd-service-account\"]",
            "steps = [\"readd-service-acount\"]",
        ),
    ]);
    assert_eq!(
        mistakes(&text),
        [
            "helper \"music-services\": helper id \"music-services\" must be one of sonos, internet-provider, music-service",
            "[[helper]]: no entry for \"music-service\", which a cause may name as its helper",
            "fact \"not-hardware\": source \"Frequently Asked Questions\" must read \"document: Section heading\"",
            "common_question \"is-my-speaker-broken\": steps names unknown step \"readd-service-acount\"",
        ]
    );
}

#[test]
fn mistakes_within_one_entry_are_all_reported_too() {
    let text = small_with(&[
        ("during = \"playback\"", "during = \"playing\""),
        (
            "source = \"playback: Common Causes\"",
            "source = \"manual: Causes\"",
        ),
        (
            "id = \"expired-credentials\"",
            "id = \"Expired credentials\"",
        ),
    ]);
    let found = mistakes(&text);
    let here = "cause \"Expired credentials\"";
    assert_eq!(
        found[..3],
        [
            format!("{here}: an id is lowercase words (letters and digits) joined by hyphens"),
            format!("{here}: during \"playing\" must be one of playback, update"),
            format!("{here}: source document \"manual\" must be one of playback, update, smapi"),
        ]
    );
    // The renamed cause is no longer the one the step and the answer name: said, not hidden.
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found[3..]
        .iter()
        .all(|f| f.ends_with("unknown cause \"expired-credentials\"")));
}

#[test]
fn structural_mistakes_in_several_entries_are_all_reported() {
    // A misspelt field and a number written as text, in two entries of two kinds.
    let text = small_with(&[
        (
            "minutes_why = \"A few taps.\"",
            "minutes_wy = \"A few taps.\"",
        ),
        ("factor = 5.0", "factor = \"five\""),
    ]);
    let found = mistakes(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("step \"readd-service-account\": unknown field `minutes_wy`"));
    assert!(found[1].starts_with("question \"services\": invalid type: string \"five\""));
}

#[test]
fn a_question_without_its_own_chance_of_being_known_is_refused() {
    // Issue 23: the engine weighs a question by how likely an owner is to know its answer,
    // so every question asked in the flow says so, within (0, 1], with its reason.
    let text = small_with(&[
        ("known = 0.7\n", "known = 0.0\n"),
        (
            "known = 0.9\nknown_why = \"The service's own app is on the phone.\"\n",
            "",
        ),
    ]);
    let wrong = "give known (above 0, at most 1) and known_why together: every question asked in the flow needs them";
    assert_eq!(
        mistakes(&text),
        [
            format!("question \"services\": {wrong}"),
            format!("question \"service-elsewhere\": {wrong}"),
        ]
    );
    let above_one = small_with(&[("known = 0.7\n", "known = 1.5\n")]);
    assert_eq!(
        mistakes(&above_one),
        [format!("question \"services\": {wrong}")]
    );
}

#[test]
fn a_file_that_is_not_toml_names_the_line() {
    let text = small_with(&[("minutes = 3", "minutes = = 3")]);
    let found = mistakes(&text);
    assert_eq!(found.len(), 1);
    let line = SMALL.lines().position(|l| l == "minutes = 3").unwrap() + 1;
    assert!(
        found[0].starts_with(&format!("line {line}, column ")),
        "{found:?}"
    );
}

#[test]
fn the_fault_codes_have_no_mistake_and_their_mistakes_are_all_reported() {
    let real = CodesFile::parse(CODES).unwrap_or_else(|e| panic!("{e:#?}"));
    let kb = KbFile::parse(KB).unwrap_or_else(|e| panic!("{e:#?}"));
    let kb_steps = kb.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(real.validate(Some(&kb_steps)), Vec::<String>::new());

    let broken = CODES
        .replacen("family = \"Server\"", "family = \"Service\"", 1)
        .replacen(
            "owner_steps = [\"readd-service-account\"]",
            "owner_steps = [\"re-add\"]",
            1,
        )
        .replacen(
            "account_setup = { na = true }",
            "account_setup = { na = true, blank = true }",
            1,
        );
    let found = CodesFile::parse(&broken).unwrap().validate(Some(&kb_steps));
    assert_eq!(
        found,
        [
            "code \"ServiceUnavailable\": family must be Client or Server, not \"Service\"",
            "code \"AuthTokenExpired\": owner step \"re-add\" is not a step of kb/error1002.toml",
            "code \"AuthTokenExpired\", account_setup: a cell is exactly one of text, blank, na, silent or wizard",
        ]
    );
}

#[test]
fn the_wasm_build_leaves_the_reviewer_notes_out() {
    let file = KbFile::parse(KB).unwrap_or_else(|e| panic!("{e:#?}"));
    let native = emit::emit(&file, emit::Target { wasm: false });
    let wasm = emit::emit(&file, emit::Target { wasm: true });
    let cause = &file.causes[0];
    let known_why = file
        .questions
        .iter()
        .find(|q| q.id == "internet")
        .and_then(|q| q.known_why.as_ref())
        .expect("asked in the flow, so it has its reason");
    for note in [
        &cause.quote,
        &cause.prior_why,
        &file.engine.support_why,
        known_why,
    ] {
        assert!(native.contains(&format!("{note:?}")), "{note}");
        assert!(!wasm.contains(&format!("{note:?}")), "{note}");
    }
    // What the owner reads stays in both.
    assert!(wasm.contains(&format!("{:?}", cause.title)));
    let codes = CodesFile::parse(CODES).unwrap().emit();
    assert!(codes.contains("pub enum Code {"));
}

#[test]
fn ids_whose_rust_names_cannot_be_written_or_meet_are_refused() {
    // An id may start with a digit as a link, not as a constant; and "services" + "one-plays"
    // and "services-one" + "plays" would both be kb::answer::SERVICES_ONE_PLAYS.
    let text = small_with(&[
        ("id = \"contact-sonos-support\"", "id = \"2-contact\""),
        ("id = \"service-elsewhere\"", "id = \"services-one\""),
        (
            "id = \"one\"\nlabel = \"Only one\"",
            "id = \"one-plays\"\nlabel = \"Only one\"",
        ),
        (
            "requires = [\"services:one\"]",
            "requires = [\"services:one-plays\"]",
        ),
    ]);
    assert_eq!(
        mistakes(&text),
        [
            "step \"2-contact\": an id starts with a letter: it also names a Rust constant",
            "question \"services-one\", answer \"plays\": its Rust name kb::answer::SERVICES_ONE_PLAYS is another answer's too",
        ]
    );
}

#[test]
fn an_address_where_the_screens_show_no_link_is_refused() {
    let text = small_with(&[(
        "detail = \"The login token expired.\"",
        "detail = \"The login token expired: see status.sonos.com.\"",
    )]);
    assert_eq!(
        mistakes(&text),
        ["cause \"expired-credentials\": detail names the web address \"status.sonos.com\", which is a link only in a step's summary or instructions or a helper's `what`"]
    );
}

#[test]
fn the_build_cuts_addresses_out_of_the_texts_the_screens_link() {
    let file = KbFile::parse(SMALL).unwrap_or_else(|e| panic!("{e:#?}"));
    let code = emit::emit(&file, emit::Target { wasm: true });
    // The wasm gets the pieces ready-made ...
    assert!(code.contains(
        r#"instructions: &[Prose::new("Go to sonos.com/support.", &[Piece::Text("Go to "), Piece::Address("sonos.com/support"), Piece::Text(".")])]"#
    ));
    // ... and a text without an address costs no second copy of its words.
    assert!(code.contains(r#"summary: Prose::new("Ask Sonos.", &[])"#));
}

#[test]
fn a_common_questions_second_source_needs_its_quote_too() {
    // Issue 23: a page drawing on two guides cites both, each with a quote the tests check.
    let cited = small_with(&[(
        "steps = [\"readd-service-account\"]",
        "also_source = \"update: Problem Description\"\nalso_quote = \"times out\"\nsteps = [\"readd-service-account\"]",
    )]);
    assert_eq!(mistakes(&cited), Vec::<String>::new());
    let half = small_with(&[(
        "steps = [\"readd-service-account\"]",
        "also_source = \"update: Problem Description\"\nsteps = [\"readd-service-account\"]",
    )]);
    assert_eq!(
        mistakes(&half),
        ["common_question \"is-my-speaker-broken\": give both source and quote, or neither"]
    );
}
