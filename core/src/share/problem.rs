//! Typed problems of a share link's parameters, each with a sentence for the page.

use std::fmt;

/// What is wrong with one query parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamIssue {
    /// Not a parameter of the contract.
    Unknown,
    /// Given more than once; the first value is used.
    Duplicate,
    /// Not a finite number.
    NotANumber {
        /// The value received (decoded).
        value: String,
    },
    /// Empty where an id is needed.
    Empty,
    /// `loc` not of the form `<provider>/<region>` or `grid/<zone>`.
    BadLocation {
        /// The value received (decoded).
        value: String,
    },
    /// A cited figure (`kg`, `kwh`) that is not a finite number; the link's figure is not shown.
    BadFigure {
        /// The value received (decoded).
        value: String,
    },
    /// Not one of the values the parameter takes.
    BadChoice {
        /// The value received (decoded).
        value: String,
        /// The values accepted, e.g. `"pretrain" or "finetune"`.
        expected: &'static str,
    },
    /// Well-formed but overridden by another parameter.
    Ignored {
        /// Why, as a sentence fragment.
        reason: &'static str,
    },
}

/// One problem found while reading a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamProblem {
    /// The parameter name as it appeared (decoded).
    pub param: String,
    /// What is wrong.
    pub issue: ParamIssue,
}

impl ParamProblem {
    pub(crate) fn new(param: &str, issue: ParamIssue) -> Self {
        ParamProblem {
            param: param.to_string(),
            issue,
        }
    }

    /// The problem as a sentence (same as `Display`).
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ParamProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.param;
        match &self.issue {
            ParamIssue::Unknown => write!(f, "Unknown link parameter \"{p}\" was ignored"),
            ParamIssue::Duplicate => {
                write!(f, "Link parameter \"{p}\" appears more than once; the first value is used")
            }
            ParamIssue::NotANumber { value } => write!(
                f,
                "Link parameter \"{p}\" must be a number (got \"{value}\"); the default is used"
            ),
            ParamIssue::Empty => {
                write!(f, "Link parameter \"{p}\" is empty; the default is used")
            }
            ParamIssue::BadLocation { value } => write!(
                f,
                "Link parameter \"{p}\" must be <provider>/<region> or grid/<zone> (got \"{value}\"); \
                 the default location is used"
            ),
            ParamIssue::BadFigure { value } => write!(
                f,
                "Link parameter \"{p}\" must be a number (got \"{value}\"); the link's figure is not \
                 shown"
            ),
            ParamIssue::BadChoice { value, expected } => write!(
                f,
                "Link parameter \"{p}\" must be {expected} (got \"{value}\"); the default is used"
            ),
            ParamIssue::Ignored { reason } => {
                write!(f, "Link parameter \"{p}\" was ignored: {reason}")
            }
        }
    }
}

impl std::error::Error for ParamProblem {}

/// The value of parameter `name` as a finite number; anything else (text, NaN, infinity) adds a
/// [`ParamIssue::NotANumber`] to `problems` and gives `None`. Shared by every reader of numeric
/// link parameters, so they report bad numbers the same way.
pub(crate) fn finite_number(
    name: &str,
    value: &str,
    problems: &mut Vec<ParamProblem>,
) -> Option<f64> {
    match crate::number::parse(value.trim()) {
        Some(x) if x.is_finite() => Some(x),
        _ => {
            let issue = ParamIssue::NotANumber {
                value: value.to_string(),
            };
            problems.push(ParamProblem::new(name, issue));
            None
        }
    }
}
