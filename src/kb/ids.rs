//! Typed handles on the knowledge base's steps and questions.
//!
//! The engine refers to a step or a question by its position in the compiled tables. Wrapping
//! the position in its own type keeps a step from being passed where a question is meant (or a
//! cause, or an answer), and `KB.steps[step]` still reads as before through the `Index`
//! impls below. Handles are only made by the knowledge base, so every one is in range.

use std::ops::Index;

use super::model::{Question, Step};

/// A fix step of the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepId(usize);

/// A question of the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(usize);

impl StepId {
    pub(crate) const fn new(index: usize) -> StepId {
        StepId(index)
    }

    /// The position in the knowledge base's steps: for tables kept beside them.
    pub fn index(self) -> usize {
        self.0
    }
}

impl QuestionId {
    pub(crate) const fn new(index: usize) -> QuestionId {
        QuestionId(index)
    }

    /// The position in the knowledge base's questions.
    pub fn index(self) -> usize {
        self.0
    }
}

impl Index<StepId> for [Step] {
    type Output = Step;

    fn index(&self, id: StepId) -> &Step {
        &self[id.0]
    }
}

impl Index<QuestionId> for [Question] {
    type Output = Question;

    fn index(&self, id: QuestionId) -> &Question {
        &self[id.0]
    }
}
