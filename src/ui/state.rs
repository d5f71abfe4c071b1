//! The app-wide reactive state: one signal of raw inputs, everything else derived.
//!
//! Design note ("derive, don't sync"): the only writable state of the calculator is
//! [`CalcState::inputs`], the raw form (what share links and saved jobs serialise). The validated
//! job, the estimate, the input errors and the alternatives table are memos of it; no effect ever
//! writes a signal. The inputs change only through [`CalcState::edit`] and [`CalcState::replace`],
//! called from event handlers, which also save the draft to browser storage (once typing pauses): a
//! failed save can then be shown (a status signal) without an effect writing it. When the inputs
//! become invalid, [`Outcome`] keeps the last valid estimate and marks it stale, so the page never
//! goes blank while someone is typing.

use crate::platform::storage;
use emissions_core::dataset::{parse, BUNDLED_DATASET_JSON};
use emissions_core::model::{
    alternatives, estimate, validate, Alternatives, Estimate, Factors, InputError, Inputs, Job,
};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};

/// The dataset index, built once on first use (the dataset is bundled in the binary).
pub fn factors() -> Result<&'static Factors, String> {
    static FACTORS: OnceLock<Result<Factors, String>> = OnceLock::new();
    FACTORS
        .get_or_init(|| {
            parse(BUNDLED_DATASET_JSON)
                .map(Factors::owning)
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The result of the current inputs: the latest valid job and estimate, and the current errors.
/// [`CalcState::checked`] holds the same without the estimate (one type for both memos: a second
/// type of memo cost 0.2 KB more gzip of WebAssembly).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The validated job of the last valid inputs.
    pub job: Option<Arc<Job>>,
    /// The estimate of the last valid inputs.
    pub estimate: Option<Arc<Estimate>>,
    /// Every error of the current inputs (empty when they are valid).
    pub errors: Vec<InputError>,
    /// True when `estimate` belongs to earlier inputs because the current ones are invalid.
    pub stale: bool,
}

impl PartialEq for Outcome {
    /// Cheap comparison: the same job and estimate (by pointer) and the same errors.
    fn eq(&self, other: &Self) -> bool {
        same(&self.estimate, &other.estimate)
            && same(&self.job, &other.job)
            && self.errors == other.errors
            && self.stale == other.stale
    }
}

/// The same value by pointer (or both absent).
fn same<T>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Shared handles of the calculator state, provided as context at the root (all `Copy`).
#[derive(Clone, Copy)]
pub struct CalcState {
    /// The raw form: the only writable state (read-only here: write with `edit` or `replace`).
    pub inputs: ReadSignal<Inputs>,
    /// The write half of `inputs`, private so that every change also saves the draft.
    write: WriteSignal<Inputs>,
    /// Validation of the current inputs (keeps the last valid job when invalid); its `estimate`
    /// is always `None`, so that what reads only the errors (the form's fields) computes none.
    pub checked: Memo<Outcome>,
    /// Validation + estimate of the current inputs (keeps the last valid one when invalid).
    pub outcome: Memo<Outcome>,
    /// The same job in every region, zone and accelerator (of the last valid inputs).
    pub alternatives: Memo<Option<Arc<Alternatives>>>,
    /// The dataset index (bundled, built once), for pickers and provenance.
    pub factors: &'static Factors,
}

impl CalcState {
    /// Creates the state for the given starting inputs. `factors` must outlive the app.
    pub fn new(initial: Inputs, factors: &'static Factors) -> CalcState {
        let (inputs, write) = signal(initial);
        let checked = Memo::new(move |previous: Option<&Outcome>| {
            inputs.with(|raw| match validate(raw, factors) {
                // The same job as before (an edit the model does not read, or a value typed
                // back): the same job, by pointer, so nothing downstream updates.
                Ok(job) if previous.is_some_and(|p| !p.stale && p.job.as_deref() == Some(&job)) => {
                    previous.cloned().unwrap_or_default()
                }
                Ok(job) => Outcome {
                    job: Some(Arc::new(job)),
                    ..Outcome::default()
                },
                Err(errors) => Outcome {
                    job: previous.and_then(|p| p.job.clone()),
                    stale: previous.is_some_and(|p| p.job.is_some()),
                    errors,
                    estimate: None,
                },
            })
        });
        // Apart from `checked` so that the form's fields, which read only the errors, mount
        // without computing the estimate: the results compute it when they mount, a task later.
        let outcome = Memo::new(move |previous: Option<&Outcome>| {
            checked.with(|c| {
                let estimate = match (&c.job, previous) {
                    (Some(job), Some(p)) if p.job.as_ref().is_some_and(|j| Arc::ptr_eq(j, job)) => {
                        p.estimate.clone()
                    }
                    (Some(job), _) => Some(Arc::new(estimate(job, factors))),
                    (None, _) => None,
                };
                Outcome {
                    job: c.job.clone(),
                    estimate,
                    errors: c.errors.clone(),
                    stale: c.stale,
                }
            })
        });
        // The validated job by value: a new `Arc` of an equal job (an edit that changed nothing
        // the model reads, or a value typed back) does not notify, so the alternatives table,
        // the costliest derivation, is recomputed only when the job really changed.
        let job = Memo::new(move |_| checked.with(|c| c.job.clone()));
        let alternatives = Memo::new_with_compare(
            move |_| job.with(|job| job.as_ref().map(|job| Arc::new(alternatives(job, factors)))),
            // It runs only when the job changed, and then its table is new.
            |_, _| true,
        );
        CalcState {
            inputs,
            write,
            checked,
            outcome,
            alternatives,
            factors,
        }
    }

    /// Applies a change to the raw inputs (one notification for the whole change) and saves them
    /// as the draft. For event handlers (a failed save is recorded in a signal).
    pub fn edit(&self, change: impl FnOnce(&mut Inputs)) {
        self.write.update(change);
        self.inputs.with_untracked(storage::save_draft_soon);
    }

    /// Replaces the raw inputs (a saved job reopened, a file imported); see [`CalcState::edit`].
    pub fn replace(&self, inputs: Inputs) {
        self.edit(|current| *current = inputs);
    }
}
