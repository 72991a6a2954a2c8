//! Every check of `kb/error1002.toml` that needs nothing but the file: ids, references between
//! entries, numbers in range, fields that come in pairs.
//!
//! Nothing here stops at the first mistake. Each check adds a line naming the entry's kind and
//! id (`step "restart-speaker": fixes unknown cause "foo"`), so a writer who made three
//! mistakes reads all three after one build. Checks that need the engine or the seeds live in
//! `tests/knowledge_base.rs`.

use std::collections::HashSet;
use std::fmt::Display;

use crate::schema::{
    constant_name, one_of, read_requirement, read_source, Answer, KbFile, Question, Step, DURING,
    HELPERS, THEN_KINDS,
};
use crate::slug::is_slug;
use crate::web_address::{pieces, Piece};

/// Every mistake in `file`, in the file's order; none means it may be compiled.
pub fn validate(file: &KbFile) -> Vec<String> {
    let mut report = Report::default();
    let mut checks = Checks {
        file,
        report: &mut report,
    };
    checks.engine();
    checks.ids();
    checks.models();
    checks.causes();
    checks.helpers();
    checks.steps();
    checks.questions();
    checks.facts();
    checks.common_questions();
    checks.plain_texts();
    report.0
}

/// The mistakes found so far.
#[derive(Default)]
pub struct Report(pub Vec<String>);

impl Report {
    /// Notes a mistake of the entry `here` ("step \"restart-speaker\"").
    pub fn add(&mut self, here: &str, message: impl Display) {
        self.0.push(format!("{here}: {message}"));
    }

    /// Notes `message` unless `ok`.
    pub fn check(&mut self, ok: bool, here: &str, message: impl Display) {
        if !ok {
            self.add(here, message);
        }
    }

    /// Notes the error of a reading ([`read_source`] and the like), if there is one.
    pub fn read<T>(&mut self, here: &str, reading: Result<T, String>) -> Option<T> {
        reading.map_err(|message| self.add(here, message)).ok()
    }
}

/// How an entry is named in a message: its kind and its id, quoted.
pub fn entry(kind: &str, id: &str) -> String {
    format!("{kind} {id:?}")
}

struct Checks<'a> {
    file: &'a KbFile,
    report: &'a mut Report,
}

impl Checks<'_> {
    fn engine(&mut self) {
        let e = &self.file.engine;
        let here = "[engine]";
        self.report.check(
            e.unexplained_prior > 0.0 && e.unexplained_prior.is_finite(),
            here,
            "unexplained_prior must be a positive number",
        );
        self.report.check(
            e.support_chance > 0.0 && e.support_chance <= 1.0,
            here,
            "support_chance must be above 0 and at most 1",
        );
        self.report.check(
            e.question_minutes >= 0.0 && e.question_minutes.is_finite(),
            here,
            "question_minutes must be zero or more",
        );
    }

    /// Ids are links and keys: each must be a slug, and none may repeat within its kind.
    fn ids(&mut self) {
        let f = self.file;
        unique_slugs(self.report, "model", f.models.iter().map(|m| &m.id[..]));
        unique_slugs(self.report, "cause", f.causes.iter().map(|c| &c.id[..]));
        unique_slugs(self.report, "step", f.steps.iter().map(|s| &s.id[..]));
        unique_slugs(
            self.report,
            "question",
            f.questions.iter().map(|q| &q.id[..]),
        );
        unique_slugs(self.report, "helper", f.helpers.iter().map(|h| &h.id[..]));
        unique_slugs(self.report, "fact", f.facts.iter().map(|x| &x.id[..]));
        unique_slugs(
            self.report,
            "common_question",
            f.common_questions.iter().map(|q| &q.id[..]),
        );
        self.constants();
    }

    /// Steps, causes, questions and answers are also named in Rust (`kb::step::RESTART_SPEAKER`,
    /// `kb::answer::WHEN_UPDATE`): each name must be one Rust can read, and answers' names,
    /// which join two ids, must not meet.
    fn constants(&mut self) {
        let f = self.file;
        let named = [
            (
                "cause",
                f.causes.iter().map(|c| &c.id[..]).collect::<Vec<_>>(),
            ),
            ("step", f.steps.iter().map(|s| &s.id[..]).collect()),
            ("question", f.questions.iter().map(|q| &q.id[..]).collect()),
        ];
        for (kind, ids) in named {
            for id in ids {
                // An id that is no slug has been reported already.
                self.report.check(
                    !is_slug(id) || id.starts_with(|c: char| c.is_ascii_lowercase()),
                    &entry(kind, id),
                    "an id starts with a letter: it also names a Rust constant",
                );
            }
        }
        let mut answers = HashSet::new();
        for q in &f.questions {
            for a in q.answer_ids(&f.models) {
                let name = constant_name(&[&q.id, a]);
                self.report.check(
                    answers.insert(name.clone()),
                    &format!("{}, answer {a:?}", entry("question", &q.id)),
                    format!("its Rust name kb::answer::{name} is another answer's too"),
                );
            }
        }
    }

    fn models(&mut self) {
        for m in &self.file.models {
            let here = entry("model", &m.id);
            self.report.read(&here, read_source(&m.source));
        }
    }

    fn causes(&mut self) {
        for c in &self.file.causes {
            let here = entry("cause", &c.id);
            self.report.read(&here, one_of("during", &c.during, DURING));
            self.report.check(
                c.prior > 0.0 && c.prior.is_finite(),
                &here,
                "prior must be a positive number",
            );
            self.report.read(&here, read_source(&c.source));
            if let Some(helper) = &c.helper {
                self.report.read(&here, one_of("helper", helper, HELPERS));
            }
        }
    }

    /// One text per helper a cause may name, and nothing else.
    fn helpers(&mut self) {
        for h in &self.file.helpers {
            let here = entry("helper", &h.id);
            self.report.read(&here, one_of("helper id", &h.id, HELPERS));
            self.citation(&here, &h.source, &h.quote);
        }
        for (word, _) in HELPERS {
            self.report.check(
                self.file.helpers.iter().any(|h| h.id == *word),
                "[[helper]]",
                format!("no entry for {word:?}, which a cause may name as its helper"),
            );
        }
    }

    fn facts(&mut self) {
        for x in &self.file.facts {
            self.report
                .read(&entry("fact", &x.id), read_source(&x.source));
        }
    }

    fn common_questions(&mut self) {
        for q in &self.file.common_questions {
            let here = entry("common_question", &q.id);
            self.report.read(&here, read_source(&q.source));
            self.citation(&here, &q.also_source, &q.also_quote);
            self.report
                .check(!q.answer.is_empty(), &here, "the answer needs a paragraph");
            self.report.check(
                !q.steps.is_empty(),
                &here,
                "name the fix steps that help, most relevant first",
            );
            for step in &q.steps {
                self.report.check(
                    self.file.steps.iter().any(|s| s.id == *step),
                    &here,
                    format!("steps names unknown step {step:?}"),
                );
            }
        }
    }

    /// The screens show a web address as a link only in a step's summary and instructions and
    /// in a helper's `what` (the build cuts those, see `emit::prose`). Anywhere else an address
    /// would be dead text, so it is refused where a writer can move it.
    fn plain_texts(&mut self) {
        let f = self.file;
        let mut texts: Vec<(String, &str, &str)> = Vec::new();
        for c in &f.causes {
            let here = entry("cause", &c.id);
            texts.push((here.clone(), "title", &c.title));
            texts.push((here, "detail", &c.detail));
        }
        for h in &f.helpers {
            texts.push((entry("helper", &h.id), "name", &h.name));
        }
        for s in &f.steps {
            let here = entry("step", &s.id);
            let mut shown = vec![
                ("title", &s.title[..]),
                ("why", &s.why),
                ("minutes_why", &s.minutes_why),
            ];
            shown.extend(s.advice.iter().map(|line| ("advice", &line[..])));
            shown.extend(s.relief_why.as_deref().map(|why| ("relief_why", why)));
            shown.extend(
                s.looked_title
                    .as_deref()
                    .map(|title| ("looked_title", title)),
            );
            if let Some(then) = &s.then {
                shown.extend([("then.label", &then.label[..]), ("then.why", &then.why)]);
            }
            texts.extend(
                shown
                    .into_iter()
                    .map(|(field, text)| (here.clone(), field, text)),
            );
        }
        for q in &f.questions {
            let here = entry("question", &q.id);
            texts.push((here.clone(), "text", &q.text));
            texts.extend(q.help.as_deref().map(|help| (here.clone(), "help", help)));
            for a in &q.answers {
                let here = format!("{here}, answer {:?}", a.id);
                texts.push((here.clone(), "label", &a.label));
                texts.push((here, "because", &a.because));
            }
        }
        for x in &f.facts {
            texts.push((entry("fact", &x.id), "text", &x.text));
        }
        for q in &f.common_questions {
            let here = entry("common_question", &q.id);
            texts.push((here.clone(), "question", &q.question));
            texts.extend(q.answer.iter().map(|p| (here.clone(), "answer", &p[..])));
        }
        for (here, field, text) in texts {
            for piece in pieces(text) {
                if let Piece::Address(address) = piece {
                    self.report.add(
                        &here,
                        format!(
                            "{field} names the web address {address:?}, which is a link only in a step's summary or instructions or a helper's `what`"
                        ),
                    );
                }
            }
        }
    }

    /// An optional citation: `source` and `quote` come together, and the source must read.
    fn citation(&mut self, here: &str, source: &Option<String>, quote: &Option<String>) {
        match (source, quote) {
            (Some(source), Some(_)) => {
                self.report.read(here, read_source(source));
            }
            (None, None) => {}
            _ => self
                .report
                .add(here, "give both source and quote, or neither"),
        }
    }

    /// Notes each of `causes` that no [[cause]] has as its id.
    fn known_causes<'c>(&mut self, here: &str, field: &str, causes: impl Iterator<Item = &'c str>) {
        for cause in causes {
            if !self.file.causes.iter().any(|c| c.id == cause) {
                self.report
                    .add(here, format!("{field} unknown cause {cause:?}"));
            }
        }
    }

    fn steps(&mut self) {
        let escalations: Vec<&str> = self
            .file
            .steps
            .iter()
            .filter(|s| s.escalation)
            .map(|s| &s.id[..])
            .collect();
        if escalations.len() != 1 {
            self.report.add(
                "[[step]]",
                format!(
                    "exactly one step must have `escalation = true`, not {} ({escalations:?})",
                    escalations.len()
                ),
            );
        }
        for s in &self.file.steps {
            self.step(s);
        }
    }

    fn step(&mut self, s: &Step) {
        let here = entry("step", &s.id);
        let report = &mut *self.report;
        report.check(s.minutes > 0, &here, "minutes must be at least 1");
        report.check(
            !s.instructions.is_empty(),
            &here,
            "a step needs at least one instruction",
        );
        if let Some(instead) = &s.in_update {
            let last = s.instructions.last().map(|l| l.to_lowercase());
            report.check(
                last.is_some_and(|l| l.contains("play"))
                    && !instead.to_lowercase().contains("play music"),
                &here,
                "in_update replaces a last instruction about playing music with one about the update",
            );
        }
        report.check(
            s.checked_by.is_some() == (s.look > 0 && s.looked_title.is_some())
                && s.look < s.instructions.len().max(1),
            &here,
            "checked_by comes with look (the check's instructions, fewer than all) and looked_title",
        );
        if let Some(requirement) = &s.checked_by {
            if let Some((q, a)) = report.read(&here, read_requirement("checked_by", requirement)) {
                let known =
                    self.file.questions.iter().any(|question| {
                        question.id == q && question.answers.iter().any(|x| x.id == a)
                    });
                report.check(
                    known,
                    &here,
                    format!("checked_by {requirement:?} names no question's answer"),
                );
            }
        }
        report.check(
            !s.fixes.is_empty() || s.escalation,
            &here,
            "a step must fix at least one cause",
        );
        for f in &s.fixes {
            report.check(
                f.chance > 0.0 && f.chance <= 1.0,
                &here,
                format!("chance for {:?} must be above 0 and at most 1", f.cause),
            );
        }
        if let Some(then) = &s.then {
            report.check(
                then.minutes > 0 && !then.causes.is_empty(),
                &here,
                "`then` needs minutes and the causes that call for it",
            );
            report.read(&here, one_of("then.kind", &then.kind, THEN_KINDS));
        }
        report.check(
            s.relief == s.relief_why.is_some(),
            &here,
            "a relief step says why in `relief_why`, and only a relief step has one",
        );
        report.read(&here, read_source(&s.source));
        self.known_causes(&here, "fixes", s.fixes.iter().map(|f| &f.cause[..]));
        for cause in &s.why_for {
            self.report.check(
                s.fixes.iter().any(|f| &f.cause == cause),
                &here,
                format!("why_for names {cause:?}, a cause the step does not fix"),
            );
        }
        if let Some(then) = &s.then {
            self.known_causes(&here, "then", then.causes.iter().map(|c| &c[..]));
        }
    }

    fn questions(&mut self) {
        for (position, q) in self.file.questions.iter().enumerate() {
            self.question(q, &self.file.questions[..position]);
        }
    }

    /// `earlier` are the questions before `q` in the file: `requires` may name only those.
    fn question(&mut self, q: &Question, earlier: &[Question]) {
        let here = entry("question", &q.id);
        let models = &self.file.models;
        let report = &mut *self.report;
        report.check(
            !q.models || q.answers.is_empty(),
            &here,
            "a `models = true` question takes its answers from [[model]]",
        );
        let answer_ids = q.answer_ids(models);
        unique_slugs(
            report,
            &format!("{here}, answer"),
            answer_ids.iter().copied(),
        );
        report.check(
            answer_ids.len() >= 2,
            &here,
            "needs at least one answer besides \"Not sure\"",
        );
        for r in &q.requires {
            // `requires` names earlier questions: the flow asks them first.
            if let Some((rq, ra)) = report.read(&here, read_requirement("requires", r)) {
                let known = earlier
                    .iter()
                    .any(|e| e.id == rq && e.answer_ids(models).contains(&ra));
                report.check(
                    known,
                    &here,
                    format!("requires {r:?} names no answer of an earlier question"),
                );
            }
        }
        for r in &q.moot_after {
            // A question made moot may be asked before or after the one that settles it.
            if let Some((rq, ra)) = report.read(&here, read_requirement("moot_after", r)) {
                let known = self
                    .file
                    .questions
                    .iter()
                    .any(|other| other.id == rq && other.answers.iter().any(|a| a.id == ra));
                report.check(
                    known,
                    &here,
                    format!("moot_after {r:?} names no answer of a question"),
                );
            }
        }
        report.check(
            q.moot_after.is_empty() == q.moot_why.is_none(),
            &here,
            "give moot_after and moot_why together, or neither",
        );
        report.check(
            !(q.for_summary && (q.always_ask || !q.requires.is_empty())),
            &here,
            "a for_summary question is asked on the hand-over screen only",
        );
        let minutes_ok = match (q.minutes, &q.minutes_why) {
            (Some(m), Some(_)) => m >= 0.0 && m.is_finite(),
            (None, None) => true,
            _ => false,
        };
        report.check(
            minutes_ok,
            &here,
            "give minutes (zero or more) and minutes_why together, or neither",
        );
        // How likely an owner is to know the answer belongs to each question asked in the flow:
        // the engine scales the question's expected saving by it (src/diagnose/screen.rs). A
        // question asked only on the hand-over screen is never weighed, so it needs none.
        let known_ok = match (q.known, &q.known_why) {
            (Some(k), Some(why)) => k > 0.0 && k <= 1.0 && !why.trim().is_empty(),
            (None, None) => q.for_summary,
            _ => false,
        };
        report.check(
            known_ok,
            &here,
            "give known (above 0, at most 1) and known_why together: every question asked in the flow needs them",
        );
        for a in &q.answers {
            self.answer(&format!("{here}, answer {:?}", a.id), a);
        }
    }

    fn answer(&mut self, here: &str, a: &Answer) {
        for w in &a.weights {
            self.report.check(
                w.factor > 0.0 && w.factor.is_finite(),
                here,
                "factor must be a positive number",
            );
        }
        self.citation(here, &a.source, &a.quote);
        let uncited = a.source.is_none() && a.quote.is_none();
        self.report.check(
            !(uncited && a.symptom.is_some()),
            here,
            "a symptom needs a source and a quote",
        );
        for w in &a.weights {
            self.known_causes(here, "weighs", w.causes.iter().map(|c| &c[..]));
        }
    }
}

/// Notes every id of `ids` that is not a slug or that repeats an earlier one.
pub fn unique_slugs<'a>(report: &mut Report, kind: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        let here = entry(kind, id);
        report.check(
            is_slug(id),
            &here,
            "an id is lowercase words (letters and digits) joined by hyphens",
        );
        report.check(
            seen.insert(id),
            &here,
            format!("another {kind} has this id"),
        );
    }
}
