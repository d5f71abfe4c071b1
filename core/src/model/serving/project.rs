//! Training and serving together: the training footprint (with embodied and development, as the
//! caller chooses) beside the serving footprint over a period, and the break-even point.

use super::{break_even_band, Serving};
use crate::model::uncertainty::Interval;
use crate::units::{KgCo2e, Percent};
use serde::Serialize;

/// A project: training and serving over one period, low / central / high.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    /// The training footprint as given (operational, or the life-cycle total).
    pub training: Interval<KgCo2e>,
    /// The serving footprint over the period (location-based).
    pub serving: Interval<KgCo2e>,
    /// Training + serving, end by end.
    pub total: Interval<KgCo2e>,
    /// Serving's share of the central total.
    pub serving_share: Percent,
    /// Requests after which serving has emitted as much as training; `None` when a request
    /// emits nothing.
    pub break_even: Option<Interval<f64>>,
    /// Central break-even ÷ requests in the period: how many such periods until break-even.
    pub periods_to_break_even: Option<f64>,
}

/// The project view of `training` and the serving job `serving`.
pub fn project(training: Interval<KgCo2e>, serving: &Serving) -> Project {
    let s = serving.location_based;
    let total = Interval {
        low: training.low + s.low,
        central: training.central + s.central,
        high: training.high + s.high,
    };
    let break_even = break_even_band(training, serving.g_per_request);
    let requests = serving.inputs.requests;
    Project {
        training,
        serving: s,
        total,
        serving_share: Percent(s.central.ratio(total.central) * 100.0),
        break_even,
        periods_to_break_even: break_even
            .map(|b| b.central / requests)
            .filter(|p| requests > 0.0 && p.is_finite()),
    }
}
