//! The evidence tables: typical accelerator draw per job kind (`curated/power_draw.csv`) and the
//! published metered runs the model is validated against (`curated/metered_runs.csv`).

use super::raw::{read_csv, Row};
use super::Paths;
use emissions_core::dataset::{DrawProfile, MeteredRun};
use emissions_core::units::{Hours, Kwh, Percent};

fn number(r: &Row, col: &str, what: &str) -> Result<f64, String> {
    r.num(col)
        .ok_or_else(|| format!("{what}: column `{col}` is not a number"))
}

fn year(r: &Row, what: &str) -> Result<u16, String> {
    r.get("yr")
        .parse()
        .map_err(|_| format!("{what}: bad year `{}`", r.get("yr")))
}

/// `curated/power_draw.csv`: one profile per job kind, % of TDP.
pub fn draw(paths: &Paths) -> Result<Vec<DrawProfile>, String> {
    read_csv(&paths.cur("power_draw.csv"), 0)?
        .iter()
        .map(|r| {
            let what = format!("power_draw.csv row {}", r.get("kind"));
            Ok(DrawProfile {
                kind: r.get("kind").into(),
                label: r.get("label").into(),
                typical: Percent(number(r, "typ", &what)?),
                low: Percent(number(r, "lo", &what)?),
                high: Percent(number(r, "hi", &what)?),
                basis: r.get("basis").into(),
                year: year(r, &what)?,
                source: r.get("src").into(),
            })
        })
        .collect()
}

/// `curated/metered_runs.csv`, in file order (the `note` column stays in the CSV).
pub fn metered(paths: &Paths) -> Result<Vec<MeteredRun>, String> {
    read_csv(&paths.cur("metered_runs.csv"), 0)?
        .iter()
        .map(|r| {
            let what = format!("metered_runs.csv row {}", r.get("id"));
            let devices = number(r, "devices", &what)?;
            if devices.fract() != 0.0 || !(1.0..=1e6).contains(&devices) {
                return Err(format!("{what}: devices must be a whole number ≥ 1"));
            }
            Ok(MeteredRun {
                id: r.get("id").into(),
                name: r.get("name").into(),
                hw: r.get("hw").into(),
                devices: devices as u32,
                hours: Hours(number(r, "hours", &what)?),
                energy: Kwh(number(r, "kwh", &what)?),
                covers: r.get("covers").into(),
                kind: r.get("kind").into(),
                year: year(r, &what)?,
                source: r.get("src").into(),
            })
        })
        .collect()
}
