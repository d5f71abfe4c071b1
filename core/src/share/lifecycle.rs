//! Share-link parameters of the life-cycle overrides ([`LifecycleInputs`]), for the share-link
//! codec to call (a public contract, like the rest of the link).
//!
//! | param | meaning | member |
//! |---|---|---|
//! | `life` | service life, years | `life_years` |
//! | `use` | share of the life in use, % | `use_pct` |
//! | `emb_dev` | embodied kgCO2e per accelerator | `emb_dev_kg` |
//! | `emb_host` | embodied kgCO2e per host server without accelerators | `emb_host_kg` |
//! | `per_host` | accelerators per host server | `per_host` |
//! | `dev` | development overhead, % of the final runs | `dev_pct` |
//! | `wue` | on-site water, L per kWh of IT energy | `wue_l_per_kwh` |
//!
//! A parameter is written only when the person typed a value (`Some`), in the order of
//! [`LIFECYCLE_PARAMS`], in Rust's shortest round-trip form ([`crate::number::shortest`]), so
//! `decode(encode(x)) == x` for every finite `x`. Reading checks syntax only, as the codec does: a
//! value that is not a finite number is reported ([`ParamIssue::NotANumber`]) and left unset;
//! ranges are [`LifecycleInputs::problems`]'s job, so an out-of-range value survives the link and
//! is reported next to its field.
//!
//! Wired into the codec ([`super`]): [`LIFECYCLE_PARAMS`] are among its known parameters, its
//! output ends with [`encode`], and [`decode`] fills the inputs over its parameter lookup.

use crate::model::lifecycle::LifecycleInputs;
use crate::number;
use crate::share::{finite_number, ParamProblem};

/// The life-cycle parameters, in the order [`encode`] writes them.
pub const LIFECYCLE_PARAMS: [&str; 7] = [
    "life", "use", "emb_dev", "emb_host", "per_host", "dev", "wue",
];

/// The parameter names with the member each one carries.
fn members(x: &LifecycleInputs) -> [(&'static str, Option<f64>); 7] {
    [
        ("life", x.life_years),
        ("use", x.use_pct),
        ("emb_dev", x.emb_dev_kg),
        ("emb_host", x.emb_host_kg),
        ("per_host", x.per_host),
        ("dev", x.dev_pct),
        ("wue", x.wue_l_per_kwh),
    ]
}

/// The typed overrides as `(name, value)` pairs, in the order of [`LIFECYCLE_PARAMS`]; nothing for
/// an override left at the dataset's figure. Values need no percent-encoding (digits, `.`, `-`,
/// `e`; a NaN or infinity, which validation rejects, is written as Rust prints it and read back
/// as a problem).
pub fn encode(inputs: &LifecycleInputs) -> Vec<(&'static str, String)> {
    members(inputs)
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, number::shortest(v))))
        .collect()
}

/// The overrides read through `lookup` (the decoded value of a parameter, `None` when absent),
/// with a problem for each value that is not a finite number (that member stays `None`).
pub fn decode<'a>(
    lookup: impl Fn(&str) -> Option<&'a str>,
) -> (LifecycleInputs, Vec<ParamProblem>) {
    let mut problems = Vec::new();
    let mut read =
        |name: &str| -> Option<f64> { finite_number(name, lookup(name)?, &mut problems) };
    let inputs = LifecycleInputs {
        life_years: read("life"),
        use_pct: read("use"),
        emb_dev_kg: read("emb_dev"),
        emb_host_kg: read("emb_host"),
        per_host: read("per_host"),
        dev_pct: read("dev"),
        wue_l_per_kwh: read("wue"),
    };
    (inputs, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(x: &LifecycleInputs) -> (LifecycleInputs, Vec<ParamProblem>) {
        decode(crate::share::pairs_lookup(&encode(x)))
    }

    fn all() -> LifecycleInputs {
        LifecycleInputs {
            life_years: Some(4.0),
            use_pct: Some(85.5),
            emb_dev_kg: Some(164.0),
            emb_host_kg: Some(2500.0),
            per_host: Some(8.0),
            dev_pct: Some(50.0),
            wue_l_per_kwh: Some(0.12),
        }
    }

    #[test]
    fn nothing_is_written_for_the_dataset_figures() {
        assert!(encode(&LifecycleInputs::default()).is_empty());
        assert_eq!(
            round_trip(&LifecycleInputs::default()),
            (LifecycleInputs::default(), vec![])
        );
    }

    #[test]
    fn every_member_round_trips_in_contract_order() {
        let pairs = encode(&all());
        let names: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, LIFECYCLE_PARAMS.to_vec());
        let values: Vec<&str> = pairs.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["4", "85.5", "164", "2500", "8", "50", "0.12"]);
        assert_eq!(round_trip(&all()), (all(), vec![]));
    }

    #[test]
    fn awkward_floats_round_trip_exactly() {
        for v in [0.1 + 0.2, 1e-7, 123_456_789.123, 0.0, -3.5, 2.5e300] {
            let x = LifecycleInputs {
                emb_dev_kg: Some(v),
                wue_l_per_kwh: Some(v),
                ..LifecycleInputs::default()
            };
            assert_eq!(round_trip(&x).0, x, "{v}");
        }
    }

    #[test]
    fn a_bad_number_is_reported_and_left_unset() {
        let (inputs, problems) = decode(|name| match name {
            "life" => Some("abc"),
            "wue" => Some("inf"),
            "dev" => Some(" 25 "),
            _ => None,
        });
        assert_eq!(inputs.life_years, None);
        assert_eq!(inputs.wue_l_per_kwh, None);
        assert_eq!(inputs.dev_pct, Some(25.0));
        let params: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(params, ["life", "wue"]);
        assert_eq!(
            problems[0].to_string(),
            "Link parameter \"life\" must be a number (got \"abc\"); the default is used"
        );
    }

    #[test]
    fn out_of_range_values_survive_the_link_for_validation_to_report() {
        let x = LifecycleInputs {
            use_pct: Some(250.0),
            ..LifecycleInputs::default()
        };
        let (back, problems) = round_trip(&x);
        assert_eq!((back, problems.len()), (x, 0));
        assert_eq!(back.problems().len(), 1);
    }
}
