//! How likely each cause is, given the journey so far.

use super::journey::{Event, Journey, Outcome};
use crate::kb::{KnowledgeBase, QuestionId, StepId, NOT_SURE};

/// Weights over the knowledge base's causes, plus one for "a cause no guide lists".
///
/// Weights are kept unnormalised while evidence is applied; [`Belief::probabilities`]
/// normalises. The causes are treated as mutually exclusive (one fault at a time), the usual
/// assumption of decision-theoretic troubleshooting.
#[derive(Debug, Clone, PartialEq)]
pub struct Belief {
    causes: Vec<f64>,
    unexplained: f64,
}

impl Belief {
    /// The priors from the knowledge base.
    pub fn prior(kb: &KnowledgeBase) -> Belief {
        Belief {
            causes: kb.causes.iter().map(|c| c.prior).collect(),
            unexplained: kb.engine.unexplained_prior,
        }
    }

    /// The priors updated by every answer and every step that did not help.
    pub fn after(kb: &KnowledgeBase, journey: &Journey) -> Belief {
        let mut belief = Belief::prior(kb);
        for event in journey.events() {
            match *event {
                Event::Answered { question, answer } => {
                    belief.observe_answer(kb, question, answer);
                }
                Event::Tried {
                    step,
                    outcome: Outcome::NotFixed,
                } => belief.observe_failure(kb, step),
                // Skipped and "fixed for now" teach nothing about which cause it is.
                Event::Tried { .. } | Event::BeganPlan | Event::HandedOver => {}
            }
        }
        belief
    }

    /// Multiplies in the answer's likelihood factors.
    pub fn observe_answer(&mut self, kb: &KnowledgeBase, question: QuestionId, answer: usize) {
        for weight in kb.questions[question].answers[answer].weights {
            for &cause in weight.causes {
                self.causes[cause] *= weight.factor;
            }
        }
    }

    /// A step was done and did not help: each cause it would have fixed becomes less likely,
    /// in proportion to how surely the step fixes it.
    pub fn observe_failure(&mut self, kb: &KnowledgeBase, step: StepId) {
        for fix in kb.steps[step].fixes {
            self.causes[fix.cause] *= 1.0 - fix.chance;
        }
    }

    /// The probability of each cause, in the knowledge base's order, summing with
    /// [`Belief::unexplained_probability`] to one.
    pub fn probabilities(&self) -> Vec<f64> {
        let total = self.total();
        self.causes.iter().map(|w| w / total).collect()
    }

    pub fn unexplained_probability(&self) -> f64 {
        self.unexplained / self.total()
    }

    /// The probability that doing `step` ends the problem.
    pub fn chance_step_fixes(&self, kb: &KnowledgeBase, step: StepId) -> f64 {
        let total = self.total();
        kb.steps[step]
            .fixes
            .iter()
            .map(|fix| self.causes[fix.cause] * fix.chance / total)
            .sum()
    }

    /// How likely each answer to `question` is, "Not sure" left out (its entry is zero).
    ///
    /// The knowledge base gives each answer's factors, which are likelihood ratios; read per
    /// cause, they are in proportion to the chance of each answer when that cause is behind
    /// the problem (an answer that leaves a cause alone has factor 1). So P(answer | cause) is
    /// the factor divided by the sum over the question's answers, and P(answer) sums that over
    /// the belief. A cause no guide lists gives every answer the same chance.
    pub fn answer_probabilities(&self, kb: &KnowledgeBase, question: QuestionId) -> Vec<f64> {
        let answers = kb.questions[question].answers;
        let factor = |answer: usize, cause: usize| -> f64 {
            answers[answer]
                .weights
                .iter()
                .filter(|w| w.causes.contains(&cause))
                .map(|w| w.factor)
                .product()
        };
        let real: Vec<usize> = (0..answers.len())
            .filter(|&a| answers[a].id != NOT_SURE)
            .collect();
        let total = self.total();
        let mut probabilities = vec![0.0; answers.len()];
        for (cause, weight) in self.causes.iter().enumerate() {
            let sum: f64 = real.iter().map(|&a| factor(a, cause)).sum();
            for &a in &real {
                probabilities[a] += weight / total * factor(a, cause) / sum;
            }
        }
        for &a in &real {
            probabilities[a] += self.unexplained / total / real.len() as f64;
        }
        probabilities
    }

    /// The probability that one of `causes` is behind the problem.
    pub fn probability_of_any(&self, causes: &[usize]) -> f64 {
        causes.iter().map(|&c| self.causes[c]).sum::<f64>() / self.total()
    }

    /// What doing `step` is expected to cost, in minutes, before its outcome is known: the
    /// part always done, plus the conditional part weighted by the chance that it is needed.
    /// Checking for an outage costs a minute; the hour of waiting only comes with an outage.
    pub fn expected_minutes(&self, kb: &KnowledgeBase, step: StepId) -> f64 {
        let step = &kb.steps[step];
        let then = step.then.as_ref().map_or(0.0, |then| {
            self.probability_of_any(then.causes) * f64::from(then.minutes)
        });
        f64::from(step.minutes) + then
    }

    fn total(&self) -> f64 {
        self.causes.iter().sum::<f64>() + self.unexplained
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    fn answer(question: &str, answer: &str) -> Event {
        let q = KB.question_id(question).unwrap();
        let a = KB.questions[q]
            .answers
            .iter()
            .position(|a| a.id == answer)
            .unwrap();
        Event::Answered {
            question: q,
            answer: a,
        }
    }

    fn cause(id: &str) -> usize {
        KB.causes.iter().position(|c| c.id == id).unwrap()
    }

    #[test]
    fn probabilities_sum_to_one() {
        let belief = Belief::prior(&KB);
        let sum: f64 =
            belief.probabilities().iter().sum::<f64>() + belief.unexplained_probability();
        assert!((sum - 1.0).abs() < 1e-9);
    }

    #[test]
    fn an_answer_moves_weight_towards_the_causes_it_points_at() {
        let before = Belief::prior(&KB).probabilities()[cause("expired-credentials")];
        let journey = Journey::new().with(answer("services", "one"));
        let after = Belief::after(&KB, &journey).probabilities()[cause("expired-credentials")];
        assert!(after > 2.0 * before, "{before} -> {after}");
    }

    #[test]
    fn not_sure_changes_nothing() {
        let journey = Journey::new()
            .with(answer("when", "not-sure"))
            .with(answer("services", "not-sure"));
        assert_eq!(Belief::after(&KB, &journey), Belief::prior(&KB));
    }

    #[test]
    fn answer_probabilities_sum_to_one_and_follow_the_belief() {
        let q = KB.question_id("internet").unwrap();
        let no = KB.questions[q]
            .answers
            .iter()
            .position(|a| a.id == "no")
            .unwrap();
        let prior = Belief::prior(&KB);
        let p = prior.answer_probabilities(&KB, q);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Once every service fails, more weight sits on network causes, so "nothing gets
        // online" becomes a likelier answer to the internet question.
        let journey = Journey::new().with(answer("services", "every"));
        let after = Belief::after(&KB, &journey).answer_probabilities(&KB, q);
        assert!(after[no] > p[no], "{} -> {}", p[no], after[no]);
    }

    #[test]
    fn a_failed_step_makes_the_causes_it_fixes_less_likely() {
        let step = KB.step_id("readd-service-account").unwrap();
        let before = Belief::prior(&KB);
        let mut after = before.clone();
        after.observe_failure(&KB, step);
        let c = cause("expired-credentials");
        assert!(after.probabilities()[c] < before.probabilities()[c] / 5.0);
        assert!(after.unexplained_probability() > before.unexplained_probability());
    }
}
