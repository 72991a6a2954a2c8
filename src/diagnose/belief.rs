//! How likely each cause is, given the journey so far.

use super::journey::{Event, Journey, Outcome};
use crate::kb::KnowledgeBase;

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
        for event in &journey.events {
            match *event {
                Event::Answered { question, answer } => {
                    belief.observe_answer(kb, question, answer);
                }
                Event::Tried {
                    step,
                    outcome: Outcome::NotFixed,
                } => belief.observe_failure(kb, step),
                Event::Tried { .. } | Event::BeganPlan => {}
            }
        }
        belief
    }

    /// Multiplies in the answer's likelihood factors.
    pub fn observe_answer(&mut self, kb: &KnowledgeBase, question: usize, answer: usize) {
        for weight in kb.questions[question].answers[answer].weights {
            for &cause in weight.causes {
                self.causes[cause] *= weight.factor;
            }
        }
    }

    /// A step was done and did not help: each cause it would have fixed becomes less likely,
    /// in proportion to how surely the step fixes it.
    pub fn observe_failure(&mut self, kb: &KnowledgeBase, step: usize) {
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
    pub fn chance_step_fixes(&self, kb: &KnowledgeBase, step: usize) -> f64 {
        let total = self.total();
        kb.steps[step]
            .fixes
            .iter()
            .map(|fix| self.causes[fix.cause] * fix.chance / total)
            .sum()
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
        let q = KB.questions.iter().position(|q| q.id == question).unwrap();
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
        let journey = Journey {
            events: vec![answer("services", "one")],
        };
        let after = Belief::after(&KB, &journey).probabilities()[cause("expired-credentials")];
        assert!(after > 2.0 * before, "{before} -> {after}");
    }

    #[test]
    fn not_sure_changes_nothing() {
        let journey = Journey {
            events: vec![answer("when", "not-sure"), answer("services", "not-sure")],
        };
        assert_eq!(Belief::after(&KB, &journey), Belief::prior(&KB));
    }

    #[test]
    fn a_failed_step_makes_the_causes_it_fixes_less_likely() {
        let step = KB.step_index("readd-service-account").unwrap();
        let before = Belief::prior(&KB);
        let mut after = before.clone();
        after.observe_failure(&KB, step);
        let c = cause("expired-credentials");
        assert!(after.probabilities()[c] < before.probabilities()[c] / 5.0);
        assert!(after.unexplained_probability() > before.unexplained_probability());
    }
}
