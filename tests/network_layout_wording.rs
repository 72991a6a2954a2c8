//! Issue 23 §3, "suspecting our own advice": the network-layout answer raises "an old bridge or
//! extender", the update guide's cause, which names no Sonos product, while the playback guide
//! recommends adding a Sonos Boost. The shipped wording must not present Sonos' products as
//! the guide's named cause: where a Sonos Bridge or Boost is mentioned, it is as Fix 1002's own.

use fix1002_core::kb::KB;

#[test]
fn the_cited_answer_keeps_to_the_guides_words_and_the_sonos_products_are_fix_1002s_inference() {
    let question = KB.question("network-layout").expect("the network question");
    let cause = KB
        .causes
        .iter()
        .position(|c| c.id == "old-extender")
        .expect("the old bridge or extender");
    // Every answer that raises the guide's cause speaks in the guide's words, not Sonos'.
    let raising: Vec<_> = question
        .answers
        .iter()
        .filter(|a| {
            a.weights
                .iter()
                .any(|w| w.causes.contains(&cause) && w.factor > 1.0)
        })
        .collect();
    assert!(!raising.is_empty());
    for answer in &raising {
        for text in [answer.label, answer.because] {
            assert!(!text.contains("Sonos"), "{}: {text:?}", answer.id);
            assert!(!text.contains("Boost"), "{}: {text:?}", answer.id);
        }
    }
    let extenders = question.answer("extenders").expect("the extenders answer");
    assert!(extenders.label.contains("bridge"), "{:?}", extenders.label);
    // The owner with a Sonos Bridge or Boost learns where to put it, from text labelled as
    // Fix 1002's, which also says the guides do not name it.
    let help = question.help.expect("the question's help");
    assert!(help.starts_with("A tip from Fix 1002, not from the guides:"));
    assert!(help.contains("Fix 1002 also counts a Sonos Bridge or Boost as a bridge"));
    assert!(help.contains("not Sonos' own products"));
    // No owner-facing text in the knowledge base ties a Boost to the update guide's cause.
    assert!(!KB.causes[cause].title.contains("Sonos"));
    assert!(!KB.causes[cause].detail.contains("Boost"));
}
