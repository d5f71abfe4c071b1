//! The functions of `number` against the standard library's float parsing and formatting, which
//! they replace in the shipped code (tests may use the standard ones).

use super::*;
use proptest::prelude::*;

#[test]
fn parses_what_people_type() {
    assert_eq!(parse("12.5"), Some(12.5));
    assert_eq!(parse("+3"), Some(3.0));
    assert_eq!(parse("-0.25"), Some(-0.25));
    assert_eq!(parse(".5"), Some(0.5));
    assert_eq!(parse("5."), Some(5.0));
    assert_eq!(parse("007"), Some(7.0));
    assert_eq!(parse("1e3"), Some(1000.0));
    assert_eq!(parse("1E+3"), Some(1000.0));
    assert_eq!(parse("2.5e-3"), Some(0.0025));
    assert_eq!(parse("1e400"), Some(f64::INFINITY));
    assert_eq!(parse("-1e400"), Some(f64::NEG_INFINITY));
    assert_eq!(parse("1e-400"), Some(0.0));
    assert_eq!(parse("0e999"), Some(0.0));
}

#[test]
fn refuses_what_is_not_a_decimal_number() {
    for text in [
        "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "inf", "NaN",
        "--1", "1e5.5", "١٢",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

#[test]
fn prints_like_the_standard_formatting() {
    assert_eq!(shortest(12.5), "12.5");
    assert_eq!(shortest(2.0), "2");
    assert_eq!(shortest(-0.0), "-0");
    assert_eq!(shortest(1e-7), "0.0000001");
    assert_eq!(shortest(1.5e21), "1500000000000000000000");
    assert_eq!(shortest(f64::NAN), "NaN");
    assert_eq!(scientific(1e9), "1e9");
    assert_eq!(scientific(1.5e10), "1.5e10");
    assert_eq!(scientific(-2.5e-7), "-2.5e-7");
    assert_eq!(scientific(0.0), "0e0");
    assert_eq!(fixed(12.3456, 2), "12.35");
    assert_eq!(fixed(9.999, 2), "10.00");
    assert_eq!(fixed(0.004, 2), "0.00");
    assert_eq!(fixed(-0.004, 2), "-0.00");
    assert_eq!(fixed(1234.0, 0), "1234");
    assert_eq!(fixed(0.5, 0), "0"); // the standard rounds exact ties to even
    assert_eq!(fixed(1e21, 1), "1000000000000000000000.0");
    assert_eq!(round_sig(1234.567891, 6), 1234.57);
    assert_eq!(round_sig(0.000012345678, 6), 0.0000123457);
}

#[test]
fn round_sig_rounds_ties_half_up_on_the_shortest_form() {
    // 2.675 is stored as 2.67499999…; people wrote 2.675, so it rounds to 2.68.
    assert_eq!(round_sig(2.675, 3), 2.68);
    assert_eq!(round_sig(0.125, 2), 0.13);
    assert_eq!(round_sig(9.995, 3), 10.0);
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        (-1e6..1e6f64),
        (0u32..100_000).prop_map(|n| f64::from(n) / 100.0),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn shortest_and_scientific_match_std(x in finite()) {
        // With 17 significant digits more than one last digit can read back as `x`; serde_json
        // and the standard library may pick different ones. Same length, same value, then.
        for (ours, std) in [(shortest(x), format!("{x}")), (scientific(x), format!("{x:e}"))] {
            let same = ours.len() == std.len() && ours.parse::<f64>() == Ok(x);
            prop_assert!(ours == std || same, "{} vs {}", ours, std);
        }
    }

    #[test]
    fn parse_reads_back_every_printed_float(x in finite()) {
        prop_assert_eq!(parse(&format!("{x}")), Some(x));
        prop_assert_eq!(parse(&format!("{x:e}")), Some(x));
        prop_assert_eq!(parse(&format!("{x:E}")), Some(x));
    }

    #[test]
    fn parse_agrees_with_std(text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?") {
        let expected = text.parse::<f64>().ok();
        prop_assert_eq!(parse(&text), expected);
    }
}
