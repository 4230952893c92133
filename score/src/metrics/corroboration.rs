//! The `corroboration` component.

use super::{Direction, Metric};

#[doc = include_str!("corroboration.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Corroboration;

impl Metric for Corroboration {
    fn name(&self) -> &'static str {
        "corroboration"
    }

    fn doc(&self) -> &'static str {
        include_str!("corroboration.md")
    }

    fn direction(&self) -> Direction {
        Direction::HigherIsBetter
    }

    fn numerator(&self) -> &'static str {
        "claims_corroborated"
    }

    fn denominator(&self) -> &'static str {
        "claims_checkworthy"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn share_of_checkworthy_claims_corroborated() {
        let df = counts(&[
            ("claims_corroborated", &[1, 0, 2]),
            ("claims_checkworthy", &[3, 0, 2]),
        ]);
        assert_eq!(values(&Corroboration, &df), [0.3333, 0.0, 1.0]);
        assert_eq!(Corroboration.direction(), Direction::HigherIsBetter);
    }
}
