//! Cloud providers and regions: the curated region list joined to zones, Google's own figures,
//! and PUEs from Cloud Carbon Footprint, Green Algorithms and ML CO2 Impact.

use super::raw::{read_csv, round, Row};
use super::Paths;
use emissions_core::dataset::{Provider, ProviderIntensity, Region, Zone};
use emissions_core::units::{GramsPerKwh, Percent, Pue};
use std::collections::{BTreeMap, BTreeSet};

const MLCO2_IMPACT: &str = "mlco2_impact/data/impact.csv";
const GCP2024: &str = "GoogleCloudPlatform_region-carbon-info/data/yearly/2024.csv";
const CCF: &str = "transcribed/ccf_cloud_region_factors.csv";
const GA_DC: &str =
    "GreenAlgorithms_green-algorithms-tool/data/latest/cloudProviders_datacenters.csv";
const GA_PUE: &str = "GreenAlgorithms_green-algorithms-tool/data/latest/defaults_PUE.csv";
const DEFAULTS: &str = "transcribed/defaults.csv";

/// Display names of the providers (the ids are the dataset's).
const PROVIDERS: [(&str, &str); 8] = [
    ("aws", "Amazon Web Services"),
    ("gcp", "Google Cloud"),
    ("azure", "Microsoft Azure"),
    ("alibaba", "Alibaba Cloud"),
    ("ovh", "OVHcloud"),
    ("scaleway", "Scaleway"),
    ("coreweave", "CoreWeave"),
    ("seeweb", "Seeweb"),
];

/// Year of the CCF PUE constants (GCP/Alibaba constants last edited 2023; AWS/Azure 2022).
const CCF_PUE_YEAR: u16 = 2023;
/// Year of the market-based claims in mlco2's `offsetRatio` (set for the 2019 calculator).
const MLCO2_CLAIM_YEAR: u16 = 2019;

/// Providers, regions and the provider-published intensities kept as extras.
pub struct CloudOut {
    /// Providers.
    pub providers: Vec<Provider>,
    /// Regions, ordered by provider then code.
    pub regions: Vec<Region>,
    /// Google's own per-region grid intensity (operational basis), for comparison.
    pub provider_intensities: Vec<ProviderIntensity>,
}

/// CCF's region string → the provider's code (Azure names lower-cased; Alibaba from the enum key).
fn ccf_code(row: &Row) -> String {
    let region = row.get("region");
    match row.get("provider") {
        "azure" => region.to_ascii_lowercase(),
        "alibaba" => row
            .get("ccf_constant_key")
            .trim_start_matches("ALI_REGIONS.")
            .to_ascii_lowercase()
            .replace('_', "-")
            .replace("qingdap", "qingdao"),
        _ => region.to_string(),
    }
}

/// Region-specific PUEs keyed by `(provider, code)`: `(value, source id, year)`.
type RegionPues = BTreeMap<(String, String), (f64, &'static str, u16)>;

/// Builds providers and regions.
pub fn build(paths: &Paths, zones: &[Zone]) -> Result<CloudOut, String> {
    let curated = read_csv(&paths.cur("regions.csv"), 0)?;
    let impact = read_csv(&paths.raw(MLCO2_IMPACT), 0)?;
    let gcp = read_csv(&paths.raw(GCP2024), 0)?;
    let ccf = read_csv(&paths.raw(CCF), 0)?;
    let known: BTreeSet<(String, String)> = curated
        .iter()
        .map(|r| (r.get("p").to_string(), r.get("code").to_string()))
        .collect();
    // Every region of ML CO2 Impact and of Google's 2024 file must be listed.
    for r in &impact {
        let code = if r.get("provider") == "scaleway" && r.get("region").is_empty() {
            "fr-par"
        } else {
            r.get("region")
        };
        if !known.contains(&(r.get("provider").to_string(), code.to_string())) {
            return Err(format!(
                "mlco2 region {}/{code} missing from data/curated/regions.csv",
                r.get("provider")
            ));
        }
    }
    for r in &gcp {
        if !known.contains(&("gcp".to_string(), r.get("Google Cloud Region").to_string())) {
            return Err(format!(
                "Google region {} missing from data/curated/regions.csv",
                r.get("Google Cloud Region")
            ));
        }
    }
    check_coverage(paths, &known, &ccf)?;
    let region_pues = region_pues(paths, &ccf, &impact)?;
    let mut regions = Vec::new();
    let mut pci = Vec::new();
    for row in &curated {
        let (p, code) = (row.get("p"), row.get("code"));
        let zone = zones
            .iter()
            .find(|z| z.id == row.get("zone"))
            .ok_or_else(|| {
                format!(
                    "region {p}/{code}: zone {} not in the zone table",
                    row.get("zone")
                )
            })?;
        let google = if p == "gcp" {
            gcp.iter().find(|g| g.get("Google Cloud Region") == code)
        } else {
            None
        };
        let cfe = google
            .and_then(|g| g.num("Google CFE"))
            .map(|f| Percent(round(f * 100.0, 0)));
        if let Some(ci) = google.and_then(|g| g.num("Grid carbon intensity (gCO2eq / kWh)")) {
            pci.push(ProviderIntensity {
                p: p.into(),
                code: code.into(),
                ci: GramsPerKwh(round(ci, 2)),
                yr: 2024,
                src: "gcp2024".into(),
            });
        }
        let pue = region_pues.get(&(p.to_string(), code.to_string()));
        regions.push(Region {
            provider: p.to_string(),
            code: code.to_string(),
            name: row.get("name").to_string(),
            location: row.get("loc").to_string(),
            country: row.get("cc").to_string(),
            zone: zone.id.clone(),
            // One basis for the whole dataset: the zone's life-cycle figure (Electricity Maps
            // 2025, newer than Google's 2024 operational figure, which is kept as an extra).
            intensity: zone.intensity,
            intensity_low: zone.intensity_low,
            intensity_high: zone.intensity_high,
            year: zone.year,
            source: zone.source.clone(),
            pue: pue.map(|x| Pue(x.0)),
            pue_src: pue.map(|x| x.1.to_string()),
            pue_yr: pue.map(|x| x.2),
            cfe,
        });
    }
    regions.sort_by(|a, b| (&a.provider, &a.code).cmp(&(&b.provider, &b.code)));
    let providers = providers(paths, &ccf, &impact, &region_pues)?;
    Ok(CloudOut {
        providers,
        regions,
        provider_intensities: pci,
    })
}

/// Every region of CCF and of Green Algorithms' list must be in `regions.csv` or, with a reason,
/// in `regions_excluded.csv`, so a newer source cannot add a region unnoticed.
fn check_coverage(
    paths: &Paths,
    known: &BTreeSet<(String, String)>,
    ccf: &[Row],
) -> Result<(), String> {
    let excluded: BTreeSet<(String, String)> = read_csv(&paths.cur("regions_excluded.csv"), 0)?
        .iter()
        .map(|r| (r.get("p").to_string(), r.get("code").to_string()))
        .collect();
    let mut wanted: Vec<(String, String)> = ccf
        .iter()
        .map(|r| (r.get("provider").to_string(), ccf_code(r)))
        .collect();
    for r in read_csv(&paths.raw(GA_DC), 1)? {
        let code = match r.get("provider") {
            // Green Algorithms spells Azure regions as display names: "Germany North (Public)".
            "azure" => r
                .get("Name")
                .split(" (")
                .next()
                .unwrap_or_default()
                .replace(' ', "")
                .to_ascii_lowercase(),
            _ => r.get("Name").to_string(),
        };
        wanted.push((r.get("provider").to_string(), code));
    }
    for key in wanted {
        if !known.contains(&key) && !excluded.contains(&key) {
            return Err(format!(
                "region {}/{} is in a source but in neither regions.csv nor regions_excluded.csv",
                key.0, key.1
            ));
        }
    }
    Ok(())
}

/// Region-specific PUEs: CCF's trailing-twelve-month figures (2023), else Green Algorithms'
/// (Google, 2020), else ML CO2 Impact's (2019–2020).
fn region_pues(paths: &Paths, ccf: &[Row], impact: &[Row]) -> Result<RegionPues, String> {
    let mut out = BTreeMap::new();
    for r in impact {
        if let Some(v) = r.num("PUE") {
            out.insert(
                (r.get("provider").to_string(), r.get("region").to_string()),
                (v, "mlco2", MLCO2_CLAIM_YEAR),
            );
        }
    }
    for r in read_csv(&paths.raw(GA_DC), 1)? {
        if let (Some(v), "gcp") = (r.num("PUE"), r.get("provider")) {
            out.insert(
                ("gcp".to_string(), r.get("Name").to_string()),
                (v, "ga", 2020),
            );
        }
    }
    for r in ccf {
        if let (Some(v), true) = (r.num("pue"), r.get("pue_basis").starts_with("region")) {
            out.insert(
                (r.get("provider").to_string(), ccf_code(r)),
                (v, "ccf", CCF_PUE_YEAR),
            );
        }
    }
    Ok(out)
}

fn providers(
    paths: &Paths,
    ccf: &[Row],
    impact: &[Row],
    region_pues: &RegionPues,
) -> Result<Vec<Provider>, String> {
    let ga_pue: BTreeMap<String, f64> = read_csv(&paths.raw(GA_PUE), 1)?
        .iter()
        .filter_map(|r| Some((r.get("provider").to_ascii_lowercase(), r.num("PUE")?)))
        .collect();
    let defaults = read_csv(&paths.raw(DEFAULTS), 0)?;
    let industry = ga_pue
        .get("unknown")
        .copied()
        .ok_or("defaults_PUE.csv has no Unknown row")?;
    let industry_2023 = defaults
        .iter()
        .find(|r| r.get("id") == "7")
        .and_then(|r| r.num("value"))
        .ok_or("defaults.csv row 7 (Uptime 2023 PUE) missing")?;
    let mut all_published: Vec<f64> = Vec::new();
    let mut out = Vec::new();
    for (id, name) in PROVIDERS {
        let ccf_avg = ccf
            .iter()
            .find(|r| r.get("provider") == id && r.get("pue_basis").starts_with("provider"))
            .and_then(|r| r.num("pue"));
        let ccf_alibaba = if id == "alibaba" {
            defaults
                .iter()
                .find(|r| r.get("parameter") == "pue_provider_alibaba")
                .and_then(|r| r.num("value"))
        } else {
            None
        };
        let ga = ga_pue
            .get(if id == "ovh" { "ovhcloud" } else { id })
            .copied();
        let regional: Vec<f64> = region_pues
            .iter()
            .filter(|((p, _), v)| p == id && v.1 == "ccf")
            .map(|(_, v)| v.0)
            .collect();
        let (pue, src, yr) = match (ccf_avg.or(ccf_alibaba), ga) {
            (Some(v), _) => (v, "ccf", CCF_PUE_YEAR),
            (None, Some(v)) => (v, "nutanix2023", 2023),
            (None, None) => (industry, "uptime2024", 2024),
        };
        let mut span = vec![pue];
        span.extend(ga);
        span.extend(regional);
        if src == "uptime2024" {
            // No published figure: the range runs from the best provider figure to the industry.
            span.extend(all_published.iter().copied());
            span.push(industry_2023);
        } else {
            all_published.extend(span.iter().copied());
        }
        let lo = span.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = span.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let claims: BTreeSet<String> = impact
            .iter()
            .filter(|r| r.get("provider") == id)
            .map(|r| r.get("offsetRatio").to_string())
            .collect();
        // A provider-wide market-based share only where every mlco2 row of the provider agrees.
        let mkt = match claims.iter().next() {
            Some(c) if claims.len() == 1 => c.parse::<f64>().ok().filter(|v| *v > 0.0),
            _ => None,
        };
        out.push(Provider {
            id: id.to_string(),
            name: name.to_string(),
            pue: Pue(pue),
            pue_low: Pue(lo),
            pue_high: Pue(hi),
            pue_src: src.to_string(),
            pue_yr: yr,
            market_pct: mkt.map(Percent),
            mkt_src: mkt.map(|_| "mlco2".to_string()),
            mkt_yr: mkt.map(|_| MLCO2_CLAIM_YEAR),
        });
    }
    Ok(out)
}
