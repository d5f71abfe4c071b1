//! Continents of the dataset's grid zones: one table of display names for the pickers' groups,
//! the region chart's filter and its search.

use super::Dataset;
use crate::sort::sort_by;

/// Display name of a continent code of the dataset (`"EU"` → `"Europe"`); `"Other"` for an empty
/// or unknown code, so a zone without one still lands in a named group.
pub fn continent_name(code: &str) -> &'static str {
    match code {
        "AF" => "Africa",
        "AN" => "Antarctica",
        "AS" => "Asia",
        "EU" => "Europe",
        "NA" => "North America",
        "OC" => "Oceania",
        "SA" => "South America",
        _ => "Other",
    }
}

/// The continent codes of the dataset's zones, sorted and without duplicates or empty codes (the
/// region chart's continent filter).
pub fn continents(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds
        .zones
        .iter()
        .map(|z| z.continent.clone())
        .filter(|c| !c.is_empty())
        .collect();
    sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_of_the_bundled_zones_has_a_name() {
        let ds = crate::dataset::bundled().expect("bundled dataset");
        let codes = continents(ds);
        assert!(codes.len() >= 6, "{codes:?}");
        for code in &codes {
            assert_ne!(continent_name(code), "Other", "{code}");
        }
        assert_eq!(continent_name("EU"), "Europe");
        assert_eq!(continent_name(""), "Other");
    }
}
