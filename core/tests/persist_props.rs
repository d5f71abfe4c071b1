//! Properties of the stored format: decoding never panics, and what is encoded reads back.

use emissions_core::model::{DurationInput, Inputs};
use emissions_core::persist::{decode, encode, Decoded, StoredState};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary text (including truncated JSON of a real state) is either read or kept whole.
    #[test]
    fn decode_never_panics_and_keeps_unreadable_payloads(cut in 0usize..400, junk in ".{0,40}") {
        let mut state = StoredState::default();
        state.save("a", Inputs::default(), 1.0, "2026.11");
        let raw = encode(&state);
        let text: String = raw.chars().take(cut).chain(junk.chars()).collect();
        if let Decoded::Unreadable { payload, .. } = decode(&text) {
            prop_assert_eq!(payload, text);
        }
    }

    /// Any list of jobs with arbitrary names and hours reads back identically.
    #[test]
    fn encode_decode_round_trip(jobs in prop::collection::vec((".{0,60}", 0.001f64..1e6, 0.0f64..2e12), 0..8)) {
        let mut state = StoredState::default();
        for (name, hours, at) in &jobs {
            let inputs = Inputs { duration: DurationInput::Hours { hours: *hours }, ..Inputs::default() };
            state.save(name, inputs, *at, "2026.11");
        }
        prop_assert_eq!(decode(&encode(&state)), Decoded::Current(state));
    }
}
