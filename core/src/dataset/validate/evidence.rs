//! Checks of the evidence tables: draw profiles and metered runs.

use super::{in_range, is_url_safe_id, Checker};
use crate::dataset::Dataset;

/// The job kinds every dataset must describe (`model::JobKind` ids).
pub const JOB_KINDS: [&str; 3] = ["unknown", "pretrain", "finetune"];

pub(super) fn check_evidence(ds: &Dataset, c: &mut Checker<'_>) {
    c.unique("draw", ds.draw.iter().map(|d| d.kind.clone()));
    for kind in JOB_KINDS {
        c.check(ds.draw.iter().any(|d| d.kind == kind), || {
            format!("draw: no profile for job kind `{kind}`")
        });
    }
    for d in &ds.draw {
        let row = format!("draw {}", d.kind);
        c.check(JOB_KINDS.contains(&d.kind.as_str()), || {
            format!("{row}: unknown job kind")
        });
        let ordered = d.low.0 <= d.typical.0 && d.typical.0 <= d.high.0;
        c.check(
            ordered && in_range(d.low.0, (1.0, 100.0)) && d.high.0 <= 100.0,
            || format!("{row}: need 1 ≤ lo ≤ typ ≤ hi ≤ 100 % of TDP"),
        );
        c.check(d.sources().count() > 0, || format!("{row}: no source"));
        for s in d.sources() {
            c.source(&row, s);
        }
        c.year(&row, d.year);
    }
    c.unique("metered", ds.metered.iter().map(|m| m.id.clone()));
    for m in &ds.metered {
        let row = format!("metered run {}", m.id);
        c.check(is_url_safe_id(&m.id), || format!("{row}: id not URL-safe"));
        c.check(ds.hardware(&m.hw).is_some(), || {
            format!("{row}: unknown hardware {}", m.hw)
        });
        c.check(m.devices >= 1, || format!("{row}: no devices"));
        c.check(in_range(m.hours.0, (0.01, 1e7)), || {
            format!("{row}: hours out of bounds")
        });
        c.check(in_range(m.energy.0, (1e-4, 1e8)), || {
            format!("{row}: energy out of bounds")
        });
        c.check(matches!(m.covers.as_str(), "gpu" | "node"), || {
            format!("{row}: covers must be `gpu` or `node`")
        });
        c.check(JOB_KINDS.contains(&m.kind.as_str()), || {
            format!("{row}: unknown job kind `{}`", m.kind)
        });
        // A metered average above the rated power is a transcription error.
        if let Some(h) = ds.hardware(&m.hw) {
            let avg_w = m.energy.0 * 1000.0 / (m.hours.0 * f64::from(m.devices));
            let limit = if m.covers == "node" { 2.5 } else { 1.05 };
            c.check(avg_w <= h.tdp.0 * limit, || {
                format!("{row}: metered average {avg_w:.0} W per device exceeds its TDP")
            });
        }
        c.source(&row, &m.source);
        c.year(&row, m.year);
    }
}
