//! Errors of the scoring stage.

use thiserror::Error;

/// Why scoring failed.
#[derive(Debug, Error)]
pub enum ScoreError {
    /// The scoring configuration is invalid.
    #[error("{origin}: invalid scoring configuration: {message}")]
    Config {
        /// The file (or "defaults").
        origin: String,
        /// What is wrong, naming the key.
        message: String,
    },
    /// A table operation failed (a bug, or input that breaks an assumption).
    #[error("building the score tables: {0}")]
    Table(#[from] polars::error::PolarsError),
}
