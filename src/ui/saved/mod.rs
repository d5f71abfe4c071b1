//! Saved jobs: save, list, rename, duplicate, delete (with undo), reopen and compare.
//!
//! Design note: the list is one `RwSignal<StoredState>` read from storage once at mount; every
//! change goes through [`Saved::change`] in an event handler, which updates the signal and writes
//! storage (reporting failures), so no effect writes a signal. The draft inputs are saved the same
//! way, by `CalcState::edit` (see `crate::ui::state`).

mod chart;
mod compare;
mod list;
mod notices;

use crate::platform::storage;
use crate::ui::erased::{handler, live};
use crate::ui::import::{ImportedJobs, JsonImport};
use crate::ui::state::CalcState;
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::persist::{JobId, SavedJob, StoredState};
use leptos::prelude::*;

/// Handles of the saved-jobs state, shared with the sub-components (all `Copy`).
#[derive(Clone, Copy)]
pub(crate) struct Saved {
    /// The stored jobs.
    pub jobs: RwSignal<StoredState>,
    /// The last deleted job and its position, until the next action.
    pub undo: RwSignal<Option<(usize, SavedJob)>>,
    /// Jobs ticked for the comparison.
    pub selected: RwSignal<Vec<JobId>>,
    /// A short confirmation of the last action (announced politely).
    pub message: RwSignal<Option<String>>,
}

impl Saved {
    /// Applies `f` to the jobs and writes them to storage. Clears the pending undo.
    pub fn change(self, message: Option<String>, f: impl FnOnce(&mut StoredState)) {
        self.undo.set(None);
        self.jobs.update(f);
        self.persist();
        self.message.set(message);
    }

    /// Writes the jobs (a failure shows in the storage alert).
    pub fn persist(self) {
        self.jobs.with_untracked(|s| {
            storage::save_jobs(s);
        });
    }

    /// Deletes a job, keeping it for an undo.
    pub fn delete(self, id: JobId) {
        let mut removed = None;
        self.jobs.update(|s| removed = s.remove(id));
        self.persist();
        self.selected.update(|s| s.retain(|x| *x != id));
        self.message.set(None);
        self.undo.set(removed);
    }

    /// Puts the last deleted job back, and the keyboard focus on its Open button (the Undo
    /// button disappears).
    pub fn undo_delete(self) {
        if let Some((index, job)) = self.undo.get_untracked() {
            let (name, id) = (job.name.clone(), job.id);
            self.change(Some(format!("Restored “{name}”.")), |s| {
                s.restore(index, job);
            });
            list::focus_job_control(id, "open-job");
        }
    }
}

/// The saved-jobs panel.
#[component]
pub fn SavedJobs() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let saved = Saved {
        jobs: RwSignal::new(storage::load_jobs()),
        undo: RwSignal::new(None),
        selected: RwSignal::new(Vec::new()),
        message: RwSignal::new(None),
    };
    provide_context(saved);
    let (name, set_name) = signal(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let inputs = state.inputs.get_untracked();
        let typed = name.get_untracked();
        let mut shown = String::new();
        saved.change(None, |s| {
            let id = s.save(&typed, inputs, storage::now_ms(), DATASET_VERSION);
            shown = s.get(id).map(|j| j.name.clone()).unwrap_or_default();
        });
        saved.message.set(Some(format!("Saved “{shown}”.")));
        set_name.set(String::new());
    };
    // An import adds every job of the file to the list (e.g. a comparison exported elsewhere).
    let into_list = Callback::new(move |jobs: ImportedJobs| {
        let count = jobs.len();
        let plural = if count == 1 { "" } else { "s" };
        saved.change(Some(format!("Imported {count} job{plural}.")), |s| {
            for (name, inputs) in jobs {
                s.save(&name, inputs, storage::now_ms(), DATASET_VERSION);
            }
        });
        Ok(None)
    });
    view! {
        <section class="saved-jobs" aria-labelledby="saved-heading">
            <h2 id="saved-heading">"Saved jobs"</h2>
            <notices::StorageNotices/>
            <form class="save-job" on:submit=handler(save)>
                <label for="save-job-name">"Name"</label>
                <input
                    id="save-job-name"
                    type="text"
                    maxlength="120"
                    placeholder="e.g. final run, sweep, ablation A"
                    data-testid="save-name"
                    prop:value=live(move || name.get())
                    on:input=handler(move |ev| set_name.set(event_target_value(&ev)))
                />
                <button type="submit" data-testid="save-job">"Save current job"</button>
            </form>
            <p class="saved-message" role="status" aria-live="polite">
                {move || saved.message.get().into_any()}
                {move || {
                    saved.undo.with(|u| u.as_ref().map(|(_, job)| job.name.clone())).map(|name| view! {
                        <span>{format!("Deleted “{name}”. ")}</span>
                        <button type="button" data-testid="undo-delete" on:click=handler(move |_| saved.undo_delete())>
                            "Undo"
                        </button>
                    })
                }.into_any()}
            </p>
            <list::JobList/>
            <div class="import-jobs">
                <JsonImport apply=into_list file_testid="import-jobs" file_label="Import jobs from a JSON export: "/>
            </div>
            <compare::Compare/>
        </section>
    }
}
