//! credence-score: per-article and per-outlet metrics and cross-outlet corroboration.
//!
//! Not built yet: the scoring stage (issue "score") consumes the tables that
//! `credence-extract` produces. This crate is a placeholder in the workspace so
//! that the stage boundary exists from the start; it exports nothing.
