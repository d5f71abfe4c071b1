//! Consistency checks of a dataset: bounds, units, ids and references.
//!
//! Shared by the generator (which refuses to write a dataset with problems) and the native tests,
//! so both enforce exactly the same quality bar.

use super::types::Dataset;

mod evidence;
pub use evidence::JOB_KINDS;
use std::collections::HashSet;

/// Plausible range of grid intensity, gCO2e/kWh.
pub const INTENSITY_RANGE: (f64, f64) = (0.0, 1200.0);
/// Plausible range of accelerator and CPU power, W.
pub const TDP_RANGE: (f64, f64) = (1.0, 2000.0);
/// Plausible range of PUE.
pub const PUE_RANGE: (f64, f64) = (1.0, 3.0);
/// Plausible range of value years.
pub const YEAR_RANGE: (u16, u16) = (1990, 2026);

/// True for ids made only of `[a-z0-9._-]` (hardware, CPU, instance, source, provider ids).
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// True for Electricity Maps zone ids: an ISO 3166 alpha-2 code, then `-`-separated parts of
/// `[A-Z0-9]` (`FR`, `US-CAL-CISO`, `RU-1`, `AU-TAS-KI`).
pub fn is_zone_id(id: &str) -> bool {
    let mut parts = id.split('-');
    let head_ok = parts
        .next()
        .is_some_and(|h| h.len() == 2 && h.bytes().all(|b| b.is_ascii_uppercase()));
    head_ok
        && parts.all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

fn in_range(v: f64, (lo, hi): (f64, f64)) -> bool {
    v.is_finite() && v >= lo && v <= hi
}

struct Checker<'a> {
    sources: HashSet<&'a str>,
    problems: Vec<String>,
}

impl<'a> Checker<'a> {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.problems.push(what());
        }
    }

    fn source(&mut self, row: &str, src: &str) {
        let known = self.sources.contains(src);
        self.check(known, || format!("{row}: unknown source id `{src}`"));
    }

    fn year(&mut self, row: &str, yr: u16) {
        let ok = yr >= YEAR_RANGE.0 && yr <= YEAR_RANGE.1;
        self.check(ok, || format!("{row}: implausible year {yr}"));
    }

    fn unique<I: IntoIterator<Item = String>>(&mut self, table: &str, ids: I) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id.clone()) {
                self.problems.push(format!("{table}: duplicate id `{id}`"));
            }
        }
    }
}

/// Every problem found in `ds`, as human sentences; empty when the dataset is sound.
pub fn problems(ds: &Dataset) -> Vec<String> {
    let mut c = Checker {
        sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
        problems: Vec::new(),
    };
    c.unique("sources", ds.sources.iter().map(|s| s.id.clone()));
    for s in &ds.sources {
        c.check(is_url_safe_id(&s.id), || {
            format!("source id `{}` is not URL-safe", s.id)
        });
        c.year(&format!("source {}", s.id), s.year);
    }
    check_zones_and_regions(ds, &mut c);
    check_hardware(ds, &mut c);
    check_constants(ds, &mut c);
    evidence::check_evidence(ds, &mut c);
    c.problems.extend(super::lifecycle::lifecycle_problems(ds));
    c.problems.extend(super::serving::serving_problems(ds));
    c.problems
}

fn check_zones_and_regions(ds: &Dataset, c: &mut Checker<'_>) {
    c.unique("zones", ds.zones.iter().map(|z| z.id.clone()));
    for z in &ds.zones {
        let row = format!("zone {}", z.id);
        c.check(is_zone_id(&z.id), || {
            format!("{row}: not an Electricity Maps zone id")
        });
        for v in [z.intensity, z.intensity_low, z.intensity_high] {
            c.check(in_range(v.0, INTENSITY_RANGE), || {
                format!("{row}: intensity {} out of bounds", v.0)
            });
        }
        let ordered = z.intensity_low.0 <= z.intensity.0 && z.intensity.0 <= z.intensity_high.0;
        c.check(ordered, || format!("{row}: lo ≤ ci ≤ hi violated"));
        if let Some(d) = z.intensity_direct {
            c.check(in_range(d.0, INTENSITY_RANGE), || {
                format!("{row}: direct intensity out of bounds")
            });
        }
        c.check(z.id.starts_with(&z.country), || {
            format!("{row}: country {} does not prefix the id", z.country)
        });
        c.source(&row, &z.source);
        c.year(&row, z.year);
    }
    c.unique("providers", ds.providers.iter().map(|p| p.id.clone()));
    for p in &ds.providers {
        let row = format!("provider {}", p.id);
        c.check(is_url_safe_id(&p.id), || format!("{row}: id not URL-safe"));
        for v in [p.pue, p.pue_low, p.pue_high] {
            c.check(in_range(v.0, PUE_RANGE), || {
                format!("{row}: PUE {} out of bounds", v.0)
            });
        }
        c.check(p.pue_low.0 <= p.pue.0 && p.pue.0 <= p.pue_high.0, || {
            format!("{row}: PUE range unordered")
        });
        c.source(&row, &p.pue_src);
        c.year(&row, p.pue_yr);
        if let Some(m) = p.market_pct {
            c.check(in_range(m.0, (0.0, 100.0)), || {
                format!("{row}: market share out of bounds")
            });
            let kind_known = p
                .mkt_kind
                .as_deref()
                .and_then(super::types::market_kind_label)
                .is_some();
            c.check(kind_known, || {
                format!("{row}: market share without a known mkt_kind")
            });
            let has_provenance = p.mkt_src.is_some() && p.mkt_yr.is_some();
            c.check(has_provenance, || {
                format!("{row}: market share without source/year")
            });
        }
        if let Some(s) = &p.mkt_src {
            c.source(&row, s);
        }
    }
    c.unique(
        "regions",
        ds.regions
            .iter()
            .map(|r| format!("{}/{}", r.provider, r.code)),
    );
    for r in &ds.regions {
        let row = format!("region {}/{}", r.provider, r.code);
        c.check(!r.code.is_empty(), || format!("{row}: empty code"));
        c.check(ds.provider(&r.provider).is_some(), || {
            format!("{row}: unknown provider")
        });
        c.check(ds.zone(&r.zone).is_some(), || {
            format!("{row}: unknown zone {}", r.zone)
        });
        for v in [r.intensity, r.intensity_low, r.intensity_high] {
            c.check(in_range(v.0, INTENSITY_RANGE), || {
                format!("{row}: intensity out of bounds")
            });
        }
        let ordered = r.intensity_low.0 <= r.intensity.0 && r.intensity.0 <= r.intensity_high.0;
        c.check(ordered, || format!("{row}: lo ≤ ci ≤ hi violated"));
        c.source(&row, &r.source);
        c.year(&row, r.year);
        if let Some(p) = r.pue {
            c.check(in_range(p.0, PUE_RANGE), || {
                format!("{row}: PUE out of bounds")
            });
            c.check(r.pue_src.is_some() && r.pue_yr.is_some(), || {
                format!("{row}: PUE without source/year")
            });
        }
        if let Some(s) = &r.pue_src {
            c.source(&row, s);
        }
        if let Some(cfe) = r.cfe {
            c.check(in_range(cfe.0, (0.0, 100.0)), || {
                format!("{row}: CFE out of bounds")
            });
        }
    }
}

fn check_hardware(ds: &Dataset, c: &mut Checker<'_>) {
    c.unique("hardware", ds.hardware.iter().map(|h| h.id.clone()));
    for h in &ds.hardware {
        let row = format!("hardware {}", h.id);
        c.check(is_url_safe_id(&h.id), || format!("{row}: id not URL-safe"));
        c.check(in_range(h.tdp.0, TDP_RANGE), || {
            format!("{row}: TDP {} out of bounds", h.tdp.0)
        });
        for (name, v) in [
            ("mem", h.mem.map(|m| m.0)),
            ("fp32", h.fp32.map(|t| t.0)),
            ("fp16", h.fp16.map(|t| t.0)),
        ] {
            if let Some(v) = v {
                c.check(in_range(v, (0.01, 10_000.0)), || {
                    format!("{row}: {name} {v} out of bounds")
                });
            }
        }
        if let Some((lo, hi)) = h.measured_mean_range() {
            c.check(lo.0 <= h.tdp.0 && h.tdp.0 <= hi.0, || {
                format!("{row}: measured mean outside its measured range")
            });
        }
        c.source(&row, &h.source);
        c.year(&row, h.year);
    }
    c.unique("cpus", ds.cpus.iter().map(|x| x.id.clone()));
    for x in &ds.cpus {
        let row = format!("cpu {}", x.id);
        c.check(is_url_safe_id(&x.id), || format!("{row}: id not URL-safe"));
        c.check(in_range(x.tdp.0, TDP_RANGE), || {
            format!("{row}: TDP out of bounds")
        });
        c.check(x.cores >= 1 && x.cores <= 512, || {
            format!("{row}: implausible core count")
        });
        c.source(&row, &x.source);
        c.year(&row, x.year);
    }
    c.unique("instances", ds.instances.iter().map(|i| i.id.clone()));
    for i in &ds.instances {
        let row = format!("instance {}", i.id);
        c.check(is_url_safe_id(&i.id), || format!("{row}: id not URL-safe"));
        c.check(ds.provider(&i.provider).is_some(), || {
            format!("{row}: unknown provider")
        });
        c.check(ds.hardware(&i.hw).is_some(), || {
            format!("{row}: unknown hardware {}", i.hw)
        });
        if let Some(cpu) = &i.cpu {
            c.check(ds.cpu(cpu).is_some(), || {
                format!("{row}: unknown cpu {cpu}")
            });
        }
        c.check(i.n >= 1 && i.vcpus >= 1 && i.mem.0 > 0.0, || {
            format!("{row}: empty counts")
        });
        c.source(&row, &i.source);
        c.year(&row, i.year);
    }
}

fn check_constants(ds: &Dataset, c: &mut Checker<'_>) {
    let k = &ds.constants;
    c.check(in_range(k.pue_default.value.0, PUE_RANGE), || {
        "default PUE out of bounds".into()
    });
    c.source("pue_default", &k.pue_default.source);
    c.year("pue_default", k.pue_default.year);
    c.check(in_range(k.mem_w_per_gb.value.0, (0.01, 5.0)), || {
        "memory W/GB out of bounds".into()
    });
    c.source("mem_w_per_gb", &k.mem_w_per_gb.source);
    c.year("mem_w_per_gb", k.mem_w_per_gb.year);
    c.check(in_range(k.world_ci.value.0, INTENSITY_RANGE), || {
        "world intensity out of bounds".into()
    });
    c.source("world_ci", &k.world_ci.source);
    c.year("world_ci", k.world_ci.year);
    c.unique("equivalents", k.equivalents.iter().map(|e| e.id.clone()));
    for e in &k.equivalents {
        let row = format!("equivalent {}", e.id);
        c.check(e.kg_per_unit.0 > 0.0 && e.kg_per_unit.0.is_finite(), || {
            format!("{row}: non-positive factor")
        });
        c.check(e.label.contains("{}"), || {
            format!("{row}: label lacks {{}}")
        });
        c.source(&row, &e.source);
        c.year(&row, e.year);
    }
}
