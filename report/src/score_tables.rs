//! `articles.csv`, `outlets.csv` and `matches.csv`: the scoring stage's tables.
//!
//! Fixed decimals: 2 for reliability and its interval (a 0–100 scale), 4 for
//! every share and similarity. Empty cells for values that do not exist (an
//! interval for an outlet with one article, an unreadable date).

use crate::csv_cell::safe;
use crate::extraction_tables::writer;
use credence_extract::Extraction;
use credence_score::Scores;
use polars::prelude::*;
use std::io::{self, Write};

/// Columns of `matches.csv`.
pub const MATCH_COLUMNS: &[&str] = &[
    "claim_id",
    "other_claim_id",
    "outlet",
    "other_outlet",
    "similarity",
    "relation",
];

fn decimals(column: &str) -> usize {
    if column.starts_with("reliability") {
        2
    } else {
        4
    }
}

fn invalid(e: PolarsError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

/// Write a score table as CSV: header, then one record per row, every cell
/// formatted by its type (text neutralised, floats with fixed decimals).
pub fn write_frame<W: Write>(w: W, frame: &DataFrame) -> io::Result<()> {
    let names: Vec<&str> = frame
        .get_column_names()
        .into_iter()
        .map(|n| n.as_str())
        .collect();
    let mut out = writer(w, &names)?;
    let columns = frame.columns();
    let mut record: Vec<String> = Vec::with_capacity(columns.len());
    for row in 0..frame.height() {
        record.clear();
        for c in columns {
            let cell = match c.get(row).map_err(invalid)? {
                AnyValue::Null => String::new(),
                AnyValue::String(s) => safe(s).into_owned(),
                AnyValue::StringOwned(s) => safe(&s).into_owned(),
                AnyValue::Float64(v) => format!("{v:.*}", decimals(c.name())),
                AnyValue::Float32(v) => format!("{v:.*}", decimals(c.name())),
                AnyValue::Boolean(b) => b.to_string(),
                other => other.to_string(),
            };
            record.push(cell);
        }
        out.write_record(&record)?;
    }
    out.flush()
}

/// Write `articles.csv`.
pub fn write_articles<W: Write>(w: W, scores: &Scores) -> io::Result<()> {
    write_frame(w, &scores.articles)
}

/// Write `outlets.csv`.
pub fn write_outlets<W: Write>(w: W, scores: &Scores) -> io::Result<()> {
    write_frame(w, &scores.outlets)
}

/// Write `matches.csv`: every cross-outlet claim match, in both directions
/// (filter on `claim_id` to see all matches of a claim).
pub fn write_matches<W: Write>(
    w: W,
    extractions: &[Extraction],
    scores: &Scores,
) -> io::Result<()> {
    let mut out = writer(w, MATCH_COLUMNS)?;
    for m in &scores.corroboration.matches {
        let (a, b) = (&extractions[m.claim.article], &extractions[m.other.article]);
        out.write_record([
            safe(&a.claims[m.claim.claim].id).as_ref(),
            &safe(&b.claims[m.other.claim].id),
            &safe(&a.outlet),
            &safe(&b.outlet),
            &format!("{:.4}", m.similarity),
            m.relation.as_str(),
        ])?;
    }
    out.flush()
}
