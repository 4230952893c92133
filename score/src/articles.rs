//! The scored articles table (`articles.csv`): counts, components, the
//! composite `reliability` and its `rank`.

use crate::config::Config;
use crate::metrics::{Direction, ALL};
use polars::prelude::*;

/// Columns of the articles table, in order: DESIGN's contract first, then
/// components added since (`source_diversity`), then the counts every
/// component is a ratio of (so a spreadsheet can recompute each
/// one), then the articles each is a syndicated copy of.
pub const ARTICLE_COLUMNS: &[&str] = &[
    "article_id",
    "outlet",
    "title",
    "published",
    "words",
    "sentences",
    "claims",
    "quotes",
    "attributions",
    "sources_named",
    "sources_anonymous",
    "sourcing",
    "named_sourcing",
    "quote_density",
    "corroboration",
    "hedging",
    "reliability",
    "rank",
    "source_diversity",
    "claims_attributed",
    "claims_hedged_unsourced",
    "claims_checkworthy",
    "claims_corroborated",
    "claims_conflicted",
    "quote_words",
    "attributions_named",
    "attributions_anonymous",
    "attributions_typed",
    "syndicated_with",
];

/// The composite: `100 × Σ weight × scaled / Σ weight`, each component
/// scaled to 0..1 by its saturation point (inverted where more is worse),
/// rounded to 2 decimals.
pub fn reliability(config: &Config) -> Expr {
    let total: f64 = ALL
        .iter()
        .map(|m| config.weights.get(m.name()).unwrap_or(0.0))
        .sum();
    let mut sum = lit(0.0);
    for m in ALL {
        let weight = config.weights.get(m.name()).unwrap_or(0.0);
        let saturation = config.saturation.get(m.name()).unwrap_or(1.0);
        let ratio = col(m.name()) / lit(saturation);
        let capped = when(ratio.clone().gt(lit(1.0)))
            .then(lit(1.0))
            .otherwise(ratio);
        let scaled = match m.direction() {
            Direction::HigherIsBetter => capped,
            Direction::LowerIsBetter => lit(1.0) - capped,
        };
        sum = sum + lit(weight) * scaled;
    }
    (lit(100.0) * sum / lit(total))
        .round(2, RoundMode::HalfAwayFromZero)
        .alias("reliability")
}

/// Rank by reliability, 1 = most reliable; ties share the best rank.
pub fn rank() -> Expr {
    col("reliability")
        .rank(
            RankOptions {
                method: RankMethod::Min,
                descending: true,
            },
            None,
        )
        .cast(DataType::UInt32)
        .alias("rank")
}

/// Score the counts table. `info` holds `article_id, outlet, title,
/// published, syndicated_with`, one row per article in the same order.
pub fn score_articles(
    counts: DataFrame,
    info: DataFrame,
    config: &Config,
) -> PolarsResult<DataFrame> {
    let frame = counts.hstack(info.columns())?;
    frame
        .lazy()
        .with_columns(ALL.iter().map(|m| m.value()).collect::<Vec<_>>())
        .with_column(reliability(config))
        .with_column(rank())
        .select(ARTICLE_COLUMNS.iter().map(|&c| col(c)).collect::<Vec<_>>())
        .collect()
}
