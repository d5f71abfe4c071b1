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
    assert_eq!(fixed(2.5, 0), "2");
    assert_eq!(fixed(0.125, 2), "0.12");
    assert_eq!(fixed(0.375, 2), "0.38");
    assert_eq!(fixed(2.675, 2), "2.67");
    assert_eq!(fixed(f64::MAX, 0), format!("{:.0}", f64::MAX));
    assert_eq!(fixed(f64::MIN_POSITIVE / 3.0, 20), "0.00000000000000000000");
    assert_eq!(fixed(0.1, 20), "0.10000000000000000555");
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
    fn fixed_matches_std_exactly(x in finite(), decimals in 0..=MAX_FIXED_DECIMALS) {
        // Exact binary value, ties to even, sign kept: byte for byte what `{:.N}` prints.
        prop_assert_eq!(fixed(x, decimals), format!("{x:.decimals$}"));
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

/// `digits × m` (decimal digits, most significant first).
fn times(digits: &mut Vec<u8>, m: u8) {
    let mut carry = 0;
    for d in digits.iter_mut().rev() {
        let t = *d * m + carry;
        *d = t % 10;
        carry = t / 10;
    }
    while carry > 0 {
        digits.insert(0, carry % 10);
        carry /= 10;
    }
}

/// The exact decimal text of the number halfway between positive `x` and the next float up.
fn halfway(x: f64) -> String {
    let bits = x.to_bits();
    let (exp, mant) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (mant, exp) = match exp {
        0 => (mant, -1074),
        _ => (mant | 1 << 52, exp - 1075),
    };
    // (2·mant + 1) · 2^(exp - 1)
    let mut digits: Vec<u8> = (2 * mant + 1)
        .to_string()
        .bytes()
        .map(|b| b - b'0')
        .collect();
    let pow = exp - 1;
    for _ in 0..pow.max(0) {
        times(&mut digits, 2);
    }
    for _ in 0..(-pow).max(0) {
        times(&mut digits, 5);
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    format!("{text}e{}", pow.min(0))
}

#[test]
fn parses_hard_cases_like_std() {
    let long_half = format!("9007199254740993{}", "0".repeat(900)); // 2^53 + 1, ties to even
    let long_above = format!("9007199254740993{}1e-900", "0".repeat(900));
    let min_half = halfway(0.0); // half the smallest subnormal: rounds to 0
    let max_half = halfway(f64::MAX); // half an ulp above MAX: rounds to infinity
    for text in [
        "9007199254740993",
        "9007199254740995",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "4.9406564584124654e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "123456789012345678901234567890e-50",
        "0.000000000000000000000000000000000000000001",
        "1e23",
        "8.589973e9",
        "4.35679e-315",
        "1e-2147483649",
        "1e2147483648",
        "0.0000e99999999999999999999",
        &long_half,
        &long_above,
        &min_half,
        &max_half,
    ] {
        assert_eq!(
            parse(text).map(f64::to_bits),
            text.parse::<f64>().ok().map(f64::to_bits),
            "{text}"
        );
    }
}

/// Decimal texts around the values where rounding is hard: exactly halfway between two floats,
/// and just above or below it (a digit far down the mantissa).
fn near_halfway() -> impl Strategy<Value = String> {
    let x = prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        (0u64..1 << 52).prop_map(f64::from_bits), // subnormals
        (0u64..1000).prop_map(|n| f64::from_bits(f64::MAX.to_bits() - n)),
    ];
    (x, 0..3u8).prop_map(|(x, nudge)| {
        let text = halfway(x.abs());
        let (digits, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        match nudge {
            0 => text.clone(),
            // Halfway digits end in 5 (an odd number times a power of 5, or of 2 but then whole).
            1 => format!("{digits}0001e{}", exp - 4),
            _ => format!("{}4999e{}", &digits[..digits.len() - 1], exp - 3),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn parse_agrees_with_std_on_hard_inputs(text in prop_oneof![
        near_halfway(),
        // Long mantissas, some far longer than any float needs.
        "[0-9]{1,40}\\.[0-9]{0,40}[eE]-?[0-9]{1,3}",
        "0\\.0{300,330}[1-9][0-9]{0,20}",
        "[1-9][0-9]{700,900}(\\.[0-9]{0,100})?(e-[0-9]{3})?",
        // Extreme exponents.
        "-?[0-9]{1,3}(\\.[0-9]{1,20})?[eE][+-]?(3[0-3][0-9]|29[0-9]|[0-9]{4,12})",
    ]) {
        let expected = text.parse::<f64>().ok().map(f64::to_bits);
        prop_assert_eq!(parse(&text).map(f64::to_bits), expected, "{}", text);
    }

    #[test]
    fn every_float_reads_back_from_its_shortest_and_longest_forms(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        for text in [format!("{x:?}"), format!("{x:e}"), format!("{x:.17e}"), format!("{x:.40e}")] {
            prop_assert_eq!(parse(&text).map(f64::to_bits), Some(bits), "{}", text);
        }
    }
}
