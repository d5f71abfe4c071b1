//! The number checks shared by every field: finite, positive, in range, whole.

use super::super::errors::{Field, InputError, Problem};

/// Collects errors while checking numbers.
pub(super) struct Checker {
    /// Every problem found so far.
    pub(super) errors: Vec<InputError>,
}

impl Checker {
    pub(super) fn fail(&mut self, field: Field, problem: Problem) {
        self.errors.push(InputError::new(field, problem));
    }

    /// A finite number, else an error.
    pub(super) fn finite(&mut self, field: Field, x: f64) -> Option<f64> {
        if x.is_finite() {
            Some(x)
        } else {
            self.fail(
                field,
                Problem::NotFinite {
                    got: crate::number::shortest(x),
                },
            );
            None
        }
    }

    /// A finite number > 0 and ≤ `max`.
    pub(super) fn positive(&mut self, field: Field, x: f64, max: f64) -> Option<f64> {
        let x = self.finite(field, x)?;
        if x <= 0.0 {
            self.fail(field, Problem::NotPositive { got: x });
            None
        } else if x > max {
            self.fail(field, Problem::TooLarge { got: x, max });
            None
        } else {
            Some(x)
        }
    }

    /// A finite number in `[min, max]`.
    pub(super) fn within(&mut self, field: Field, x: f64, (min, max): (f64, f64)) -> Option<f64> {
        let x = self.finite(field, x)?;
        if (min..=max).contains(&x) {
            Some(x)
        } else {
            self.fail(field, Problem::OutOfRange { got: x, min, max });
            None
        }
    }

    /// A whole number ≥ 1 and ≤ `max`.
    pub(super) fn count(&mut self, field: Field, x: f64, max: f64) -> Option<u32> {
        let x = self.positive(field, x, max)?;
        if x.fract() != 0.0 {
            self.fail(field, Problem::NotWhole { got: x });
            return None;
        }
        // In range 1..=max ≤ 1e6, so the conversion is exact.
        Some(x as u32)
    }
}
