//! The story benchmark: each owner story of tests/support/stories.rs told to the engine, as
//! the owner would answer ("Not sure" for anything the story does not say), with every step
//! failing. Prints how soon an acceptable step comes, how many questions were asked, and how
//! many steps an owner who never finds the fix goes through before the hand-over.
//!
//! Run with `cargo run --release --example bench_stories` (or `make bench`; `--json` for it).

#[path = "../tests/support/stories.rs"]
mod stories;
#[path = "../tests/support/mod.rs"]
mod support;

use stories::STORIES;
use support::{answer_all, plan_when_nothing_helps};

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let mut ranks = Vec::new();
    let mut questions = Vec::new();
    let mut bad_first = Vec::new();
    let mut not_acceptable = Vec::new();
    for story in STORIES {
        let answers: Vec<(&str, &str)> = story
            .answers
            .iter()
            .chain(story.later.iter())
            .copied()
            .collect();
        let (journey, asked) = answer_all(&answers);
        let plan = plan_when_nothing_helps(&journey);
        let rank = plan
            .iter()
            .position(|step| story.first.contains(step))
            .map_or(plan.len() + 1, |i| i + 1);
        if rank != 1 {
            not_acceptable.push(format!("{} (got {})", story.id, plan[0]));
        }
        if story.not_first.contains(&plan[0]) {
            bad_first.push(story.id);
        }
        ranks.push(rank as f64);
        questions.push(asked.len() as f64);
    }
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let acceptable = ranks.iter().filter(|r| **r == 1.0).count() as f64 / ranks.len() as f64;
    // An owner who answers "Not sure" to everything and "No" to every step.
    let hand_over: Vec<(&str, usize)> = ["playback", "update"]
        .into_iter()
        .map(|when| {
            let (journey, _) = answer_all(&[("when", when)]);
            (when, plan_when_nothing_helps(&journey).len())
        })
        .collect();
    if json {
        println!(
            "{{\"stories\":{},\"mean_rank\":{:.2},\"first_acceptable_share\":{:.3},\"mean_questions\":{:.2},\"steps_before_hand_over\":{{\"playback\":{},\"update\":{}}},\"bad_first\":{:?},\"not_acceptable\":{:?}}}",
            STORIES.len(),
            mean(&ranks),
            acceptable,
            mean(&questions),
            hand_over[0].1,
            hand_over[1].1,
            bad_first,
            not_acceptable
        );
    } else {
        println!("{} stories", STORIES.len());
        println!(
            "mean rank of the first acceptable step: {:.2} (target ≤ 1.2)",
            mean(&ranks)
        );
        println!(
            "first step acceptable: {:.0}% (target ≥ 90%)",
            acceptable * 100.0
        );
        println!("mean questions asked: {:.2} (target ≤ 5)", mean(&questions));
        for (when, steps) in &hand_over {
            println!("never fixed ({when}): {steps} steps before the hand-over to support");
        }
        println!("stories that start with a step they must not: {bad_first:?}");
        println!("stories whose first step is not acceptable: {not_acceptable:?}");
    }
}
