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

use stories::{figures, tell, Told, STORIES};

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    // `--stories` also prints, for each story, the questions asked and the plan's start: the
    // view a knowledge-base writer needs when tuning a weight.
    let each = std::env::args().any(|a| a == "--stories");
    let told: Vec<Told> = STORIES.iter().map(tell).collect();
    if each {
        for t in &told {
            println!(
                "{}: rank {}, {:.1} min to the right step; asked {:?}; plan {:?}",
                t.story.id,
                t.rank(),
                t.minutes,
                t.asked,
                &t.plan[..t.plan.len().min(4)]
            );
        }
    }
    let f = figures(&told);
    let bad_first: Vec<&str> = told
        .iter()
        .filter(|t| t.starts_wrong())
        .map(|t| t.story.id)
        .collect();
    let not_acceptable: Vec<String> = told
        .iter()
        .filter(|t| t.rank() != 1)
        .map(|t| format!("{} (got {})", t.story.id, t.plan[0]))
        .collect();
    let (playback, update) = f.hand_over_after;
    let unknown = f.hand_over_unknown;
    let (story_playback, story_update) = f.hand_over_story_max;
    let (worst, whose) = f.hand_over_worst;
    if json {
        println!(
            "{{\"stories\":{},\"mean_rank\":{:.2},\"first_acceptable_share\":{:.3},\"mean_questions\":{:.2},\"max_questions\":{},\"mean_minutes_to_right_step\":{:.2},\"steps_before_hand_over\":{{\"playback\":{playback},\"update\":{update},\"not_sure_to_all\":{unknown},\"story_max_playback\":{story_playback},\"story_max_update\":{story_update},\"worst\":{worst},\"worst_journey\":{whose:?}}},\"bad_first\":{bad_first:?},\"not_acceptable\":{not_acceptable:?}}}",
            STORIES.len(),
            f.mean_rank,
            f.first_acceptable_share,
            f.mean_questions,
            f.max_questions,
            f.mean_minutes,
        );
    } else {
        println!("{} stories", STORIES.len());
        println!(
            "mean rank of the first acceptable step: {:.2} (target ≤ 1.2)",
            f.mean_rank
        );
        println!(
            "first step acceptable: {:.0}% (target ≥ 90%)",
            f.first_acceptable_share * 100.0
        );
        println!("mean questions asked: {:.2} (target ≤ 5)", f.mean_questions);
        println!("most questions asked: {} (target ≤ 7)", f.max_questions);
        println!(
            "expected minutes until the right step (questions and earlier steps): {:.1} on average",
            f.mean_minutes
        );
        println!("never fixed (playback): {playback} steps before the hand-over to support");
        println!("never fixed (update): {update} steps before the hand-over to support");
        println!(
            "never fixed (\"Not sure\" to every question): {unknown} steps before the hand-over"
        );
        println!(
            "never fixed, most steps in any story: {story_playback} (playback), {story_update} (update)"
        );
        println!("never fixed, worst case: {worst} steps ({whose})");
        println!("stories that start with a step they must not: {bad_first:?}");
        println!("stories whose first step is not acceptable: {not_acceptable:?}");
    }
}
