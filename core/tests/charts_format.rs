//! Native tests of the chart number formatting and text measurement helpers.

use emissions_core::charts::{band_index, band_label};
use emissions_core::format::{
    format_energy_kwh, format_hours, format_mass_kg, format_pct, format_sig, group_thousands,
    text_width, truncate_to_width,
};

#[test]
fn significant_digits_and_separators() {
    assert_eq!(format_sig(4.56789, 3), "4.57");
    assert_eq!(format_sig(3.1, 3), "3.1");
    assert_eq!(format_sig(159.6, 3), "160");
    assert_eq!(format_sig(9.996, 3), "10");
    assert_eq!(format_sig(0.0012345, 3), "0.00123");
    assert_eq!(format_sig(1234567.0, 3), "1,234,567");
    assert_eq!(format_sig(-42.42, 2), "−42");
    assert_eq!(format_sig(0.0, 3), "0");
    assert_eq!(format_sig(f64::NAN, 3), "n/a");
    assert_eq!(format_sig(f64::NEG_INFINITY, 3), "n/a");
    assert_eq!(group_thousands("1234"), "1,234");
    assert_eq!(group_thousands("123"), "123");
    assert_eq!(group_thousands(""), "");
}

#[test]
fn units_are_chosen_for_readability() {
    assert_eq!(format_mass_kg(0.42), "420 g");
    assert_eq!(format_mass_kg(3.1), "3.1 kg");
    assert_eq!(format_mass_kg(160.2), "160 kg");
    assert_eq!(format_mass_kg(12_500.0), "12.5 t");
    assert_eq!(format_mass_kg(2_345_678.0), "2,346 t");
    assert_eq!(format_mass_kg(0.0), "0 kg");
    assert_eq!(format_mass_kg(f64::NAN), "n/a");
    assert_eq!(format_energy_kwh(0.85), "850 Wh");
    assert_eq!(format_energy_kwh(3_200.0), "3.2 MWh");
    assert_eq!(format_energy_kwh(1.1e6), "1.1 GWh");
    assert_eq!(format_hours(0.75), "45 min");
    assert_eq!(format_hours(12.5), "12.5 h");
    assert_eq!(format_hours(76.8), "3.2 days");
    assert_eq!(format_pct(41.7), "42 %");
}

#[test]
fn truncation_fits_and_ends_with_an_ellipsis() {
    let s = "aws · ap-southeast-2 (Sydney, Australia)";
    assert_eq!(truncate_to_width(s, 1000.0, 12.0), s);
    let t = truncate_to_width(s, 100.0, 12.0);
    assert!(t.ends_with('…') && text_width(&t, 12.0) <= 100.0, "{t}");
    assert_eq!(truncate_to_width(s, 2.0, 12.0), "");
    assert!(text_width("WWW", 12.0) > text_width("iii", 12.0));
    assert!(!truncate_to_width("ab cd", 30.0, 12.0).contains(" …"));
}

#[test]
fn intensity_bands() {
    assert_eq!(band_index(30.0), Some(0));
    assert_eq!(band_index(100.0), Some(1));
    assert_eq!(band_index(399.9), Some(2));
    assert_eq!(band_index(450.0), Some(3));
    assert_eq!(band_index(900.0), Some(4));
    assert_eq!(band_index(f64::NAN), None);
    assert_eq!(band_index(-1.0), None);
    assert_eq!(band_label(0), "< 100");
    assert_eq!(band_label(2), "250–400");
    assert_eq!(band_label(4), "≥ 600");
    assert_eq!(band_label(9), "");
}
