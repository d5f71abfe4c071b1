//! Measured-energy logs: exact energies of hand-checkable samples (written as the tools write
//! them, in `tests/data/logs/`), every kind of bad input, chunk-boundary independence and the
//! GPU-name table.

use emissions_core::dataset::bundled;
use emissions_core::measure::device_map::{catalogue_id, GPU_NAMES};
use emissions_core::measure::synthetic::nvidia_smi_log;
use emissions_core::measure::{
    read_log, CodeCarbonSummary, Format, LogError, LogReader, LogSummary, Measured, PowerSummary,
    MAX_LINE_BYTES,
};
use proptest::prelude::*;

/// Joules per kWh.
const J_PER_KWH: f64 = 3.6e6;

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/logs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn power(summary: &LogSummary) -> &PowerSummary {
    match &summary.content {
        Measured::Power(p) => p,
        Measured::CodeCarbon(_) => panic!("expected a power log"),
    }
}

fn codecarbon(summary: &LogSummary) -> &CodeCarbonSummary {
    match &summary.content {
        Measured::CodeCarbon(c) => c,
        Measured::Power(_) => panic!("expected a CodeCarbon file"),
    }
}

fn close(actual: f64, expected: f64) {
    let tolerance = 1e-12 * expected.abs().max(1e-9);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} != {expected}"
    );
}

fn seconds(h: emissions_core::units::Hours) -> f64 {
    h.value() * 3600.0
}

#[test]
fn nvidia_smi_two_gpus_interleaved_with_missing_readings() {
    let s = read_log(&sample("nvidia_smi_lms100_2gpu.csv")).unwrap();
    assert_eq!(s.format, Format::NvidiaSmi);
    assert_eq!(
        (s.lines, s.repeated_headers, s.truncated_last_line),
        (203, 0, false)
    );
    let p = power(&s);
    assert_eq!(p.devices.len(), 2);
    let a100 = &p.devices[0];
    assert_eq!(a100.key, "0");
    assert_eq!(a100.name.as_deref(), Some("NVIDIA A100-SXM4-40GB"));
    assert_eq!(a100.catalogue_id, Some("a100-sxm4-40gb"));
    assert_eq!((a100.samples, a100.skipped_cells, a100.gaps), (101, 0, 0));
    // Constant 300 W for 10 s.
    close(a100.energy.value(), 300.0 * 10.0 / J_PER_KWH);
    close(a100.average_power.value(), 300.0);
    close(a100.peak_power.value(), 300.0);
    close(seconds(a100.duration), 10.0);
    close(seconds(a100.covered), 10.0);
    close(seconds(a100.median_interval), 0.1);
    let a10g = &p.devices[1];
    assert_eq!(a10g.catalogue_id, Some("a10g"));
    // Three [N/A] readings: skipped, and the 0.4 s across them is bridged (< 5 × 0.1 s).
    assert_eq!((a10g.samples, a10g.skipped_cells, a10g.gaps), (98, 3, 0));
    close(a10g.energy.value(), 150.0 * 10.0 / J_PER_KWH);
    close(p.energy.value(), 4500.0 / J_PER_KWH);
    close(p.average_power.value(), 450.0);
    close(p.peak_power_sum.value(), 450.0);
    close(seconds(p.duration), 10.0);
    close(seconds(p.covered), 20.0);
    assert_eq!((p.samples, p.skipped_cells, p.out_of_order), (199, 3, 0));
    // Average 300 W on a 400 W TDP A100.
    let ds = bundled().unwrap();
    close(a100.tdp_fraction(ds).unwrap(), 0.75);
}

#[test]
fn nvidia_smi_without_header_needs_the_column_list() {
    let bytes = sample("nvidia_smi_noheader_nounits.csv");
    for columns in [
        &["timestamp", "index", "name", "power.draw"][..],
        &["timestamp,index,gpu_name,power.draw"][..],
    ] {
        let mut r = LogReader::with_columns(columns).unwrap();
        r.feed(&bytes).unwrap();
        let s = r.finish().unwrap();
        let p = power(&s);
        assert_eq!(p.devices.len(), 2);
        assert_eq!(p.devices[0].catalogue_id, Some("h100-sxm"));
        close(p.devices[0].energy.value(), 500.0 * 5.0 / J_PER_KWH);
        close(p.devices[1].energy.value(), 400.0 * 5.0 / J_PER_KWH);
    }
    let e = read_log(&bytes).unwrap_err();
    assert!(matches!(e, LogError::UnknownHeader { .. }));
    let message = e.to_string();
    for expected in [
        "nvidia-smi",
        "CodeCarbon",
        "timestamp,watts",
        "power.draw",
        "noheader",
    ] {
        assert!(message.contains(expected), "{message}");
    }
    let e = LogReader::with_columns(&["timestamp", "index", "utilization.gpu"]).unwrap_err();
    assert!(e.to_string().contains("no power.draw column"), "{e}");
    let e = LogReader::with_columns(&["index", "power.draw"]).unwrap_err();
    assert!(e.to_string().contains("timestamp"), "{e}");
}

#[test]
fn codecarbon_runs_and_totals() {
    let s = read_log(&sample("codecarbon_2runs.csv")).unwrap();
    assert_eq!(s.format, Format::CodeCarbon);
    let c = codecarbon(&s);
    assert_eq!(c.runs.len(), 2);
    let aws = &c.runs[0];
    assert_eq!(aws.run_id, "3f0c9a52-6a1e-4c4e-9a43-2d8e51f0b6a7");
    close(seconds(aws.duration), 3600.0);
    assert_eq!(aws.gpu_energy.map(|e| e.value()), Some(2.4));
    assert_eq!(aws.energy.value(), 2.6);
    assert_eq!(
        (aws.gpu_count, aws.gpu_id),
        (Some(8), Some("a100-sxm4-40gb"))
    );
    assert_eq!(aws.gpu_model, "8 x NVIDIA A100-SXM4-40GB");
    assert_eq!(
        (
            aws.country_iso_code.as_str(),
            aws.cloud_provider.as_str(),
            aws.cloud_region.as_str()
        ),
        ("USA", "aws", "us-east-1")
    );
    assert_eq!(aws.pue.map(|p| p.value()), Some(1.0));
    let home = &c.runs[1];
    // pandas quoted the project name because of its comma.
    assert_eq!(home.project_name, "llm, finetune");
    assert_eq!(
        (home.gpu_id, home.cloud_provider.as_str()),
        (Some("rtx-3090"), "")
    );
    close(c.energy.value(), 2.912);
    close(c.gpu_energy.value(), 2.7);
    close(c.cpu_energy.value(), 0.16);
    close(c.ram_energy.value(), 0.052);
    close(seconds(c.duration), 5400.0);
}

#[test]
fn plain_timestamp_watts() {
    let s = read_log(&sample("plain_timestamp_watts.csv")).unwrap();
    assert_eq!(s.format, Format::Plain);
    let p = power(&s);
    assert_eq!(p.devices.len(), 1);
    assert_eq!(
        (p.devices[0].key.as_str(), p.devices[0].catalogue_id),
        ("", None)
    );
    close(p.energy.value(), 250.0 * 10.0 / J_PER_KWH);
}

#[test]
fn sample_earlier_than_the_previous_is_skipped_and_counted() {
    let s = read_log(&sample("plain_non_monotonic.csv")).unwrap();
    let p = power(&s);
    assert_eq!((p.samples, p.out_of_order), (11, 1));
    close(p.energy.value(), 100.0 * 10.0 / J_PER_KWH);
    // The skipped 999 W reading is not the peak.
    close(p.peak_power_sum.value(), 100.0);
}

#[test]
fn crlf_and_bom() {
    let s = read_log(&sample("nvidia_smi_crlf_bom.csv")).unwrap();
    let p = power(&s);
    assert_eq!(p.devices.len(), 1);
    assert_eq!(p.devices[0].key, "00000000:01:00.0");
    assert_eq!(p.devices[0].catalogue_id, Some("rtx-3090"));
    close(p.energy.value(), 200.0 * 10.0 / J_PER_KWH);
}

#[test]
fn repeated_header_is_counted_and_the_pause_is_a_gap() {
    let s = read_log(&sample("nvidia_smi_repeated_header.csv")).unwrap();
    assert_eq!(s.repeated_headers, 1);
    let d = &power(&s).devices[0];
    assert_eq!((d.samples, d.gaps, d.catalogue_id), (12, 1, Some("t4")));
    close(seconds(d.gap_time), 55.0);
    close(d.energy.value(), 70.0 * 10.0 / J_PER_KWH);
    close(d.average_power.value(), 70.0);
}

#[test]
fn truncated_last_line_is_counted_not_an_error() {
    let s = read_log(&sample("nvidia_smi_truncated.csv")).unwrap();
    assert!(s.truncated_last_line);
    let d = &power(&s).devices[0];
    assert_eq!((d.samples, d.catalogue_id), (11, Some("l4")));
    close(d.energy.value(), 72.0 * 10.0 / J_PER_KWH);
}

#[test]
fn a_long_pause_is_not_bridged() {
    let s = read_log(&sample("nvidia_smi_gap.csv")).unwrap();
    let d = &power(&s).devices[0];
    assert_eq!((d.samples, d.gaps), (22, 1));
    close(seconds(d.gap_time), 120.0);
    close(seconds(d.covered), 10.0);
    close(seconds(d.duration), 130.0);
    close(d.energy.value(), 400.0 * 10.0 / J_PER_KWH);
    close(d.average_power.value(), 400.0);
}

#[test]
fn bad_inputs_get_clear_messages() {
    let err = |bytes: &[u8]| read_log(bytes).unwrap_err();
    assert_eq!(err(b""), LogError::Empty);
    assert_eq!(err(b"\n  \r\n\n"), LogError::Empty);
    assert_eq!(
        err(b"timestamp,watts\n1,2\0\n"),
        LogError::Binary { line: 2 }
    );
    assert_eq!(
        err(b"timestamp,watts\n1,2\xff\n"),
        LogError::InvalidUtf8 { line: 2, byte: 4 }
    );
    let utf16: Vec<u8> = "\u{feff}timestamp,watts\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(err(&utf16), LogError::Utf16);
    assert_eq!(
        err(b"\xfa\xfet").to_string(),
        "line 1, byte 1: not UTF-8 text (is this a binary or differently encoded file?)"
    );
    let e = err(b"timestamp, index, power.draw [W]\n2024/05/01 12:00:00.000, 0, 1 W\n2024/05/01 12:00:01.000, 0, abc\n");
    assert_eq!(
        e.to_string(),
        "line 3, column 3: \"abc\" is not a number of watts"
    );
    let e = err(b"timestamp,watts\nyesterday,300\n");
    assert!(
        e.to_string()
            .starts_with("line 2, column 1: \"yesterday\" is not a timestamp"),
        "{e}"
    );
    assert_eq!(
        err(b"timestamp,watts\n2024-05-01T00:00:00Z\n2024-05-01T00:00:01Z,3\n"),
        LogError::MissingField { line: 2, column: 2 }
    );
    assert_eq!(
        err(b"timestamp,watts\n1,-5\n"),
        LogError::BadValue {
            line: 2,
            column: 2,
            text: "-5".into(),
            expected: "a number of watts between 0 and 1e9"
        }
    );
    assert!(matches!(
        err(b"time,volts\n1,2\n"),
        LogError::MissingColumn { .. }
    ));
    let long = [
        b"timestamp,watts\n".as_slice(),
        &vec![b'1'; MAX_LINE_BYTES + 1],
    ]
    .concat();
    assert_eq!(err(&long), LogError::LineTooLong { line: 2 });
    let many: String = std::iter::once("timestamp,watts,device\n".to_string())
        .chain((0..600).map(|i| format!("1,1,{i}\n")))
        .collect();
    assert_eq!(err(many.as_bytes()), LogError::TooManyDevices { line: 514 });
    // Every message is non-empty and says where.
    for e in [err(b""), err(b"a,b\n"), err(b"timestamp,watts\n\"1,2\n")] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn header_only_is_an_empty_summary_and_a_cut_character_is_truncation() {
    let s = read_log(b"timestamp,watts\n").unwrap();
    assert_eq!(power(&s).devices.len(), 0);
    // The last line ends inside a two-byte character: the log was cut while written.
    let s = read_log(
        "timestamp,watts\n1,5\n2,5\n3,\u{e9}"
            .as_bytes()
            .split_last()
            .unwrap()
            .1,
    )
    .unwrap();
    assert!(s.truncated_last_line);
    close(power(&s).energy.value(), 5.0 / J_PER_KWH);
}

#[test]
fn a_reader_is_spent_after_an_error_and_counts_bytes() {
    let mut r = LogReader::new();
    r.feed(b"timestamp,watts\n1,").unwrap();
    assert_eq!(r.bytes_read(), 18);
    let e = r.feed(b"x\n").unwrap_err();
    assert_eq!(r.feed(b"2,3\n").unwrap_err(), e);
    assert_eq!(r.finish().unwrap_err(), e);
}

#[test]
fn synthetic_log_reads_back() {
    let log = nvidia_smi_log(3, 20, 100);
    let s = read_log(log.as_bytes()).unwrap();
    let p = power(&s);
    assert_eq!(p.devices.len(), 3);
    for d in &p.devices {
        assert_eq!((d.samples, d.gaps, d.out_of_order), (201, 0, 0));
        assert_eq!(d.catalogue_id, Some("a100-sxm4-40gb"));
        assert!(d.average_power.value() > 60.0 && d.peak_power.value() <= 400.0);
        close(seconds(d.covered), 20.0);
    }
}

#[test]
fn every_table_id_is_in_the_bundled_dataset() {
    let ds = bundled().unwrap();
    for (name, id) in GPU_NAMES {
        assert!(
            ds.hardware.iter().any(|h| h.id == *id),
            "{name} → {id}: not in the dataset"
        );
        assert_eq!(catalogue_id(name), Some(*id));
    }
    let names: std::collections::HashSet<_> = GPU_NAMES.iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), GPU_NAMES.len(), "a name is listed twice");
    for (name, id) in [
        ("NVIDIA A100-SXM4-40GB", "a100-sxm4-40gb"),
        ("NVIDIA H100 80GB HBM3", "h100-sxm"),
        ("Tesla V100-SXM2-16GB", "v100-sxm2-16gb"),
        ("NVIDIA GeForce RTX 3090", "rtx-3090"),
        ("Tesla T4", "t4"),
        ("NVIDIA A10G", "a10g"),
        ("NVIDIA L4", "l4"),
        ("NVIDIA H100 PCIe", "h100-pcie"),
        ("NVIDIA H200", "h200-sxm"),
        ("NVIDIA A100 80GB PCIe", "a100-pcie-80gb"),
    ] {
        assert_eq!(catalogue_id(name), Some(id), "{name}");
    }
    assert_eq!(catalogue_id("NVIDIA GeForce RTX 5090"), None);
}

/// Reads `bytes` fed in pieces cut at `cuts` (positions, in any order).
fn read_in_pieces(bytes: &[u8], cuts: &[usize]) -> Result<LogSummary, LogError> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    let mut r = LogReader::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(bytes.len())) {
        r.feed(&bytes[start..c])?;
        start = c;
    }
    r.finish()
}

const SAMPLES: [&str; 9] = [
    "nvidia_smi_lms100_2gpu.csv",
    "nvidia_smi_noheader_nounits.csv",
    "nvidia_smi_crlf_bom.csv",
    "nvidia_smi_repeated_header.csv",
    "nvidia_smi_truncated.csv",
    "nvidia_smi_gap.csv",
    "codecarbon_2runs.csv",
    "plain_timestamp_watts.csv",
    "plain_non_monotonic.csv",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn result_does_not_depend_on_chunk_boundaries(
        which in 0..SAMPLES.len(),
        cuts in prop::collection::vec(any::<usize>(), 0..40),
    ) {
        let bytes = sample(SAMPLES[which]);
        prop_assert_eq!(read_in_pieces(&bytes, &cuts), read_log(&bytes));
    }

    #[test]
    fn byte_by_byte_equals_whole(which in 0..SAMPLES.len()) {
        let bytes = sample(SAMPLES[which]);
        let cuts: Vec<usize> = (0..bytes.len()).collect();
        prop_assert_eq!(read_in_pieces(&bytes, &cuts), read_log(&bytes));
    }
}
