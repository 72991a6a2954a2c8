//! The owner-story corpus (tests/support/stories.rs) is sound: enough stories, both scenarios,
//! every cause of the knowledge base told by some story, and every id real. The figures the
//! engine reaches on it are printed by `make bench` (examples/bench_stories.rs).

#[path = "support/stories.rs"]
mod stories;

use std::collections::HashSet;

use fix1002::kb::KB;
use stories::STORIES;

#[test]
fn the_corpus_covers_both_scenarios_and_every_cause() {
    assert!(STORIES.len() >= 24, "{} stories", STORIES.len());
    for scenario in ["playback", "update"] {
        assert!(
            STORIES.iter().filter(|s| s.scenario == scenario).count() >= 10,
            "{scenario}"
        );
    }
    let told: HashSet<&str> = STORIES
        .iter()
        .flat_map(|s| s.causes.iter().copied())
        .collect();
    for cause in KB.causes {
        assert!(told.contains(cause.id), "no story tells of {}", cause.id);
    }
    assert!(STORIES.iter().any(|s| s.recurring) && STORIES.iter().any(|s| !s.recurring));
    // Stories with partial information: the owner knows little beyond when it happened.
    assert!(STORIES.iter().filter(|s| s.answers.len() <= 1).count() >= 3);
}

#[test]
fn every_id_in_the_corpus_is_real_and_each_story_is_consistent() {
    let mut ids = HashSet::new();
    for story in STORIES {
        assert!(ids.insert(story.id), "{} twice", story.id);
        assert!(
            matches!(story.scenario, "playback" | "update"),
            "{}",
            story.id
        );
        assert!(
            story.answers.contains(&("when", story.scenario)),
            "{}: the scenario is the owner's first answer",
            story.id
        );
        for (question, answer) in story.answers {
            let q = KB
                .questions
                .iter()
                .find(|q| q.id == *question)
                .unwrap_or_else(|| panic!("{}: no question {question}", story.id));
            assert!(
                q.answers.iter().any(|a| a.id == *answer),
                "{}: {question} has no answer {answer}",
                story.id
            );
        }
        for cause in story.causes {
            assert!(
                KB.causes.iter().any(|c| c.id == *cause),
                "{}: {cause}",
                story.id
            );
        }
        for step in story.first.iter().chain(story.not_first) {
            assert!(KB.step(step).is_some(), "{}: no step {step}", story.id);
        }
        assert!(!story.first.is_empty(), "{}", story.id);
        assert!(
            story.first.iter().all(|s| !story.not_first.contains(s)),
            "{}: a step both first and not first",
            story.id
        );
        assert!(!story.story.is_empty() && !story.source.is_empty());
    }
}
