//! The extraction-side tables — `quotes`, `attributions`, `claims`,
//! `matches`, `rejects` — defined once: each table's columns (name and
//! [`Kind`]) and a row producer that fills them from the extraction. The CSV
//! writer ([`write_csv`]) and the Parquet frames ([`frame`]) both read these
//! definitions, so the two formats cannot drift apart.
//!
//! Columns are a contract (see the README's data dictionary); rows come in
//! input order, then in text order within an article.

use crate::csv_cell::{offset, safe};
use credence_extract::corpus::Reject;
use credence_extract::{CharIndex, CharSpan, ExtractError, Extraction};
use credence_score::Scores;
use polars::prelude::{Column, DataFrame, IntoColumn, PolarsResult, StringChunkedBuilder};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// What a column holds, and so how each format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text: formula-neutralised in CSV, as read in Parquet.
    Text,
    /// An id or a fixed vocabulary word (`direct_quote`, `person`). Ids
    /// embed the input's article id, so in CSV they are formula-neutralised
    /// exactly like text (every table's ids join); vocabulary words never
    /// start with a formula character. As is in Parquet.
    Id,
    /// A count or an offset that is always present (`u32` in Parquet).
    Count,
    /// An offset that may be absent: empty in CSV, null in Parquet.
    Offset,
    /// `true` / `false`.
    Flag,
    /// A share or similarity: 4 decimals in CSV, `f64` in Parquet.
    Share,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Column name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
}

const fn field(name: &'static str, kind: Kind) -> Field {
    Field { name, kind }
}

/// One cell of a row, of its column's [`Kind`].
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    /// A [`Kind::Text`] cell.
    Text(Cow<'a, str>),
    /// A [`Kind::Id`] cell.
    Id(&'a str),
    /// A [`Kind::Count`] cell.
    Count(usize),
    /// A [`Kind::Offset`] cell.
    Offset(Option<usize>),
    /// A [`Kind::Flag`] cell.
    Flag(bool),
    /// A [`Kind::Share`] cell.
    Share(f64),
}

impl Cell<'_> {
    fn kind(&self) -> Kind {
        match self {
            Cell::Text(_) => Kind::Text,
            Cell::Id(_) => Kind::Id,
            Cell::Count(_) => Kind::Count,
            Cell::Offset(_) => Kind::Offset,
            Cell::Flag(_) => Kind::Flag,
            Cell::Share(_) => Kind::Share,
        }
    }

    /// The cell as CSV text.
    fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => safe(s),
            Cell::Id(s) => safe(s),
            Cell::Count(n) => Cow::Owned(n.to_string()),
            Cell::Offset(o) => Cow::Owned(offset(*o)),
            Cell::Flag(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Share(v) => Cow::Owned(format!("{v:.4}")),
        }
    }
}

/// A table: its file stem and its columns. Rows come from the producer
/// paired with it (see [`Rows`]).
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// File stem (`quotes` → quotes.csv, quotes.parquet).
    pub name: &'static str,
    /// Columns, in order.
    pub fields: &'static [Field],
}

impl Table {
    /// Column names, in order.
    pub fn columns(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

/// `quotes`: one row per direct quote.
pub const QUOTES: Table = Table {
    name: "quotes",
    fields: &[
        field("article_id", Kind::Text),
        field("quote_id", Kind::Id),
        field("start", Kind::Count),
        field("end", Kind::Count),
        field("quote", Kind::Text),
        field("words", Kind::Count),
        field("speaker", Kind::Text),
        field("speaker_type", Kind::Id),
        field("cue", Kind::Text),
        field("speaker_start", Kind::Offset),
        field("speaker_end", Kind::Offset),
    ],
};

/// `attributions`: one row per attribution.
pub const ATTRIBUTIONS: Table = Table {
    name: "attributions",
    fields: &[
        field("article_id", Kind::Text),
        field("attribution_id", Kind::Id),
        field("kind", Kind::Id),
        field("source_text", Kind::Text),
        field("source_name", Kind::Text),
        field("source_type", Kind::Id),
        field("cue_text", Kind::Text),
        field("content_text", Kind::Text),
        field("source_start", Kind::Offset),
        field("source_end", Kind::Offset),
        field("cue_start", Kind::Offset),
        field("cue_end", Kind::Offset),
        field("content_start", Kind::Offset),
        field("content_end", Kind::Offset),
    ],
};

/// `claims`: one row per claim.
pub const CLAIMS: Table = Table {
    name: "claims",
    fields: &[
        field("article_id", Kind::Text),
        field("claim_id", Kind::Id),
        field("sentence", Kind::Count),
        field("start", Kind::Count),
        field("end", Kind::Count),
        field("text", Kind::Text),
        field("attributed", Kind::Flag),
        field("source_name", Kind::Text),
        field("source_type", Kind::Id),
        field("hedged", Kind::Flag),
        field("corroborating_outlets", Kind::Text),
        field("checkworthy", Kind::Flag),
    ],
};

/// `matches`: one row per cross-outlet claim match, in both directions.
pub const MATCHES: Table = Table {
    name: "matches",
    fields: &[
        field("claim_id", Kind::Text),
        field("other_claim_id", Kind::Text),
        field("outlet", Kind::Text),
        field("other_outlet", Kind::Text),
        field("similarity", Kind::Share),
        field("confidence", Kind::Share),
        field("relation", Kind::Id),
    ],
};

/// `rejects`: one row per input record rejected under `--keep-going` (CSV only).
pub const REJECTS: Table = Table {
    name: "rejects",
    fields: &[
        field("input", Kind::Text),
        field("line", Kind::Count),
        field("id", Kind::Text),
        field("reason", Kind::Text),
    ],
};

/// A row producer: hands every row of its table, in order, to the sink.
pub trait Rows {
    /// The table the rows belong to.
    fn table(&self) -> Table;
    /// Hand each row to `sink`, stopping at its first error.
    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E>;
}

fn text<'a>(e: &'a Extraction, idx: &CharIndex, span: Option<CharSpan>) -> Cell<'a> {
    Cell::Text(Cow::Borrowed(span.map_or("", |s| e.slice(idx, s))))
}

/// The rows of `quotes`.
pub struct QuoteRows<'a>(pub &'a [Extraction]);

impl Rows for QuoteRows<'_> {
    fn table(&self) -> Table {
        QUOTES
    }

    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E> {
        for e in self.0 {
            let idx = CharIndex::new(&e.text);
            for q in &e.quotes {
                let speaker = q.speaker.map(|s| &e.sources[s]);
                sink(&[
                    Cell::Text(Cow::Borrowed(&e.article_id)),
                    Cell::Id(&q.id),
                    Cell::Count(q.span.start),
                    Cell::Count(q.span.end),
                    text(e, &idx, Some(q.span)),
                    Cell::Count(q.words),
                    Cell::Text(Cow::Borrowed(speaker.map_or("", |s| s.name.as_str()))),
                    Cell::Id(speaker.map_or("", |s| s.kind.as_str())),
                    text(e, &idx, q.cue),
                    Cell::Offset(q.speaker_span.map(|s| s.start)),
                    Cell::Offset(q.speaker_span.map(|s| s.end)),
                ])?;
            }
        }
        Ok(())
    }
}

/// The rows of `attributions`.
pub struct AttributionRows<'a>(pub &'a [Extraction]);

impl Rows for AttributionRows<'_> {
    fn table(&self) -> Table {
        ATTRIBUTIONS
    }

    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E> {
        for e in self.0 {
            let idx = CharIndex::new(&e.text);
            for a in &e.attributions {
                let source = a.source.map(|s| &e.sources[s]);
                sink(&[
                    Cell::Text(Cow::Borrowed(&e.article_id)),
                    Cell::Id(&a.id),
                    Cell::Id(a.kind.as_str()),
                    text(e, &idx, a.source_span),
                    Cell::Text(Cow::Borrowed(source.map_or("", |s| s.name.as_str()))),
                    Cell::Id(source.map_or("", |s| s.kind.as_str())),
                    text(e, &idx, a.cue),
                    text(e, &idx, a.content),
                    Cell::Offset(a.source_span.map(|s| s.start)),
                    Cell::Offset(a.source_span.map(|s| s.end)),
                    Cell::Offset(a.cue.map(|s| s.start)),
                    Cell::Offset(a.cue.map(|s| s.end)),
                    Cell::Offset(a.content.map(|s| s.start)),
                    Cell::Offset(a.content.map(|s| s.end)),
                ])?;
            }
        }
        Ok(())
    }
}

/// The rows of `claims`. `corroborating_outlets` (outlets separated by `; `)
/// comes from the scores; extraction alone (`scores` = `None`) leaves it empty.
pub struct ClaimRows<'a>(pub &'a [Extraction], pub Option<&'a Scores>);

impl Rows for ClaimRows<'_> {
    fn table(&self) -> Table {
        CLAIMS
    }

    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E> {
        let (extractions, scores) = (self.0, self.1);
        for (a, e) in extractions.iter().enumerate() {
            let idx = CharIndex::new(&e.text);
            for (i, c) in e.claims.iter().enumerate() {
                let corroborating = scores
                    .map(|s| s.corroborating_outlets(a, i).join("; "))
                    .unwrap_or_default();
                let source = c.source.map(|s| &e.sources[s]);
                sink(&[
                    Cell::Text(Cow::Borrowed(&e.article_id)),
                    Cell::Id(&c.id),
                    Cell::Count(c.sentence),
                    Cell::Count(c.span.start),
                    Cell::Count(c.span.end),
                    text(e, &idx, Some(c.span)),
                    Cell::Flag(c.attributed),
                    Cell::Text(Cow::Borrowed(source.map_or("", |s| s.name.as_str()))),
                    Cell::Id(source.map_or("", |s| s.kind.as_str())),
                    Cell::Flag(c.hedged),
                    Cell::Text(Cow::Owned(corroborating)),
                    Cell::Flag(c.checkworthy),
                ])?;
            }
        }
        Ok(())
    }
}

/// The rows of `matches`.
pub struct MatchRows<'a>(pub &'a [Extraction], pub &'a Scores);

impl Rows for MatchRows<'_> {
    fn table(&self) -> Table {
        MATCHES
    }

    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E> {
        let extractions = self.0;
        for m in &self.1.corroboration.matches {
            let (a, b) = (&extractions[m.claim.article], &extractions[m.other.article]);
            let outlet = |i: usize| Cell::Text(Cow::Borrowed(&self.1.articles[i].outlet));
            sink(&[
                Cell::Text(Cow::Borrowed(&a.claims[m.claim.claim].id)),
                Cell::Text(Cow::Borrowed(&b.claims[m.other.claim].id)),
                outlet(m.claim.article),
                outlet(m.other.article),
                Cell::Share(m.similarity),
                Cell::Share(m.confidence),
                Cell::Id(m.relation.as_str()),
            ])?;
        }
        Ok(())
    }
}

/// The rows of `rejects`.
pub struct RejectRows<'a>(pub &'a [Reject]);

impl Rows for RejectRows<'_> {
    fn table(&self) -> Table {
        REJECTS
    }

    fn each<E>(&self, sink: &mut dyn FnMut(&[Cell]) -> Result<(), E>) -> Result<(), E> {
        for r in self.0 {
            sink(&[
                Cell::Text(Cow::Borrowed(&r.input)),
                Cell::Count(r.line),
                Cell::Text(Cow::Borrowed(&r.id)),
                Cell::Text(Cow::Borrowed(&r.reason)),
            ])?;
        }
        Ok(())
    }
}

/// A CSV writer with credence's conventions (CRLF line ends) that has
/// written the header `columns`.
pub(crate) fn csv_writer<W: Write>(w: W, columns: &[&str]) -> io::Result<csv::Writer<W>> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    out.write_record(columns)?;
    Ok(out)
}

/// Write a table as CSV: header, then one record per row.
pub fn write_csv<W: Write>(w: W, rows: &impl Rows) -> io::Result<()> {
    let table = rows.table();
    let mut out = csv_writer(w, &table.columns())?;
    rows.each(&mut |cells: &[Cell]| {
        debug_check(table, cells);
        let record: Vec<Cow<str>> = cells.iter().map(Cell::csv).collect();
        out.write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(io::Error::from)
    })?;
    out.flush()
}

/// One typed column being filled for [`frame`].
enum Builder {
    /// Appended straight into an Arrow string array: a `Vec<String>` of a
    /// corpus's claims, converted at the end, held every text twice (the
    /// write stage's peak memory) and allocated once per cell.
    Text(StringChunkedBuilder),
    Count(Vec<u32>),
    Offset(Vec<Option<u32>>),
    Flag(Vec<bool>),
    Share(Vec<f64>),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Text | Kind::Id => Builder::Text(StringChunkedBuilder::new("".into(), 0)),
            Kind::Count => Builder::Count(Vec::new()),
            Kind::Offset => Builder::Offset(Vec::new()),
            Kind::Flag => Builder::Flag(Vec::new()),
            Kind::Share => Builder::Share(Vec::new()),
        }
    }

    fn push(&mut self, cell: &Cell) {
        match (self, cell) {
            (Builder::Text(v), Cell::Text(s)) => v.append_value(s),
            (Builder::Text(v), Cell::Id(s)) => v.append_value(s),
            (Builder::Count(v), Cell::Count(n)) => v.push(*n as u32),
            (Builder::Offset(v), Cell::Offset(o)) => v.push(o.map(|n| n as u32)),
            (Builder::Flag(v), Cell::Flag(b)) => v.push(*b),
            (Builder::Share(v), Cell::Share(x)) => v.push(*x),
            _ => unreachable!("a row producer filled a column with a cell of another kind"),
        }
    }

    fn finish(self, name: &str) -> Column {
        let name = name.into();
        match self {
            Builder::Text(v) => v.finish().with_name(name).into_column(),
            Builder::Count(v) => Column::new(name, v),
            Builder::Offset(v) => Column::new(name, v),
            Builder::Flag(v) => Column::new(name, v),
            Builder::Share(v) => Column::new(name, v),
        }
    }
}

/// A table as a typed polars frame (for Parquet): text as read, integers,
/// booleans, floats, nulls for absent offsets.
pub fn frame(rows: &impl Rows) -> PolarsResult<DataFrame> {
    let table = rows.table();
    let mut builders: Vec<Builder> = table.fields.iter().map(|f| Builder::new(f.kind)).collect();
    rows.each::<std::convert::Infallible>(&mut |cells: &[Cell]| {
        debug_check(table, cells);
        for (b, c) in builders.iter_mut().zip(cells) {
            b.push(c);
        }
        Ok(())
    })
    .unwrap_or_else(|never| match never {});
    DataFrame::new_infer_height(
        builders
            .into_iter()
            .zip(table.fields)
            .map(|(b, f)| b.finish(f.name))
            .collect(),
    )
}

/// Rows match their table's columns (checked in debug builds and tests).
fn debug_check(table: Table, cells: &[Cell]) {
    debug_assert_eq!(cells.len(), table.fields.len(), "{}", table.name);
    debug_assert!(
        cells
            .iter()
            .zip(table.fields)
            .all(|(c, f)| c.kind() == f.kind),
        "{}: a cell's kind differs from its column's",
        table.name
    );
}

/// Write `extraction.jsonl`: one JSON object per article, the full extraction.
pub fn write_jsonl<W: Write>(mut w: W, extractions: &[Extraction]) -> io::Result<()> {
    for e in extractions {
        serde_json::to_writer(&mut w, e)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// Articles per gzip member of `extraction.jsonl.gz`.
const GZ_MEMBER_ARTICLES: usize = 256;

/// Gzip members compressed at once (bounds the memory held while writing:
/// a few per core keep every core busy).
const GZ_BATCH: usize = 8;

/// Write `extraction.jsonl.gz`: [`write_jsonl`]'s lines, gzip-compressed at
/// the fastest level (JSON of an extraction compresses about fourfold even
/// so). Each run of `GZ_MEMBER_ARTICLES` (256) articles is serialised and
/// compressed on its own, in parallel, and the members are written in order:
/// a gzip file may hold several members, read as one stream by `zcat`,
/// Python's `gzip` and [`read_jsonl_gz`]. The members are cut by article
/// count, never by thread, and the header carries no time stamp, so the
/// bytes are the same for any thread count.
pub fn write_jsonl_gz<W: Write>(mut w: W, extractions: &[Extraction]) -> io::Result<()> {
    use rayon::prelude::*;
    let members: Vec<&[Extraction]> = extractions.chunks(GZ_MEMBER_ARTICLES).collect();
    for batch in members.chunks(GZ_BATCH) {
        let compressed: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|chunk| {
                // Serialised first, then compressed in one call: serde's
                // many small writes straight into the encoder cost more than
                // the compression.
                let mut json = Vec::new();
                write_jsonl(&mut json, chunk)?;
                let mut gz = flate2::GzBuilder::new()
                    .mtime(0)
                    .write(Vec::new(), flate2::Compression::fast());
                gz.write_all(&json)?;
                gz.finish()
            })
            .collect::<io::Result<_>>()?;
        for bytes in compressed {
            w.write_all(&bytes)?;
        }
    }
    w.flush()
}

/// [`read_jsonl`] of a gzip-compressed file (one member or several, as
/// [`write_jsonl_gz`] writes it); line numbers count decompressed lines.
pub fn read_jsonl_gz(r: impl io::Read, path: &Path) -> Result<Vec<Extraction>, ExtractError> {
    let gz = flate2::read::MultiGzDecoder::new(r);
    read_jsonl(io::BufReader::with_capacity(1 << 20, gz), path)
}

/// Read `extraction.jsonl` back (as [`write_jsonl`] wrote it) from `r`;
/// `path` names it in errors, with the line. Blank lines are skipped. The
/// file is input a user may edit: each record is checked
/// ([`Extraction::validate`]) and article ids must be unique, so a bad edit
/// is an error naming the line and field, not a crash later.
pub fn read_jsonl(r: impl io::BufRead, path: &Path) -> Result<Vec<Extraction>, ExtractError> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in r.lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| ExtractError::input(path, n, format!("unreadable: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let e: Extraction = serde_json::from_str(&line)
            .map_err(|e| ExtractError::input(path, n, format!("not an extraction record: {e}")))?;
        e.validate()
            .map_err(|reason| ExtractError::input(path, n, reason))?;
        if let Some(first) = seen.insert(e.article_id.clone(), n) {
            let reason = format!(
                "duplicate article id `{}` (first at line {first})",
                e.article_id
            );
            return Err(ExtractError::input(path, n, reason));
        }
        out.push(e);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use credence_extract::{extract_article, Article, Tagger};

    fn sample() -> Vec<Extraction> {
        let article = Article {
            id: "=a1".into(),
            outlet: "Example".into(),
            text: "\"We will meet on Monday,\" Steve Witkoff said in Moscow.\nOfficials said the talks went well."
                .into(),
            ..Article::default()
        };
        vec![extract_article(&article, Tagger::embedded())]
    }

    #[test]
    fn csv_and_frame_have_the_same_columns_and_rows() {
        let ex = sample();
        for (csv, frame) in [
            (
                {
                    let mut v = Vec::new();
                    write_csv(&mut v, &QuoteRows(&ex)).unwrap();
                    v
                },
                frame(&QuoteRows(&ex)).unwrap(),
            ),
            (
                {
                    let mut v = Vec::new();
                    write_csv(&mut v, &AttributionRows(&ex)).unwrap();
                    v
                },
                frame(&AttributionRows(&ex)).unwrap(),
            ),
            (
                {
                    let mut v = Vec::new();
                    write_csv(&mut v, &ClaimRows(&ex, None)).unwrap();
                    v
                },
                frame(&ClaimRows(&ex, None)).unwrap(),
            ),
        ] {
            let mut r = csv::Reader::from_reader(csv.as_slice());
            let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
            let names: Vec<String> = frame
                .get_column_names()
                .iter()
                .map(|n| n.to_string())
                .collect();
            assert_eq!(header, names);
            assert_eq!(r.records().count(), frame.height());
            assert!(frame.height() > 0);
        }
    }

    #[test]
    fn text_is_neutralised_in_csv_only() {
        let ex = sample();
        let mut v = Vec::new();
        write_csv(&mut v, &QuoteRows(&ex)).unwrap();
        let csv = String::from_utf8(v).unwrap();
        // Every id cell is neutralised alike, so claims.csv and matches.csv join.
        assert!(csv.contains("\r\n'=a1,'=a1:q1,"), "{csv}");
        let f = frame(&QuoteRows(&ex)).unwrap();
        let ids = f.column("article_id").unwrap();
        assert_eq!(ids.str().unwrap().get(0), Some("=a1"));
        assert_eq!(
            f.column("speaker_start").unwrap().dtype(),
            &polars::prelude::DataType::UInt32
        );
    }

    #[test]
    fn gzipped_jsonl_is_the_same_lines_in_members_and_round_trips() {
        // Three members (256 + 256 + 88 articles).
        let one = sample().remove(0);
        let ex: Vec<Extraction> = (0..600)
            .map(|i| Extraction {
                article_id: format!("a{i}"),
                ..one.clone()
            })
            .collect();
        let (mut plain, mut gz) = (Vec::new(), Vec::new());
        write_jsonl(&mut plain, &ex).unwrap();
        write_jsonl_gz(&mut gz, &ex).unwrap();
        assert!(
            gz.len() * 4 < plain.len(),
            "{} of {}",
            gz.len(),
            plain.len()
        );
        let mut unzipped = Vec::new();
        io::Read::read_to_end(
            &mut flate2::read::MultiGzDecoder::new(gz.as_slice()),
            &mut unzipped,
        )
        .unwrap();
        assert_eq!(unzipped, plain);
        let back = read_jsonl_gz(gz.as_slice(), Path::new("x.jsonl.gz")).unwrap();
        assert_eq!(back.len(), 600);
        assert_eq!(back[599].article_id, "a599");
        // No time stamp, so the same bytes every time (and on any thread count:
        // members are cut by article count).
        let mut again = Vec::new();
        write_jsonl_gz(&mut again, &ex).unwrap();
        assert_eq!(again, gz);
        // A damaged file is an error naming it, not a short read.
        let cut = &gz[..gz.len() / 2];
        let e = read_jsonl_gz(cut, Path::new("x.jsonl.gz")).unwrap_err();
        assert!(e.to_string().contains("x.jsonl.gz"), "{e}");
    }

    #[test]
    fn jsonl_round_trips_and_names_the_bad_line() {
        let ex = sample();
        let mut v = Vec::new();
        write_jsonl(&mut v, &ex).unwrap();
        let x = Path::new("x.jsonl");
        assert_eq!(read_jsonl(v.as_slice(), x).unwrap(), ex);
        v.extend_from_slice(b"\n{\"article_id\": 1}\n");
        let err = read_jsonl(v.as_slice(), x).unwrap_err();
        assert!(err.to_string().starts_with("x.jsonl:3: "), "{err}");
    }

    /// An edited extraction.jsonl is input: each edit the robustness issue
    /// found crashing `score`, `report` and `explain` is an error naming
    /// the line and the field.
    #[test]
    fn edited_indices_and_spans_are_errors_naming_the_field() {
        let ex = sample();
        let mut v = Vec::new();
        write_jsonl(&mut v, &ex).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&v).unwrap();
        let x = Path::new("x.jsonl");
        let edits: [(&str, serde_json::Value, &str); 5] = [
            (
                "/attributions/0/source",
                999.into(),
                "attributions[0].source = 999",
            ),
            ("/quotes/0/speaker", 999.into(), "quotes[0].speaker = 999"),
            (
                "/quotes/0/span",
                serde_json::json!({"start": 20, "end": 5}),
                "quotes[0].span starts at 20",
            ),
            (
                "/claims/0/span",
                serde_json::json!({"start": 0, "end": 100000}),
                "claims[0].span ends at 100000",
            ),
            ("/claims/0/sentence", 7.into(), "claims[0].sentence = 7"),
        ];
        for (pointer, value, expected) in edits {
            let mut edited = line.clone();
            *edited.pointer_mut(pointer).unwrap() = value;
            let text = format!("{edited}\n");
            let err = read_jsonl(text.as_bytes(), x).unwrap_err();
            assert!(err.to_string().starts_with("x.jsonl:1: "), "{err}");
            assert!(err.to_string().contains(expected), "{pointer}: {err}");
        }
        let twice = format!("{line}\n{line}\n");
        let err = read_jsonl(twice.as_bytes(), x).unwrap_err();
        assert!(
            err.to_string().contains("x.jsonl:2: duplicate article id"),
            "{err}"
        );
    }
}
