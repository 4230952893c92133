//! `articles.csv` and `outlets.csv`, written from the scoring stage's frames
//! (`matches.csv` is a [`crate::tables`] table).
//!
//! Fixed decimals: 2 for reliability and its interval (a 0–100 scale), 4 for
//! every share and similarity. Empty cells for values that do not exist (an
//! interval for an outlet with one article, an unreadable date).

use crate::csv_cell::safe;
use crate::tables::csv_writer;
use credence_score::Scores;
use polars::prelude::*;
use std::io::{self, Write};

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
    let mut out = csv_writer(w, &names)?;
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
    write_frame(w, &scores.articles_table)
}

/// Write `outlets.csv`.
pub fn write_outlets<W: Write>(w: W, scores: &Scores) -> io::Result<()> {
    write_frame(w, &scores.outlets_table)
}
