//! Exports: each format carries the model's numbers, escapes text, and JSON re-imports.

use emissions_core::dataset::{bundled, DATASET_VERSION};
use emissions_core::export::*;
use emissions_core::model::trace::num;
use emissions_core::model::{calculate, DurationInput, Factors, Inputs, LocationInput};
use std::sync::OnceLock;

fn factors() -> &'static Factors {
    static F: OnceLock<Factors> = OnceLock::new();
    F.get_or_init(|| Factors::new(bundled().expect("bundled dataset")))
}

fn item(name: &str, inputs: &Inputs) -> ExportItem {
    ExportItem::from_inputs(name, inputs, factors()).expect("valid inputs")
}

fn single() -> (ExportContext, Inputs) {
    let inputs = Inputs {
        runs: 3.0,
        ..Inputs::default()
    };
    (
        ExportContext::new(vec![item("Final run", &inputs)], TrainingType::FineTuning),
        inputs,
    )
}

fn pair() -> ExportContext {
    let a = Inputs::default();
    let b = Inputs {
        duration: DurationInput::Hours { hours: 7.5 },
        location: LocationInput::Zone {
            zone: "FR".into(),
            data_centre: Default::default(),
        },
        ..Inputs::default()
    };
    ExportContext::new(
        vec![item("Sweep, 40 trials", &a), item("Ablation \"B\"", &b)],
        TrainingType::PreTraining,
    )
}

#[test]
fn latex_has_the_estimates_numbers_and_the_citation() {
    let (ctx, inputs) = single();
    let e = calculate(&inputs, factors()).expect("valid");
    let text = latex(&ctx);
    for expected in [
        num(e.location_based.0),
        num(e.uncertainty.location_based.low.0),
        num(e.uncertainty.location_based.high.0),
        num(e.device_hours.0),
        format!("{} kWh", num(e.energy.total.0)),
        num(e.intensity.0 / 1000.0),
        num(e.pue.0),
        num(e.market_share.0),
        ctx.items[0].job.accelerator.name.clone(),
        "in region us-east-1".to_string(),
        "Amazon Web Services".to_string(),
        "\\cite{lacoste2019quantifying}".to_string(),
        format!("dataset {DATASET_VERSION}"),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in\n{text}");
    }
    // Dataset 2026.12: AWS publishes a 100 % annual renewable-matching claim (2024), which is the
    // provider's default market-based share (was none, so this read "none of which were offset").
    assert!(text.contains("of which 100 percent were"), "{text}");
    assert!(
        !text.contains("\\href"),
        "no link without a known URL: {text}"
    );
    let mut linked = ctx.clone();
    linked.tool_url = Some("https://x.io/a%20b#c".into());
    assert!(
        latex(&linked).contains(r"\href{https://x.io/a\%20b\#c}{ML Emissions Calculator}"),
        "{}",
        latex(&linked)
    );
    let offset = Inputs {
        market_pct: Some(40.0),
        ..inputs
    };
    let e = calculate(&offset, factors()).expect("valid");
    let ctx = ExportContext::new(vec![item("x", &offset)], TrainingType::Other);
    let text = latex(&ctx);
    assert!(text.contains("of which 40 percent were"), "{text}");
    assert!(text.contains(&num(e.market_based.0)), "{text}");
}

#[test]
fn latex_escapes_special_characters() {
    assert_eq!(
        latex::escape(r"50% & $x_1#{a}~^\ <b>"),
        r"50\% \& \$x\_1\#\{a\}\textasciitilde{}\textasciicircum{}\textbackslash{} \textless{}b\textgreater{}"
    );
    let mut ctx = pair();
    ctx.items[0].name = "run_1 & 100%".into();
    let text = latex(&ctx);
    assert!(text.contains("run\\_1 \\& 100\\%"), "{text}");
    let t = ctx.totals();
    assert!(text.contains(&num(t.location_based.central.0)), "{text}");
    assert!(text.contains("In total, the 2 jobs"), "{text}");
}

#[test]
fn bibtex_cites_the_paper_and_the_tool() {
    let (mut ctx, _) = single();
    ctx.tool_url = Some("https://example.github.io/calc/".into());
    let bib = bibtex(&ctx);
    assert!(bib.contains("@article{lacoste2019quantifying,"));
    assert!(bib.contains(
        "Lacoste, Alexandre and Luccioni, Alexandra and Schmidt, Victor and Dandres, Thomas"
    ));
    assert!(bib.contains("arXiv:1910.09700"));
    assert!(bib.contains("year={2019}"));
    assert!(bib.contains("@software{mlemissionscalculator,"));
    assert!(bib.contains(&format!("dataset version {DATASET_VERSION}")));
    assert!(bib.contains("url={https://example.github.io/calc/}"));
    assert_eq!(bib.matches('{').count(), bib.matches('}').count());
}

#[test]
fn markdown_has_a_row_per_job_and_a_total() {
    let ctx = pair();
    let md = markdown(&ctx);
    let t = ctx.totals();
    for it in &ctx.items {
        assert!(md.contains(&num(it.estimate.location_based.0)), "{md}");
        assert!(md.contains(&num(it.estimate.energy.total.0)), "{md}");
    }
    assert!(md.contains(&format!("**{} kgCO₂e**", num(t.location_based.central.0))));
    assert!(md.contains("| **Total** |"));
    let table_rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table_rows.len(), 2 + 2 + 1, "{md}");
    let cells = |l: &str| l.matches('|').count() - l.matches("\\|").count();
    assert!(
        table_rows.iter().all(|l| cells(l) == cells(table_rows[0])),
        "{md}"
    );
    assert_eq!(markdown::escape("a|b <i>"), "a\\|b \\<i\\>");
}

#[test]
fn model_card_block_is_simple_valid_yaml_with_grams() {
    let (ctx, inputs) = single();
    let e = calculate(&inputs, factors()).expect("valid");
    let card = model_card(&ctx);
    let mut lines = card.lines();
    assert_eq!(lines.next(), Some("co2_eq_emissions:"));
    let mut keys = Vec::new();
    let mut comments = Vec::new();
    for l in lines {
        let rest = l.strip_prefix("  ").expect("indented by two spaces");
        if let Some(comment) = rest.strip_prefix("# ") {
            comments.push(comment.to_string());
            continue;
        }
        let (key, value) = rest.split_once(": ").expect("key: value");
        keys.push(key.to_string());
        if key == "emissions" {
            let grams: f64 = value.parse().expect("a number");
            assert!(
                (grams - e.location_based.0 * 1000.0).abs() <= 0.05,
                "{card}"
            );
        } else {
            assert!(value.starts_with('"') && value.ends_with('"'), "{l}");
            let inner = &value[1..value.len() - 1];
            assert!(!inner.replace("\\\"", "").contains('"'), "{l}");
        }
    }
    assert_eq!(
        keys,
        [
            "emissions",
            "source",
            "training_type",
            "geographical_location",
            "hardware_used"
        ]
    );
    // The draw used and the upper bound at TDP are stated as YAML comments (not metadata keys).
    assert_eq!(comments.len(), 3, "{card}");
    assert!(comments[0].starts_with("operational, location-based; accelerator draw: "));
    let tdp_g = format!("{} g", e.location_based_at_tdp.0 * 1000.0);
    assert!(
        comments[1].starts_with("upper bound with every accelerator at 100 % of TDP: "),
        "{card} {tdp_g}"
    );
    // The life-cycle figures, which `emissions` leaves out, in grams.
    let embodied_g = (e.lifecycle.embodied.central.0 * 10_000.0).round() / 10.0;
    assert!(
        comments[2].starts_with(&format!(
            "life cycle, not in emissions: embodied {embodied_g} g, development 0 g, life-cycle total "
        )),
        "{card}"
    );
    assert!(card.contains(&format!(
        "source: \"ML Emissions Calculator (dataset {DATASET_VERSION})\""
    )));
    assert!(card.contains("training_type: \"fine-tuning\""));
    assert!(card.contains("hardware_used: \"8 x "));
    assert!(card.contains("us-east-1"));
}

#[test]
fn json_has_inputs_outputs_trace_and_versions_and_reimports() {
    let (ctx, inputs) = single();
    let e = calculate(&inputs, factors()).expect("valid");
    let text = json(&ctx);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["format"], EXPORT_FORMAT);
    assert_eq!(doc["dataset_version"], DATASET_VERSION);
    assert_eq!(doc["tool"]["name"], TOOL_NAME);
    let job = &doc["jobs"][0];
    assert_eq!(job["name"], "Final run");
    assert_eq!(job["estimate"]["location_based"], e.location_based.0);
    assert_eq!(job["estimate"]["energy"]["total"], e.energy.total.0);
    assert_eq!(
        job["estimate"]["trace"]["summary"],
        e.trace.summary.as_str()
    );
    assert!(doc["total"].is_null());
    assert_eq!(import_json(&text), Ok(inputs.clone()));
    // Bare inputs import too.
    let bare = serde_json::to_string(&inputs).expect("serialise");
    assert_eq!(import_json(&bare), Ok(inputs));
}

#[test]
fn json_comparison_has_a_total_and_every_job_imports() {
    let ctx = pair();
    let text = json(&ctx);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let t = ctx.totals();
    assert_eq!(
        doc["total"]["location_based"]["central"],
        t.location_based.central.0
    );
    let jobs = import_jobs(&text).expect("imports");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[1].0, "Ablation \"B\"");
    assert_eq!(jobs[1].1, ctx.items[1].inputs);
}

#[test]
fn bad_imports_are_typed_errors() {
    assert!(matches!(import_json("{nope"), Err(ImportError::Json(_))));
    assert!(matches!(
        import_json("[1,2]"),
        Err(ImportError::NotInputs(_))
    ));
    assert!(matches!(
        import_json(r#"{"hello":1}"#),
        Err(ImportError::NotInputs(_))
    ));
    assert!(matches!(
        import_json(r#"{"runs":"x"}"#),
        Err(ImportError::NotInputs(_))
    ));
    let empty = format!(r#"{{"format":"{EXPORT_FORMAT}","format_version":1,"jobs":[]}}"#);
    assert_eq!(import_json(&empty), Err(ImportError::NoJobs));
    let future = format!(r#"{{"format":"{EXPORT_FORMAT}","format_version":9,"jobs":[]}}"#);
    assert_eq!(import_json(&future), Err(ImportError::FutureFormat(9)));
    assert!(!ImportError::NoJobs.to_string().is_empty());
}

/// Splits RFC 4180 CSV into records of fields (test helper).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_quotes_per_rfc4180_and_carries_the_numbers() {
    let mut ctx = pair();
    ctx.items[0].name = "Sweep, \"40\" trials\nline 2".into();
    let text = csv(&ctx);
    assert!(text.ends_with("\r\n"));
    assert!(
        text.contains("\"Sweep, \"\"40\"\" trials\nline 2\""),
        "{text}"
    );
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 4, "{text}");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    assert_eq!(rows[1][0], ctx.items[0].name);
    for (i, it) in ctx.items.iter().enumerate() {
        let e = &it.estimate;
        assert_eq!(
            rows[i + 1][col("emissions_kg")].parse::<f64>().ok(),
            Some(e.location_based.0)
        );
        assert_eq!(
            rows[i + 1][col("energy_kwh")].parse::<f64>().ok(),
            Some(e.energy.total.0)
        );
        assert_eq!(rows[i + 1][col("dataset_version")], DATASET_VERSION);
    }
    let t = ctx.totals();
    assert_eq!(rows[3][0], "Total");
    assert_eq!(
        rows[3][col("emissions_kg")].parse::<f64>().ok(),
        Some(t.location_based.central.0)
    );
    assert_eq!(
        rows[3][col("emissions_high_kg")].parse::<f64>().ok(),
        Some(t.location_based.high.0)
    );
}

#[test]
fn every_format_states_the_draw_and_the_bound_at_tdp() {
    let (ctx, inputs) = single();
    let e = calculate(&inputs, factors()).expect("valid");
    let typical = factors()
        .draw_profile(emissions_core::model::JobKind::Unknown)
        .expect("bundled profile");
    let pct = format!("{} % of TDP on average", num(typical.typical.0));
    let bound = num(e.location_based_at_tdp.0);
    assert!(e.location_based_at_tdp.0 > e.location_based.0);
    let tex = latex(&ctx);
    assert!(
        tex.contains(&format!("{} \\% of TDP on average", num(typical.typical.0))),
        "{tex}"
    );
    assert!(
        tex.contains(&format!("would be {bound} kgCO$_2$eq")),
        "{tex}"
    );
    let md = markdown(&ctx);
    assert!(
        md.contains(&pct) && md.contains(&format!("it would be {bound} kgCO₂e")),
        "{md}"
    );
    let csv_text = csv(&ctx);
    let header: Vec<&str> = csv_text.lines().next().unwrap().split(',').collect();
    let at = header
        .iter()
        .position(|h| *h == "emissions_at_tdp_kg")
        .unwrap();
    let row = csv_text.lines().nth(1).unwrap();
    // The bound at TDP, then the life-cycle columns (embodied first).
    let after = format!(
        ",{},{},",
        e.location_based_at_tdp.0, e.lifecycle.embodied.central.0
    );
    assert!(row.contains(&after), "{row} {at}");
    assert_eq!(
        header.len(),
        at + 13,
        "12 life-cycle columns after the bound"
    );
    let doc = json(&ctx);
    assert!(doc.contains("\"location_based_at_tdp\""), "{doc}");
    assert!(doc.contains("\"kind\": \"typical\""), "{doc}");
}
