//! The region chart with its controls: scope (this provider / all providers / grid zones), a
//! continent filter for zones, a text filter and the "show all" toggle.

use super::figure::{ChartFigure, ShowAll};
use super::kinds::{ChartData, ChartView, Target};
use crate::ui::erased::{handler, live, CollectAny};
use crate::ui::state::CalcState;
use emissions_core::charts::views::{current_provider, region_view, RegionQuery, Scope, TOP_N};
use emissions_core::dataset::{continent_name, continents};
use emissions_core::model::{Factors, LocationInput};
use leptos::prelude::*;

/// The starting scope for the current location: its provider's regions, or zones.
fn initial_scope(location: &LocationInput) -> Scope {
    match location {
        LocationInput::Cloud { .. } => Scope::Provider,
        LocationInput::Zone { .. } => Scope::Zones,
        LocationInput::Custom { .. } => Scope::AllProviders,
    }
}

/// The same job in every region (or zone); clicking a bar moves the job there.
#[component]
pub fn RegionChart(
    /// The bundled dataset index (for labels, countries and continents).
    factors: &'static Factors,
    /// Whether the page is dark.
    dark: ReadSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let start = state.inputs.with_untracked(|i| initial_scope(&i.location));
    let (scope, set_scope) = signal(start);
    let (continent, set_continent) = signal(String::new());
    let (filter, set_filter) = signal(String::new());
    let show_all = RwSignal::new(false);

    let data = Memo::new(move |_| {
        let q = RegionQuery {
            scope: scope.get(),
            continent: continent.get(),
            filter: filter.get(),
            show_all: show_all.get(),
        };
        let v = state
            .alternatives
            .with(|a| a.as_ref().map(|a| region_view(a, factors, &q)))
            .unwrap_or_default();
        let n = v.total;
        let note = if !q.show_all && n > TOP_N {
            format!("Cleanest {TOP_N} of {n} shown; your choice is always included.")
        } else {
            format!("{n} shown.")
        };
        ChartView {
            chart: ChartData::Regions(v.chart),
            note,
            total: n,
            targets: v.targets.into_iter().map(Target::Location).collect(),
        }
    });
    let select = Callback::new(move |i: usize| {
        if let Some(Target::Location(target)) = data.with_untracked(|v| v.targets.get(i).cloned()) {
            state.edit(|inputs| inputs.location = target);
        }
    });
    let has_provider = move || {
        state
            .alternatives
            .with(|a| a.as_ref().and_then(|a| current_provider(a)))
            .is_some()
    };
    let continent_names = continents(factors.dataset());
    // A memo like `<Show>`'s: the continent filter is rebuilt only when it appears.
    let zones = Memo::new(move |_| scope.get() == Scope::Zones);

    view! {
        <ChartFigure
            testid="chart-regions"
            caption="This job's emissions in each region or grid zone, cleanest first"
            data
            dark
            on_select=select
            select_hint="use this location"
            frame_class="chart-scroll"
            show_all=ShowAll {
                testid: "region-show-all",
                top_n: TOP_N,
                word: "cleanest",
                on: show_all,
            }
        >
            <label>
                "Compare "
                <select
                    data-testid="region-scope"
                    prop:value=live(move || {
                        match scope.get() {
                            Scope::Provider if !has_provider() => Scope::AllProviders,
                            s => s,
                        }
                            .key()
                    })
                    on:change=handler(move |ev| {
                        if let Some(scope) = Scope::from_key(&event_target_value(&ev)) {
                            set_scope.set(scope)
                        }
                    })
                >
                    <option value="provider" disabled=live(move || !has_provider())>
                        "regions of this provider"
                    </option>
                    <option value="all">"all cloud regions"</option>
                    <option value="zones">"grid zones (same facility)"</option>
                </select>
            </label>
            {move || {
                zones
                    .get()
                    .then(|| {
                        view! {
                            <label>
                                "Continent "
                                <select
                                    prop:value=live(move || continent.get())
                                    on:change=handler(move |ev| set_continent.set(event_target_value(&ev)))
                                >
                                    <option value="">"all"</option>
                                    {continent_names
                                        .clone()
                                        .into_iter()
                                        .map(|c| {
                                            let name = continent_name(&c).to_string();
                                            view! { <option value=c>{name}</option> }
                                        })
                                        .collect_any()}
                                </select>
                            </label>
                        }
                    })
            }.into_any()}
            <label>
                "Filter "
                <input
                    type="search"
                    data-testid="region-filter"
                    placeholder="name or country"
                    prop:value=live(move || filter.get())
                    on:input=handler(move |ev| set_filter.set(event_target_value(&ev)))
                />
            </label>
        </ChartFigure>
    }
}
