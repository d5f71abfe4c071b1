//! Native check of CPU release years: Green Algorithms' CPU table has no release years, and the
//! dataset once carried that file's year (2025) for every CPU. Each CPU's year must now fall in
//! the years its generation, read from its model number, was launched. Fails on the dataset
//! before issue #16 (commit 840ccab).

mod common;
use common::loaded_dataset as ds;

/// Release years a CPU's generation allows, read from its name (Intel and AMD numbering).
fn generation_years(name: &str) -> Option<(u16, u16)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let digits = |w: &str| w.chars().filter(char::is_ascii_digit).collect::<String>();
    // The model number: the last word with a digit (`8175M` of "Xeon Platinum 8175M (AWS)").
    let model = words
        .iter()
        .rev()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        .copied()
        .unwrap_or_default();
    if let Some(i) = words
        .iter()
        .position(|w| w.starts_with("E5-") || w.starts_with("E7-"))
    {
        return Some(match words.get(i + 1).copied() {
            Some("v2") => (2013, 2014),
            Some("v3") => (2014, 2015),
            Some("v4") => (2016, 2016),
            _ => (2012, 2012),
        });
    }
    if let Some(w) = words.iter().find(|w| {
        w.starts_with("i3-") || w.starts_with("i5-") || w.starts_with("i7-") || w.starts_with("i9-")
    }) {
        let n = digits(&w[3..]);
        let generation: u32 = if n.len() == 5 {
            n[..2].parse().ok()?
        } else {
            n[..1].parse().ok()?
        };
        return Some(match generation {
            2 => (2011, 2011),
            3 => (2012, 2013),
            4 => (2013, 2014),
            5 | 6 => (2015, 2015),
            7 => (2017, 2017),
            8 => (2017, 2018),
            9 => (2018, 2019),
            10 => (2019, 2020),
            11 => (2020, 2021),
            12 => (2021, 2022),
            _ => return None,
        });
    }
    if name.contains("Xeon Gold") || name.contains("Xeon Platinum") || name.contains("Xeon Silver")
    {
        let n = digits(model);
        return Some(match n.get(1..2)? {
            "1" => (2017, 2017),
            "2" => (2019, 2019),
            "3" => (2020, 2021),
            "4" => (2023, 2023),
            "5" => (2023, 2024),
            _ => return None,
        });
    }
    if name.contains("EPYC") {
        // EPYC numbering: first character the series, fourth the generation (`7R13`, `9654`).
        let c: Vec<char> = model.chars().collect();
        return Some(match (*c.first()?, *c.get(3)?) {
            ('7', '1') => (2017, 2017),
            ('7', '2') => (2019, 2019),
            ('7', '3') => (2021, 2022),
            ('9', '4') => (2022, 2023),
            ('9', '5') => (2024, 2024),
            _ => return None,
        });
    }
    if name.contains("Ryzen") && !name.contains("Threadripper") {
        return Some(match digits(model).get(..1)? {
            "1" => (2017, 2017),
            "2" => (2018, 2018),
            "3" => (2019, 2020),
            "5" => (2020, 2022),
            _ => return None,
        });
    }
    None
}

#[test]
fn cpu_release_years_are_the_cpus_not_the_files() {
    let mut checked = 0;
    for c in ds().cpus.iter().filter(|c| c.id != "generic") {
        if c.source == "ga" {
            assert!(
                c.year < 2025,
                "{}: {} is Green Algorithms' file year, not a release year",
                c.id,
                c.year
            );
        }
        if let Some((lo, hi)) = generation_years(&c.name) {
            assert!(
                (lo..=hi).contains(&c.year),
                "{} ({}): year {} outside its generation's {lo}-{hi}",
                c.id,
                c.name,
                c.year
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 70,
        "the generation rules matched only {checked} CPUs"
    );
    assert_eq!(
        generation_years("Intel Xeon E5-2699 v3"),
        Some((2014, 2015))
    );
    assert_eq!(generation_years("Core i9-10900K"), Some((2019, 2020)));
    assert_eq!(generation_years("AMD EPYC 7763"), Some((2021, 2022)));
}
