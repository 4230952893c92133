//! `report.xlsx` (with `--xlsx`): the tables as one workbook for
//! spreadsheet users — sheets Outlets, Articles, Claims, Quotes, Matches and
//! About — written with `rust_xlsxwriter`.
//!
//! Cells are typed (numbers are numbers, `true`/`false` are booleans, absent
//! values are empty cells), the header row is bold and frozen, every sheet
//! has filters on its header and columns sized to their content. Scores show
//! 2 decimals, shares 4, as in the CSV files; the cell holds the same value.
//! Text is written as text, so nothing in it can act as a formula (the CSV
//! files need a prefix for that; a typed cell does not).
//!
//! Excel holds at most 1,048,576 rows a sheet and 32,767 characters a cell:
//! a longer table is cut at the limit, and the About sheet says so (every
//! row is in the CSV and Parquet files); a longer text ends in `…`.
//! The workbook's creation date is fixed, so the same run gives the same
//! bytes.

use crate::tables::{Cell, ClaimRows, MatchRows, QuoteRows, Rows};
use credence_extract::Extraction;
use credence_score::{Config, Scores};
use polars::prelude::{AnyValue, DataFrame};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};

/// Data rows a sheet holds (Excel's rows less the header).
pub const MAX_ROWS: usize = 1_048_575;
/// Characters a cell holds.
const MAX_CHARS: usize = 32_767;
/// Rows read to size the columns.
const SAMPLE: usize = 200;

fn err(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

/// A cell's text, cut to what a cell holds.
fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CHARS {
        return s.into();
    }
    let mut out: String = s.chars().take(MAX_CHARS - 1).collect();
    out.push('…');
    out.into()
}

/// Formats shared by every sheet.
struct Formats {
    header: Format,
    score: Format,
    share: Format,
}

/// Column widths from the header and the first rows' text lengths.
struct Widths(Vec<usize>);

impl Widths {
    fn new(columns: &[&str]) -> Widths {
        Widths(columns.iter().map(|c| c.chars().count() + 2).collect())
    }

    fn see(&mut self, col: usize, chars: usize) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(chars + 1);
        }
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, &w) in self.0.iter().enumerate() {
            sheet.set_column_width(c as u16, w.clamp(6, 60) as f64)?;
        }
        Ok(())
    }
}

/// The header row, bold. (A streamed sheet takes its rows in order: the
/// header first.)
fn header(sheet: &mut Worksheet, columns: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &f.header)?;
    }
    Ok(())
}

/// The header frozen, filters over it and `rows` data rows, column widths.
fn finish(
    sheet: &mut Worksheet,
    columns: usize,
    rows: usize,
    widths: &Widths,
) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    if columns > 0 {
        sheet.autofilter(0, 0, rows as u32, (columns - 1) as u16)?;
    }
    widths.apply(sheet)
}

/// A score table (articles or outlets) from its frame.
fn frame_sheet(sheet: &mut Worksheet, frame: &DataFrame, f: &Formats) -> Result<usize, XlsxError> {
    let names: Vec<&str> = frame
        .get_column_names()
        .into_iter()
        .map(|n| n.as_str())
        .collect();
    let rows = frame.height().min(MAX_ROWS);
    let mut widths = Widths::new(&names);
    header(sheet, &names, f)?;
    for r in 0..rows {
        for (c, column) in frame.columns().iter().enumerate() {
            let score = column.name().starts_with("reliability");
            let (row, col) = ((r + 1) as u32, c as u16);
            let value = column
                .get(r)
                .map_err(|e| XlsxError::ParameterError(e.to_string()))?;
            let chars = match value {
                AnyValue::Null => 0,
                AnyValue::String(s) => {
                    sheet.write_string(row, col, fit(s))?;
                    s.chars().count()
                }
                AnyValue::StringOwned(s) => {
                    sheet.write_string(row, col, fit(&s))?;
                    s.chars().count()
                }
                AnyValue::Boolean(b) => {
                    sheet.write_boolean(row, col, b)?;
                    5
                }
                AnyValue::Float64(v) => {
                    let format = if score { &f.score } else { &f.share };
                    sheet.write_number_with_format(row, col, v, format)?;
                    8
                }
                other => match other.extract::<f64>() {
                    Some(v) => {
                        sheet.write_number(row, col, v)?;
                        format!("{v}").len()
                    }
                    None => {
                        let s = other.to_string();
                        sheet.write_string(row, col, fit(&s))?;
                        s.chars().count()
                    }
                },
            };
            if r < SAMPLE {
                widths.see(c, chars);
            }
        }
    }
    finish(sheet, names.len(), rows, &widths)?;
    Ok(frame.height())
}

/// An extraction-side table from its rows; returns how many rows it has
/// (all of them, also those past the sheet's limit).
fn rows_sheet(sheet: &mut Worksheet, rows: &impl Rows, f: &Formats) -> Result<usize, XlsxError> {
    let table = rows.table();
    let names = table.columns();
    let mut widths = Widths::new(&names);
    let mut n = 0usize;
    header(sheet, &names, f)?;
    rows.each(&mut |cells: &[Cell]| -> Result<(), XlsxError> {
        n += 1;
        if n > MAX_ROWS {
            return Ok(());
        }
        let row = n as u32;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let chars = match cell {
                Cell::Text(s) => {
                    sheet.write_string(row, col, fit(s))?;
                    s.chars().count()
                }
                Cell::Id(s) => {
                    sheet.write_string(row, col, fit(s))?;
                    s.chars().count()
                }
                Cell::Count(v) => {
                    sheet.write_number(row, col, *v as f64)?;
                    v.to_string().len()
                }
                Cell::Offset(Some(v)) => {
                    sheet.write_number(row, col, *v as f64)?;
                    v.to_string().len()
                }
                Cell::Offset(None) => 0,
                Cell::Flag(b) => {
                    sheet.write_boolean(row, col, *b)?;
                    5
                }
                Cell::Share(v) => {
                    sheet.write_number_with_format(row, col, *v, &f.share)?;
                    6
                }
            };
            if n <= SAMPLE {
                widths.see(c, chars);
            }
        }
        Ok(())
    })?;
    finish(sheet, names.len(), n.min(MAX_ROWS), &widths)?;
    Ok(n)
}

/// A new sheet written row by row to a temporary file.
fn streamed<'a>(book: &'a mut Workbook, name: &str) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    Ok(sheet)
}

/// Write the workbook.
pub fn write<W: Write + Send>(
    w: W,
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
) -> io::Result<()> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("credence reliability report")
            .set_creation_datetime(&created),
    );
    let f = Formats {
        header: Format::new().set_bold(),
        score: Format::new().set_num_format("0.00"),
        share: Format::new().set_num_format("0.0000"),
    };
    let mut sizes = Vec::new();
    {
        let sheet = streamed(&mut book, "Outlets").map_err(err)?;
        sizes.push((
            "Outlets",
            frame_sheet(sheet, &scores.outlets_table, &f).map_err(err)?,
        ));
    }
    {
        let sheet = streamed(&mut book, "Articles").map_err(err)?;
        sizes.push((
            "Articles",
            frame_sheet(sheet, &scores.articles_table, &f).map_err(err)?,
        ));
    }
    {
        let sheet = streamed(&mut book, "Claims").map_err(err)?;
        let rows = ClaimRows(extractions, Some(scores));
        sizes.push(("Claims", rows_sheet(sheet, &rows, &f).map_err(err)?));
    }
    {
        let sheet = streamed(&mut book, "Quotes").map_err(err)?;
        sizes.push((
            "Quotes",
            rows_sheet(sheet, &QuoteRows(extractions), &f).map_err(err)?,
        ));
    }
    {
        let sheet = streamed(&mut book, "Matches").map_err(err)?;
        let rows = MatchRows(extractions, scores);
        sizes.push(("Matches", rows_sheet(sheet, &rows, &f).map_err(err)?));
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name("About").map_err(err)?;
        let mut lines = vec![
            "credence reliability report: the tables of one run".to_string(),
            format!("scoring config {}", config.hash()),
            String::new(),
        ];
        for (name, n) in &sizes {
            lines.push(if *n > MAX_ROWS {
                format!(
                    "{name}: the first {MAX_ROWS} of {n} rows (a sheet's limit); every row is in the CSV and Parquet files"
                )
            } else {
                format!("{name}: {n} rows")
            });
        }
        lines.push(String::new());
        lines.push(
            "Columns are those of the CSV files of the same name (see credence's README).".into(),
        );
        for (r, line) in lines.iter().enumerate() {
            sheet.write_string(r as u32, 0, line).map_err(err)?;
        }
        sheet.set_column_width(0, 100).map_err(err)?;
    }
    book.save_to_writer(w).map_err(err)
}
