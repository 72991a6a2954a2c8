//! Typed handles on the knowledge base's steps, questions, answers and causes.
//!
//! The engine refers to an entry by its position in the compiled tables. Wrapping the position
//! in its own type keeps a step from being passed where a question is meant (or a cause, or an
//! answer), and `KB.steps[step]` still reads as before through the `Index` impls below.
//! Handles are only made by the knowledge base, so every one is in range.
//!
//! Code that means one particular entry names it by a constant the build writes from the data
//! file (`kb::step::RESTART_SPEAKER`, `kb::question::WHEN`, `kb::answer::WHEN_UPDATE`,
//! `kb::cause::EXPIRED_CREDENTIALS`): a renamed or removed entry then fails to compile, where a
//! string id would fail at run time.

use std::ops::Index;

use super::model::{Cause, Question, Step};

/// A fix step of the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepId(usize);

/// A question of the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(usize);

/// One answer of one question (the "Not sure" every question ends with included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerId {
    question: QuestionId,
    answer: usize,
}

/// A cause of the knowledge base.
///
/// The engine's own tables still hold causes as plain positions (`Fix::cause`, `Weight::causes`,
/// `RankedCause::cause`); [`CauseId::index`] compares a handle with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CauseId(usize);

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

impl AnswerId {
    pub(crate) const fn new(question: QuestionId, answer: usize) -> AnswerId {
        AnswerId { question, answer }
    }

    /// The question this answers.
    pub fn question(self) -> QuestionId {
        self.question
    }

    /// The position among the question's answers, as `diagnose::Event::Answered` holds it.
    pub fn index(self) -> usize {
        self.answer
    }
}

impl CauseId {
    pub(crate) const fn new(index: usize) -> CauseId {
        CauseId(index)
    }

    /// The position in the knowledge base's causes, as the engine's tables hold it.
    pub fn index(self) -> usize {
        self.0
    }
}

impl From<CauseId> for usize {
    fn from(id: CauseId) -> usize {
        id.0
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

impl Index<CauseId> for [Cause] {
    type Output = Cause;

    fn index(&self, id: CauseId) -> &Cause {
        &self[id.0]
    }
}
