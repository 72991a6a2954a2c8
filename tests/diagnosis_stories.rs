//! The engine, told stories from the two consumer guides: does it ask sensible questions, put
//! the right step first, explain why, and re-plan when a step does not help?

mod support;

use fix1002_core::diagnose::belief::Belief;
use fix1002_core::diagnose::{
    next, replay, support_summary, support_summary_in, Event, Journey, Outcome, Screen,
    SummaryWords, TypedNames,
};
use fix1002_core::kb::KB;
use support::{answer_all, answer_rest, likely_causes, plan_when_nothing_helps};

fn try_step(journey: &Journey, outcome: Outcome) -> Journey {
    match next(&KB, journey) {
        Screen::Fix { step, .. } => journey.with(Event::Tried { step, outcome }),
        other => panic!("expected a fix step, got {other:?}"),
    }
}

#[test]
fn only_one_music_service_fails_so_re_adding_its_account_comes_first() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    assert_eq!(likely_causes(&journey)[0], "expired-credentials");
    let plan = journey.with(Event::BeganPlan);
    match next(&KB, &plan) {
        Screen::Fix { step, reason, .. } => {
            assert_eq!(KB.steps[step].id, "readd-service-account");
            assert_eq!(KB.causes[reason.cause].id, "expired-credentials");
            assert_eq!(reason.because, Some("only one music service fails"));
        }
        other => panic!("expected a fix step, got {other:?}"),
    }
}

#[test]
fn only_some_rooms_fail_so_the_versions_are_checked_and_the_room_behind_retried_wired() {
    let (journey, asked) = answer_all(&[
        ("when", "update"),
        ("update-stage", "stalls"),
        ("rooms", "some"),
    ]);
    assert!(
        !asked.contains(&"services"),
        "playback questions are not asked during updates"
    );
    assert!(asked.contains(&"rooms"));
    assert!(likely_causes(&journey).contains(&"mixed-firmware"));
    // A three-minute look at the versions comes before any twenty-minute re-run.
    let plan = plan_when_nothing_helps(&journey);
    assert_eq!(plan[0], "check-firmware-consistency");
    assert!(plan.contains(&"update-in-small-batches"), "{plan:?}");
    let wired = KB
        .step("check-firmware-consistency")
        .unwrap()
        .instructions
        .join(" ");
    assert!(wired.contains("Ethernet cable"));
}

#[test]
fn a_speaker_shown_offline_starts_with_the_router_as_the_guide_says() {
    // Told as the owner tells it, the look at the speaker is the plan's first step anyway.
    let (journey, _) = answer_all(&[("when", "playback"), ("offline", "yes")]);
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "check-online-restart-router"
    );
    // Once the owner has said so, the look is done: the speaker's lost connection leads, and
    // the step that restarts the router comes first.
    let journey = stated(&[("when", "playback"), ("offline", "yes")]);
    assert_eq!(likely_causes(&journey)[0], "speaker-wifi-lost");
    assert_eq!(head(&journey)[0], "check-online-restart-router");
}

#[test]
fn a_look_the_owner_has_reported_is_not_asked_for_again() {
    let journey =
        answer_rest(stated(&[("when", "playback"), ("offline", "yes")])).with(Event::BeganPlan);
    match next(&KB, &journey) {
        Screen::Fix { step, applied, .. } => {
            assert_eq!(KB.steps[step].id, "check-online-restart-router");
            assert_eq!(
                Some(applied.title),
                KB.steps[step].looked_title,
                "the owner has said the speaker shows Offline"
            );
            assert!(applied.checked_by.is_some());
        }
        other => panic!("expected a fix step, got {other:?}"),
    }
    // Without that answer the look is part of the step.
    let unknown =
        answer_rest(stated(&[("when", "playback"), ("internet", "no")])).with(Event::BeganPlan);
    if let Screen::Fix { step, applied, .. } = next(&KB, &unknown) {
        assert!(applied.checked_by.is_none() || KB.steps[step].id != "check-online-restart-router");
    }
}

#[test]
fn a_speaker_shown_online_needs_no_router_restart() {
    // "Is the speaker Online?" is that step's own check: answered Online, the check is clear
    // and the step is not offered at all.
    let journey = stated(&[
        ("when", "playback"),
        ("services", "every"),
        ("offline", "no"),
    ]);
    assert!(!plan_when_nothing_helps(&journey).contains(&"check-online-restart-router"));
}

#[test]
fn no_internet_anywhere_points_at_the_home_connection() {
    let (journey, _) = answer_all(&[("when", "playback"), ("internet", "no")]);
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "check-online-restart-router"
    );
    let journey = stated(&[("when", "playback"), ("internet", "no")]);
    assert_eq!(likely_causes(&journey)[0], "internet-down");
}

#[test]
fn once_nothing_at_home_is_online_the_service_question_is_not_asked() {
    // Every service fails alike when the home connection is down: "one service or every
    // service?" could only repeat what the owner has said, whatever else they answer.
    let services = KB.question_id("services").unwrap();
    for recurring in ["yes", "no", "not-sure"] {
        let start = stated(&[
            ("when", "playback"),
            ("internet", "no"),
            ("recurring", recurring),
        ]);
        let journey = answer_rest(start);
        assert!(journey.answer_to(services).is_none(), "{recurring}");
    }
    // The order in which the flow itself asks about the internet before the services.
    let (journey, asked) = answer_all(&[("offline", "no"), ("internet", "no")]);
    assert!(asked.contains(&"internet"), "{asked:?}");
    assert!(journey.answer_to(services).is_none(), "{asked:?}");
}

#[test]
fn when_nothing_at_home_gets_online_the_hand_over_names_the_internet_provider_first() {
    use fix1002_core::diagnose::who_can_help;
    use fix1002_core::kb::Helper;
    let journey = answer_rest(stated(&[
        ("when", "playback"),
        ("internet", "no"),
        ("offline", "yes"),
    ]))
    .with(Event::BeganPlan);
    // The owner stops at the first step and asks who can help.
    let Screen::Escalate { helpers, .. } = next(&KB, &journey.with(Event::HandedOver)) else {
        panic!("contacting support leads to the hand-over");
    };
    assert_eq!(helpers[0].helper, Helper::InternetProvider, "{helpers:?}");
    assert!(helpers.iter().any(|p| p.helper == Helper::Sonos));
    // Once every step has failed, a cause whose main remedy did not help is no longer named,
    // and its party goes with it; Sonos support is always there.
    let mut tried = journey;
    while let Screen::Fix { .. } = next(&KB, &tried) {
        tried = try_step(&tried, Outcome::NotFixed);
    }
    let Screen::Escalate { helpers, .. } = next(&KB, &tried) else {
        panic!("the plan ends in the hand-over");
    };
    let ruled_out = fix1002_core::diagnose::ruled_out_by_failed_steps(&KB, &tried);
    assert!(
        ruled_out.iter().any(|&out| out),
        "the failed steps rule something out"
    );
    for party in &helpers {
        assert!(party.causes.iter().all(|&c| !ruled_out[c]), "{helpers:?}");
    }
    assert!(helpers.iter().any(|p| p.helper == Helper::Sonos));
    // A music service's own trouble is for the service.
    let one_service = answer_rest(stated(&[("when", "playback"), ("services", "one")]));
    let Screen::Causes { causes, .. } = next(&KB, &one_service) else {
        panic!("causes");
    };
    assert_eq!(who_can_help(&KB, &causes)[0].helper, Helper::MusicService);
}

#[test]
fn the_summary_takes_a_typed_model_and_the_music_service_in_the_owners_words() {
    let journey = answer_rest(stated(&[("when", "playback"), ("services", "one")]));
    let named = TypedNames {
        model: " Roam 2 ".to_owned(),
        service: "Spotify".to_owned(),
        ..TypedNames::default()
    };
    let summary = support_summary(&KB, &journey, &named, true, None);
    assert!(summary.contains("Speaker: Roam 2\n"), "{summary}");
    assert!(
        summary.contains("Music service that fails: Spotify"),
        "{summary}"
    );
    let unnamed = support_summary(&KB, &journey, &TypedNames::default(), true, None);
    assert!(unnamed.contains("Music service that fails: not stated"));
    assert!(
        !support_summary(&KB, &journey, &TypedNames::default(), false, None)
            .contains("Music service")
    );
    // A model chosen from the list wins over anything typed before.
    let model = KB.question_id("model").unwrap();
    let chosen = journey.with(Event::Answered {
        question: model,
        answer: 0,
    });
    let summary = support_summary(&KB, &chosen, &named, true, None);
    assert!(summary.contains(&format!(
        "Speaker: {}\n",
        KB.questions[model].answers[0].label
    )));
}

#[test]
fn the_summary_says_what_a_failed_step_makes_less_likely_and_never_names_it_first() {
    let journey =
        answer_rest(stated(&[("when", "playback"), ("services", "one")])).with(Event::BeganPlan);
    let Screen::Fix { step, .. } = next(&KB, &journey) else {
        panic!("a step");
    };
    assert_eq!(KB.steps[step].id, "readd-service-account");
    let failed = try_step(&journey, Outcome::NotFixed).with(Event::HandedOver);
    let summary = support_summary(&KB, &failed, &TypedNames::default(), false, None);
    assert!(
        summary.contains("Remove and re-add your music service account: did not help (so less likely: Your music service sign-in has expired)"),
        "{summary}"
    );
    let likely = summary.split("Causes still most likely").nth(1).unwrap();
    assert!(!likely.contains("sign-in has expired"), "{summary}");
}

#[test]
fn the_summarys_lines_take_the_languages_punctuation() {
    let journey =
        answer_rest(stated(&[("when", "playback"), ("services", "one")])).with(Event::BeganPlan);
    let failed = try_step(&journey, Outcome::NotFixed).with(Event::HandedOver);
    // Full-width punctuation, as Chinese and Japanese write it.
    let words = SummaryWords {
        answer_line: "- {question}{answer}",
        tried_line: "- {step}：{result}",
        cause_separator: "；",
        ..SummaryWords::ENGLISH
    };
    let summary = support_summary_in(&KB, &failed, &TypedNames::default(), false, None, &words);
    assert!(
        summary.contains("- Remove and re-add your music service account：did not help"),
        "{summary}"
    );
    let when = KB.question_id("when").unwrap();
    let question = &KB.questions[when];
    let answer = failed.answer_to(when).unwrap();
    assert!(
        summary.contains(&format!(
            "- {}{}\n",
            question.text, question.answers[answer].label
        )),
        "{summary}"
    );
}

#[test]
fn an_error_that_keeps_coming_back_brings_the_wifi_signal_forward() {
    let (journey, _) = answer_all(&[("when", "playback"), ("recurring", "yes")]);
    assert_eq!(likely_causes(&journey)[0], "distance-interference");
    let plan = plan_when_nothing_helps(&journey);
    let position = plan
        .iter()
        .position(|s| *s == "improve-wifi-signal")
        .unwrap();
    assert!(
        position <= 1,
        "improve-wifi-signal is step {} of {plan:?}",
        position + 1
    );
}

#[test]
fn an_unresponsive_speaker_after_an_update_gets_a_factory_reset_first() {
    let (journey, _) = answer_all(&[("when", "update"), ("unresponsive", "yes")]);
    assert_eq!(likely_causes(&journey)[0], "corrupted-after-update");
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "factory-reset-speaker"
    );
}

#[test]
fn a_phone_carried_around_during_the_update_is_kept_near_the_access_point_first() {
    let (journey, asked) = answer_all(&[("when", "update"), ("phone-moving", "yes")]);
    assert!(asked.contains(&"phone-moving"));
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "keep-phone-near-access-point"
    );
}

#[test]
fn a_recurring_error_leads_with_the_lasting_fix_and_keeps_restarts_for_relief() {
    let (journey, _) = answer_all(&[("when", "playback"), ("recurring", "yes")]);
    let plan = plan_when_nothing_helps(&journey);
    assert_eq!(plan[0], "improve-wifi-signal");
    // The restarts only clear the error for a while: they come after every lasting step.
    let first_relief = plan
        .iter()
        .position(|s| KB.step(s).unwrap().relief)
        .expect("a relief step is still offered");
    assert!(plan[first_relief..]
        .iter()
        .all(|s| KB.step(s).unwrap().relief));

    // On a relief step the owner can say "fixed for now": the flow goes back to the lasting
    // fixes, offers no more relief, and the summary records it.
    let mut journey = journey.with(Event::BeganPlan);
    loop {
        match next(&KB, &journey) {
            Screen::Fix { step, relief, .. } if !relief => {
                journey = journey.with(Event::Tried {
                    step,
                    outcome: Outcome::Skipped,
                });
            }
            Screen::Fix { step, .. } => {
                assert!(!next(&KB, &journey).accepts(Event::Tried {
                    step: KB.step_id("improve-wifi-signal").unwrap(),
                    outcome: Outcome::ForNow,
                }));
                journey = journey.with(Event::Tried {
                    step,
                    outcome: Outcome::ForNow,
                });
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    // The lasting fix put off while the music would not play comes back.
    match next(&KB, &journey) {
        Screen::Fix {
            step,
            relief,
            relieved,
            ..
        } => {
            assert!(!relief && relieved);
            assert_eq!(KB.steps[step].id, "improve-wifi-signal");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        support_summary(&KB, &journey, &TypedNames::default(), false, None)
            .contains("fixed it for now")
    );
}

#[test]
fn support_can_be_reached_from_any_step_and_the_summary_says_what_is_left() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = try_step(&journey.with(Event::BeganPlan), Outcome::NotFixed);
    let Screen::Fix { remaining, .. } = next(&KB, &journey) else {
        panic!("expected a fix step");
    };
    let handed_over = journey.with(Event::HandedOver);
    assert!(next(&KB, &journey).accepts(Event::HandedOver));
    match next(&KB, &handed_over) {
        Screen::Escalate { early, asks, .. } => {
            assert!(early);
            assert_eq!(asks.map(|q| KB.questions[q].id), Some("model"));
        }
        other => panic!("{other:?}"),
    }
    let summary = support_summary(&KB, &handed_over, &TypedNames::default(), false, None);
    let (tried, untried) = summary.split_once("Not tried yet:").unwrap();
    assert!(tried.contains("Remove and re-add your music service account: did not help"));
    for step in remaining {
        assert!(untried.contains(KB.steps[step].title), "{summary}");
    }
}

#[test]
fn a_step_that_did_not_help_lowers_its_causes_and_the_plan_moves_on() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let credentials = KB
        .causes
        .iter()
        .position(|c| c.id == "expired-credentials")
        .unwrap();
    let chance_of_credentials =
        |journey: &Journey| Belief::after(&KB, journey).probabilities()[credentials];
    let before = chance_of_credentials(&journey);
    assert!(
        matches!(next(&KB, &journey), Screen::Fix { step, .. } if KB.steps[step].id == "readd-service-account")
    );
    let after_failure = try_step(&journey, Outcome::NotFixed);
    match next(&KB, &after_failure) {
        Screen::Fix { step, number, .. } => {
            assert_ne!(KB.steps[step].id, "readd-service-account");
            assert_eq!(number, 2);
            let after = chance_of_credentials(&after_failure);
            assert!(after < before / 2.0, "{before} -> {after}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_skipped_step_is_set_aside_without_changing_what_is_believed() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let skipped = try_step(&journey, Outcome::Skipped);
    let Screen::Fix { step, .. } = next(&KB, &skipped) else {
        panic!("expected a fix screen");
    };
    assert_eq!(
        Belief::after(&KB, &journey).probabilities(),
        Belief::after(&KB, &skipped).probabilities(),
        "skipping teaches nothing about the causes"
    );
    assert_ne!(KB.steps[step].id, "readd-service-account");
}

#[test]
fn yes_it_worked_ends_the_flow_resolved() {
    let (journey, _) = answer_all(&[("when", "playback")]);
    let fixed = try_step(&journey.with(Event::BeganPlan), Outcome::Fixed);
    assert!(matches!(next(&KB, &fixed), Screen::Resolved { .. }));
}

#[test]
fn questions_are_numbered_one_by_one() {
    let mut journey = Journey::new();
    let mut expected = 1;
    while let Screen::Ask { question, number } = next(&KB, &journey) {
        assert_eq!(number, expected);
        journey = journey.with(Event::Answered {
            question,
            answer: 0,
        });
        expected += 1;
    }
    assert!(expected > 3, "at least three questions are asked");
}

/// The first steps of the plan after `journey`, when every step fails.
fn head(journey: &Journey) -> Vec<&'static str> {
    plan_when_nothing_helps(journey)
        .into_iter()
        .take(3)
        .collect()
}

/// A journey in which the owner has stated these answers, whether or not the flow would have
/// asked for them (it does not ask what cannot change the first step), then "Not sure" to
/// whatever the flow asks next: for seeing what an answer does to the diagnosis.
fn stated(answers: &[(&str, &str)]) -> Journey {
    let mut journey = Journey::new();
    for (question, answer) in answers {
        let q = KB.question_id(question).unwrap();
        let a = KB.questions[q]
            .answers
            .iter()
            .position(|a| a.id == *answer)
            .unwrap();
        journey = journey.with(Event::Answered {
            question: q,
            answer: a,
        });
    }
    answer_rest(journey)
}

#[test]
fn every_question_asked_could_change_the_first_step() {
    // The rule that keeps the flow short: a question is asked only if one of its answers
    // would change the step the owner does first.
    for story in ["playback", "update", "not-sure"] {
        let mut journey = Journey::new();
        while let Screen::Ask { question, .. } = next(&KB, &journey) {
            let q = &KB.questions[question];
            let now = head(&journey.with(Event::Answered {
                question,
                answer: q.answers.len() - 1,
            }));
            let changes = (0..q.answers.len()).any(|answer| {
                head(&journey.with(Event::Answered { question, answer }))[..1] != now[..1]
            });
            assert!(q.always_ask || changes, "{story}: {} changes nothing", q.id);
            // Answer the scenario, then "Not sure" to everything: the longest flow.
            let answer = q
                .answers
                .iter()
                .position(|a| a.id == if q.id == "when" { story } else { "not-sure" })
                .unwrap();
            journey = journey.with(Event::Answered { question, answer });
        }
    }
}

#[test]
fn a_journey_survives_its_link_and_a_broken_link_keeps_its_valid_start() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = try_step(&journey.with(Event::BeganPlan), Outcome::NotFixed);
    let text = journey.encode(&KB);
    assert!(text.starts_with("when:playback,"), "{text}");
    assert!(
        !text.contains("model:"),
        "the model is asked on the hand-over only: {text}"
    );
    let replayed = replay(&KB, &text);
    assert_eq!(replayed.journey, journey);
    assert_eq!(replayed.screen, next(&KB, &journey));

    // A truncated or tampered link reopens at the last point that still makes sense.
    let tampered = format!("{text},nonsense:x,when:update");
    assert_eq!(replay(&KB, &tampered).journey, journey);
    assert_eq!(replay(&KB, "when:sideways").journey, Journey::new());
    // An answer to a question the flow would not be asking yet is refused.
    assert_eq!(replay(&KB, "services:one").journey, Journey::new());
    assert_eq!(replay(&KB, "").journey, Journey::new());
    // So is "Contact support now" before the plan has begun, and "fixed for now" on a step
    // that is not relief for a recurring problem.
    assert_eq!(
        replay(&KB, "when:playback,support").journey.encode(&KB),
        "when:playback"
    );
    let (tried, _) = text.rsplit_once(':').unwrap();
    let for_now = format!("{tried}:for-now");
    assert_eq!(replay(&KB, &for_now).journey, journey.back());
}

#[test]
fn the_support_summary_lists_model_answers_and_steps_with_outcomes() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let journey = try_step(&journey, Outcome::NotFixed);
    let mut journey = try_step(&journey, Outcome::Skipped);
    // Every further step fails, until the hand-over asks which speaker it is.
    let model = loop {
        match next(&KB, &journey) {
            Screen::Fix { .. } => journey = try_step(&journey, Outcome::NotFixed),
            Screen::Escalate { asks: Some(q), .. } => break q,
            other => panic!("{other:?}"),
        }
    };
    assert!(
        support_summary(&KB, &journey, &TypedNames::default(), false, None)
            .contains("Speaker: not stated")
    );
    let arc = KB.questions[model]
        .answers
        .iter()
        .position(|a| a.id == "arc")
        .unwrap();
    let journey = journey.with(Event::Answered {
        question: model,
        answer: arc,
    });
    assert!(matches!(
        next(&KB, &journey),
        Screen::Escalate { asks: None, .. }
    ));
    let summary = support_summary(&KB, &journey, &TypedNames::default(), false, None);
    assert!(summary.contains("Speaker: Sonos Arc"), "{summary}");
    assert!(summary.contains("When do you see error 1002? While playing or browsing music"));
    assert!(summary.contains("Remove and re-add your music service account: did not help"));
    assert!(summary.contains(": could not do it"));
}

#[test]
fn only_an_answer_that_the_error_does_not_come_back_says_it_does_not_recur() {
    let said = |answers: &[(&str, &str)]| answer_all(answers).0.said_not_recurring(&KB);
    assert!(said(&[("when", "playback"), ("recurring", "no")]));
    assert!(!said(&[("when", "playback"), ("recurring", "yes")]));
    assert!(!said(&[("when", "playback"), ("recurring", "not-sure")]));
    assert!(!said(&[("when", "playback")]));
}
