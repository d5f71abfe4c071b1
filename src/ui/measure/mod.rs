//! "Measured run": read a power log (nvidia-smi, CodeCarbon, `timestamp,watts`) in the browser
//! and make its energy, hours, devices and power the calculator's job.
//!
//! Design note: the log's job goes into the form as soon as it is read, without a second
//! click: whoever picks their log wants that run's emissions, and every figure downstream
//! (regions, charts, exports, share links) then follows. What came from the log is listed, and
//! "Restore the previous job" undoes it. A log that cannot be read changes nothing.
//! The file is read in chunks ([`read`]) with progress and Cancel; a newer read or Cancel makes
//! an older read's results ignored (a generation counter).

pub mod apply;
pub mod read;
pub mod view;

use crate::ui::erased::{handler, live, ShowIf};
use crate::ui::state::CalcState;
use apply::{apply, from_summary};
use emissions_core::measure::{LogError, LogReader};
use emissions_core::model::Inputs;
use leptos::html::Input;
use leptos::prelude::*;
use read::{read_file, Failure, Hooks};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use view::{applied_view, prior_view, summary_view, Reading};

/// Performance marks around one read, for the benchmark.
const START_MARK: &str = "mlcalc:measure-start";
/// Set once a read log is shown.
const DONE_MARK: &str = "mlcalc:measure-done";

/// The "Measured run" section.
#[component]
pub fn MeasuredRun() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let factors = state.factors;
    let progress = RwSignal::new(None::<f64>);
    let generation = RwSignal::new(0_u32);
    let reading = RwSignal::new(None::<Arc<Reading>>);
    // The message (a failed read or Cancel), and whether the header was unknown (then the
    // column list is offered).
    let failure = RwSignal::new(None::<(String, bool)>);
    let previous = StoredValue::new(None::<Inputs>);
    let columns = RwSignal::new(String::new());
    let last_file: Rc<RefCell<Option<web_sys::File>>> = Rc::default();
    let file_input = NodeRef::<Input>::new();

    let start = Rc::new(move |file: web_sys::File, reader: LogReader| {
        generation.update(|g| *g += 1);
        let mine = generation.get_untracked();
        let current = move || generation.get_untracked() == mine;
        crate::instrumentation::mark(START_MARK);
        progress.set(Some(0.0));
        failure.set(None);
        let name = file.name();
        let done = move |outcome: read::Outcome| {
            if !current() {
                return;
            }
            progress.set(None);
            let result = match outcome {
                None => return,
                Some(Err(e)) => Err(e),
                Some(Ok(summary)) => from_summary(&summary, factors)
                    .map(|from| Reading {
                        file: name,
                        summary,
                        from,
                    })
                    .map_err(Failure::Unusable),
            };
            match result {
                Ok(r) => {
                    previous.set_value(Some(state.inputs.get_untracked()));
                    state.edit(|inputs| apply(&r.from, inputs, factors));
                    reading.set(Some(Arc::new(r)));
                    crate::instrumentation::mark(DONE_MARK);
                }
                Err(e) => {
                    let header = matches!(e, Failure::Log(LogError::UnknownHeader { .. }));
                    let text =
                        format!("Cannot use this log: {e}. The calculator keeps its previous job.");
                    failure.set(Some((text, header)));
                }
            }
        };
        read_file(
            file,
            reader,
            Hooks {
                progress: Box::new(move |f| {
                    if current() {
                        progress.set(Some(f));
                    }
                }),
                cancelled: Box::new(move || !current()),
                done: Box::new(done),
            },
        );
    });
    let open = {
        let (start, last_file) = (start.clone(), last_file.clone());
        Rc::new(move |file: Option<web_sys::File>| {
            if let Some(file) = file {
                *last_file.borrow_mut() = Some(file.clone());
                start(file, LogReader::new());
            }
        })
    };
    let on_pick = {
        let open = open.clone();
        move |_| {
            let input = file_input.get_untracked();
            open(input.as_ref().and_then(read::picked_file));
            // Cleared so that choosing the same file again (after editing it) reads it again.
            if let Some(input) = input {
                input.set_value("");
            }
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| open(read::dropped_file(&ev));
    let reread = move |_| {
        let Some(file) = last_file.borrow().clone() else {
            failure.set(Some(("Choose the log file first.".to_string(), true)));
            return;
        };
        let list = columns.get_untracked();
        match LogReader::with_columns(&[list.as_str()]) {
            Ok(reader) => start(file, reader),
            Err(e) => failure.set(Some((format!("Cannot use these columns: {e}."), true))),
        }
    };
    let cancel = move |_| {
        generation.update(|g| *g += 1);
        progress.set(None);
        failure.set(Some((
            "Reading cancelled; the calculator keeps its job.".to_string(),
            false,
        )));
    };
    let restore = move |_| {
        if let Some(inputs) = previous.get_value() {
            state.replace(inputs);
            previous.set_value(None);
            reading.set(None);
        }
    };
    let kind = Memo::new(move |_| state.inputs.with(|i| i.job_kind));
    let reading_now = Signal::derive(move || progress.get().is_some());
    let has_result = Signal::derive(move || reading.with(Option::is_some));
    let pct = move || progress.get().map_or(0.0, |f| (f * 100.0).floor());
    view! {
        <section class="measured-run card" aria-labelledby="measured-heading" data-testid="measured-run"
            on:dragover=handler(Box::new(|ev: web_sys::DragEvent| read::allow_drop(&ev)))
            on:drop=handler(Box::new(on_drop))>
            <h2 id="measured-heading">"Measured run"</h2>
            <p>
                "Have a power log of the run? Read it here to use measured energy instead of the \
                 estimate: an nvidia-smi CSV (e.g. "
                <code>"nvidia-smi --query-gpu=timestamp,index,name,power.draw --format=csv -lms 100"</code>
                "), a CodeCarbon emissions.csv, or a timestamp,watts CSV. The file is read in this \
                 browser, piece by piece; nothing is uploaded."
            </p>
            <label class="file-pick">
                "Power log: "
                <input type="file" accept=".csv,.txt,.log,text/csv,text/plain" data-testid="measurement-file"
                    node_ref=file_input on:change=handler(Box::new(on_pick))/>
            </label>
            " (or drop the file on this section)"
            <details class="measure-columns" prop:open=live(move || failure.with(|f| f.as_ref().is_some_and(|f| f.1)))>
                <summary>"Log written without a header (noheader)?"</summary>
                <label for="measurement-columns">"Its --query-gpu columns, in order"</label>
                <input id="measurement-columns" type="text" data-testid="measurement-columns"
                    placeholder="timestamp,index,name,power.draw"
                    prop:value=live(move || columns.get())
                    on:input=handler(Box::new(move |ev| columns.set(event_target_value(&ev))))/>
                <button type="button" data-testid="measurement-reread" on:click=handler(Box::new(reread))>
                    "Read again with these columns"
                </button>
            </details>
            <ShowIf when=reading_now>
                <p role="status" class="measure-progress">
                    <progress max="100" value=live(pct)></progress>
                    " Reading… "
                    <span data-testid="measurement-progress" data-value=live(move || pct().to_string())>
                        {move || format!("{} %", pct()).into_any()}
                    </span>
                    " "
                    <button type="button" data-testid="measurement-cancel" on:click=handler(Box::new(cancel))>"Cancel"</button>
                </p>
            </ShowIf>
            {move || failure.get().map(|(text, _)| view! {
                <p role="alert" class="error" data-testid="measurement-error">{text}</p>
            }).into_any()}
            <ShowIf when=has_result>
                {move || reading.get().map(|r| summary_view(&r, factors)).into_any()}
                {move || reading.get().map(|r| prior_view(&r.from, kind.get(), factors)).into_any()}
                {move || reading.get().map(|r| state.inputs.with_untracked(|i| applied_view(&r.from, i))).into_any()}
                <button type="button" data-testid="measurement-restore" on:click=handler(Box::new(restore))>
                    "Restore the previous job"
                </button>
            </ShowIf>
        </section>
    }
}
