//! credence-report: the writers of everything credence outputs — CSV tables,
//! per-article JSONL, Markdown listings — to any `impl Write`, so tests write
//! to a `Vec<u8>` and the CLI to files.

pub mod card;
pub mod chart;
pub mod csv_cell;
pub mod diff;
pub mod eval;
pub mod extraction_tables;
pub mod listing;
pub mod markdown;
pub mod parquet;
pub mod run_info;
pub mod score_tables;
