//! The engine, told stories from the two consumer guides: does it ask sensible questions, put
//! the right step first, explain why, and re-plan when a step does not help?

mod support;

use fix1002::diagnose::{next, support_summary, Event, Journey, Outcome, Screen};
use fix1002::kb::KB;
use support::{answer_all, likely_causes, plan_when_nothing_helps};

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
fn an_update_stalls_and_one_room_fails_so_that_speaker_is_updated_alone_then_wired() {
    let (journey, asked) = answer_all(&[
        ("when", "update"),
        ("update-stage", "stalls"),
        ("rooms", "some"),
    ]);
    assert!(
        !asked.contains(&"services"),
        "playback questions are not asked during updates"
    );
    let plan = plan_when_nothing_helps(&journey);
    assert_eq!(
        plan[..2],
        ["update-in-small-batches", "check-firmware-consistency"]
    );
    let wired = KB
        .step("check-firmware-consistency")
        .unwrap()
        .instructions
        .join(" ");
    assert!(wired.contains("Ethernet cable"));
}

#[test]
fn a_speaker_shown_offline_starts_with_the_router_as_the_guide_says() {
    let (journey, _) = answer_all(&[("when", "playback"), ("offline", "yes")]);
    assert_eq!(likely_causes(&journey)[0], "speaker-wifi-lost");
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "check-online-restart-router"
    );
}

#[test]
fn no_internet_anywhere_points_at_the_home_connection() {
    let (journey, _) = answer_all(&[("when", "playback"), ("internet", "no")]);
    assert_eq!(likely_causes(&journey)[0], "internet-down");
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "check-online-restart-router"
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
    assert_eq!(likely_causes(&journey), ["corrupted-after-update"]);
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "factory-reset-speaker"
    );
}

#[test]
fn the_app_losing_sync_keeps_the_phone_near_the_access_point_first() {
    let (journey, _) = answer_all(&[("when", "update"), ("update-stage", "sync")]);
    assert_eq!(
        plan_when_nothing_helps(&journey)[0],
        "keep-phone-near-access-point"
    );
}

#[test]
fn a_step_that_did_not_help_lowers_its_causes_and_the_plan_moves_on() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let before = match next(&KB, &journey) {
        Screen::Fix { causes, .. } => causes[0].probability,
        other => panic!("{other:?}"),
    };
    let after_failure = try_step(&journey, Outcome::NotFixed);
    match next(&KB, &after_failure) {
        Screen::Fix {
            step,
            causes,
            number,
            ..
        } => {
            assert_ne!(KB.steps[step].id, "readd-service-account");
            assert_eq!(number, 2);
            let credentials = causes
                .iter()
                .find(|c| KB.causes[c.cause].id == "expired-credentials")
                .map_or(0.0, |c| c.probability);
            assert!(credentials < before / 2.0, "{before} -> {credentials}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_skipped_step_is_set_aside_without_changing_what_is_believed() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let skipped = try_step(&journey, Outcome::Skipped);
    let (
        Screen::Fix { causes: a, .. },
        Screen::Fix {
            causes: b, step, ..
        },
    ) = (next(&KB, &journey), next(&KB, &skipped))
    else {
        panic!("expected two fix screens");
    };
    assert_eq!(a, b, "skipping teaches nothing about the causes");
    assert_ne!(KB.steps[step].id, "readd-service-account");
}

#[test]
fn yes_it_worked_ends_the_flow_resolved() {
    let (journey, _) = answer_all(&[("when", "playback")]);
    let fixed = try_step(&journey.with(Event::BeganPlan), Outcome::Fixed);
    assert!(matches!(next(&KB, &fixed), Screen::Resolved { .. }));
}

#[test]
fn questions_are_numbered_and_the_estimate_never_undercounts_the_current_one() {
    let mut journey = Journey::new();
    let mut expected = 1;
    while let Screen::Ask {
        question,
        number,
        estimated_total,
    } = next(&KB, &journey)
    {
        assert_eq!(number, expected);
        assert!(estimated_total >= number);
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

#[test]
fn a_question_left_out_could_not_have_changed_the_start_of_the_plan() {
    for answers in [
        vec![("when", "playback"), ("services", "one")],
        vec![
            ("when", "update"),
            ("update-stage", "stalls"),
            ("rooms", "some"),
        ],
    ] {
        let (journey, asked) = answer_all(&answers);
        let baseline = head(&journey);
        for (q, question) in KB.questions.iter().enumerate() {
            let requirements_met = question.requires.is_empty()
                || question
                    .requires
                    .iter()
                    .any(|r| answers.contains(&(r.question, r.answer)));
            if asked.contains(&question.id) || !requirements_met {
                continue;
            }
            for a in 0..question.answers.len() {
                let mut events = journey.events.clone();
                events.push(Event::Answered {
                    question: q,
                    answer: a,
                });
                let with_answer = Journey { events };
                assert_eq!(
                    head(&with_answer),
                    baseline,
                    "question {} was skipped, yet answer {} changes the plan",
                    question.id,
                    question.answers[a].id
                );
            }
        }
    }
}

#[test]
fn a_journey_survives_its_link_and_a_broken_link_keeps_its_valid_start() {
    let (journey, _) = answer_all(&[("when", "playback"), ("services", "one")]);
    let journey = try_step(&journey.with(Event::BeganPlan), Outcome::NotFixed);
    let text = journey.encode(&KB);
    assert!(text.starts_with("when:playback,model:not-sure,"), "{text}");
    assert_eq!(Journey::parse(&KB, &text), journey);

    // A truncated or tampered link reopens at the last point that still makes sense.
    let tampered = format!("{text},nonsense:x,when:update");
    assert_eq!(Journey::parse(&KB, &tampered), journey);
    assert_eq!(Journey::parse(&KB, "when:sideways"), Journey::new());
    // An answer to a question the flow would not be asking yet is refused.
    assert_eq!(Journey::parse(&KB, "services:one"), Journey::new());
    assert_eq!(Journey::parse(&KB, ""), Journey::new());
}

#[test]
fn the_support_summary_lists_model_answers_and_steps_with_outcomes() {
    let (journey, _) = answer_all(&[("when", "playback"), ("model", "arc"), ("services", "one")]);
    let journey = journey.with(Event::BeganPlan);
    let journey = try_step(&journey, Outcome::NotFixed);
    let journey = try_step(&journey, Outcome::Skipped);
    let summary = support_summary(&KB, &journey);
    assert!(summary.contains("Speaker: Sonos Arc"), "{summary}");
    assert!(summary.contains("When do you see error 1002? While playing or browsing music"));
    assert!(summary.contains("Remove and re-add your music service account: did not help"));
    assert!(summary.contains(": could not do it"));
}
