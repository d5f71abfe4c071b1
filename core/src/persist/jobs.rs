//! The saved-jobs list and its operations (save, rename, duplicate, delete, restore).

use super::SCHEMA_VERSION;
use crate::model::Inputs;
use serde::Serialize;

/// Identifier of a saved job, unique within one [`StoredState`] (never reused after a delete, so
/// an "undo" cannot collide with a job saved in between).
pub type JobId = u64;

/// Name given to a job saved with a blank name.
pub const UNTITLED: &str = "Untitled job";

/// Longest job name kept, in characters (longer names are cut).
pub const MAX_NAME_CHARS: usize = 120;

/// One saved job: a name and the raw inputs, with when and against which dataset it was saved.
/// Read back by `codec`, where `saved_at` and `dataset_version` default when absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedJob {
    /// Unique id within the list.
    pub id: JobId,
    /// The person's name for it (plain text; never rendered as HTML).
    pub name: String,
    /// The raw form state.
    pub inputs: Inputs,
    /// When it was saved, in milliseconds since the Unix epoch (0 when unknown, e.g. migrated).
    pub saved_at: f64,
    /// `DATASET_VERSION` at save time ("" when unknown).
    pub dataset_version: String,
}

/// Everything stored under [`super::JOBS_KEY`]. Read back by `codec`, where `next_id` defaults
/// to 0 when absent (then [`StoredState::normalise`] repairs it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredState {
    /// Format version, [`SCHEMA_VERSION`] when written by this code.
    pub schema: u32,
    /// The jobs, in the order the person sees them.
    pub jobs: Vec<SavedJob>,
    /// The id the next saved job gets.
    pub next_id: JobId,
}

impl Default for StoredState {
    fn default() -> Self {
        StoredState {
            schema: SCHEMA_VERSION,
            jobs: Vec::new(),
            next_id: 1,
        }
    }
}

/// Trims a name, cuts it to [`MAX_NAME_CHARS`] and replaces a blank one with [`UNTITLED`].
pub fn clean_name(name: &str) -> String {
    let trimmed: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        UNTITLED.to_string()
    } else {
        trimmed.to_string()
    }
}

impl StoredState {
    /// Makes ids unique and `next_id` larger than every id (repairs hand-edited or migrated data).
    pub fn normalise(mut self) -> Self {
        // A list, not a hash set: a few saved jobs, and no hashing code in the WebAssembly.
        let mut seen: Vec<JobId> = Vec::with_capacity(self.jobs.len());
        let mut next = self.jobs.iter().map(|j| j.id).max().unwrap_or(0) + 1;
        for job in &mut self.jobs {
            if seen.contains(&job.id) {
                job.id = next;
                next += 1;
            }
            seen.push(job.id);
        }
        self.next_id = self.next_id.max(next).max(1);
        self.schema = SCHEMA_VERSION;
        self
    }

    /// The job with this id.
    pub fn get(&self, id: JobId) -> Option<&SavedJob> {
        self.jobs.iter().find(|j| j.id == id)
    }

    fn take_id(&mut self) -> JobId {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    /// Saves `inputs` as a new job at the end of the list and returns its id.
    pub fn save(
        &mut self,
        name: &str,
        inputs: Inputs,
        saved_at: f64,
        dataset_version: &str,
    ) -> JobId {
        let id = self.take_id();
        self.jobs.push(SavedJob {
            id,
            name: clean_name(name),
            inputs,
            saved_at,
            dataset_version: dataset_version.to_string(),
        });
        id
    }

    /// Renames a job; false when there is no such job.
    pub fn rename(&mut self, id: JobId, name: &str) -> bool {
        match self.jobs.iter_mut().find(|j| j.id == id) {
            Some(job) => {
                job.name = clean_name(name);
                true
            }
            None => false,
        }
    }

    /// Copies a job (named "… (copy)") right after the original; the copy's id.
    pub fn duplicate(&mut self, id: JobId, saved_at: f64) -> Option<JobId> {
        let index = self.jobs.iter().position(|j| j.id == id)?;
        let new_id = self.take_id();
        let mut copy = self.jobs[index].clone();
        copy.id = new_id;
        copy.name = clean_name(&format!("{} (copy)", copy.name));
        copy.saved_at = saved_at;
        self.jobs.insert(index + 1, copy);
        Some(new_id)
    }

    /// Removes a job and returns it with its position, for an undo.
    pub fn remove(&mut self, id: JobId) -> Option<(usize, SavedJob)> {
        let index = self.jobs.iter().position(|j| j.id == id)?;
        Some((index, self.jobs.remove(index)))
    }

    /// Puts back a job removed by [`StoredState::remove`] at (or near) its old position. If its
    /// id was taken in the meantime it gets a fresh one.
    pub fn restore(&mut self, index: usize, mut job: SavedJob) -> JobId {
        if self.get(job.id).is_some() {
            job.id = self.take_id();
        } else {
            self.next_id = self.next_id.max(job.id + 1);
        }
        let id = job.id;
        self.jobs.insert(index.min(self.jobs.len()), job);
        id
    }
}
