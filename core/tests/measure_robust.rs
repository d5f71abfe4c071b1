//! Measured-energy logs: every kind of bad input, chunk-boundary independence and the GPU-name
//! table.

mod measure_util;

use emissions_core::dataset::bundled;
use emissions_core::measure::device_map::{catalogue_id, GPU_NAMES};
use emissions_core::measure::synthetic::nvidia_smi_log;
use emissions_core::measure::{read_log, LogError, LogReader, MAX_LINE_BYTES};
use measure_util::{close, power, read_in_pieces, sample, seconds, J_PER_KWH};
use proptest::prelude::*;

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

#[test]
fn plain_devices_unix_seconds_and_zones() {
    let log = b"time,device,power_w\n\
        1714564800.5,meter-a,100\n1714564800.5,meter-b,10\n\
        1714564802.5,meter-a,300\n1714564802.5,meter-b,10\n";
    let p = read_log(log).unwrap();
    let p = power(&p);
    assert_eq!(p.devices.len(), 2);
    assert_eq!(p.devices[0].key, "meter-a");
    // (100 + 300) / 2 W for 2 s.
    close(p.devices[0].energy.value(), 400.0 / J_PER_KWH);
    close(p.devices[0].peak_power.value(), 300.0);
    close(seconds(p.devices[1].covered), 2.0);
    // The same instants written with different zones are one second apart.
    let log = b"timestamp,watts\n2024-05-01T12:00:00+02:00,50\n2024-05-01 10:00:01Z,50\n";
    let s = read_log(log).unwrap();
    close(seconds(power(&s).duration), 1.0);
}

#[test]
fn newer_driver_power_columns_and_uuid_keys() {
    let log = b"timestamp, uuid, power.draw.average [W], power.draw.instant [W]\n\
        2024/05/01 12:00:00.000, GPU-a, 100.00 W, 120.00 W\n\
        2024/05/01 12:00:01.000, GPU-a, 100.00 W, 80.00 W\n";
    let s = read_log(log).unwrap();
    let d = &power(&s).devices[0];
    assert_eq!(d.key, "GPU-a");
    // power.draw.average is preferred to the instantaneous reading.
    close(d.energy.value(), 100.0 / J_PER_KWH);
}

#[test]
fn name_first_rows_without_header_and_a_late_header() {
    let rows = b"NVIDIA L4, 2024/05/01 12:00:00.000, 70.00\n\
        name, timestamp, power.draw [W]\n\
        NVIDIA L4, 2024/05/01 12:00:02.000, 74.00\n";
    let mut r = LogReader::with_columns(&["name", "timestamp", "power.draw"]).unwrap();
    r.feed(rows).unwrap();
    let s = r.finish().unwrap();
    // The header is the log's first, not a repeat; both rows are one device (no index column).
    assert_eq!(s.repeated_headers, 0);
    let d = &power(&s).devices[0];
    assert_eq!((d.samples, d.catalogue_id), (2, Some("l4")));
    close(d.energy.value(), 144.0 / J_PER_KWH);
}
