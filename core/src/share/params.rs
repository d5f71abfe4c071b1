//! The parameters of a query string: first value of each, typed reads that report problems.

use super::{decode, ParamIssue, ParamProblem, PARAMS};
use crate::number;

/// The parameters of a query, first value of each, with duplicates and unknowns reported.
pub(super) struct Params {
    values: Vec<(&'static str, String)>,
    pub(super) problems: Vec<ParamProblem>,
}

impl Params {
    pub(super) fn parse(query: &str) -> Params {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut values: Vec<(&'static str, String)> = Vec::new();
        let mut problems = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key);
            match PARAMS.iter().find(|p| **p == key) {
                None => problems.push(ParamProblem::new(&key, ParamIssue::Unknown)),
                Some(known) if values.iter().any(|(k, _)| k == known) => {
                    problems.push(ParamProblem::new(&key, ParamIssue::Duplicate));
                }
                // `loc` keeps its raw value: its `/` separates two encoded parts.
                Some(&"loc") => values.push(("loc", raw_value.to_string())),
                Some(known) => values.push((known, decode(raw_value))),
            }
        }
        Params { values, problems }
    }

    pub(super) fn text(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn id(&mut self, key: &str) -> Option<String> {
        let value = self.text(key)?.to_string();
        if value.is_empty() {
            self.problems
                .push(ParamProblem::new(key, ParamIssue::Empty));
            return None;
        }
        Some(value)
    }

    pub(super) fn number(&mut self, key: &str) -> Option<f64> {
        let value = self.text(key)?.to_string();
        super::finite_number(key, &value, &mut self.problems)
    }

    /// A cited figure: a finite number, else reported (and not shown).
    pub(super) fn figure(&mut self, key: &str) -> Option<f64> {
        let value = self.text(key)?.to_string();
        match number::parse(value.trim()) {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                let issue = ParamIssue::BadFigure { value };
                self.problems.push(ParamProblem::new(key, issue));
                None
            }
        }
    }

    pub(super) fn ignore(&mut self, key: &str, reason: &'static str) {
        if self.text(key).is_some() {
            let issue = ParamIssue::Ignored { reason };
            self.problems.push(ParamProblem::new(key, issue));
        }
    }
}
