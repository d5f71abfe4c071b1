//! Robustness: every decoder of untrusted text (JSON import of inputs, and — added with their
//! modules — share-link queries, saved state and measured power logs) returns a value or a typed error for any input,
//! and never panics. cargo-fuzz needs a nightly toolchain that cannot be fetched here, so this is
//! proptest with a large case count: `MLCALC_FUZZ_CASES` (default 2,000 for a plain `cargo test`;
//! `cargo xtask test` runs 1,000,000 per decoder in release mode and prints the count).

use emissions_core::dataset::bundled;
use emissions_core::export::{import_jobs, import_json};
use emissions_core::measure::{read_log, LogReader};
use emissions_core::model::{validate, Factors, Inputs};
use emissions_core::persist::{decode, decode_draft, Decoded};
use emissions_core::share::from_query;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::OnceLock;

fn cases() -> u32 {
    std::env::var("MLCALC_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn factors() -> &'static Factors {
    static F: OnceLock<Factors> = OnceLock::new();
    F.get_or_init(|| Factors::new(bundled().expect("bundled dataset")))
}

/// Text that is often almost-valid JSON for `Inputs`: real keys and kinds, hostile values.
fn inputs_like_json() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "compute",
        "kind",
        "id",
        "devices",
        "count",
        "power_w",
        "utilization_pct",
        "cpu",
        "cores",
        "usage_pct",
        "memory_gb",
        "duration",
        "hours",
        "flops",
        "mfu_pct",
        "parameters",
        "tokens",
        "runs",
        "location",
        "provider",
        "region",
        "zone",
        "intensity",
        "data_centre",
        "pue",
        "market_pct",
    ]);
    let value = prop_oneof![
        Just("null".to_string()),
        Just("1e308".to_string()),
        Just("-1e308".to_string()),
        Just("-0".to_string()),
        Just("\"hardware\"".to_string()),
        Just("\"instance\"".to_string()),
        Just("\"cloud\"".to_string()),
        Just("\"zone\"".to_string()),
        Just("\"flops\"".to_string()),
        Just("\"training\"".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        "[a-z0-9./-]{0,12}".prop_map(|s| format!("\"{s}\"")),
    ];
    prop::collection::vec((key, value), 0..12).prop_map(|pairs| {
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", body.join(","))
    })
}

/// Text that looks like a share-link query: real parameter names, hostile values and encodings.
fn query_like() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "hw", "inst", "n", "h", "runs", "w", "util", "flops", "mfu", "cpu", "cores", "mem", "loc",
        "ci", "pue", "mkt", "data", "kg", "kwh", "zz", "", "%", "h%",
    ]);
    let value = prop_oneof![
        Just(String::new()),
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("aws/us-east-1".to_string()),
        Just("grid/FR".to_string()),
        Just("grid/".to_string()),
        Just("%E2%82%AC%ZZ%".to_string()),
        Just("a100-sxm4-80gb".to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        "[ -~]{0,16}",
    ];
    prop::collection::vec((key, value), 0..10).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// Saved state that is almost right: real keys, wrong types, odd schema numbers.
fn stored_state_like() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("0".to_string()),
            Just("1".to_string()),
            Just("2".to_string()),
            Just("-1".to_string()),
            Just("\"1\"".to_string()),
            Just("null".to_string())
        ],
        prop::collection::vec(inputs_like_json(), 0..3),
        "[ -~]{0,12}",
    )
        .prop_map(|(schema, inputs, name)| {
            let jobs: Vec<String> = inputs
                .iter()
                .enumerate()
                .map(|(i, inp)| format!("{{\"id\":{i},\"name\":{name:?},\"inputs\":{inp}}}"))
                .collect();
            format!("{{\"schema\":{schema},\"jobs\":[{}]}}", jobs.join(","))
        })
}

/// Runs `check` over `cases()` inputs in all: half arbitrary strings, half structured near-misses.
fn fuzz(name: &str, check: impl Fn(&str)) {
    fuzz_with(name, inputs_like_json(), check);
}

/// Like [`fuzz`], with the structured half drawn from `structured`.
fn fuzz_with(name: &str, structured: impl Strategy<Value = String>, check: impl Fn(&str)) {
    let n = cases().div_ceil(2);
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&any::<String>(), |s| {
            check(&s);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name} (arbitrary text): {e}"));
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&structured, |s| {
            check(&s);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name} (structured): {e}"));
    println!("FUZZ {name}: {} cases, no panic", 2 * u64::from(n));
}

#[test]
fn json_import_of_inputs_never_panics() {
    fuzz("inputs JSON import + validation", |text| {
        if let Ok(inputs) = serde_json::from_str::<Inputs>(text) {
            // Whatever parsed must validate to a job or to typed errors, each with a message.
            if let Err(errors) = validate(&inputs, factors()) {
                assert!(errors.iter().all(|e| !e.to_string().is_empty()));
            }
        }
    });
}

#[test]
fn share_link_queries_never_panic() {
    fuzz_with("share-link query decoder", query_like(), |text| {
        let decoded = from_query(text);
        assert!(decoded.problems.iter().all(|p| !p.to_string().is_empty()));
        // Whatever it decoded is ordinary inputs: validation answers with a job or messages.
        let _ = validate(&decoded.inputs, factors());
    });
}

#[test]
fn saved_state_decoder_never_panics_and_keeps_unreadable_payloads() {
    fuzz_with("saved-state decoder", stored_state_like(), |text| {
        if let Decoded::Unreadable { reason, payload } = decode(text) {
            assert_eq!(payload, text, "an unreadable payload must be kept verbatim");
            assert!(!reason.to_string().is_empty());
        }
        let _ = decode_draft(text);
    });
}

#[test]
fn json_imports_never_panic() {
    fuzz("JSON import (estimate document or saved jobs)", |text| {
        if let Err(e) = import_json(text) {
            assert!(!e.to_string().is_empty());
        }
        let _ = import_jobs(text);
    });
}

/// Text that is often almost a log: real headers of the three formats, rows with real and
/// hostile cells, mixed line ends.
fn log_like() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "timestamp, index, name, power.draw [W]",
        "timestamp, index, name, power.draw [W], utilization.gpu [%], memory.used [MiB]",
        "power.draw.instant [W], timestamp, uuid",
        "timestamp,project_name,run_id,duration,cpu_energy,gpu_energy,ram_energy,\
         energy_consumed,gpu_count,gpu_model,pue",
        "timestamp,watts",
        "time,power_w,device",
        "\u{feff}timestamp,watts",
        "",
    ]);
    let cell = prop_oneof![
        Just("2024/05/01 12:00:00.123".to_string()),
        Just("2024-05-01T12:00:01.5+02:00".to_string()),
        Just("2024/02/30 25:61:61.1".to_string()),
        Just("1714564800.25".to_string()),
        Just("99999999999999".to_string()),
        Just("312.45 W".to_string()),
        Just("[N/A]".to_string()),
        Just("-1".to_string()),
        Just("1e308".to_string()),
        Just("NVIDIA A100-SXM4-40GB".to_string()),
        Just("8 x NVIDIA H100 80GB HBM3".to_string()),
        Just("\"a, \"\"b\"\"\"".to_string()),
        Just("\"open".to_string()),
        (0u32..10).prop_map(|i| i.to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        "[ -~]{0,10}",
    ];
    let row = prop::collection::vec(cell, 0..8);
    let end = prop::sample::select(vec!["\n", "\r\n", ""]);
    (
        header,
        prop::collection::vec((row, end.clone()), 0..12),
        end,
    )
        .prop_map(|(header, rows, end)| {
            let mut text = format!("{header}{end}");
            for (cells, end) in rows {
                text.push_str(&cells.join(", "));
                text.push_str(end);
            }
            text
        })
}

/// Feeds `bytes` cut at `cuts` and checks the result against one whole feed.
fn check_log(bytes: &[u8], cuts: &[usize]) {
    let whole = read_log(bytes);
    if let Err(e) = &whole {
        assert!(!e.to_string().is_empty());
    }
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    let mut reader = LogReader::new();
    let mut start = 0;
    let mut pieces = Ok(());
    for c in cuts.into_iter().chain(std::iter::once(bytes.len())) {
        pieces = pieces.and_then(|()| reader.feed(&bytes[start..c]));
        start = c;
    }
    let pieces = pieces.and_then(|()| reader.finish());
    // Debug strings: NaN sums (huge CodeCarbon values) compare equal this way.
    assert_eq!(
        format!("{pieces:?}"),
        format!("{whole:?}"),
        "chunking changed the result"
    );
}

#[test]
fn power_log_reader_never_panics_and_ignores_chunking() {
    let n = cases().div_ceil(2);
    let cuts = || prop::collection::vec(any::<usize>(), 0..4);
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(prop::collection::vec(any::<u8>(), 0..160), cuts()),
            |(bytes, cuts)| {
                check_log(&bytes, &cuts);
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("log reader (random bytes): {e}"));
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(log_like(), cuts()), |(text, cuts)| {
            check_log(text.as_bytes(), &cuts);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("log reader (structured): {e}"));
    println!(
        "FUZZ power/CodeCarbon log reader: {} cases, no panic",
        2 * u64::from(n)
    );
}
