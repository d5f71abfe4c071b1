//! Calibration: the model against every published metered training run of the dataset, with only
//! the hardware, device count, hours and (where the source states it) the job kind given. Prints
//! the validation table and asserts the targets of `emissions_core::model::metered`, so a data or
//! model change that breaks the calibration fails the test command.

use emissions_core::dataset::bundled;
use emissions_core::model::metered::{
    metered_checks, TARGET_CONTAINED, TARGET_FACTOR, TARGET_SPREAD, TARGET_WITHIN,
};
use emissions_core::model::Factors;

#[test]
fn the_range_holds_up_against_published_meters() {
    let factors = Factors::new(bundled().expect("bundled dataset"));
    let (checks, summary) = metered_checks(&factors);
    println!(
        "{:<34} {:>5} {:>8} {:>9} {:>11} {:>11} {:>11} {:>11} {:>6}  in",
        "run", "n", "hours", "kind", "metered kWh", "low", "central", "high", "ratio"
    );
    for c in &checks {
        println!(
            "{:<34} {:>5} {:>8.1} {:>9} {:>11.1} {:>11.1} {:>11.1} {:>11.1} {:>6.2}  {}",
            c.name,
            c.devices,
            c.hours,
            c.kind.id(),
            c.metered.0,
            c.low.0,
            c.central.0,
            c.high.0,
            c.ratio,
            if c.contained { "yes" } else { "NO" }
        );
    }
    println!("{}", summary.sentence());
    assert_eq!(
        checks.len(),
        factors.dataset().metered.len(),
        "every metered run must be computable (known hardware, valid counts)"
    );
    assert!(
        summary.runs >= 10,
        "at least 10 metered runs, got {}",
        summary.runs
    );
    let n = summary.runs as f64;
    assert!(
        summary.contained as f64 >= TARGET_CONTAINED * n,
        "range contains the metered energy in only {} of {}",
        summary.contained,
        summary.runs
    );
    assert!(
        summary.within as f64 >= TARGET_WITHIN * n,
        "central within ×{TARGET_FACTOR} in only {} of {}",
        summary.within,
        summary.runs
    );
    assert!(
        summary.mean_spread <= TARGET_SPREAD,
        "ranges span ×{:.2} on average (target ≤ {TARGET_SPREAD})",
        summary.mean_spread
    );
    assert!(summary.meets_targets());
}
