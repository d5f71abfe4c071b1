//! Cloud providers and regions: the curated region list joined to zones, Google's own figures,
//! region PUEs from Cloud Carbon Footprint, Green Algorithms and ML CO2 Impact, and the provider
//! table (`curated/providers.csv`: PUE and market-based claim, each with its source and kind).

use super::raw::{read_csv, round, Row};
use super::Paths;
use emissions_core::dataset::{Provider, ProviderIntensity, Region, RegionNote, Zone, ZoneDirect};
use emissions_core::units::{GramsPerKwh, Percent, Pue};
use std::collections::{BTreeMap, BTreeSet};

const MLCO2_IMPACT: &str = "mlco2_impact/data/impact.csv";
const GCP2024: &str = "GoogleCloudPlatform_region-carbon-info/data/yearly/2024.csv";
const CCF: &str = "transcribed/ccf_cloud_region_factors.csv";
const GA_DC: &str =
    "GreenAlgorithms_green-algorithms-tool/data/latest/cloudProviders_datacenters.csv";

/// Year of the CCF PUE constants (GCP/Alibaba constants last edited 2023; AWS/Azure 2022).
const CCF_PUE_YEAR: u16 = 2023;
/// Year of mlco2's region PUEs (set for the 2019 calculator).
const MLCO2_CLAIM_YEAR: u16 = 2019;

/// Providers, regions and the provider-published intensities kept as extras.
pub struct CloudOut {
    /// Providers.
    pub providers: Vec<Provider>,
    /// Regions, ordered by provider then code.
    pub regions: Vec<Region>,
    /// Google's own per-region grid intensity (operational basis), for comparison.
    pub provider_intensities: Vec<ProviderIntensity>,
    /// Source id of each region's zone mapping (`regions.csv` column `zone_src`).
    pub zone_sources: Vec<RegionNote>,
    /// Written reasons (`regions.csv` column `why`).
    pub reasons: Vec<RegionNote>,
    /// Direct and life-cycle intensity (one release) of the zones the regions use.
    pub direct: Vec<ZoneDirect>,
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
pub fn build(
    paths: &Paths,
    zones: &[Zone],
    direct: &BTreeMap<String, (f64, f64)>,
) -> Result<CloudOut, String> {
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
    let (mut zone_sources, mut reasons) = (Vec::new(), Vec::new());
    let mut used_zones = BTreeSet::new();
    for row in &curated {
        let (p, code) = (row.get("p"), row.get("code"));
        let note = |text: &str| RegionNote {
            p: p.into(),
            code: code.into(),
            note: text.into(),
        };
        if !row.get("zone_src").is_empty() {
            zone_sources.push(note(row.get("zone_src")));
        }
        if !row.get("why").is_empty() {
            reasons.push(note(row.get("why")));
        }
        used_zones.insert(row.get("zone").to_string());
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
    zone_sources.sort_by(|a, b| (&a.p, &a.code).cmp(&(&b.p, &b.code)));
    reasons.sort_by(|a, b| (&a.p, &a.code).cmp(&(&b.p, &b.code)));
    let direct = used_zones
        .iter()
        .filter_map(|id| {
            direct.get(id).map(|(d, l)| ZoneDirect {
                id: id.clone(),
                d: GramsPerKwh(*d),
                l: GramsPerKwh(*l),
            })
        })
        .collect();
    Ok(CloudOut {
        providers: providers(paths)?,
        regions,
        provider_intensities: pci,
        zone_sources,
        reasons,
        direct,
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

/// The provider table, `data/curated/providers.csv`: one row per provider with its PUE (value,
/// range, source, year) and, where the provider publishes one, its market-based claim with the
/// kind of claim it is (`annual-match`, `hourly-cfe`, `offsets`).
///
/// Why a curated table rather than figures computed from the raw files: the providers' latest
/// PUEs and claims are in their own reports, which are cited per row in `sources.csv`.
fn providers(paths: &Paths) -> Result<Vec<Provider>, String> {
    let mut out = Vec::new();
    for r in read_csv(&paths.cur("providers.csv"), 0)? {
        let id = r.get("id");
        let num = |col: &str| {
            r.num(col)
                .ok_or_else(|| format!("providers.csv {id}: bad {col}"))
        };
        let year = |col: &str| {
            r.get(col)
                .parse::<u16>()
                .map_err(|_| format!("providers.csv {id}: bad {col}"))
        };
        let opt = |col: &str| Some(r.get(col).to_string()).filter(|s| !s.is_empty());
        let mkt = r.num("mkt");
        out.push(Provider {
            id: id.to_string(),
            name: r.get("name").to_string(),
            pue: Pue(num("pue")?),
            pue_low: Pue(num("pue_lo")?),
            pue_high: Pue(num("pue_hi")?),
            pue_src: r.get("pue_src").to_string(),
            pue_yr: year("pue_yr")?,
            market_pct: mkt.map(Percent),
            mkt_src: mkt.and(opt("mkt_src")),
            mkt_yr: match mkt {
                Some(_) => Some(year("mkt_yr")?),
                None => None,
            },
            mkt_kind: mkt.and(opt("mkt_kind")),
        });
    }
    Ok(out)
}
