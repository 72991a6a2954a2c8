//! Ordering the fix steps: the most "fix chance per minute" first, until contacting Sonos
//! support is the better use of the owner's time.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use crate::kb::{question, During, KnowledgeBase, QuestionId, StepId, NOT_SURE};

/// An answer rules a cause out when it divides the cause's weight by four or more (a factor of
/// at most this). The knowledge base gives such factors where the answer all but contradicts
/// the cause: "No, it shows Online" for a speaker that lost its Wi-Fi (0.2), every service
/// failing for one service's expired sign-in (0.25), the other scenario's causes (0.05). Its
/// milder factors (0.3 and up) say "less likely" with a reason that leaves room ("a phone that
/// stays put roams less, though it can still switch access points"), and rule nothing out.
const RULES_OUT: f64 = 0.25;

/// A step in the plan, with the chance that it ends the problem if every step before it in
/// the plan has failed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedStep {
    pub step: StepId,
    pub chance: f64,
    /// The problem keeps coming back and this step only clears it for a while: it is offered
    /// after the lasting fixes, as relief.
    pub relief: bool,
}

/// What the plan must take into account besides the belief: what the owner has already done
/// or said, as far as it changes which steps are open and what they cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanOptions {
    /// Steps already tried or skipped, or whose check an answer has already cleared (indexed
    /// like the knowledge base's steps; missing entries are false).
    pub set_aside: Vec<bool>,
    /// Steps whose check an answer has already made, and found their cause: only the `then`
    /// part is left to do.
    pub looked: Vec<bool>,
    /// The owner says the problem keeps coming back.
    pub recurring: bool,
    /// A relief step has already brought the music back for now: more relief is pointless.
    pub relieved: bool,
    /// For each cause, the product of the factors the answers gave it (missing entries are 1).
    pub evidence: Vec<f64>,
    /// For each cause, whether an answer ruled it out (see [`RULES_OUT`]; missing entries are
    /// false).
    pub contradicted: Vec<bool>,
    /// The scenario the answers point to is the update: see [`PlanOptions::rules_out`].
    pub updating: bool,
    /// Plan every step, as if no answer ruled a cause out nor settled the scenario: for
    /// weighing a question before it is asked (see [`PlanOptions::is_open`]).
    pub valuing: bool,
}

impl PlanOptions {
    /// The plan's inputs that come from the journey rather than from the belief.
    pub fn for_journey(kb: &KnowledgeBase, journey: &Journey) -> PlanOptions {
        let mut options = PlanOptions {
            set_aside: vec![false; kb.steps.len()],
            looked: vec![false; kb.steps.len()],
            ..PlanOptions::default()
        };
        let mut skipped = Vec::new();
        for event in journey.events() {
            match *event {
                Event::Answered { question, answer } => {
                    options = options.after_answer(kb, question, answer);
                }
                Event::Tried { step, outcome } => {
                    options.set_aside[step.index()] = true;
                    if outcome == Outcome::Skipped {
                        skipped.push(step);
                    }
                    if outcome == Outcome::ForNow {
                        // The music plays for now: the owner goes back to the lasting fixes,
                        // including any put off with "I can't do this" while it would not play.
                        options.relieved = true;
                        for &s in &skipped {
                            options.set_aside[s.index()] = false;
                        }
                    }
                }
                Event::BeganPlan | Event::HandedOver => {}
            }
        }
        options
    }

    /// The options once `question` is answered with `answer`: a recurring answer makes the
    /// problem recurring, and an answer that is a step's check marks that step as looked at
    /// (the check found its cause) or sets it aside (the check came out clear).
    pub fn after_answer(
        &self,
        kb: &KnowledgeBase,
        question: QuestionId,
        answer: usize,
    ) -> PlanOptions {
        let mut options = self.clone();
        let q = &kb.questions[question];
        let a = &q.answers[answer];
        options.recurring |= a.recurring;
        if a.id == NOT_SURE {
            return options;
        }
        if options.evidence.len() < kb.causes.len() {
            options.evidence.resize(kb.causes.len(), 1.0);
        }
        if options.contradicted.len() < kb.causes.len() {
            options.contradicted.resize(kb.causes.len(), false);
        }
        for weight in a.weights {
            for &cause in weight.causes {
                options.evidence[cause] *= weight.factor;
                // The scenario's own factors are the scenario rule's to apply (`updating`).
                options.contradicted[cause] |=
                    weight.factor <= RULES_OUT && question != question::WHEN;
            }
        }
        options.updating = scenario_of(kb, &options.evidence) == During::Update;
        for id in kb.step_ids() {
            let Some(check) = &kb.steps[id].checked_by else {
                continue;
            };
            if check.question != q.id {
                continue;
            }
            let flags = if check.answer == a.id {
                &mut options.looked
            } else {
                &mut options.set_aside
            };
            if flags.len() < kb.steps.len() {
                flags.resize(kb.steps.len(), false);
            }
            flags[id.index()] = true;
        }
        options
    }

    /// Whether the answers leave `cause` out of the plan: an answer ruled it out, or it belongs
    /// to the other scenario than the one the answers point to.
    ///
    /// The scenario is the one whose causes the answers leave the more weight (their priors
    /// times the answers' factors). An owner who names it ("when") settles it, since that
    /// answer divides the other guide's causes by twenty. Decision (issue 23) for an owner who
    /// answers "Not sure" to "when": the plan keeps to the scenario the other answers point to,
    /// which with no other answer is playback (the playback guide's causes carry twice the
    /// update guide's prior weight). The two guides' steps are for different moments: an owner
    /// who is not updating has no use for "keep your phone near the access point during the
    /// update", and interleaving both guides took an owner who knew nothing through ten steps
    /// before the hand-over. Only the answers count here, never a failed step: failing the
    /// steps of one guide would otherwise tip the balance to the other merely because its
    /// steps were not tried. The other scenario's causes are then not named as likely either
    /// (the hand-over, the summary).
    pub fn rules_out(&self, kb: &KnowledgeBase, cause: usize) -> bool {
        let in_update = kb.causes[cause].during == During::Update;
        self.is_contradicted(cause) || in_update != self.updating
    }

    /// Whether the plan may offer `step`: the stopping rule of issue 23, besides the plan's own
    /// (no step left offers more chance per minute than support).
    ///
    /// - Some cause the step fixes is not ruled out by an answer: a step offered for causes the
    ///   owner's answers contradict would argue against them ("It addresses: the speaker lost
    ///   its Wi-Fi connection" after "No, it shows Online").
    /// - The step fixes a cause of the scenario the answers point to ([`PlanOptions::rules_out`]),
    ///   or, in an update story, the knowledge base words it for the update too (`in_update`:
    ///   the router step, whose update ending the writers wrote for this).
    ///
    /// Measured with the story benchmark (examples/bench_stories.rs), before and after: its
    /// figures did not move (mean rank 1.12, 93% acceptable, 5.00 questions, at most 7, 3.7
    /// expected minutes), while an owner who answers "Not sure" to everything and finds no fix
    /// reaches the hand-over after 6 steps instead of 10, all of them playback steps; the worst
    /// case of all the journeys measured is now 7 (playback, every step of its guide). An
    /// update owner who says nothing else still meets 5 steps, and the longest update story 6.
    ///
    /// Questions are weighed with `valuing` set, on the plan without these two rules: a question
    /// is worth asking for what its answers could change, and leaving out the steps a
    /// hypothetical answer rules out sends their remaining weight to the hour of support, which
    /// made "does the speaker show Offline?" look worthless to an owner whose every service fails
    /// (measured: 88% acceptable, and a story starting with a step it must not).
    pub fn is_open(&self, kb: &KnowledgeBase, step: StepId) -> bool {
        if self.valuing {
            return true;
        }
        let s = &kb.steps[step];
        let in_scenario =
            |cause: usize| (kb.causes[cause].during == During::Update) == self.updating;
        let worded_for_update = self.updating && s.in_update.is_some();
        s.fixes.iter().any(|fix| !self.is_contradicted(fix.cause))
            && (worded_for_update || s.fixes.iter().any(|fix| in_scenario(fix.cause)))
    }

    /// Whether an answer (other than the scenario's) ruled `cause` out: see [`RULES_OUT`].
    pub fn is_contradicted(&self, cause: usize) -> bool {
        self.contradicted.get(cause).copied().unwrap_or(false)
    }

    /// Whether an answer has already made `step`'s check, and found its cause.
    pub fn looked(&self, step: StepId) -> bool {
        self.looked.get(step.index()).copied().unwrap_or(false)
    }

    /// Whether `step` is tried, skipped or ruled out by an answer.
    pub fn is_set_aside(&self, step: StepId) -> bool {
        self.set_aside.get(step.index()).copied().unwrap_or(false)
    }

    /// What `step` is expected to cost before its outcome is known: its own minutes plus a
    /// conditional repair in proportion to the chance it is needed, or for a step whose look
    /// is already done, the repair the look called for. A conditional wait is left out: it
    /// passes in whatever order the steps are tried.
    fn minutes_to_order_by(&self, kb: &KnowledgeBase, belief: &Belief, step: StepId) -> f64 {
        let s = &kb.steps[step];
        match &s.then {
            Some(then) if self.looked(step) => f64::from(then.minutes),
            Some(then) if !then.wait => belief.expected_minutes(kb, step),
            _ => f64::from(s.minutes),
        }
    }

    /// What `step` is expected to take in all, given the belief: its own minutes plus the
    /// conditional part in proportion to the chance it is needed (certainly, once a look
    /// found its cause).
    fn expected_minutes(&self, kb: &KnowledgeBase, belief: &Belief, step: StepId) -> f64 {
        if self.looked(step) {
            return self.minutes_to_order_by(kb, belief, step);
        }
        belief.expected_minutes(kb, step)
    }
}

/// The scenario whose causes `evidence` (the answers' factors per cause) leaves the more
/// weight; playback on a tie.
fn scenario_of(kb: &KnowledgeBase, evidence: &[f64]) -> During {
    let mass = |during: During| -> f64 {
        kb.causes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.during == during)
            .map(|(i, c)| c.prior * evidence.get(i).copied().unwrap_or(1.0))
            .sum()
    };
    if mass(During::Update) > mass(During::Playback) {
        During::Update
    } else {
        During::Playback
    }
}

/// Orders the steps not yet set aside, among those the answers leave open
/// ([`PlanOptions::is_open`]).
///
/// The greedy rule of Heckerman, Breese and Rommelse: pick the step with the highest
/// (chance it fixes the problem) / (minutes it costs before its outcome is known; a wait that
/// comes only with the cause the step finds is paid in any order, so it does not count here),
/// then assume it failed,
/// update the belief, and pick again. Under a single-fault assumption this ordering minimises
/// the expected time to a fix. Contacting Sonos support is the "call service" action of the
/// same method: the plan ends once no step offers more chance per minute than support does,
/// so as failed steps shift the weight towards causes no guide lists, the hand-over comes.
///
/// For a recurring problem a relief step cannot count as a fix, so the lasting fixes are
/// planned first and the relief steps after them.
pub fn plan(kb: &KnowledgeBase, belief: &Belief, options: &PlanOptions) -> Vec<PlannedStep> {
    let support_rate = kb.engine.support_chance / f64::from(kb.escalation().minutes);
    let open = |id: &StepId| {
        !kb.steps[*id].escalation && !options.is_set_aside(*id) && options.is_open(kb, *id)
    };
    let phases: Vec<(Vec<StepId>, bool)> = if options.recurring {
        let (relief, lasting): (Vec<StepId>, Vec<StepId>) = kb
            .step_ids()
            .filter(open)
            .partition(|&i| kb.steps[i].relief);
        let relief = if options.relieved { Vec::new() } else { relief };
        vec![(lasting, false), (relief, true)]
    } else {
        vec![(kb.step_ids().filter(open).collect(), false)]
    };

    let mut belief = belief.clone();
    let mut planned = Vec::new();
    for (mut candidates, relief) in phases {
        while let Some((slot, chance)) = best_next(kb, &belief, options, &candidates, support_rate)
        {
            let step = candidates.remove(slot);
            planned.push(PlannedStep {
                step,
                chance,
                relief,
            });
            belief.observe_failure(kb, step);
        }
    }
    planned
}

/// The minutes an owner is expected to spend following the steps of `order` until one works,
/// counting the call to Sonos support if none does: the quantity the plan's ordering keeps
/// low, and the yardstick for whether a question is worth its time. For a recurring problem a
/// relief step costs its minutes but cannot end the problem.
pub fn expected_minutes_to_end(
    kb: &KnowledgeBase,
    belief: &Belief,
    order: &[StepId],
    options: &PlanOptions,
) -> f64 {
    let mut belief = belief.clone();
    let mut still_broken = 1.0;
    let mut minutes = 0.0;
    for &step in order {
        minutes += still_broken * options.expected_minutes(kb, &belief, step);
        if !(options.recurring && kb.steps[step].relief) {
            still_broken *= 1.0 - belief.chance_step_fixes(kb, step);
            belief.observe_failure(kb, step);
        }
    }
    minutes + still_broken * f64::from(kb.escalation().minutes)
}

/// The candidate with the most chance per expected minute, if it beats contacting support.
/// Ties go to the step listed first in the knowledge base, so plans are stable.
fn best_next(
    kb: &KnowledgeBase,
    belief: &Belief,
    options: &PlanOptions,
    candidates: &[StepId],
    support_rate: f64,
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (slot, &step) in candidates.iter().enumerate() {
        let chance = belief.chance_step_fixes(kb, step);
        let rate = chance / options.minutes_to_order_by(kb, belief, step);
        if best.is_none_or(|(_, _, best_rate)| rate > best_rate) {
            best = Some((slot, chance, rate));
        }
    }
    best.filter(|&(_, _, rate)| rate > support_rate)
        .map(|(slot, chance, _)| (slot, chance))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    fn prior_plan() -> Vec<PlannedStep> {
        plan(&KB, &Belief::prior(&KB), &PlanOptions::default())
    }

    #[test]
    fn the_plan_never_repeats_a_step_nor_includes_the_escalation() {
        let plan = prior_plan();
        assert!(!plan.is_empty());
        let mut ids: Vec<_> = plan.iter().map(|p| p.step).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), plan.len());
        assert!(plan.iter().all(|p| !KB.steps[p.step].escalation));
    }

    #[test]
    fn set_aside_steps_are_left_out() {
        let first = prior_plan()[0].step;
        let mut set_aside = vec![false; KB.steps.len()];
        set_aside[first.index()] = true;
        let options = PlanOptions {
            set_aside,
            ..PlanOptions::default()
        };
        let again = plan(&KB, &Belief::prior(&KB), &options);
        assert!(again.iter().all(|p| p.step != first));
    }

    #[test]
    fn every_planned_step_offers_more_chance_per_minute_than_support() {
        let support = KB.engine.support_chance / f64::from(KB.escalation().minutes);
        let mut belief = Belief::prior(&KB);
        for planned in prior_plan() {
            let rate = planned.chance / f64::from(KB.steps[planned.step].minutes);
            assert!(rate > support, "{}", KB.steps[planned.step].id);
            belief.observe_failure(&KB, planned.step);
        }
    }

    #[test]
    fn a_conditional_wait_costs_only_its_share() {
        // Checking for an outage is cheap; the wait only comes with an outage. Its expected
        // cost must lie between the check alone and check plus the whole wait.
        let step = KB.step_id("check-service-status").unwrap();
        let s = &KB.steps[step];
        let then = s
            .then
            .as_ref()
            .expect("the outage check has a conditional wait");
        let expected = Belief::prior(&KB).expected_minutes(&KB, step);
        assert!(expected > f64::from(s.minutes));
        assert!(expected < f64::from(s.minutes + then.minutes) / 2.0);
    }

    #[test]
    fn for_a_recurring_problem_the_lasting_fixes_come_before_the_relief() {
        let options = PlanOptions {
            recurring: true,
            ..PlanOptions::default()
        };
        let plan = plan(&KB, &Belief::prior(&KB), &options);
        let first_relief = plan
            .iter()
            .position(|p| p.relief)
            .expect("relief is offered");
        assert!(first_relief > 0);
        assert!(plan[..first_relief]
            .iter()
            .all(|p| !KB.steps[p.step].relief));
        assert!(plan[first_relief..].iter().all(|p| KB.steps[p.step].relief));

        let relieved = PlanOptions {
            recurring: true,
            relieved: true,
            ..PlanOptions::default()
        };
        let after_relief = super::plan(&KB, &Belief::prior(&KB), &relieved);
        assert!(after_relief.iter().all(|p| !p.relief));
    }

    #[test]
    fn the_scenario_named_settles_it_and_with_none_the_plan_keeps_to_playback() {
        let when = crate::kb::question::WHEN;
        let answer = |id: &str| KB.questions[when].answers.iter().position(|a| a.id == id);
        let after = |id: &str| PlanOptions::default().after_answer(&KB, when, answer(id).unwrap());
        assert!(after("update").updating);
        assert!(!after("playback").updating);
        assert!(!after("not-sure").updating);
        assert!(!PlanOptions::default().updating);
        // The scenario's own answer rules nothing out by itself: its causes are left to the
        // scenario rule, so that the router step, worded for updates too, stays open there.
        let update = after("update");
        assert!(update.contradicted.iter().all(|&c| !c));
        let router = KB.step_id("check-online-restart-router").unwrap();
        assert!(update.is_open(&KB, router));
        let batches = KB.step_id("update-in-small-batches").unwrap();
        assert!(!after("playback").is_open(&KB, batches));
        assert!(update.is_open(&KB, batches));
    }
}
