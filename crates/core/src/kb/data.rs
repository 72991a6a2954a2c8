//! The knowledge base's tables, generated at build time from `kb/error1002.toml`: the
//! troubleshooting data gathered in [`KB`], the common questions and the facts about error 1002
//! (re-exported by `faq` and `about`), and the typed ids (`step::RESTART_SPEAKER` and the like).

use super::about::Fact;
use super::faq::CommonQuestion;
use super::ids::{AnswerId, CauseId, QuestionId, StepId};
use super::model::{
    Answer, Cause, Citation, During, EngineSettings, Fix, Helper, HelperText, Model, Question,
    Requirement, Step, Then, Weight,
};
use super::prose::{Piece, Prose};
use super::source::{Document, Source};

include!(concat!(env!("OUT_DIR"), "/knowledge_base.rs"));

/// The models, causes, steps and questions, as one value the engine can be handed.
#[derive(Debug)]
pub struct KnowledgeBase {
    pub engine: &'static EngineSettings,
    pub models: &'static [Model],
    pub causes: &'static [Cause],
    /// One text per [`Helper`], in the file's order: see [`KnowledgeBase::helper_text`].
    pub helpers: &'static [HelperText],
    pub steps: &'static [Step],
    pub questions: &'static [Question],
}

/// The knowledge base compiled into the app.
pub static KB: KnowledgeBase = KnowledgeBase {
    engine: &ENGINE,
    models: MODELS,
    causes: CAUSES,
    helpers: HELPERS,
    steps: STEPS,
    questions: QUESTIONS,
};

impl KnowledgeBase {
    pub fn step(&self, id: &str) -> Option<&'static Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The handle of the step with this id.
    pub fn step_id(&self, id: &str) -> Option<StepId> {
        self.steps.iter().position(|s| s.id == id).map(StepId::new)
    }

    /// Every step's handle, in the knowledge base's order.
    pub fn step_ids(&self) -> impl Iterator<Item = StepId> {
        (0..self.steps.len()).map(StepId::new)
    }

    /// The handle of the question with this id.
    pub fn question_id(&self, id: &str) -> Option<QuestionId> {
        self.questions
            .iter()
            .position(|q| q.id == id)
            .map(QuestionId::new)
    }

    /// Every question's handle, in the knowledge base's order.
    pub fn question_ids(&self) -> impl Iterator<Item = QuestionId> {
        (0..self.questions.len()).map(QuestionId::new)
    }

    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The answer a handle names (such as `kb::answer::WHEN_UPDATE`).
    pub fn answer(&self, id: AnswerId) -> &'static Answer {
        &self.questions[id.question()].answers[id.index()]
    }

    /// What the hand-over says about `helper`: its name and what it can do.
    pub fn helper_text(&self, helper: Helper) -> &'static HelperText {
        self.helpers
            .iter()
            .find(|text| text.helper == helper)
            .expect("build/validate.rs checks that every helper has a text")
    }

    /// The step offered when the plan runs out (build/validate.rs requires exactly one).
    pub fn escalation(&self) -> &'static Step {
        &self.steps[self.escalation_id()]
    }

    pub fn escalation_id(&self) -> StepId {
        self.steps
            .iter()
            .position(|s| s.escalation)
            .map(StepId::new)
            .expect("build/validate.rs checks that one step escalates")
    }

    /// Every reviewer's note, named by where it stands: why a number has its value, how a step
    /// is priced, who can help and why. No owner is meant to read them; the wasm build empties
    /// them, and the checks of owner screens and pages look for them.
    pub fn reviewer_notes(&self) -> Vec<(String, &'static str)> {
        let e = self.engine;
        let mut notes = vec![
            ("engine unexplained_why".to_owned(), e.unexplained_why),
            ("engine support_why".to_owned(), e.support_why),
            ("engine question_why".to_owned(), e.question_why),
        ];
        for c in self.causes {
            notes.push((format!("cause {} prior_why", c.id), c.prior_why));
        }
        for h in self.helpers {
            notes.push((format!("helper {} why", h.id), h.why));
        }
        for s in self.steps {
            for f in s.fixes {
                notes.push((format!("step {} fix why", s.id), f.why));
            }
            if let Some(then) = &s.then {
                notes.push((format!("step {} then.why", s.id), then.why));
            }
        }
        for q in self.questions {
            notes.push((format!("question {} minutes_why", q.id), q.minutes_why));
            // Only the flow's questions say how often owners know the answer.
            if !q.for_summary {
                notes.push((format!("question {} known_why", q.id), q.known_why));
            }
            for a in q.answers {
                for w in a.weights {
                    notes.push((format!("answer {}:{} weight why", q.id, a.id), w.why));
                }
            }
        }
        notes
    }
}
