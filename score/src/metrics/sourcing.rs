//! The `sourcing` component.

use super::{Direction, Metric};

#[doc = include_str!("sourcing.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Sourcing;

impl Metric for Sourcing {
    fn name(&self) -> &'static str {
        "sourcing"
    }

    fn doc(&self) -> &'static str {
        include_str!("sourcing.md")
    }

    fn direction(&self) -> Direction {
        Direction::HigherIsBetter
    }

    fn numerator(&self) -> &'static str {
        "claims_attributed"
    }

    fn denominator(&self) -> &'static str {
        "claims"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn share_of_claims_attributed_zero_without_claims() {
        let df = counts(&[("claims_attributed", &[3, 0, 0]), ("claims", &[4, 0, 5])]);
        assert_eq!(values(&Sourcing, &df), [0.75, 0.0, 0.0]);
        assert_eq!(Sourcing.direction(), Direction::HigherIsBetter);
    }
}
