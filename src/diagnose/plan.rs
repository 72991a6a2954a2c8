//! Ordering the fix steps: the most "fix chance per minute" first.

use super::belief::Belief;
use crate::kb::KnowledgeBase;

/// A step in the plan, with the chance that it ends the problem if every step before it in
/// the plan has failed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedStep {
    pub step: usize,
    pub chance: f64,
}

/// Orders the steps not yet set aside.
///
/// The greedy rule of Heckerman, Breese and Rommelse: pick the step with the highest
/// (chance it fixes the problem) / (minutes it takes), then assume it failed, update the
/// belief, and pick again. Under a single-fault assumption this ordering minimises the
/// expected time to a fix. Steps below the knowledge base's `min_chance` are left out, and
/// the escalation step is never part of the plan: it is what the flow offers once the plan is
/// empty.
pub fn plan(kb: &KnowledgeBase, belief: &Belief, set_aside: &[bool]) -> Vec<PlannedStep> {
    let mut belief = belief.clone();
    let mut candidates: Vec<usize> = (0..kb.steps.len())
        .filter(|&i| !kb.steps[i].escalation && !set_aside.get(i).copied().unwrap_or(false))
        .collect();
    let mut planned = Vec::new();
    loop {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(slot, &step)| {
                let chance = belief.chance_step_fixes(kb, step);
                (
                    slot,
                    step,
                    chance,
                    chance / f64::from(kb.steps[step].minutes),
                )
            })
            // Ties go to the step listed first in the knowledge base, so plans are stable.
            .fold(
                None,
                |best: Option<(usize, usize, f64, f64)>, c| match best {
                    Some(b) if b.3 >= c.3 => Some(b),
                    _ => Some(c),
                },
            );
        let Some((slot, step, chance, _)) = best else {
            break;
        };
        if chance < kb.engine.min_chance {
            break;
        }
        planned.push(PlannedStep { step, chance });
        candidates.remove(slot);
        belief.observe_failure(kb, step);
    }
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    #[test]
    fn the_plan_never_repeats_a_step_nor_includes_the_escalation() {
        let plan = plan(&KB, &Belief::prior(&KB), &[]);
        let mut ids: Vec<_> = plan.iter().map(|p| p.step).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), plan.len());
        assert!(plan.iter().all(|p| !KB.steps[p.step].escalation));
    }

    #[test]
    fn set_aside_steps_are_left_out() {
        let first = plan(&KB, &Belief::prior(&KB), &[])[0].step;
        let mut set_aside = vec![false; KB.steps.len()];
        set_aside[first] = true;
        let again = plan(&KB, &Belief::prior(&KB), &set_aside);
        assert!(again.iter().all(|p| p.step != first));
    }

    #[test]
    fn a_cheaper_step_comes_first_when_chances_are_equal() {
        // With no answers, restarting the speaker (3 minutes) must come before updating
        // everything (15 minutes) unless its chance is five times smaller.
        let plan = plan(&KB, &Belief::prior(&KB), &[]);
        let pos = |id: &str| plan.iter().position(|p| KB.steps[p.step].id == id);
        assert!(pos("restart-speaker") < pos("update-app-and-firmware"));
    }
}
