//! The location fieldset: cloud provider → region, a grid zone, or a custom intensity.

use crate::ui::erased::{handler, live};
use crate::ui::form::field::NumField;
use crate::ui::form::picker::{Groups, ModeSwitch, Picker};
use crate::ui::state::CalcState;
use emissions_core::dataset::Dataset;
use emissions_core::model::{DataCentre, Field, LocationInput};
use emissions_core::order::sort_by;
use leptos::prelude::*;
use std::sync::Arc;

fn continent(code: &str) -> &'static str {
    match code {
        "AF" => "Africa",
        "AS" => "Asia",
        "EU" => "Europe",
        "NA" => "North America",
        "OC" => "Oceania",
        "SA" => "South America",
        _ => "Other",
    }
}

fn push(
    groups: &mut Vec<(String, Vec<(String, String)>)>,
    group: &str,
    value: String,
    text: String,
) {
    match groups.iter_mut().find(|(g, _)| g == group) {
        Some((_, opts)) => opts.push((value, text)),
        None => groups.push((group.to_string(), vec![(value, text)])),
    }
}

/// A provider's regions grouped by continent, showing city and intensity.
pub fn region_groups(ds: &Dataset, provider: &str) -> Groups {
    let mut groups = Vec::new();
    for r in ds.regions_of(provider) {
        let ct = ds
            .zone(&r.zone)
            .map_or("Other", |z| continent(&z.continent));
        let text = format!("{} · {} · {} g/kWh", r.code, r.location, r.intensity.0);
        push(&mut groups, ct, r.code.clone(), text);
    }
    sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
    Arc::new(groups)
}

/// Grid zones grouped by continent, showing intensity.
pub fn zone_groups(ds: &Dataset) -> Groups {
    let mut groups = Vec::new();
    for z in &ds.zones {
        let text = format!("{} ({}) · {} g/kWh", z.name, z.id, z.intensity.0);
        push(&mut groups, continent(&z.continent), z.id.clone(), text);
    }
    sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
    for (_, opts) in &mut groups {
        sort_by(opts, |a, b| a.1.cmp(&b.1));
    }
    Arc::new(groups)
}

/// The location fieldset.
#[component]
pub fn LocationFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let loc = Memo::new(move |_| state.inputs.with(|i| i.location.clone()));
    let mode = Memo::new(move |_| match loc.get() {
        LocationInput::Cloud { .. } => "cloud",
        LocationInput::Zone { .. } => "zone",
        LocationInput::Custom { .. } => "custom",
    });
    let switch = Callback::new(move |m: &'static str| {
        let intensity = state
            .outcome
            .with_untracked(|o| o.estimate.as_ref().map_or(400.0, |e| e.intensity.0.round()));
        state.edit(|i| {
            let zone = match &i.location {
                LocationInput::Cloud { provider, region } => {
                    ds.region(provider, region).map(|r| r.zone.clone())
                }
                LocationInput::Zone { zone, .. } => Some(zone.clone()),
                LocationInput::Custom { .. } => None,
            };
            i.location = match m {
                "zone" => LocationInput::Zone {
                    zone: zone.unwrap_or_else(|| "US".into()),
                    data_centre: DataCentre::Unknown,
                },
                "custom" => LocationInput::Custom {
                    intensity,
                    data_centre: DataCentre::Unknown,
                },
                _ => LocationInput::default(),
            };
        })
    });
    let provider = Memo::new(move |_| match loc.get() {
        LocationInput::Cloud { provider, .. } => provider,
        _ => String::new(),
    });
    let region = Memo::new(move |_| match loc.get() {
        LocationInput::Cloud { region, .. } => region,
        _ => String::new(),
    });
    let zone = Memo::new(move |_| match loc.get() {
        LocationInput::Zone { zone, .. } => zone,
        _ => String::new(),
    });
    let dc = Memo::new(move |_| match loc.get() {
        LocationInput::Zone { data_centre, .. } | LocationInput::Custom { data_centre, .. } => {
            data_centre
        }
        LocationInput::Cloud { .. } => DataCentre::Unknown,
    });
    let provider_groups: Groups = Arc::new(vec![(
        "Cloud providers".to_string(),
        ds.providers
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    )]);
    let regions = Memo::new(move |_| region_groups(ds, &provider.get()));
    let zones = zone_groups(ds);
    let set_dc = move |ev: leptos::ev::Event| {
        let personal = event_target_value(&ev) == "personal";
        let kind = if personal {
            DataCentre::Personal
        } else {
            DataCentre::Unknown
        };
        state.edit(|i| match &mut i.location {
            LocationInput::Zone { data_centre, .. } | LocationInput::Custom { data_centre, .. } => {
                *data_centre = kind
            }
            LocationInput::Cloud { .. } => {}
        });
    };
    let facility = move || {
        view! {
            <div class="field">
                <label for="f-dc">"Facility"</label>
                <select id="f-dc" on:change=handler(Box::new(set_dc))>
                    <option value="unknown" selected=live(move || dc.get() == DataCentre::Unknown)>
                        "A data centre (industry-average PUE)"
                    </option>
                    <option value="personal" selected=live(move || dc.get() == DataCentre::Personal)>
                        "A personal machine (PUE 1)"
                    </option>
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="group">
            <legend>"Location"</legend>
            <ModeSwitch
                name="loc-kind"
                legend="Location given as"
                modes=vec![("cloud", "Cloud region"), ("zone", "Grid zone"), ("custom", "Custom intensity")]
                current=mode
                on_change=switch
            />
            {move || match mode.get() {
                "cloud" => view! {
                    <div class="row">
                        <Picker
                            id="f-provider"
                            label="Cloud provider"
                            field=Field::Provider
                            groups=Signal::stored(provider_groups.clone())
                            selected=provider
                            on_change=Callback::new(move |p: String| {
                                let first = ds.regions_of(&p).next().map(|r| r.code.clone()).unwrap_or_default();
                                state.edit(|i| i.location = LocationInput::Cloud { provider: p, region: first });
                            })
                        />
                        <Picker
                            id="f-region"
                            label="Region"
                            field=Field::Region
                            groups=regions
                            selected=region
                            searchable=true
                            on_change=Callback::new(move |r: String| {
                                state.edit(|i| {
                                    if let LocationInput::Cloud { region, .. } = &mut i.location { *region = r }
                                })
                            })
                        />
                    </div>
                }
                .into_any(),
                "zone" => view! {
                    <div class="row">
                        <Picker
                            id="f-zone"
                            label="Grid zone (country or sub-national)"
                            field=Field::Zone
                            groups=Signal::stored(zones.clone())
                            selected=zone
                            searchable=true
                            on_change=Callback::new(move |z: String| {
                                state.edit(|i| {
                                    if let LocationInput::Zone { zone, .. } = &mut i.location { *zone = z }
                                })
                            })
                        />
                        {facility()}
                    </div>
                }
                .into_any(),
                _ => view! {
                    <div class="row">
                        <NumField
                            id="f-ci"
                            label="Grid carbon intensity"
                            unit="gCO₂e/kWh"
                            field=Field::Intensity
                            get=|i| match i.location { LocationInput::Custom { intensity, .. } => Some(intensity), _ => None }
                            set=|i, v| if let LocationInput::Custom { intensity, .. } = &mut i.location { *intensity = v.unwrap_or(f64::NAN) }
                        />
                        {facility()}
                    </div>
                }
                .into_any(),
            }}
        </fieldset>
    }
}
