//! Checks of the bundled dataset against what the providers publish and against its own sources:
//! region → zone mappings agree with the provider's own grid figure, direct intensity never
//! exceeds the life-cycle figure of the same release, values are recent, market claims say what
//! kind of claim they are, and mappings are cited.
//!
//! Each check is a function returning the offending rows, so the last test can show that every
//! check fails on data with the errors it guards against (the 2026.11 mappings and values).

use emissions_core::dataset::*;
use emissions_core::units::*;

mod common;
use common::{loaded_dataset as ds, loaded_extras as extras};

/// Largest allowed gap between a provider's own grid figure and the mapped zone's direct value.
const PROVIDER_TOLERANCE: f64 = 0.15;
/// Oldest year a value may have without a written reason.
const OLDEST_YEAR: u16 = 2019;

/// Regions whose provider publishes its own grid figure (Google's per-region file, the same
/// year and direct basis as `extras.direct`) but whose mapped zone's direct value is more than
/// 15 % away, without a written reason.
fn provider_figure_mismatches(d: &Dataset, x: &Extras) -> Vec<String> {
    let mut bad = Vec::new();
    for p in &x.pci {
        if x.reason(&p.p, &p.code).is_some() {
            continue;
        }
        let zone = d.region(&p.p, &p.code).map(|r| r.zone.as_str());
        match zone.and_then(|z| x.direct(z)) {
            Some(z) if ((z.d.0 - p.ci.0) / p.ci.0).abs() <= PROVIDER_TOLERANCE => {}
            Some(z) => bad.push(format!(
                "{}/{}: provider {} g, zone {} direct {} g",
                p.p, p.code, p.ci.0, z.id, z.d.0
            )),
            None => bad.push(format!(
                "{}/{}: mapped zone has no direct value",
                p.p, p.code
            )),
        }
    }
    bad
}

/// Zones whose direct intensity exceeds their life-cycle intensity.
fn direct_above_life_cycle(d: &Dataset, x: &Extras) -> Vec<String> {
    let on_zones = d.zones.iter().filter_map(|z| {
        let direct = z.intensity_direct?;
        (direct.0 > z.intensity.0)
            .then(|| format!("zone {}: cid {} > ci {}", z.id, direct.0, z.intensity.0))
    });
    let in_extras = x
        .direct
        .iter()
        .filter(|z| z.d.0 > z.l.0)
        .map(|z| format!("extras.direct {}: {} > {}", z.id, z.d.0, z.l.0));
    on_zones.chain(in_extras).collect()
}

/// Values older than [`OLDEST_YEAR`] without a written reason. Hardware and CPU years are release
/// years, not the year of a value, and are not checked here.
fn old_values(d: &Dataset, x: &Extras) -> Vec<String> {
    let mut years: Vec<(u16, String)> = Vec::new();
    years.extend(d.zones.iter().map(|z| (z.year, format!("zone {}", z.id))));
    for p in &d.providers {
        years.push((p.pue_yr, format!("provider {} PUE", p.id)));
        years.extend(
            p.mkt_yr
                .map(|y| (y, format!("provider {} market claim", p.id))),
        );
    }
    for r in &d.regions {
        if x.reason(&r.provider, &r.code).is_some() {
            continue;
        }
        let row = format!("region {}/{}", r.provider, r.code);
        years.push((r.year, row.clone()));
        years.extend(r.pue_yr.map(|y| (y, format!("{row} PUE"))));
    }
    years.extend(
        d.instances
            .iter()
            .map(|i| (i.year, format!("instance {}", i.id))),
    );
    let k = &d.constants;
    years.push((k.pue_default.year, "pue_default".into()));
    years.push((k.mem_w_per_gb.year, "mem_w_per_gb".into()));
    years.push((k.world_ci.year, "world_ci".into()));
    years.extend(
        k.equivalents
            .iter()
            .map(|e| (e.year, format!("equivalent {}", e.id))),
    );
    years
        .into_iter()
        .filter(|(y, _)| *y < OLDEST_YEAR)
        .map(|(y, w)| format!("{w}: {y}"))
        .collect()
}

/// Providers whose market-based share lacks a known kind of claim, a source or a recent year.
fn unlabelled_market_claims(d: &Dataset) -> Vec<String> {
    d.providers
        .iter()
        .filter(|p| p.market_pct.is_some())
        .filter(|p| {
            let kind = p.mkt_kind.as_deref().and_then(market_kind_label);
            let source = p.mkt_src.as_deref().and_then(|s| d.source(s));
            kind.is_none() || source.is_none() || p.mkt_yr.is_none_or(|y| y < OLDEST_YEAR)
        })
        .map(|p| format!("provider {}", p.id))
        .collect()
}

/// AWS, Google Cloud and Azure regions in the US, Canada, India, Japan and Australia whose zone
/// mapping cites no utility, balancing authority or provider figure.
fn uncited_mappings(d: &Dataset, x: &Extras) -> Vec<String> {
    d.regions
        .iter()
        .filter(|r| ["aws", "gcp", "azure"].contains(&r.provider.as_str()))
        .filter(|r| ["US", "CA", "IN", "JP", "AU"].contains(&r.country.as_str()))
        .filter(|r| {
            x.zone_source(&r.provider, &r.code)
                .and_then(|s| d.source(s))
                .is_none()
        })
        .map(|r| format!("{}/{}", r.provider, r.code))
        .collect()
}

#[test]
fn regions_agree_with_the_providers_own_grid_figures() {
    let bad = provider_figure_mismatches(ds(), extras());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Every Google region is compared (44 in Google's 2024 file).
    assert_eq!(extras().pci.len(), 44);
}

#[test]
fn direct_intensity_never_exceeds_life_cycle() {
    let bad = direct_above_life_cycle(ds(), extras());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(!extras().direct.is_empty());
}

#[test]
fn values_are_from_2019_or_later_unless_a_reason_is_written() {
    let bad = old_values(ds(), extras());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for w in &extras().why {
        assert!(
            ds().region(&w.p, &w.code).is_some(),
            "reason for unknown region {}/{}",
            w.p,
            w.code
        );
        assert!(w.note.len() > 20, "{}/{}: a reason says why", w.p, w.code);
    }
}

#[test]
fn market_claims_say_what_kind_of_claim_they_are() {
    let bad = unlabelled_market_claims(ds());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    let gcp = ds().provider("gcp").expect("gcp");
    assert_eq!(gcp.mkt_kind.as_deref(), Some("annual-match"));
    assert!(gcp.mkt_yr.is_some_and(|y| y > 2019), "not the 2019 claim");
}

#[test]
fn zone_mappings_are_cited() {
    let bad = uncited_mappings(ds(), extras());
    assert!(bad.is_empty(), "uncited: {}", bad.join(", "));
}

#[test]
fn corrected_mappings_follow_the_serving_utility() {
    let zone = |p: &str, code: &str| ds().region(p, code).map(|r| r.zone.clone());
    // Berkeley County (SC) buys from Santee Cooper; The Dalles and Boardman (OR) from BPA.
    assert_eq!(zone("gcp", "us-east1").as_deref(), Some("US-CAR-SC"));
    assert_eq!(zone("gcp", "us-west1").as_deref(), Some("US-NW-BPAT"));
    assert_eq!(zone("aws", "us-west-2").as_deref(), Some("US-NW-BPAT"));
    let sc = extras().direct("US-CAR-SC").expect("US-CAR-SC direct");
    assert_eq!(sc.d, GramsPerKwh(578.7));
}

/// Every check above fails on data with the errors it guards against: the 2026.11 mapping of
/// `gcp/us-east1` (US-CAR-SCEG), a direct value above life-cycle, a 2017 constant, the 2019
/// "100 %" claim without a kind, and an uncited US mapping.
#[test]
fn each_check_can_fail() {
    let mut d = ds().clone();
    let mut x = extras().clone();
    if let Some(r) = d
        .regions
        .iter_mut()
        .find(|r| r.provider == "gcp" && r.code == "us-east1")
    {
        r.zone = "US-CAR-SCEG".into();
    }
    x.direct.push(ZoneDirect {
        id: "US-CAR-SCEG".into(),
        d: GramsPerKwh(376.2),
        l: GramsPerKwh(456.0),
    });
    assert_eq!(provider_figure_mismatches(&d, &x).len(), 1);
    if let Some(z) = d.zones.iter_mut().find(|z| z.id == "IN-WE") {
        z.intensity_direct = Some(GramsPerKwh(736.1 + 100.0));
    }
    assert_eq!(direct_above_life_cycle(&d, &x).len(), 1);
    d.constants.mem_w_per_gb.year = 2017;
    assert_eq!(old_values(&d, &x), vec!["mem_w_per_gb: 2017".to_string()]);
    if let Some(p) = d.providers.iter_mut().find(|p| p.id == "azure") {
        (p.mkt_kind, p.mkt_yr) = (None, Some(2019));
    }
    assert_eq!(
        unlabelled_market_claims(&d),
        vec!["provider azure".to_string()]
    );
    x.zsrc.retain(|n| !(n.p == "aws" && n.code == "us-east-1"));
    assert_eq!(uncited_mappings(&d, &x), vec!["aws/us-east-1".to_string()]);
}
