//! The `named_sourcing` component.

use super::{Direction, Metric};

#[doc = include_str!("named_sourcing.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct NamedSourcing;

impl Metric for NamedSourcing {
    fn name(&self) -> &'static str {
        "named_sourcing"
    }

    fn doc(&self) -> &'static str {
        include_str!("named_sourcing.md")
    }

    fn direction(&self) -> Direction {
        Direction::HigherIsBetter
    }

    fn numerator(&self) -> &'static str {
        "attributions_named"
    }

    fn denominator(&self) -> &'static str {
        "attributions_typed"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn share_of_typed_attributions_that_are_named() {
        let df = counts(&[
            ("attributions_named", &[3, 0, 0]),
            ("attributions_typed", &[4, 2, 0]),
        ]);
        assert_eq!(values(&NamedSourcing, &df), [0.75, 0.0, 0.0]);
        assert_eq!(NamedSourcing.direction(), Direction::HigherIsBetter);
    }
}
