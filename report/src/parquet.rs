//! Parquet copies of every table, for pandas, polars, DuckDB or Spark: the
//! same rows and columns as the CSV files, typed (integers, floats,
//! booleans, nulls for absent offsets) and with text as read — no formula
//! neutralising, which only spreadsheets need. The score tables are written
//! from their frames; the extraction tables from [`crate::tables::frame`].

use polars::prelude::*;
use polars_io::parquet::write::ParquetWriter;
use std::io::Write;

/// Write a frame as Parquet (zstd-compressed).
pub fn write<W: Write>(w: W, frame: &DataFrame) -> std::io::Result<()> {
    let mut frame = frame.clone();
    ParquetWriter::new(w)
        .finish(&mut frame)
        .map(|_| ())
        .map_err(|e| std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars_io::parquet::read::ParquetReader;
    use polars_io::SerReader;

    #[test]
    fn a_table_reads_back_as_written() {
        let frame = DataFrame::new_infer_height(vec![
            Column::new("claim_id".into(), vec!["a:c1", "=b:c2"]),
            Column::new("start".into(), vec![Some(3u32), None]),
            Column::new("similarity".into(), vec![0.5f64, 0.25]),
        ])
        .unwrap();
        let mut buf = Vec::new();
        write(&mut buf, &frame).unwrap();
        let back = ParquetReader::new(std::io::Cursor::new(buf))
            .finish()
            .unwrap();
        assert!(back.equals_missing(&frame), "{back:?}");
    }
}
