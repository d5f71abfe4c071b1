//! The charts' inputs built from the model's outputs on the bundled dataset (what the page draws
//! and what a click on a bar selects).

use emissions_core::charts::views::*;
use emissions_core::dataset::bundled;
use emissions_core::model::*;
use std::sync::OnceLock;

fn factors() -> &'static Factors {
    static F: OnceLock<Factors> = OnceLock::new();
    F.get_or_init(|| match bundled() {
        Ok(ds) => Factors::new(ds),
        Err(e) => panic!("bundled dataset does not load: {e}"),
    })
}

/// The default job (8 × the default accelerator, 24 h, aws/us-east-1), its estimate and
/// alternatives.
fn default_job() -> (Estimate, Alternatives) {
    let f = factors();
    let job = validate(&Inputs::default(), f).expect("default inputs are valid");
    (estimate(&job, f), alternatives(&job, f))
}

fn query(scope: Scope) -> RegionQuery {
    RegionQuery {
        scope,
        continent: String::new(),
        filter: String::new(),
        show_all: false,
    }
}

#[test]
fn provider_scope_lists_the_current_providers_regions_and_highlights_the_current_one() {
    let (_, alt) = default_job();
    let view = region_view(&alt, factors(), &query(Scope::Provider));
    let aws = factors().dataset().regions_of("aws").count();
    assert_eq!(view.total, aws);
    assert_eq!(view.chart.bars.len(), aws);
    assert_eq!(view.targets.len(), aws);
    let current = view
        .chart
        .highlighted
        .expect("the current region is highlighted");
    assert!(view.chart.bars[current].label.starts_with("us-east-1 ("));
    assert_eq!(
        view.targets[current],
        LocationInput::Cloud {
            provider: "aws".into(),
            region: "us-east-1".into()
        }
    );
    assert!((view.chart.bars[current].value - alt.current.value()).abs() < 1e-9);
    assert_eq!(view.chart.max_rows, TOP_N);
    assert_eq!(view.chart.label_header, "Region");
}

#[test]
fn zone_scope_filters_by_continent_and_text() {
    let (_, alt) = default_job();
    let mut q = query(Scope::Zones);
    q.continent = "EU".into();
    let europe = region_view(&alt, factors(), &q);
    assert!(europe.total > 20, "{}", europe.total);
    assert!(europe.total < alt.zones.len());
    for target in &europe.targets {
        let LocationInput::Zone { zone, .. } = target else {
            panic!("a zone bar selects a zone: {target:?}");
        };
        let continent = &factors().zone(zone).expect("known zone").continent;
        assert_eq!(continent, "EU");
    }
    q.filter = "franc".into();
    let france = region_view(&alt, factors(), &q);
    assert!(
        france.chart.bars.iter().any(|b| b.label == "France (FR)"),
        "{:?}",
        france.chart.bars
    );
    assert!(france.total < 5, "{}", france.total);
    q.show_all = true;
    assert_eq!(region_view(&alt, factors(), &q).chart.max_rows, 0);
}

#[test]
fn all_providers_scope_names_each_provider_and_scope_keys_round_trip() {
    let (_, alt) = default_job();
    let view = region_view(&alt, factors(), &query(Scope::AllProviders));
    assert_eq!(view.total, alt.regions.len());
    assert!(view
        .chart
        .bars
        .iter()
        .any(|b| b.label.starts_with("gcp · ")));
    for scope in [Scope::Provider, Scope::AllProviders, Scope::Zones] {
        assert_eq!(Scope::from_key(scope.key()), Some(scope));
    }
    assert_eq!(Scope::from_key("nonsense"), None);
}

#[test]
fn hardware_view_keeps_the_lowest_emitters_and_the_current_device() {
    let (_, alt) = default_job();
    let top = hardware_view(&alt, false);
    assert!(top.chart.rows.len() <= HW_TOP_N + 1);
    assert_eq!(top.ids.len(), top.chart.rows.len());
    let current = top.chart.highlighted.expect("the current device is shown");
    assert_eq!(top.ids[current], inputs::DEFAULT_HARDWARE);
    let emissions: Vec<f64> = top.chart.rows.iter().map(|r| r.emissions_kg).collect();
    assert!(emissions.windows(2).all(|w| w[0] <= w[1]), "{emissions:?}");
    let all = hardware_view(&alt, true);
    assert_eq!(all.chart.rows.len(), all.total);
    assert!(all.total > top.chart.rows.len());
}

#[test]
fn tornado_centres_on_the_estimate_and_labels_each_input_range() {
    let (est, _) = default_job();
    let t = tornado_view(&est);
    assert_eq!(t.central, est.location_based.value());
    assert_eq!(t.items.len(), est.sensitivity.len());
    let intensity = t
        .items
        .iter()
        .find(|i| i.low_input.ends_with(" g/kWh"))
        .expect("the grid intensity bar");
    assert!(intensity.low <= t.central && t.central <= intensity.high);
    assert!(t.items.iter().any(|i| i.low_input.ends_with(" W")));
    assert!(t
        .items
        .iter()
        .all(|i| !i.low_input.is_empty() && !i.high_input.is_empty()));
}

#[test]
fn text_filter_ignores_case_and_the_hardware_chart_compares_the_same_work() {
    let (_, alt) = default_job();
    let mut q = query(Scope::AllProviders);
    q.filter = "EAST-1".into();
    let east = region_view(&alt, factors(), &q);
    assert!(!east.chart.bars.is_empty());
    assert!(east
        .chart
        .bars
        .iter()
        .all(|b| b.label.to_lowercase().contains("east-1")));
    let hw = hardware_view(&alt, false).chart;
    assert!(
        hw.runtime_scaled && hw.same_work,
        "hours workload: the same work on every device"
    );
    assert!(hw.caption().starts_with("Same work"));
}
