//! The options of the form's pickers: dataset rows grouped for `<optgroup>`s, with the text each
//! option shows. Pure, so the grouping and the labels are tested natively.

use crate::dataset::{continent_name, Dataset, HardwareKind};
use crate::model::inputs::GENERIC_CPU;
use crate::number::shortest;
use crate::sort::sort_by;

/// One `<option>`: its value (the dataset id) and its text.
pub type Choice = (String, String);

/// Option groups in display order: `(group label, options)`.
pub type ChoiceGroups = Vec<(String, Vec<Choice>)>;

/// Groups `(group, value, text)` items by group, groups in order of first appearance and the
/// options of each in their given order. (A `Vec`, not a generic iterator: one compiled copy.)
pub fn grouped(items: Vec<(String, String, String)>) -> ChoiceGroups {
    let mut groups: ChoiceGroups = Vec::new();
    for (group, value, text) in items {
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, options)) => options.push((value, text)),
            None => groups.push((group, vec![(value, text)])),
        }
    }
    groups
}

fn kind_label(kind: HardwareKind) -> &'static str {
    match kind {
        HardwareKind::Gpu => "GPUs",
        HardwareKind::Tpu => "TPUs",
        HardwareKind::Npu => "accelerators",
        HardwareKind::Soc => "systems-on-chip",
    }
}

/// Accelerators grouped by vendor and kind (`"NVIDIA GPUs"`), each showing its TDP.
pub fn hardware_choices(ds: &Dataset) -> ChoiceGroups {
    grouped(
        ds.hardware
            .iter()
            .map(|hw| {
                (
                    format!("{} {}", hw.vendor, kind_label(hw.kind)),
                    hw.id.clone(),
                    format!("{} · {} W TDP", hw.name, shortest(hw.tdp.0)),
                )
            })
            .collect(),
    )
}

/// GPU cloud instances grouped by provider, each showing its accelerators.
pub fn instance_choices(ds: &Dataset) -> ChoiceGroups {
    grouped(
        ds.providers
            .iter()
            .flat_map(|p| {
                ds.instances
                    .iter()
                    .filter(move |i| i.provider == p.id)
                    .map(move |i| {
                        let hw = ds
                            .hardware(&i.hw)
                            .map_or(i.hw.as_str(), |h| h.name.as_str());
                        (
                            p.name.clone(),
                            i.id.clone(),
                            format!("{} · {} × {hw}", i.id, i.n),
                        )
                    })
            })
            .collect(),
    )
}

/// The cloud providers, in one group.
pub fn provider_choices(ds: &Dataset) -> ChoiceGroups {
    vec![(
        "Cloud providers".to_string(),
        ds.providers
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    )]
}

/// A provider's regions grouped by continent (alphabetically), each showing its city and grid
/// intensity.
pub fn region_choices(ds: &Dataset, provider: &str) -> ChoiceGroups {
    let mut groups = grouped(
        ds.regions_of(provider)
            .map(|r| {
                let continent = ds.zone(&r.zone).map_or("", |z| z.continent.as_str());
                (
                    continent_name(continent).to_string(),
                    r.code.clone(),
                    format!(
                        "{} · {} · {} g/kWh",
                        r.code,
                        r.location,
                        shortest(r.intensity.0)
                    ),
                )
            })
            .collect(),
    );
    sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
    groups
}

/// Grid zones grouped by continent, groups and options alphabetical, each showing its intensity.
pub fn zone_choices(ds: &Dataset) -> ChoiceGroups {
    let mut groups = grouped(
        ds.zones
            .iter()
            .map(|z| {
                (
                    continent_name(&z.continent).to_string(),
                    z.id.clone(),
                    format!("{} ({}) · {} g/kWh", z.name, z.id, shortest(z.intensity.0)),
                )
            })
            .collect(),
    );
    sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
    for (_, options) in &mut groups {
        sort_by(options, |a, b| a.1.cmp(&b.1));
    }
    groups
}

/// The host CPUs: none, the generic per-core figure, then the dataset's CPUs by vendor.
pub fn cpu_choices(ds: &Dataset) -> ChoiceGroups {
    let fixed = [
        ("Not counted", "", "No CPU"),
        ("Generic", GENERIC_CPU, "Generic CPU (per-core power)"),
    ]
    .map(|(g, v, t)| (g.to_string(), v.to_string(), t.to_string()));
    grouped(
        fixed
            .into_iter()
            .chain(ds.cpus.iter().map(|cpu| {
                (
                    format!("{} CPUs", cpu.vendor),
                    cpu.id.clone(),
                    format!(
                        "{} · {} W / {} cores",
                        cpu.name,
                        shortest(cpu.tdp.0),
                        cpu.cores
                    ),
                )
            }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::bundled;

    fn ds() -> &'static Dataset {
        bundled().expect("bundled dataset")
    }

    fn find<'a>(groups: &'a ChoiceGroups, value: &str) -> Option<(&'a str, &'a str)> {
        groups.iter().find_map(|(g, opts)| {
            opts.iter()
                .find(|(v, _)| v == value)
                .map(|(_, t)| (g.as_str(), t.as_str()))
        })
    }

    #[test]
    fn grouping_keeps_first_appearance_order() {
        let items = [("b", "1"), ("a", "2"), ("b", "3")]
            .map(|(g, v)| (g.to_string(), v.to_string(), v.to_string()));
        let groups = grouped(items.to_vec());
        let labels: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(labels, ["b", "a"]);
        assert_eq!(groups[0].1.len(), 2);
    }

    #[test]
    fn every_row_is_offered_once() {
        let ds = ds();
        let count = |g: &ChoiceGroups| g.iter().map(|(_, o)| o.len()).sum::<usize>();
        assert_eq!(count(&hardware_choices(ds)), ds.hardware.len());
        assert_eq!(count(&instance_choices(ds)), ds.instances.len());
        assert_eq!(count(&zone_choices(ds)), ds.zones.len());
        assert_eq!(count(&cpu_choices(ds)), ds.cpus.len() + 2);
        assert_eq!(count(&provider_choices(ds)), ds.providers.len());
        let aws = ds.regions_of("aws").count();
        assert!(aws > 10, "{aws}");
        assert_eq!(count(&region_choices(ds, "aws")), aws);
    }

    #[test]
    fn options_show_their_key_figures_in_named_groups() {
        let ds = ds();
        let (hardware, regions, zones) = (
            hardware_choices(ds),
            region_choices(ds, "gcp"),
            zone_choices(ds),
        );
        let (group, text) = find(&hardware, "h100-sxm").expect("h100-sxm");
        assert_eq!(group, "NVIDIA GPUs");
        assert_eq!(text, "NVIDIA H100 SXM5 80GB · 700 W TDP");
        let (group, text) = find(&regions, "europe-west4").expect("eu-w4");
        assert_eq!(group, "Europe");
        assert!(text.starts_with("europe-west4 · "), "{text}");
        assert!(text.ends_with(" g/kWh"), "{text}");
        let (group, _) = find(&zones, "FR").expect("FR");
        assert_eq!(group, "Europe");
        assert_eq!(find(&cpu_choices(ds), ""), Some(("Not counted", "No CPU")));
        let names: Vec<&str> = zones.iter().map(|(g, _)| g.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }
}
