//! Grid zones: Electricity Maps 2025 (life-cycle) as primary, Ember for countries it lacks.

use super::raw::{read_csv, read_json, round, Row};
use super::Paths;
use emissions_core::dataset::Zone;
use emissions_core::units::GramsPerKwh;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The Electricity Maps files whose life-cycle values span a zone's `lo`–`hi`.
///
/// Why not the 2021-era averages in mlco2's `yearly_averages.csv`: they use renamed zone ids,
/// many rows cover part of a year, and Electricity Maps has revised its method since, so they
/// would widen ranges with stale data rather than measure today's uncertainty.
pub const RANGE_SOURCES: [&str; 3] = ["em2025", "em2024", "em2024ga"];

const EM2025: &str = "thegreenwebfoundation_co2-js/data/output/electricity-maps/yearly_2025.json";
const EM2024: &str = "thegreenwebfoundation_co2-js/data/output/electricity-maps/yearly_2024.json";
const EM2024GA: &str =
    "Cambridge-Sustainable-Computing-Lab_Green-Algorithms-data/v3.1/carbon-intensity/electricitymap/CI-electricitymap-yearly_2024.csv";
const EMBER: &str = "thegreenwebfoundation_co2-js/data/output/average-intensities.json";
const OWID: &str = "lfwa_carbontracker/carbontracker/data/carbon-intensities.csv";

/// Zones plus the ids that came from the fallback source.
pub struct ZonesOut {
    /// All zones, sorted by id.
    pub zones: Vec<Zone>,
    /// Ids of the fallback (Ember) zones.
    pub fallbacks: Vec<String>,
    /// `zone → (direct, life-cycle)` of one release (em2024ga), for zones that have both.
    pub direct: BTreeMap<String, (f64, f64)>,
}

/// Intensity and names of one zone in a co2.js Electricity Maps file.
struct EmZone {
    name: String,
    country: Option<String>,
    ci: f64,
}

fn em_file(paths: &Paths, rel: &str) -> Result<BTreeMap<String, EmZone>, String> {
    let Value::Object(map) = read_json(&paths.raw(rel))? else {
        return Err(format!("{rel}: expected an object keyed by zone id"));
    };
    let mut out = BTreeMap::new();
    for (id, z) in map {
        let ci = z["carbonIntensity"]["value"]
            .as_f64()
            .ok_or_else(|| format!("{rel}: zone {id} has no carbonIntensity.value"))?;
        let name = z["zone"]["zoneName"].as_str().unwrap_or(&id).to_string();
        let country = z["zone"]["countryName"].as_str().map(str::to_string);
        out.insert(id, EmZone { name, country, ci });
    }
    Ok(out)
}

/// `iso2 → continent` from `data/curated/continents.csv`.
fn continents(paths: &Paths) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for row in read_csv(&paths.cur("continents.csv"), 0)? {
        for cc in row.get("iso2_codes").split_whitespace() {
            out.insert(cc.to_string(), row.get("continent").to_string());
        }
    }
    Ok(out)
}

/// `iso3 → iso2`, from carbontracker's OWID table plus `data/curated/iso3.csv` for the rest.
fn iso3_map(paths: &Paths, owid: &[Row]) -> Result<BTreeMap<String, String>, String> {
    let mut out: BTreeMap<String, String> = owid
        .iter()
        .map(|r| (r.get("Code").to_string(), r.get("alpha-2").to_string()))
        .collect();
    for row in read_csv(&paths.cur("iso3.csv"), 0)? {
        out.insert(row.get("iso3").to_string(), row.get("iso2").to_string());
    }
    Ok(out)
}

fn min_max(vals: &[f64]) -> (f64, f64) {
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

/// Human name: the zone name, with the country appended for sub-national zones.
fn display_name(z: &EmZone) -> String {
    match &z.country {
        Some(c) if !z.name.contains(c.as_str()) => format!("{} ({c})", z.name),
        _ => z.name.clone(),
    }
}

/// Builds every zone.
pub fn build(paths: &Paths) -> Result<ZonesOut, String> {
    let em25 = em_file(paths, EM2025)?;
    let em24 = em_file(paths, EM2024)?;
    let mut ga24: BTreeMap<String, (Option<f64>, Option<f64>)> = BTreeMap::new();
    for row in read_csv(&paths.raw(EM2024GA), 0)? {
        let id = row.get("Zone id");
        // The GLOBAL row is Ember's 2023 world figure added by hand, not Electricity Maps data.
        if id.is_empty() || id == "GLOBAL" {
            continue;
        }
        let direct = row.num("Carbon intensity gCO₂eq/kWh (direct)");
        let lc = row.num("Carbon intensity gCO₂eq/kWh (Life cycle)");
        ga24.insert(id.to_string(), (direct, lc));
    }
    let cont = continents(paths)?;
    let mut zones = Vec::new();
    for (id, z) in &em25 {
        let cc = id.get(..2).unwrap_or_default().to_string();
        let ct = cont.get(&cc).ok_or_else(|| {
            format!(
                "no continent for country {cc} (zone {id}); add it to data/curated/continents.csv"
            )
        })?;
        // The direct value is not kept on the zone: it is a 2024 figure of another release than
        // `ci` (2025) and was above `ci` in about 30 zones. It travels with its own release's
        // life-cycle value in `extras.direct` instead.
        let (_, lc24) = ga24.get(id).copied().unwrap_or((None, None));
        let mut vals = vec![z.ci];
        vals.extend(em24.get(id).map(|e| e.ci));
        vals.extend(lc24);
        let (lo, hi) = min_max(&vals);
        zones.push(Zone {
            id: id.clone(),
            name: display_name(z),
            country: cc,
            continent: ct.clone(),
            intensity: GramsPerKwh(round(z.ci, 1)),
            intensity_direct: None,
            intensity_low: GramsPerKwh(round(lo, 1)),
            intensity_high: GramsPerKwh(round(hi, 1)),
            year: 2025,
            source: "em2025".to_string(),
            fallback: false,
        });
    }
    let fallbacks = add_fallbacks(paths, &mut zones, &cont)?;
    zones.sort_by(|a, b| a.id.cmp(&b.id));
    let direct = ga24
        .into_iter()
        .filter_map(|(id, (d, l))| Some((id, (round(d?, 1), round(l?, 1)))))
        .collect();
    Ok(ZonesOut {
        zones,
        fallbacks,
        direct,
    })
}

/// Adds an Ember zone for every country Electricity Maps does not cover at all; the range spans
/// Ember's latest year and OWID's (older) figure for the same country.
fn add_fallbacks(
    paths: &Paths,
    zones: &mut Vec<Zone>,
    cont: &BTreeMap<String, String>,
) -> Result<Vec<String>, String> {
    let covered: BTreeSet<String> = zones.iter().map(|z| z.country.clone()).collect();
    let owid = read_csv(&paths.raw(OWID), 0)?;
    let iso2_of = iso3_map(paths, &owid)?;
    let owid_ci: BTreeMap<&str, f64> = owid
        .iter()
        .filter_map(|r| {
            Some((
                r.get("alpha-2"),
                r.num("Carbon intensity of electricity (gCO2/kWh)")?,
            ))
        })
        .collect();
    let Value::Object(ember) = read_json(&paths.raw(EMBER))? else {
        return Err("Ember file: expected an object".to_string());
    };
    let mut added = Vec::new();
    for (key, e) in &ember {
        let iso3 = e["country_code"].as_str().unwrap_or_default();
        // Aggregates (World, EU, G20…) have no country code.
        if iso3.len() != 3 {
            continue;
        }
        let iso2 = iso2_of.get(iso3).ok_or_else(|| {
            format!("Ember {key}: unknown ISO3 {iso3}; add it to data/curated/iso3.csv")
        })?;
        if covered.contains(iso2) {
            continue;
        }
        let ci = e["emissions_intensity_gco2_per_kwh"]
            .as_f64()
            .ok_or_else(|| format!("Ember {key}: no intensity"))?;
        let yr = e["year"]
            .as_u64()
            .and_then(|y| u16::try_from(y).ok())
            .ok_or_else(|| format!("Ember {key}: no year"))?;
        let mut vals = vec![ci];
        vals.extend(owid_ci.get(iso2.as_str()).copied());
        let (lo, hi) = min_max(&vals);
        let ct = cont.get(iso2).ok_or_else(|| {
            format!("no continent for {iso2}; add it to data/curated/continents.csv")
        })?;
        zones.push(Zone {
            id: iso2.clone(),
            name: e["country_or_region"]
                .as_str()
                .unwrap_or(key)
                .trim_end_matches(" (the)")
                .to_string(),
            country: iso2.clone(),
            continent: ct.clone(),
            intensity: GramsPerKwh(round(ci, 1)),
            intensity_direct: None,
            intensity_low: GramsPerKwh(round(lo, 1)),
            intensity_high: GramsPerKwh(round(hi, 1)),
            year: yr,
            source: "ember".to_string(),
            fallback: true,
        });
        added.push(iso2.clone());
    }
    added.sort();
    Ok(added)
}
