//! The diagnosis engine: answers in, the next question or a ranked fix plan out.
//!
//! Every screen of the troubleshooting flow is a pure function of the knowledge base and the
//! [`Journey`] so far (the answers given and the steps tried), so the journey is the whole
//! state: it lives in the URL, is mirrored to local storage, and is read back by [`replay`],
//! which checks each event against the screen it would come from.
//!
//! The method is decision-theoretic troubleshooting (Heckerman, Breese and Rommelse, 1995):
//! each cause has a prior, each answer re-weights the causes ([`belief`]), and the fix plan
//! orders steps by the probability that a step fixes the problem divided by its time cost,
//! re-planning after every step that did not help ([`plan`]). A question is asked only while
//! one of its answers could change the first step and it is expected to save more minutes
//! than it takes to answer ([`screen`]).

mod applied_step;
pub mod belief;
mod came_back;
pub mod connection;
pub mod hand_over;
pub mod journey;
mod largest_first;
mod likely;
pub mod plan;
mod replay;
pub mod screen;
pub mod summary;

pub use applied_step::{AppliedStep, StepMinutes};
pub use came_back::{came_back, fixed_by};
pub use hand_over::{who_can_help, HelpFrom};
pub use journey::{Event, Journey, Outcome};
pub use likely::{ruled_out_by_failed_steps, RankedCause};
pub use plan::PlannedStep;
pub use replay::{replay, Replayed};
pub use screen::{next, Reason, Screen};
pub use summary::{stated_model, support_summary, support_summary_in, SummaryWords, TypedNames};
