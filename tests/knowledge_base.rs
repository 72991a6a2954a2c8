//! Validation of the knowledge base (`kb/error1002.toml`) against its sources and the engine.
//!
//! The build (`build/validate.rs`, tested in `tests/kb_validation.rs`) already refuses unknown
//! references and out-of-range numbers. These tests check what needs the seeds or the engine:
//! every quote really is in its seed, every model, symptom, cause and step of the two consumer
//! guides is present, every cause can come up, every path ends in a plan or an escalation, and
//! no text is written twice.

mod support;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use fix1002_core::diagnose::{next, Event, Journey, Outcome, Screen};
use fix1002_core::kb::source_files::source_text;
use fix1002_core::kb::{
    answer, cause, question, step, Document, Helper, Source, StepId, ABOUT_ERROR_1002,
    COMMON_QUESTIONS, KB, NOT_SURE,
};

/// Every (source, quote) pair the knowledge base cites, with a label for error messages.
fn citations() -> Vec<(String, Source, &'static str)> {
    let mut all = Vec::new();
    for m in KB.models {
        all.push((format!("model {}", m.id), m.source, m.quote));
    }
    for c in KB.causes {
        all.push((format!("cause {}", c.id), c.source, c.quote));
    }
    for s in KB.steps {
        all.push((format!("step {}", s.id), s.source, s.quote));
    }
    for q in KB.questions {
        for a in q.answers {
            if let Some(cited) = &a.cited {
                all.push((
                    format!("answer {}:{}", q.id, a.id),
                    cited.source,
                    cited.quote,
                ));
            }
        }
    }
    for h in KB.helpers {
        if let Some(cited) = &h.cited {
            all.push((format!("helper {}", h.id), cited.source, cited.quote));
        }
    }
    for f in ABOUT_ERROR_1002 {
        all.push((format!("fact {}", f.id), f.source, f.quote));
    }
    for q in COMMON_QUESTIONS {
        all.push((format!("common question {}", q.id), q.source, q.quote));
        if let Some(also) = &q.also {
            all.push((
                format!("common question {} also", q.id),
                also.source,
                also.quote,
            ));
        }
    }
    all
}

#[test]
fn every_quote_and_section_is_found_in_its_seed() {
    let mut seeds = HashMap::new();
    for (label, source, quote) in citations() {
        // An empty quote is in every seed: it would prove nothing.
        assert!(!quote.trim().is_empty(), "{label} quotes nothing");
        let text = match seeds.entry(source.document.seed_file()) {
            Entry::Occupied(text) => text.into_mut(),
            Entry::Vacant(slot) => match source_text(source.document) {
                Some(text) => slot.insert(text),
                None => return,
            },
        };
        assert!(
            text.contains(quote),
            "{label}: quote {quote:?} is not in {:?}",
            source.document
        );
        assert!(
            text.contains(source.section),
            "{label}: section {:?} is not in {:?}",
            source.section,
            source.document
        );
    }
}

#[test]
fn every_model_the_playback_guide_names_is_offered() {
    let names: Vec<_> = KB.models.iter().map(|m| m.name).collect();
    for model in [
        "Sonos One",
        "Sonos Era 100",
        "Sonos Era 300",
        "Sonos Five",
        "Sonos Move",
        "Sonos Beam",
        "Sonos Arc",
        "Sonos Port",
        "Sonos Amp",
    ] {
        assert!(names.contains(&model), "missing model {model}");
    }
    let model_question = KB.question("model").expect("a model question");
    assert_eq!(
        model_question.answers.last().map(|a| a.label),
        Some("Another model, or not sure")
    );
    assert_eq!(model_question.answers.len(), KB.models.len() + 1);
}

#[test]
fn every_symptom_of_the_seeds_is_an_answer() {
    let symptoms: HashSet<_> = KB
        .questions
        .iter()
        .flat_map(|q| q.answers.iter().filter_map(|a| a.symptom))
        .collect();
    for symptom in [
        "the speaker shows Offline in the app",
        "the error happens with only one music service",
        "it comes back every few days",
        "an update hangs and then fails with 1002",
        "the progress bar stalls near completion",
        "a speaker comes back with an update still pending",
        "the app loses sync during the update check",
        "the error repeats after several retries",
        "only some rooms fail while others pass",
        "a speaker is unresponsive after a firmware update",
    ] {
        assert!(symptoms.contains(symptom), "missing symptom {symptom:?}");
    }
}

#[test]
fn every_cause_of_the_seeds_is_present() {
    // The seeds' own wording of each cause, as the knowledge base quotes it.
    let quotes: HashSet<_> = KB.causes.iter().map(|c| c.quote).collect();
    for cause in [
        "account credentials have expired",
        "Home internet connection is temporarily down",
        "Sonos speaker lost connection to the home Wi-Fi network",
        "Music service is experiencing a temporary outage",
        "using an outdated authentication method",
        "older cordless phones can interfere with Wi-Fi",
        "Network latency spikes during update handshake",
        "Router steering causes band switching drops",
        "Controller roams between weak access points",
        "Old bridge or extender creates unstable path",
        "Background traffic saturates upload channel",
        "Sonos app state stale after failed retries",
        "Mixed versions can trigger repeated prompts and future timeout errors",
        "a factory reset usually clears the corrupted state",
    ] {
        assert!(quotes.contains(cause), "missing cause {cause:?}");
    }
}

#[test]
fn every_fix_step_of_the_seeds_is_present_with_its_menu_paths() {
    let quotes: HashSet<_> = KB.steps.iter().map(|s| s.quote).collect();
    for step in [
        "check if your speaker is shown as 'Online' or 'Offline'",
        "Unplug the power cable, wait 10 seconds, then plug it back in",
        "Settings > Services and Voice > [your music service]",
        "Settings > System > System Updates",
        "status.sonos.com",
        "Adding a Sonos Boost or a Wi-Fi mesh node closer to the speaker",
        "Reset the Update Environment",
        "Pin Controller to Strong Signal",
        "Reduce Mesh and Extender Complexity",
        "Update in Small Batches",
        "Validate Firmware Consistency",
        "a factory reset usually clears the corrupted state",
        "contact Sonos Support at sonos.com/support for remote diagnostics",
    ] {
        assert!(quotes.contains(step), "missing step {step:?}");
    }
    let instructions = |id: &str| KB.step(id).unwrap().instructions.join(" ");
    assert!(instructions("readd-service-account")
        .contains("Settings > Services and Voice > [your music service]"));
    assert!(instructions("readd-service-account").contains("Remove Account"));
    assert!(instructions("update-app-and-firmware").contains("Settings > System > System Updates"));
    assert!(instructions("restart-speaker").contains("10 seconds"));
    assert!(instructions("check-service-status").contains("30 to 60 minutes"));
    assert!(instructions("contact-sonos-support").contains("sonos.com/support"));
}

#[test]
fn the_guides_wording_is_kept_where_it_matters_and_general_advice_is_kept_apart() {
    let instructions = |id: &str| KB.step(id).unwrap().instructions.join(" ");
    let restored = [
        (
            "restart-speaker",
            "Wait for the light ring to turn white (or solid white LED)",
        ),
        (
            "readd-service-account",
            "add it back again by logging in fresh",
        ),
    ];
    for (id, phrase) in restored {
        assert!(instructions(id).contains(phrase), "{id}: {phrase:?}");
    }
    // The restart's "why" is the guide's claim alone: nothing about rejoining Wi-Fi.
    assert!(!KB.step("restart-speaker").unwrap().why.contains("Wi-Fi"));
    // Advice the guides do not give is never among the cited instructions.
    for step in KB.steps {
        for line in step.advice {
            assert!(
                !step.instructions.iter().any(|i| i.as_str() == *line),
                "{}: {line}",
                step.id
            );
        }
        assert!(
            !step.instructions.join(" ").contains("Wi-Fi Assist"),
            "{}",
            step.id
        );
    }
    assert!(!KB
        .step("keep-phone-near-access-point")
        .unwrap()
        .advice
        .is_empty());
    let Some(playback) = source_text(Document::PlaybackGuide) else {
        return;
    };
    for (_, phrase) in restored {
        let phrase = phrase.trim_start_matches("Then ");
        assert!(
            playback.contains(phrase),
            "{phrase:?} is not the guide's wording"
        );
    }
}

#[test]
fn every_question_offers_not_sure_and_ids_cannot_be_confused_in_links() {
    let mut tokens = HashSet::new();
    for q in KB.questions {
        assert_eq!(q.answers.last().map(|a| a.id), Some(NOT_SURE), "{}", q.id);
        assert!(tokens.insert(q.id), "id {} is used twice", q.id);
    }
    for s in KB.steps {
        assert!(
            tokens.insert(s.id),
            "step id {} is also a question id",
            s.id
        );
    }
    for reserved in ["plan", "support"] {
        assert!(
            !tokens.contains(reserved),
            "`{reserved}` is reserved in journey links"
        );
    }
}

#[test]
fn no_two_entries_repeat_the_same_text() {
    let mut seen: HashMap<&str, String> = HashMap::new();
    let mut check = |text: &'static str, label: String| {
        if let Some(first) = seen.insert(text, label.clone()) {
            panic!("{label} repeats the text of {first}: {text:?}");
        }
    };
    for c in KB.causes {
        check(c.title, format!("cause {} title", c.id));
        check(c.detail, format!("cause {} detail", c.id));
        check(c.prior_why, format!("cause {} prior_why", c.id));
    }
    for s in KB.steps {
        check(s.title, format!("step {} title", s.id));
        check(s.summary.as_str(), format!("step {} summary", s.id));
        check(s.why, format!("step {} why", s.id));
        check(s.minutes_why, format!("step {} minutes_why", s.id));
        for (i, line) in s.instructions.iter().enumerate() {
            check(line.as_str(), format!("step {} instruction {i}", s.id));
        }
        for f in s.fixes {
            check(f.why, format!("step {} fix reason", s.id));
        }
        if let Some(then) = &s.then {
            check(then.why, format!("step {} then", s.id));
        }
        if s.relief {
            check(s.relief_why, format!("step {} relief_why", s.id));
        }
    }
    for h in KB.helpers {
        check(h.name, format!("helper {} name", h.id));
        check(h.what.as_str(), format!("helper {} what", h.id));
        check(h.why, format!("helper {} why", h.id));
    }
    for f in ABOUT_ERROR_1002 {
        check(f.text, format!("fact {}", f.id));
    }
    for q in COMMON_QUESTIONS {
        check(q.question, format!("common question {}", q.id));
        for (i, paragraph) in q.answer.iter().enumerate() {
            check(paragraph, format!("common question {} paragraph {i}", q.id));
        }
    }
    for q in KB.questions {
        check(q.text, format!("question {}", q.id));
        for a in q.answers.iter().filter(|a| a.id != NOT_SURE) {
            check(a.label, format!("answer {}:{} label", q.id, a.id));
            check(a.because, format!("answer {}:{} because", q.id, a.id));
            for w in a.weights {
                check(w.why, format!("answer {}:{} weight", q.id, a.id));
            }
        }
    }
}

#[test]
fn the_model_answers_do_not_change_the_diagnosis() {
    // The guides say nothing that ties a cause to a model, so no model may carry weights.
    // Nor is it asked in the flow: only on the hand-over, for the summary.
    let q = KB.question("model").unwrap();
    assert!(q.for_summary && !q.always_ask);
    assert!(q.answers.iter().all(|a| a.weights.is_empty()));
}

/// Walks every combination of answers (one model stands for all, since models carry no
/// weights), then the plan with every step failing, and records what it saw.
#[derive(Default)]
struct Exploration {
    paths: usize,
    likely_causes: HashSet<usize>,
    offered_steps: HashSet<StepId>,
}

fn explore(journey: &Journey, seen: &mut Exploration) {
    match next(&KB, journey) {
        Screen::Ask { question, .. } => {
            let q = &KB.questions[question];
            let answers: Vec<usize> = if q.id == "model" {
                vec![0]
            } else {
                (0..q.answers.len()).collect()
            };
            for answer in answers {
                explore(&journey.with(Event::Answered { question, answer }), seen);
            }
        }
        Screen::Causes { causes, plan, .. } => {
            seen.paths += 1;
            seen.likely_causes.extend(causes.iter().map(|c| c.cause));
            let mut journey = journey.with(Event::BeganPlan);
            // The plan previewed on the causes screen is the plan that then begins.
            match next(&KB, &journey) {
                Screen::Fix { remaining, .. } => {
                    assert_eq!(remaining, plan.iter().map(|p| p.step).collect::<Vec<_>>())
                }
                other => assert!(plan.is_empty(), "{other:?}"),
            }
            // A plan can offer each step at most once, then must escalate: no cycles.
            for _ in 0..=KB.steps.len() {
                match next(&KB, &journey) {
                    Screen::Fix { step, .. } => {
                        seen.offered_steps.insert(step);
                        journey = journey.with(Event::Tried {
                            step,
                            outcome: Outcome::NotFixed,
                        });
                    }
                    Screen::Escalate { .. } => return,
                    other => panic!("a failing plan ended in {other:?}"),
                }
            }
            panic!("the plan did not end: {}", journey.encode(&KB));
        }
        other => panic!("questions must lead to the causes, not to {other:?}"),
    }
}

#[test]
fn every_path_ends_in_a_plan_then_an_escalation_and_every_cause_and_step_comes_up() {
    let mut seen = Exploration::default();
    explore(&Journey::new(), &mut seen);
    assert!(seen.paths > 100, "only {} paths explored", seen.paths);
    for (i, cause) in KB.causes.iter().enumerate() {
        assert!(
            seen.likely_causes.contains(&i),
            "cause {} is never among the likely causes",
            cause.id
        );
    }
    for id in KB.step_ids() {
        let step = &KB.steps[id];
        if !step.escalation {
            assert!(
                seen.offered_steps.contains(&id),
                "step {} is never offered",
                step.id
            );
        }
    }
}

#[test]
fn every_cause_is_fixed_by_some_step() {
    for (i, cause) in KB.causes.iter().enumerate() {
        assert!(
            KB.steps
                .iter()
                .any(|s| s.fixes.iter().any(|f| f.cause == i)),
            "no step fixes {}",
            cause.id
        );
    }
}

#[test]
fn every_cause_in_the_guides_can_be_observed() {
    // Issue 11: for each cause there is an answer an owner can give that moves its weight by a
    // meaningful factor (three times, either way), so no cause is reached only through its
    // prior.
    for (i, cause) in KB.causes.iter().enumerate() {
        let movers: Vec<String> = KB
            .questions
            .iter()
            .flat_map(|q| q.answers.iter().map(move |a| (q, a)))
            .filter(|(_, a)| {
                a.weights
                    .iter()
                    .any(|w| w.causes.contains(&i) && (w.factor >= 3.0 || w.factor <= 1.0 / 3.0))
            })
            .map(|(q, a)| format!("{}:{}", q.id, a.id))
            .collect();
        assert!(
            !movers.is_empty(),
            "no answer moves {} by a factor of three",
            cause.id
        );
    }
}

#[test]
fn every_symptom_the_guides_list_has_an_answer() {
    // The update guide's symptoms, and its description's "failed update checks", each have
    // an answer that names them.
    let symptoms: Vec<&str> = KB
        .questions
        .iter()
        .flat_map(|q| q.answers.iter())
        .filter_map(|a| a.cited.as_ref().map(|c| c.quote))
        .collect();
    for quote in [
        "Update hangs then returns Error 1002",
        "Progress bar stalls near completion",
        "Speaker reappears with pending update status",
        "Controller loses sync during update check",
        "Error repeats after multiple retries",
        "Only certain rooms fail while others pass",
        "The app may report failed update checks repeatedly",
        "Error 1002 keeps coming back every few days",
        "I get error 1002 only with one music service",
    ] {
        assert!(symptoms.contains(&quote), "no answer cites {quote:?}");
    }
}

#[test]
fn the_typed_ids_lead_to_the_entries_they_are_named_after() {
    // A few by hand, beside the generated test of every constant (src/kb/data.rs): the names
    // are the ids in capitals, and an answer's joins its question's.
    assert_eq!(KB.steps[step::RESTART_SPEAKER].id, "restart-speaker");
    assert_eq!(KB.questions[question::WHEN].id, "when");
    assert_eq!(answer::WHEN_UPDATE.question(), question::WHEN);
    assert_eq!(KB.answer(answer::WHEN_UPDATE).id, "update");
    assert_eq!(KB.answer(answer::WHEN_NOT_SURE).id, NOT_SURE);
    assert_eq!(KB.answer(answer::MODEL_ERA_100).label, "Sonos Era 100");
    assert_eq!(
        KB.causes[cause::EXPIRED_CREDENTIALS].id,
        "expired-credentials"
    );
    // The bridge to the engine's plain positions.
    let expired = cause::EXPIRED_CREDENTIALS.index();
    assert_eq!(usize::from(cause::EXPIRED_CREDENTIALS), expired);
    assert!(KB.steps[step::READD_SERVICE_ACCOUNT]
        .fixes
        .iter()
        .any(|f| f.cause == expired));
}

#[test]
fn every_helper_has_its_hand_over_text_and_only_sonos_is_cited() {
    // The texts moved from the hand-over's code into the data file: the same words, found by
    // the helper a cause names.
    let cases = [
        (
            Helper::InternetProvider,
            "internet-provider",
            "Your internet provider",
        ),
        (Helper::MusicService, "music-service", "The music service"),
        (Helper::Sonos, "sonos", "Sonos support"),
    ];
    assert_eq!(KB.helpers.len(), cases.len());
    for (helper, id, name) in cases {
        let text = KB.helper_text(helper);
        assert_eq!((text.helper, text.id, text.name), (helper, id, name));
        assert!(!text.what.is_empty() && !text.why.is_empty(), "{id}");
        // The guides say nothing of providers and services: only Sonos' text cites one.
        assert_eq!(text.cited.is_some(), helper == Helper::Sonos, "{id}");
    }
    assert!(KB
        .helper_text(Helper::Sonos)
        .what
        .contains("sonos.com/support"));
}

/// The step's cited instructions joined, and its general advice joined.
fn instructions_and_advice(id: &str) -> (String, String) {
    let s = KB.step(id).unwrap();
    let instructions: Vec<&str> = s.instructions.iter().map(|i| i.as_str()).collect();
    (instructions.join(" "), s.advice.join(" "))
}

#[test]
fn what_the_guides_do_not_say_is_advice_or_labelled_as_fix_1002s() {
    // Issue 23, §3: each of these is Fix 1002's, not a guide's. It is no longer among a step's
    // cited instructions, but in the step's general advice (or labelled where it must stay).
    let moved = [
        (
            "check-online-restart-router",
            "wait until its lights settle",
        ),
        ("upgrade-service-account", "website or app"),
        ("upgrade-service-account", "remove and re-add the account"),
        ("factory-reset-speaker", "erases the speaker's settings"),
        ("factory-reset-speaker", "set it up again in the Sonos app"),
        ("update-app-and-firmware", "every speaker has finished"),
        ("simplify-network", "restore your usual set-up"),
    ];
    for (id, phrase) in moved {
        let (instructions, advice) = instructions_and_advice(id);
        assert!(!instructions.contains(phrase), "{id}: {phrase:?} is cited");
        assert!(advice.contains(phrase), "{id}: {phrase:?} is not advice");
    }
    // The router step's last line, and what replaces it in an update story, stay in the list
    // (the update story swaps the last line), labelled.
    let router = KB.step("check-online-restart-router").unwrap();
    let last = router.instructions.last().unwrap().as_str();
    assert!(last.starts_with("Fix 1002's suggestion: try playing music again"));
    assert!(router
        .in_update
        .unwrap()
        .as_str()
        .starts_with("Fix 1002's suggestion: "));
    // That a plan or trial causes error 1002 is an inference from a reference that never
    // names it: said where the cause is shown, and on its step.
    let tier = &KB.causes[cause::ACCOUNT_TIER];
    assert_eq!(tier.source.document, Document::SmapiErrorReference);
    assert!(tier.detail.contains("Fix 1002's inference"));
    let (_, advice) = instructions_and_advice("upgrade-service-account");
    assert!(advice.contains("Fix 1002's inference"));
    // Examples and explanations of Fix 1002's own are labelled as such.
    assert!(KB.causes[cause::UPLOAD_SATURATED]
        .detail
        .contains("Fix 1002's examples, not the guide's"));
    let traffic = KB.question("background-traffic").unwrap();
    assert!(!traffic.text.contains("backup"));
    assert!(traffic
        .help
        .unwrap()
        .starts_with("Fix 1002's examples, not the guide's: a backup"));
    assert!(KB
        .question("network-layout")
        .unwrap()
        .help
        .unwrap()
        .starts_with("A tip from Fix 1002, not from the guides:"));
    let recurring = fix1002_core::kb::common_question("why-does-error-1002-keep-coming-back");
    let recurring = recurring.unwrap().answer.join(" ");
    assert!(recurring.contains("Fix 1002's own note, not the guide's: restarting the router"));
}

#[test]
fn claims_name_the_guide_that_makes_them() {
    // Only the playback guide says Sonos can check a system remotely.
    let sonos = KB.helper_text(Helper::Sonos);
    assert!(!sonos.what.contains("the guides say"));
    assert!(sonos
        .what
        .contains("the guide to error 1002 during playback says Sonos can check"));
    assert_eq!(
        sonos.cited.as_ref().unwrap().source.document,
        Document::PlaybackGuide
    );
    // "With every service" no longer cites the guide's sentence about one failing service,
    // which says nothing of every service.
    let every = KB.question("services").unwrap().answer("every").unwrap();
    assert!(every.cited.is_none() && every.symptom.is_none());
    // The home page lists the hardware fact after the update fact: it names its guide, so it
    // does not read as said of updates too.
    let hardware = ABOUT_ERROR_1002
        .iter()
        .find(|f| f.id == "not-hardware")
        .unwrap();
    assert_eq!(hardware.source.document, Document::PlaybackGuide);
    assert!(hardware
        .text
        .starts_with("The guide to error 1002 during playback calls it"));
}

#[test]
fn the_update_guides_own_words_reach_owners() {
    // Issue 23: "unstable mesh transitions" and "controller-device handoff failures" were only
    // in a quote, and the update guide's closing line was nowhere.
    let fact = |id: &str| ABOUT_ERROR_1002.iter().find(|f| f.id == id).unwrap();
    let handshake = fact("update-handshake");
    for words in [
        "unstable mesh transitions",
        "controller-device handoff failures",
    ] {
        assert!(handshake.text.contains(words) && handshake.quote.contains(words));
    }
    let simple = fact("usually-simple");
    assert_eq!(simple.source.document, Document::UpdateGuide);
    assert!(simple
        .text
        .contains("a single setting, a stale credential, or a default that shipped wrong"));
    assert!(simple
        .quote
        .contains("a single setting, a stale credential"));
}

#[test]
fn a_common_question_drawing_on_both_guides_cites_both() {
    // Issue 23: "During a software update, the same number means something else" is the update
    // guide's, on a page that cited only the playback guide.
    let meaning = fix1002_core::kb::common_question("what-does-error-1002-mean").unwrap();
    assert!(meaning.answer[1].starts_with("During a software update"));
    assert_eq!(meaning.source.document, Document::PlaybackGuide);
    assert_eq!(meaning.also.unwrap().source.document, Document::UpdateGuide);
    // What the support line can help with is the update guide's, on the page about a broken
    // speaker, which cites the playback guide first.
    let broken = fix1002_core::kb::common_question("is-my-speaker-broken").unwrap();
    assert!(broken
        .answer
        .join(" ")
        .contains("warranty claims, device replacements"));
    let also = broken.also.unwrap();
    assert_eq!(also.source.document, Document::UpdateGuide);
    assert!(also.quote.contains("warranty claims, device replacements"));
}
