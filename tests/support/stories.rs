//! Owner stories, written from the two consumer guides (seeds 000_… playback, 001_… updates),
//! not from the engine's output: what an owner would answer, which first step a careful reader
//! of the guides would try, and what must not come first. Shared by tests/story_benchmark.rs
//! (the corpus is valid and covers the guides) and examples/bench_stories.rs (the figures
//! `make bench` prints) through `#[path]`.
//!
//! `answers` holds what the story says, as answers to the knowledge base's questions
//! (question id, answer id); any other question is answered "Not sure".

#![allow(dead_code)]

use fix1002_core::diagnose::belief::Belief;
use fix1002_core::diagnose::{Event, Journey, Outcome};
use fix1002_core::kb::KB;

use crate::support::{answer_all, plan_when_nothing_helps};

pub struct Story {
    pub id: &'static str,
    /// `playback` or `update`.
    pub scenario: &'static str,
    /// The owner's own words.
    pub story: &'static str,
    pub answers: &'static [(&'static str, &'static str)],
    /// The causes the story is about (knowledge-base cause ids).
    pub causes: &'static [&'static str],
    /// Steps a careful reader of the guides would try first: any of them is acceptable.
    pub first: &'static [&'static str],
    /// Steps that must not come first.
    pub not_first: &'static [&'static str],
    /// Whether the owner says the problem keeps coming back.
    pub recurring: bool,
    /// Where in the guides the story's reasoning comes from.
    pub source: &'static str,
}

pub const STORIES: &[Story] = &[
    // --- Playback: the playback guide's causes, its five steps and its FAQ. ---
    Story {
        id: "speaker-shows-offline",
        scenario: "playback",
        story: "The app shows my Move as Offline and nothing plays: error 1002.",
        answers: &[("when", "playback"), ("offline", "yes")],
        causes: &["speaker-wifi-lost"],
        first: &["check-online-restart-router"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, step 1",
    },
    Story {
        id: "no-internet-at-all",
        scenario: "playback",
        story: "Nothing in the house gets online tonight, and Sonos says 1002.",
        answers: &[("when", "playback"), ("internet", "no")],
        causes: &["internet-down"],
        first: &["check-online-restart-router"],
        not_first: &["readd-service-account", "check-service-status"],
        recurring: false,
        source: "playback: Common Causes; How to Fix It, step 1",
    },
    Story {
        id: "internet-slow-and-patchy",
        scenario: "playback",
        story: "Our internet has been slow and dropping out all evening; the speakers show 1002.",
        answers: &[("when", "playback"), ("internet", "unstable")],
        causes: &["internet-down", "speaker-wifi-lost"],
        first: &["check-online-restart-router"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, step 1 (a brief router hiccup)",
    },
    Story {
        id: "only-spotify-fails",
        scenario: "playback",
        story: "Spotify gives 1002, but Sonos Radio plays fine on the same speaker.",
        answers: &[("when", "playback"), ("services", "one")],
        causes: &["expired-credentials", "service-outage"],
        first: &["readd-service-account", "check-service-status"],
        not_first: &["check-online-restart-router", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, steps 3 and 5",
    },
    Story {
        id: "service-down-on-the-phone-too",
        scenario: "playback",
        story: "Apple Music will not play on Sonos, and the Apple Music app on my phone fails too.",
        answers: &[("when", "playback"), ("services", "one"), ("service-elsewhere", "fails")],
        causes: &["service-outage"],
        first: &["check-service-status"],
        not_first: &["factory-reset-speaker", "check-online-restart-router"],
        recurring: false,
        source: "playback: How to Fix It, step 5",
    },
    Story {
        id: "trial-ended",
        scenario: "playback",
        story: "My free trial of the music service ended last week and now Sonos shows 1002 for it.",
        answers: &[("when", "playback"), ("services", "one"), ("account-changed", "trial-ended")],
        causes: &["account-tier"],
        first: &["upgrade-service-account", "readd-service-account"],
        not_first: &["check-online-restart-router", "factory-reset-speaker"],
        recurring: false,
        source: "smapi: LoginUnauthorized (a trial has expired)",
    },
    Story {
        id: "every-service-fails-speaker-online",
        scenario: "playback",
        story: "Every service fails with 1002; the speaker shows Online and the internet works.",
        answers: &[
            ("when", "playback"),
            ("services", "every"),
            ("offline", "no"),
            ("internet", "yes"),
        ],
        causes: &["outdated-app-firmware", "expired-credentials"],
        first: &["restart-speaker", "update-app-and-firmware"],
        not_first: &["check-online-restart-router", "readd-service-account"],
        recurring: false,
        source: "playback: How to Fix It, steps 2 and 4",
    },
    Story {
        id: "app-not-updated-for-months",
        scenario: "playback",
        story: "I have not updated the Sonos app for months, and every service now gives 1002.",
        answers: &[("when", "playback"), ("services", "every"), ("app-updated", "months")],
        causes: &["outdated-app-firmware"],
        first: &["update-app-and-firmware", "restart-speaker"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: Common Causes (outdated authentication method); step 4",
    },
    Story {
        id: "keeps-coming-back",
        scenario: "playback",
        story: "Every few days the error comes back; restarting the router fixes it for a while.",
        answers: &[("when", "playback"), ("recurring", "yes")],
        causes: &["distance-interference"],
        first: &["improve-wifi-signal"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: true,
        source: "playback: Frequently Asked Questions (recurring error)",
    },
    Story {
        id: "keeps-coming-back-and-drops-offline",
        scenario: "playback",
        story: "It keeps coming back, and each time the kitchen speaker shows Offline.",
        answers: &[("when", "playback"), ("recurring", "yes"), ("offline", "yes")],
        causes: &["distance-interference", "speaker-wifi-lost"],
        first: &["improve-wifi-signal", "check-online-restart-router"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: true,
        source: "playback: Frequently Asked Questions; How to Fix It, step 1",
    },
    Story {
        id: "garden-room-far-from-router",
        scenario: "playback",
        story: "The speaker in the garden room, far from the router, shows 1002 every few days.",
        answers: &[("when", "playback"), ("recurring", "yes"), ("far-or-interference", "yes")],
        causes: &["distance-interference"],
        first: &["improve-wifi-signal"],
        not_first: &["readd-service-account", "upgrade-service-account"],
        recurring: true,
        source: "playback: Frequently Asked Questions (far from your router)",
    },
    Story {
        id: "microwave-next-to-speaker",
        scenario: "playback",
        story: "The error comes back whenever the microwave next to the kitchen speaker runs.",
        answers: &[("when", "playback"), ("recurring", "yes"), ("offline", "no"), ("far-or-interference", "yes")],
        causes: &["distance-interference"],
        first: &["improve-wifi-signal"],
        not_first: &["readd-service-account", "check-service-status"],
        recurring: true,
        source: "playback: Frequently Asked Questions (microwave ovens)",
    },
    Story {
        id: "first-time-nothing-else-known",
        scenario: "playback",
        story: "First time I have seen 1002 while playing music. I do not know anything else.",
        answers: &[("when", "playback"), ("recurring", "no")],
        causes: &["speaker-wifi-lost", "expired-credentials"],
        first: &["check-online-restart-router", "restart-speaker"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, steps 1 and 2 (in the guide's order)",
    },
    Story {
        id: "playback-not-sure-of-anything",
        scenario: "playback",
        story: "It says 1002 when I press play; I cannot say more than that.",
        answers: &[("when", "playback")],
        causes: &["speaker-wifi-lost", "expired-credentials"],
        first: &["check-online-restart-router", "restart-speaker"],
        not_first: &["readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It (the guide's order when nothing is known)",
    },
    Story {
        id: "one-service-and-it-recurs",
        scenario: "playback",
        story: "Only Tidal fails, and it has happened three times this month.",
        answers: &[("when", "playback"), ("services", "one"), ("recurring", "yes")],
        causes: &["expired-credentials"],
        first: &["readd-service-account", "check-service-status"],
        not_first: &["factory-reset-speaker", "check-online-restart-router"],
        recurring: true,
        source: "playback: How to Fix It, step 3 (expired login tokens)",
    },
    // --- Updates: the update guide's causes, its five steps and its quick solutions. ---
    Story {
        id: "update-hangs-in-every-room",
        scenario: "update",
        story: "The update hangs and then fails with 1002, in every room.",
        answers: &[("when", "update"), ("update-stage", "hangs"), ("rooms", "all")],
        causes: &["latency-spikes", "stale-app-state"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "readd-service-account"],
        recurring: false,
        source: "update: Step-by-Step Solution (Reset the Update Environment)",
    },
    Story {
        id: "update-stalls-in-some-rooms",
        scenario: "update",
        story: "The progress bar stalls near the end, but only for two of our five rooms.",
        answers: &[("when", "update"), ("update-stage", "stalls"), ("rooms", "some")],
        causes: &["mixed-firmware", "latency-spikes"],
        first: &["update-in-small-batches"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Step-by-Step Solution (Update in Small Batches)",
    },
    Story {
        id: "update-stalls-rooms-unknown",
        scenario: "update",
        story: "The update bar stops near the end and then 1002; I did not check which rooms.",
        answers: &[("when", "update"), ("update-stage", "stalls")],
        causes: &["latency-spikes"],
        first: &["reset-update-environment", "update-in-small-batches"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Step-by-Step Solution",
    },
    Story {
        id: "speaker-unresponsive-after-update",
        scenario: "update",
        story: "Since the firmware update the Beam does not respond to anything.",
        answers: &[("when", "update"), ("unresponsive", "yes")],
        causes: &["corrupted-after-update"],
        first: &["factory-reset-speaker", "reset-update-environment"],
        not_first: &["readd-service-account", "keep-phone-near-access-point"],
        recurring: false,
        source: "update: Quick Solutions (a factory reset usually clears the corrupted state)",
    },
    Story {
        id: "app-loses-the-speakers",
        scenario: "update",
        story: "During the update check the app loses track of the speakers, then shows 1002.",
        answers: &[("when", "update"), ("update-stage", "sync")],
        causes: &["phone-roaming", "stale-app-state"],
        first: &["keep-phone-near-access-point", "reset-update-environment"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Step-by-Step Solution (Pin Controller to Strong Signal)",
    },
    Story {
        id: "update-still-pending-on-one-speaker",
        scenario: "update",
        story: "One speaker came back with its update still pending; the others updated.",
        answers: &[("when", "update"), ("update-stage", "pending"), ("rooms", "some")],
        causes: &["mixed-firmware"],
        first: &["check-firmware-consistency", "update-in-small-batches"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Step-by-Step Solution (Validate Firmware Consistency)",
    },
    Story {
        id: "failed-after-many-retries",
        scenario: "update",
        story: "I have retried the update five times; every try ends in 1002.",
        answers: &[("when", "update"), ("retries", "yes")],
        causes: &["stale-app-state"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Common Causes (app state stale after failed retries); Reset the Update Environment",
    },
    Story {
        id: "mesh-and-old-extender",
        scenario: "update",
        story: "We have a mesh system and an old Wi-Fi extender upstairs; the update fails with 1002.",
        answers: &[("when", "update"), ("network-layout", "extenders")],
        causes: &["old-extender"],
        first: &["simplify-network"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Step-by-Step Solution (Reduce Mesh and Extender Complexity)",
    },
    Story {
        id: "one-name-for-both-bands",
        scenario: "update",
        story: "Our router shows one network name for 2.4 and 5 GHz and moves devices between them.",
        answers: &[("when", "update"), ("network-layout", "one-name")],
        causes: &["band-steering"],
        first: &["simplify-network"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Common Causes (router steering); Reduce Mesh and Extender Complexity",
    },
    Story {
        id: "backup-uploading-during-update",
        scenario: "update",
        story: "A cloud backup was uploading all evening while the speakers tried to update.",
        answers: &[("when", "update"), ("background-traffic", "yes")],
        causes: &["upload-saturated"],
        first: &["update-in-small-batches", "reset-update-environment"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Common Causes (background traffic); Update in Small Batches",
    },
    Story {
        id: "walking-around-with-the-phone",
        scenario: "update",
        story: "I walked between floors with my phone while the update ran, and it failed.",
        answers: &[("when", "update"), ("phone-moving", "yes")],
        causes: &["phone-roaming"],
        first: &["keep-phone-near-access-point"],
        not_first: &["factory-reset-speaker"],
        recurring: false,
        source: "update: Avoid moving your phone between floors during update checks",
    },
    Story {
        id: "update-not-sure-of-anything",
        scenario: "update",
        story: "The update failed with 1002. That is all I know.",
        answers: &[("when", "update")],
        causes: &["latency-spikes"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "readd-service-account"],
        recurring: false,
        source: "update: Step-by-Step Solution (its first step)",
    },
    Story {
        id: "update-repeats-one-room-first",
        scenario: "update",
        story: "1002 keeps repeating on every update, and the same room fails first each time.",
        answers: &[("when", "update"), ("rooms", "some"), ("retries", "yes")],
        causes: &["mixed-firmware"],
        first: &["update-in-small-batches", "check-firmware-consistency"],
        not_first: &["factory-reset-speaker"],
        recurring: true,
        source: "update: Quick Solutions (update one speaker at a time and log which room fails first)",
    },
    // --- Partial knowledge (issue 23): owners who know the easy facts (whether other devices
    // get online, when it started, whether the app was updated, whether one service or all
    // fail) and say "Not sure" to everything technical. Written from the guides' text before
    // the engine was run on them.
    Story {
        id: "every-service-old-app-laptop-online",
        scenario: "playback",
        story: "Every service gives 1002. My laptop browses fine, and I have not updated the Sonos app for months. I have no idea what the app shows for the speaker.",
        answers: &[
            ("when", "playback"),
            ("services", "every"),
            ("internet", "yes"),
            ("app-updated", "months"),
        ],
        causes: &["outdated-app-firmware"],
        first: &["update-app-and-firmware"],
        not_first: &["readd-service-account", "factory-reset-speaker", "check-service-status"],
        recurring: false,
        source: "playback: Common Causes (Sonos app is not updated and is using an outdated authentication method); How to Fix It, step 4",
    },
    Story {
        id: "since-the-power-cut-every-service",
        scenario: "playback",
        story: "Since the power came back this morning, every service gives 1002. Our phones and the laptop are online again.",
        answers: &[
            ("when", "playback"),
            ("started", "after-recovery"),
            ("services", "every"),
            ("internet", "yes"),
        ],
        causes: &["speaker-wifi-lost"],
        first: &["check-online-restart-router", "restart-speaker"],
        not_first: &["readd-service-account", "upgrade-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, steps 1 and 2 (even a brief router hiccup can trigger error 1002)",
    },
    Story {
        id: "whole-house-offline-out-of-the-blue",
        scenario: "playback",
        story: "Out of the blue nothing at home gets online, the TV included, and Sonos shows 1002.",
        answers: &[
            ("when", "playback"),
            ("started", "out-of-the-blue"),
            ("internet", "no"),
        ],
        causes: &["internet-down"],
        first: &["check-online-restart-router"],
        not_first: &["readd-service-account", "update-app-and-firmware", "factory-reset-speaker"],
        recurring: false,
        source: "playback: Common Causes (home internet connection is temporarily down); How to Fix It, step 1",
    },
    Story {
        id: "just-updated-every-service-fails",
        scenario: "playback",
        story: "The app updates itself and did so last week; now every service fails with 1002, though the internet works on the laptop.",
        answers: &[
            ("when", "playback"),
            ("app-updated", "recently"),
            ("services", "every"),
            ("internet", "yes"),
        ],
        causes: &["speaker-wifi-lost", "expired-credentials"],
        first: &["check-online-restart-router", "restart-speaker"],
        not_first: &["update-app-and-firmware", "readd-service-account", "factory-reset-speaker"],
        recurring: false,
        source: "playback: How to Fix It, steps 1 and 2 (the guide's order, with the software up to date)",
    },
    Story {
        id: "one-service-plays-on-the-phone",
        scenario: "playback",
        story: "Only Deezer fails on Sonos, and Deezer plays on my phone. I cannot say whether anything changed with the account.",
        answers: &[
            ("when", "playback"),
            ("services", "one"),
            ("service-elsewhere", "plays"),
            ("internet", "yes"),
        ],
        causes: &["expired-credentials"],
        first: &["readd-service-account"],
        not_first: &["check-online-restart-router", "factory-reset-speaker", "improve-wifi-signal"],
        recurring: false,
        source: "playback: Frequently Asked Questions (only one music service: remove it and re-add it)",
    },
    Story {
        id: "keeps-coming-back-software-current",
        scenario: "playback",
        story: "1002 comes back every few days on every service. The app is up to date and the internet is fine; I do not know about interference.",
        answers: &[
            ("when", "playback"),
            ("recurring", "yes"),
            ("services", "every"),
            ("internet", "yes"),
            ("app-updated", "recently"),
        ],
        causes: &["distance-interference"],
        first: &["improve-wifi-signal"],
        not_first: &["readd-service-account", "update-app-and-firmware", "factory-reset-speaker"],
        recurring: true,
        source: "playback: Frequently Asked Questions (keeps coming back every few days)",
    },
    Story {
        id: "first-time-internet-fine-out-of-the-blue",
        scenario: "playback",
        story: "First time ever, out of the blue; the internet works on everything else. I have not looked at anything in the app.",
        answers: &[
            ("when", "playback"),
            ("recurring", "no"),
            ("started", "out-of-the-blue"),
            ("internet", "yes"),
        ],
        causes: &["expired-credentials", "speaker-wifi-lost"],
        first: &["check-online-restart-router", "restart-speaker"],
        not_first: &["factory-reset-speaker", "improve-wifi-signal"],
        recurring: false,
        source: "playback: How to Fix It, steps 1 and 2 (in the guide's order)",
    },
    Story {
        id: "update-some-rooms-after-power-cut",
        scenario: "update",
        story: "Right after a power cut I started the update; two rooms failed with 1002 and the rest passed. I do not know what my Wi-Fi set-up is.",
        answers: &[
            ("when", "update"),
            ("rooms", "some"),
            ("started", "after-recovery"),
        ],
        causes: &["latency-spikes"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "readd-service-account"],
        recurring: false,
        source: "update: Reset the Update Environment (Error 1002 often follows partial network recovery where some devices reconnect slower)",
    },
    Story {
        id: "update-every-room-phone-stayed-put",
        scenario: "update",
        story: "The update fails in every room. I sat on the sofa with the phone the whole time, and the internet works. The rest is beyond me.",
        answers: &[
            ("when", "update"),
            ("rooms", "all"),
            ("phone-moving", "no"),
            ("internet", "yes"),
        ],
        causes: &["latency-spikes", "stale-app-state"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "keep-phone-near-access-point"],
        recurring: false,
        source: "update: Step-by-Step Solution (its first step, Reset the Update Environment)",
    },
    Story {
        id: "update-after-new-router",
        scenario: "update",
        story: "We got a new router from the provider last week, and since then every update ends in 1002. I cannot tell what the router does with its bands.",
        answers: &[
            ("when", "update"),
            ("started", "after-change"),
            ("internet", "yes"),
        ],
        causes: &["band-steering", "latency-spikes"],
        first: &["reset-update-environment", "simplify-network"],
        not_first: &["factory-reset-speaker", "check-firmware-consistency"],
        recurring: false,
        source: "update: Common Causes (router steering causes band switching drops); Reset the Update Environment; Reduce Mesh and Extender Complexity",
    },
    Story {
        id: "update-retried-stayed-put",
        scenario: "update",
        story: "I have retried the update again and again, always standing by the router, and it keeps failing with 1002.",
        answers: &[
            ("when", "update"),
            ("retries", "yes"),
            ("phone-moving", "no"),
            ("internet", "yes"),
        ],
        causes: &["stale-app-state"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "keep-phone-near-access-point"],
        recurring: false,
        source: "update: Common Causes (Sonos app state stale after failed retries); Reset the Update Environment",
    },
    Story {
        id: "update-speaker-dead-some-rooms",
        scenario: "update",
        story: "After the update one speaker no longer responds at all; the other rooms updated fine.",
        answers: &[
            ("when", "update"),
            ("rooms", "some"),
            ("unresponsive", "yes"),
        ],
        causes: &["corrupted-after-update"],
        first: &["factory-reset-speaker", "reset-update-environment"],
        not_first: &["readd-service-account", "keep-phone-near-access-point"],
        recurring: false,
        source: "update: Quick Solutions (if the device became unresponsive after a firmware update, a factory reset usually clears the corrupted state)",
    },
    Story {
        id: "update-quiet-house-internet-fine",
        scenario: "update",
        story: "The update failed with 1002. Nobody else was using the internet, the internet works, and I did not move; I know nothing about the network.",
        answers: &[
            ("when", "update"),
            ("internet", "yes"),
            ("background-traffic", "no"),
            ("phone-moving", "no"),
        ],
        causes: &["latency-spikes"],
        first: &["reset-update-environment"],
        not_first: &["factory-reset-speaker", "update-in-small-batches"],
        recurring: false,
        source: "update: Step-by-Step Solution (its first step)",
    },
];

/// What the engine did with one story, told as the owner would, every step failing.
pub struct Told {
    pub story: &'static Story,
    /// The questions asked, in order.
    pub asked: Vec<&'static str>,
    /// The steps offered, in order.
    pub plan: Vec<&'static str>,
    /// The expected minutes until the owner begins the first acceptable step: the questions'
    /// minutes plus, for each step offered before it, what the step is expected to cost at the
    /// moment it is offered (its look, and its repair weighted by how likely its causes are).
    /// A one-minute look before the right step costs little; a twenty-minute one a lot, which
    /// the rank alone does not show.
    pub minutes: f64,
}

impl Told {
    /// The rank of the first acceptable step (1 is first); one past the plan if none is.
    pub fn rank(&self) -> usize {
        self.plan
            .iter()
            .position(|step| self.story.first.contains(step))
            .map_or(self.plan.len() + 1, |i| i + 1)
    }

    /// Whether the plan starts with a step the story must not start with.
    pub fn starts_wrong(&self) -> bool {
        self.plan
            .first()
            .is_some_and(|first| self.story.not_first.contains(first))
    }
}

pub fn tell(story: &'static Story) -> Told {
    let (journey, asked) = answer_all(story.answers);
    let plan = plan_when_nothing_helps(&journey);
    let mut minutes: f64 = asked
        .iter()
        .map(|&q| KB.questions[KB.question_id(q).expect("asked, so real")].minutes)
        .sum();
    let mut so_far: Journey = journey.with(Event::BeganPlan);
    for &id in plan.iter().take_while(|s| !story.first.contains(s)) {
        let step = KB.step_id(id).expect("offered, so real");
        minutes += Belief::after(&KB, &so_far).expected_minutes(&KB, step);
        so_far = so_far.with(Event::Tried {
            step,
            outcome: Outcome::NotFixed,
        });
    }
    Told {
        story,
        asked,
        plan,
        minutes,
    }
}

/// The benchmark's figures over the whole corpus.
pub struct Figures {
    pub mean_rank: f64,
    pub first_acceptable_share: f64,
    pub mean_questions: f64,
    /// The most questions any story was asked.
    pub max_questions: usize,
    /// The mean of [`Told::minutes`].
    pub mean_minutes: f64,
    /// Steps before the hand-over for an owner who names the scenario, answers "Not sure" to
    /// every other question and "No" to every step, during playback and during an update.
    pub hand_over_after: (usize, usize),
    /// The same for an owner who answers "Not sure" to every question, the scenario too.
    pub hand_over_unknown: usize,
    /// The most steps before the hand-over in any story of each scenario (playback, update),
    /// told as the owner would, every step failing.
    pub hand_over_story_max: (usize, usize),
    /// The most steps before the hand-over of all the journeys above, and whose it is.
    pub hand_over_worst: (usize, &'static str),
}

/// Steps before the hand-over for an owner who gives `answers` ("Not sure" to any other
/// question) and finds that no step helps.
pub fn steps_before_hand_over(answers: &[(&str, &str)]) -> usize {
    plan_when_nothing_helps(&answer_all(answers).0).len()
}

pub fn figures(told: &[Told]) -> Figures {
    let n = told.len() as f64;
    let playback = steps_before_hand_over(&[("when", "playback")]);
    let update = steps_before_hand_over(&[("when", "update")]);
    let unknown = steps_before_hand_over(&[]);
    let story_max = |scenario: &str| {
        told.iter()
            .filter(|t| t.story.scenario == scenario)
            .map(|t| t.plan.len())
            .max()
            .unwrap_or(0)
    };
    let mut worst = (unknown, "\"Not sure\" to every question");
    for (steps, whose) in [
        (playback, "playback, \"Not sure\" to the rest"),
        (update, "update, \"Not sure\" to the rest"),
    ] {
        if steps > worst.0 {
            worst = (steps, whose);
        }
    }
    for t in told {
        if t.plan.len() > worst.0 {
            worst = (t.plan.len(), t.story.id);
        }
    }
    Figures {
        mean_rank: told.iter().map(|t| t.rank() as f64).sum::<f64>() / n,
        first_acceptable_share: told.iter().filter(|t| t.rank() == 1).count() as f64 / n,
        mean_questions: told.iter().map(|t| t.asked.len() as f64).sum::<f64>() / n,
        max_questions: told.iter().map(|t| t.asked.len()).max().unwrap_or(0),
        mean_minutes: told.iter().map(|t| t.minutes).sum::<f64>() / n,
        hand_over_after: (playback, update),
        hand_over_unknown: unknown,
        hand_over_story_max: (story_max("playback"), story_max("update")),
        hand_over_worst: worst,
    }
}
