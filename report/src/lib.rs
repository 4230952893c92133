//! credence-report: the writers of everything credence outputs — CSV tables,
//! per-article JSONL, Markdown listings — to any `impl Write`, so tests write
//! to a `Vec<u8>` and the CLI to files.

pub mod csv_cell;
pub mod eval;
pub mod extraction_tables;
pub mod listing;
pub mod score_tables;
