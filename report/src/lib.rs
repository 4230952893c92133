//! credence-report: the writers of everything credence outputs — CSV tables,
//! per-article JSONL, and Markdown.

pub mod eval;
