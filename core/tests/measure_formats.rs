//! Measured-energy logs, format by format: exact energies of hand-checkable samples written as
//! the tools write them (`tests/data/logs/`, described in its README).

mod measure_util;

use emissions_core::dataset::bundled;
use emissions_core::measure::{read_log, Format, LogError, LogReader};
use measure_util::{close, codecarbon, power, sample, seconds, J_PER_KWH};

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
