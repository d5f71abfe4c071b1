//! Everyday equivalents of an amount of CO2e, from the dataset's constants.

use crate::dataset::Equivalent;
use crate::units::KgCo2e;
use serde::Serialize;

/// An amount of CO2e expressed as an everyday equivalent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EquivalentValue {
    /// Equivalent id, e.g. `car_km`.
    pub id: String,
    /// How many units of the equivalent (e.g. km); a dimensionless count.
    pub count: f64,
    /// The dataset label with the number filled in, e.g. "1,234 km driven by an average car".
    pub text: String,
    /// Source id.
    pub source: String,
}

/// `kg` in every equivalent of the dataset (equivalents with a non-positive factor are skipped).
pub fn equivalents(kg: KgCo2e, table: &[Equivalent]) -> Vec<EquivalentValue> {
    table
        .iter()
        .filter(|e| e.kg_per_unit.is_finite() && e.kg_per_unit.0 > 0.0)
        .map(|e| {
            let count = kg.ratio(e.kg_per_unit);
            EquivalentValue {
                id: e.id.clone(),
                count,
                text: e.label.replacen("{}", &super::trace::num(count), 1),
                source: e.source.clone(),
            }
        })
        .collect()
}
