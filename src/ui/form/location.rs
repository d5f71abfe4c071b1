//! The location fieldset: cloud provider → region, a grid zone, or a custom intensity.

use crate::ui::erased::{handler, live};
use crate::ui::form::field::NumField;
use crate::ui::form::picker::{Groups, ModeSwitch, Picker};
use crate::ui::state::CalcState;
use emissions_core::choices::{provider_choices, region_choices, zone_choices};
use emissions_core::model::{DataCentre, Field, LocationInput, LocationMode};
use leptos::prelude::*;
use std::sync::Arc;

/// The location fieldset.
#[component]
pub fn LocationFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let loc = Memo::new(move |_| state.inputs.with(|i| i.location.clone()));
    let mode = Memo::new(move |_| loc.with(LocationInput::mode));
    let switch = Callback::new(move |key: &'static str| {
        let Some(to) = LocationMode::from_key(key) else {
            return;
        };
        let intensity = state
            .outcome
            .with_untracked(|o| o.estimate.as_ref().map_or(400.0, |e| e.intensity.0.round()));
        state.edit(|i| i.switch_location(to, state.factors, intensity))
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
    let provider_groups: Groups = Arc::new(provider_choices(ds));
    let regions = Memo::new(move |_| Arc::new(region_choices(ds, &provider.get())));
    let zones: Groups = Arc::new(zone_choices(ds));
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
                <select id="f-dc" on:change=handler(set_dc)>
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
                modes=vec![
                    (LocationMode::Cloud.key(), "Cloud region"),
                    (LocationMode::Zone.key(), "Grid zone"),
                    (LocationMode::Custom.key(), "Custom intensity"),
                ]
                current=Signal::derive(move || mode.get().key())
                on_change=switch
            />
            {move || match mode.get() {
                LocationMode::Cloud => view! {
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
                LocationMode::Zone => view! {
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
                LocationMode::Custom => view! {
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
