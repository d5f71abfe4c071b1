//! The figures a link's author saw (`kg`, `kwh`): informational, never an input.
//!
//! Design note: the page always recomputes the estimate from the inputs, so a link made with an
//! older dataset can only show "the link's figures" beside the current ones if it carries them.
//! They are written with [`CITED_DIGITS`] significant digits: short links, and far finer than the
//! estimate's own uncertainty. Like every parameter they are checked for syntax only (a finite
//! number); what they say is shown as the link says it.

use crate::model::Estimate;
use crate::number;
use crate::units::{KgCo2e, Kwh};

/// Significant digits of the cited figures in a written link.
pub const CITED_DIGITS: usize = 6;

/// The parameters carrying cited figures: not inputs, so a query holding only these and `data`
/// is no share link of inputs (see [`super::names_inputs`]).
pub(super) const FIGURE_PARAMS: [&str; 2] = ["kg", "kwh"];

/// Headline figures of an estimate as cited in a share link.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CitedFigures {
    /// Location-based emissions of all runs, kgCO2e (`kg`).
    pub kg: Option<KgCo2e>,
    /// Facility energy of all runs, kWh (`kwh`).
    pub kwh: Option<Kwh>,
}

impl CitedFigures {
    /// The figures of an estimate (location-based emissions and total energy).
    pub fn of(estimate: &Estimate) -> CitedFigures {
        CitedFigures {
            kg: Some(estimate.location_based),
            kwh: Some(estimate.energy.total),
        }
    }

    /// True when the link carried no figure (links made before figures were added).
    pub fn is_empty(&self) -> bool {
        self.kg.is_none() && self.kwh.is_none()
    }

    /// The `(name, value)` pairs to write, in contract order; non-finite figures are left out.
    pub(super) fn params(&self) -> Vec<(&'static str, String)> {
        let kg = self.kg.map(KgCo2e::value);
        let kwh = self.kwh.map(Kwh::value);
        FIGURE_PARAMS
            .into_iter()
            .zip([kg, kwh])
            .filter_map(|(name, x)| Some((name, rounded(x.filter(|x| x.is_finite())?))))
            .collect()
    }
}

/// `x` with [`CITED_DIGITS`] significant digits, in the shortest plain form (`123.457`).
fn rounded(x: f64) -> String {
    number::shortest(number::round_sig(x, CITED_DIGITS as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_six_significant_digits() {
        assert_eq!(rounded(123.4), "123.4");
        assert_eq!(rounded(1_234.567_891), "1234.57");
        assert_eq!(rounded(0.000_012_345_678), "0.0000123457");
        assert_eq!(rounded(3.2e7), "32000000");
        assert_eq!(rounded(0.0), "0");
    }

    #[test]
    fn non_finite_figures_are_not_written() {
        let f = CitedFigures {
            kg: Some(KgCo2e(f64::NAN)),
            kwh: Some(Kwh(2.0)),
        };
        assert_eq!(f.params(), vec![("kwh", "2".to_string())]);
    }
}
