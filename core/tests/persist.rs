//! Stored saved jobs: round trip, migration from schema 0, and unreadable data kept intact.

use emissions_core::model::{ComputeInput, DurationInput, Inputs};
use emissions_core::persist::*;

fn inputs(hours: f64) -> Inputs {
    Inputs {
        duration: DurationInput::Hours { hours },
        ..Inputs::default()
    }
}

fn sample() -> StoredState {
    let mut state = StoredState::default();
    state.save("Sweep", inputs(10.0), 1.7e12, "2026.11");
    state.save("Final run", inputs(100.0), 1.8e12, "2026.11");
    state
}

#[test]
fn encode_then_decode_is_the_same_state() {
    let state = sample();
    let raw = encode(&state);
    assert!(raw.contains("\"schema\":1"), "{raw}");
    assert_eq!(decode(&raw), Decoded::Current(state));
}

#[test]
fn schema_0_bare_array_is_migrated() {
    let raw = r#"[{"name":"old run","inputs":{"runs":3}},{"name":"  ","inputs":{}}]"#;
    let Decoded::Migrated { state, from } = decode(raw) else {
        panic!("expected a migration: {:?}", decode(raw));
    };
    assert_eq!(from, 0);
    assert_eq!(state.schema, SCHEMA_VERSION);
    assert_eq!(state.jobs.len(), 2);
    assert_eq!(state.jobs[0].name, "old run");
    assert_eq!(state.jobs[0].inputs.runs, 3.0);
    assert_eq!(state.jobs[1].name, UNTITLED);
    assert_ne!(state.jobs[0].id, state.jobs[1].id);
    assert!(state.next_id > state.jobs[1].id);
    // Written back, it reads as the current format.
    assert_eq!(decode(&encode(&state)), Decoded::Current(state));
}

#[test]
fn schema_0_envelope_is_migrated() {
    let raw = r#"{"schema":0,"jobs":[{"name":"a","inputs":{}}]}"#;
    assert!(matches!(decode(raw), Decoded::Migrated { from: 0, .. }));
}

fn assert_unreadable(raw: &str, check: impl Fn(&DecodeError) -> bool) {
    match decode(raw) {
        Decoded::Unreadable { reason, payload } => {
            assert_eq!(payload, raw, "the payload must be kept verbatim");
            assert!(check(&reason), "unexpected reason {reason:?} for {raw}");
            assert!(!reason.to_string().is_empty());
        }
        other => panic!("{raw} should be unreadable, got {other:?}"),
    }
}

#[test]
fn corrupt_wrong_typed_and_future_data_is_unreadable_with_its_payload() {
    assert_unreadable("{not json", |e| matches!(e, DecodeError::Json(_)));
    assert_unreadable("", |e| matches!(e, DecodeError::Json(_)));
    assert_unreadable("42", |e| matches!(e, DecodeError::Shape(_)));
    assert_unreadable(r#"{"jobs":[]}"#, |e| matches!(e, DecodeError::Shape(_)));
    assert_unreadable(r#"{"schema":"1","jobs":[]}"#, |e| {
        matches!(e, DecodeError::Shape(_))
    });
    assert_unreadable(r#"{"schema":1,"jobs":"many"}"#, |e| {
        matches!(e, DecodeError::Shape(_))
    });
    assert_unreadable(
        r#"{"schema":1,"jobs":[{"id":1,"name":"x","inputs":{"runs":"three"}}]}"#,
        |e| matches!(e, DecodeError::Shape(_)),
    );
    assert_unreadable(r#"[{"title":"no name"}]"#, |e| {
        matches!(e, DecodeError::Shape(_))
    });
    assert_unreadable(r#"{"schema":7,"jobs":[]}"#, |e| {
        *e == DecodeError::FutureVersion(7)
    });
    assert!(DecodeError::FutureVersion(7).to_string().contains("newer"));
}

#[test]
fn duplicate_ids_are_repaired_and_nulls_from_nan_are_tolerated() {
    let raw = r#"{"schema":1,"next_id":0,"jobs":[
        {"id":3,"name":"a","inputs":{"pue":null}},
        {"id":3,"name":"b","inputs":{}}]}"#;
    let Decoded::Current(state) = decode(raw) else {
        panic!("should read");
    };
    assert_ne!(state.jobs[0].id, state.jobs[1].id);
    assert!(state.jobs.iter().all(|j| j.id < state.next_id));
    assert_eq!(state.jobs[0].inputs.pue, None);
}

#[test]
fn rename_duplicate_remove_and_restore() {
    let mut state = sample();
    let first = state.jobs[0].id;
    assert!(state.rename(first, "  Sweep 1  "));
    assert_eq!(state.jobs[0].name, "Sweep 1");
    assert!(!state.rename(999, "x"));
    assert!(state.rename(first, &"x".repeat(500)));
    assert_eq!(state.jobs[0].name.chars().count(), MAX_NAME_CHARS);

    let copy = state.duplicate(first, 2e12).expect("duplicated");
    assert_eq!(state.jobs[1].id, copy);
    assert!(state.jobs[1].name.ends_with("(copy)") || state.jobs[1].name.len() == MAX_NAME_CHARS);
    assert_eq!(state.jobs[1].inputs, state.jobs[0].inputs);

    let (index, removed) = state.remove(copy).expect("removed");
    assert_eq!(index, 1);
    assert!(state.get(copy).is_none());
    let newer = state.save("later", Inputs::default(), 3e12, "2026.11");
    assert_ne!(newer, copy, "ids are never reused");
    assert_eq!(state.restore(index, removed.clone()), copy);
    assert_eq!(state.jobs[1], removed);
    assert_eq!(state.jobs.len(), 4);
}

#[test]
fn save_keeps_names_as_plain_text() {
    let mut state = StoredState::default();
    let id = state.save("<img src=x onerror=alert(1)>", Inputs::default(), 0.0, "");
    assert_eq!(
        state.get(id).map(|j| j.name.as_str()),
        Some("<img src=x onerror=alert(1)>")
    );
    let Decoded::Current(back) = decode(&encode(&state)) else {
        panic!("round trip");
    };
    assert_eq!(back, state);
}

#[test]
fn quarantine_keys_never_overwrite() {
    let key = quarantine_key(JOBS_KEY, 1_700_000_000_123.9, &[]);
    assert_eq!(key, "mlcalc.quarantine.mlcalc.v1.jobs.1700000000123");
    assert!(is_quarantine_key(&key));
    let taken = vec![key.clone(), format!("{key}.2")];
    let next = quarantine_key(JOBS_KEY, 1_700_000_000_123.0, &taken);
    assert_eq!(next, format!("{key}.3"));
    assert!(!is_quarantine_key(JOBS_KEY));
    assert_eq!(
        quarantine_key(DRAFT_KEY, f64::NAN, &[]),
        "mlcalc.quarantine.mlcalc.v1.draft.0"
    );
}

#[test]
fn drafts_round_trip_and_bad_drafts_are_errors() {
    let draft = Inputs {
        compute: ComputeInput::Instance {
            id: "p4d.24xlarge".into(),
            count: 2.0,
        },
        ..inputs(5.0)
    };
    assert_eq!(decode_draft(&encode_draft(&draft)), Ok(draft));
    assert!(matches!(decode_draft("{oops"), Err(DecodeError::Json(_))));
    assert!(matches!(decode_draft("[1]"), Err(DecodeError::Shape(_))));
    assert!(matches!(
        decode_draft(r#"{"runs":"x"}"#),
        Err(DecodeError::Shape(_))
    ));
}
