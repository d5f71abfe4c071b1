//! The charts' inputs built from the model's outputs, with what the page needs beside them (the
//! input each bar selects, the row count before the top-N cut). Pure; tested natively below.
//!
//! Design note: these run inside `Memo`s, never inside the draw effects, so a redraw caused by a
//! resize or a theme change does not rebuild them, and a chart whose input did not change (same
//! `PartialEq` value) is not redrawn at all. Each region bar carries the `LocationInput` that
//! selects it, so a click maps the chart's index straight back to an input change.

use crate::charts::hardware_bars::{HardwareBars, HardwareRow};
use crate::charts::layout::sorted_finite;
use crate::charts::region_bars::{RegionBar, RegionBars};
use crate::charts::tornado::{Tornado, TornadoItem};
use crate::dataset::continent_name;
use crate::format::format_sig;
use crate::model::{
    Alternatives, DataCentre, Estimate, Factors, HardwareBasis, LocationInput, UncertainInput,
};
use crate::search_text::{contains_folded, fold};

/// Which alternatives the region chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every region of the current job's cloud provider.
    Provider,
    /// Every region of every provider.
    AllProviders,
    /// Every grid zone (same facility PUE).
    Zones,
}

impl Scope {
    /// Value of the scope `<select>` option.
    pub fn key(self) -> &'static str {
        match self {
            Scope::Provider => "provider",
            Scope::AllProviders => "all",
            Scope::Zones => "zones",
        }
    }

    /// Parses [`Scope::key`].
    pub fn from_key(key: &str) -> Option<Scope> {
        match key {
            "provider" => Some(Scope::Provider),
            "all" => Some(Scope::AllProviders),
            "zones" => Some(Scope::Zones),
            _ => None,
        }
    }
}

/// The region chart's options chosen in its controls.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionQuery {
    /// Which alternatives.
    pub scope: Scope,
    /// Continent filter for zones (empty = all).
    pub continent: String,
    /// Case-insensitive text filter on the label, country and location (empty = all).
    pub filter: String,
    /// Show every bar (else the cleanest [`TOP_N`] plus the current choice).
    pub show_all: bool,
}

/// Bars shown before "show all".
pub const TOP_N: usize = 20;

/// The region chart's data plus, per bar, the input that selects it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionView {
    /// Chart input.
    pub chart: RegionBars,
    /// `targets[i]` selects `chart.bars[i]`.
    pub targets: Vec<LocationInput>,
    /// Bars matching the query before the top-N cut (for the "show all N" button).
    pub total: usize,
}

fn matches(filter: &str, fields: &[&str]) -> bool {
    filter.is_empty() || fields.iter().any(|f| contains_folded(f, filter))
}

/// The provider of the current job's cloud region, if it runs in one.
pub fn current_provider(alt: &Alternatives) -> Option<String> {
    alt.regions
        .iter()
        .find(|r| r.is_current)
        .map(|r| r.provider.to_string())
}

/// Builds the region chart for `query` (see [`RegionQuery`]).
pub fn region_view(alt: &Alternatives, factors: &Factors, q: &RegionQuery) -> RegionView {
    let filter = fold(q.filter.trim());
    let provider = current_provider(alt);
    let scope = match (q.scope, &provider) {
        (Scope::Provider, None) => Scope::AllProviders,
        (s, _) => s,
    };
    let mut v = RegionView::default();
    let mut push = |label: String, intensity: f64, value: f64, pct: f64, cur: bool, t| {
        if cur {
            v.chart.highlighted = Some(v.chart.bars.len());
        }
        v.chart.bars.push(RegionBar {
            label,
            value,
            intensity,
            saving_pct: pct,
        });
        v.targets.push(t);
    };
    if scope == Scope::Zones {
        for z in &alt.zones {
            let continent = factors.zone(&z.id).map_or("", |d| d.continent.as_str());
            if !q.continent.is_empty() && continent != q.continent {
                continue;
            }
            let label = format!("{} ({})", z.name, z.id);
            if !matches(&filter, &[&label, &z.country, continent_name(continent)]) {
                continue;
            }
            let target = LocationInput::Zone {
                zone: z.id.to_string(),
                data_centre: DataCentre::Unknown,
            };
            let (i, e, p) = (
                z.intensity.value(),
                z.emissions.value(),
                z.saving_pct.value(),
            );
            push(label, i, e, p, z.is_current, target);
        }
    } else {
        for r in &alt.regions {
            if scope == Scope::Provider && Some(r.provider.as_ref()) != provider.as_deref() {
                continue;
            }
            let ds = factors.region(&r.provider, &r.code);
            let location = ds.map_or("", |d| d.location.as_str());
            let country = ds.map_or("", |d| d.country.as_str());
            let place = if location.is_empty() {
                &*r.name
            } else {
                location
            };
            let label = match scope {
                Scope::Provider => format!("{} ({place})", r.code),
                _ => format!("{} · {} ({place})", r.provider, r.code),
            };
            if !matches(&filter, &[&label, &r.name, country]) {
                continue;
            }
            let target = LocationInput::Cloud {
                provider: r.provider.to_string(),
                region: r.code.to_string(),
            };
            let (i, e, p) = (
                r.intensity.value(),
                r.emissions.value(),
                r.saving_pct.value(),
            );
            push(label, i, e, p, r.is_current, target);
        }
    }
    v.total = v.chart.bars.len();
    v.chart.max_rows = if q.show_all { 0 } else { TOP_N };
    v.chart.title = String::new();
    v.chart.unit_label = "kg CO₂e".into();
    v.chart.label_header = if scope == Scope::Zones {
        "Grid zone"
    } else {
        "Region"
    }
    .into();
    v.chart.item_noun = if scope == Scope::Zones {
        "grid zones"
    } else {
        "regions"
    }
    .into();
    v
}

/// Accelerators shown before "show all".
pub const HW_TOP_N: usize = 15;

/// The hardware chart's data plus, per row, the accelerator id that selects it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HardwareView {
    /// Chart input.
    pub chart: HardwareBars,
    /// `ids[i]` is the accelerator of `chart.rows[i]`.
    pub ids: Vec<String>,
    /// Accelerators with a finite estimate before the top-N cut.
    pub total: usize,
}

/// The hardware chart: every accelerator when `show_all`, else the [`HW_TOP_N`] lowest emitters
/// plus the current device (a 60-row, three-panel chart is slow to paint and hard to read).
pub fn hardware_view(alt: &Alternatives, show_all: bool) -> HardwareView {
    let order = sorted_finite(alt.hardware.iter().map(|h| h.emissions.value()));
    let mut v = HardwareView {
        total: order.len(),
        ..HardwareView::default()
    };
    v.chart.runtime_scaled = !alt.same_hours;
    v.chart.same_work = alt.basis == HardwareBasis::SameWork;
    for (k, &i) in order.iter().enumerate() {
        let Some(h) = alt.hardware.get(i) else {
            continue;
        };
        if !show_all && k >= HW_TOP_N && !h.is_current {
            continue;
        }
        if h.is_current {
            v.chart.highlighted = Some(v.chart.rows.len());
        }
        v.chart.rows.push(HardwareRow {
            label: if h.may_not_fit {
                format!("{} (may not fit)", h.name)
            } else {
                h.name.to_string()
            },
            emissions_kg: h.emissions.value(),
            energy_kwh: h.energy.value(),
            hours: h.hours_per_run.value(),
            gflops_per_watt: h.gflops_per_watt,
            may_not_fit: h.may_not_fit,
        });
        v.ids.push(h.id.to_string());
    }
    v
}

/// The sensitivity tornado of `est`: each uncertain input's low and high case around the
/// central location-based estimate.
pub fn tornado_view(est: &Estimate) -> Tornado {
    let bands = &est.uncertainty.inputs;
    let items = est
        .sensitivity
        .iter()
        .map(|s| {
            let (lo, hi) = match s.input {
                UncertainInput::DevicePower => (
                    format!("{} W", format_sig(bands.device_power.low.value(), 3)),
                    format!("{} W", format_sig(bands.device_power.high.value(), 3)),
                ),
                UncertainInput::Pue => (
                    format_sig(bands.pue.low.value(), 3),
                    format_sig(bands.pue.high.value(), 3),
                ),
                UncertainInput::Intensity => (
                    format!("{} g/kWh", format_sig(bands.intensity.low.value(), 3)),
                    format!("{} g/kWh", format_sig(bands.intensity.high.value(), 3)),
                ),
            };
            TornadoItem {
                label: s.label.to_string(),
                low: s.emissions_low.value(),
                high: s.emissions_high.value(),
                low_input: lo,
                high_input: hi,
            }
        })
        .collect();
    Tornado {
        title: String::new(),
        central: est.location_based.value(),
        items,
    }
}
