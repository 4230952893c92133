//! `quotes.csv`, `attributions.csv`, `claims.csv`, `rejects.csv` and
//! `extraction.jsonl`: the extraction stage's tables.
//!
//! Columns are a contract (see the README's data dictionary); rows come in
//! input order, then in text order within an article.

use crate::csv_cell::{offset, safe};
use credence_extract::corpus::Reject;
use credence_extract::span::{CharIndex, Span};
use credence_extract::Extraction;
use credence_score::Scores;
use std::io::{self, Write};

/// Columns of `quotes.csv`.
pub const QUOTE_COLUMNS: &[&str] = &[
    "article_id",
    "quote_id",
    "start",
    "end",
    "quote",
    "words",
    "speaker",
    "speaker_type",
    "cue",
    "speaker_start",
    "speaker_end",
];
/// Columns of `attributions.csv`.
pub const ATTRIBUTION_COLUMNS: &[&str] = &[
    "article_id",
    "attribution_id",
    "kind",
    "source_text",
    "source_name",
    "source_type",
    "cue_text",
    "content_text",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
];
/// Columns of `claims.csv`.
pub const CLAIM_COLUMNS: &[&str] = &[
    "article_id",
    "claim_id",
    "sentence",
    "start",
    "end",
    "text",
    "attributed",
    "source_name",
    "source_type",
    "hedged",
    "corroborating_outlets",
    "checkworthy",
];
/// Columns of `rejects.csv`.
pub const REJECT_COLUMNS: &[&str] = &["input", "line", "id", "reason"];

pub(crate) fn writer<W: Write>(w: W, columns: &[&str]) -> io::Result<csv::Writer<W>> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    out.write_record(columns)?;
    Ok(out)
}

fn text<'a>(e: &'a Extraction, idx: &CharIndex, span: Option<Span>) -> &'a str {
    span.map_or("", |s| e.slice(idx, s))
}

pub(crate) fn bool_cell(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Write `quotes.csv`.
pub fn write_quotes<W: Write>(w: W, extractions: &[Extraction]) -> io::Result<()> {
    let mut out = writer(w, QUOTE_COLUMNS)?;
    for e in extractions {
        let idx = CharIndex::new(&e.text);
        for q in &e.quotes {
            let speaker = q.speaker.map(|s| &e.sources[s]);
            out.write_record([
                safe(&e.article_id).as_ref(),
                &q.id,
                &q.span.start.to_string(),
                &q.span.end.to_string(),
                &safe(e.slice(&idx, q.span)),
                &q.words.to_string(),
                &safe(speaker.map_or("", |s| s.name.as_str())),
                speaker.map_or("", |s| s.kind.as_str()),
                &safe(text(e, &idx, q.cue)),
                &offset(q.speaker_span.map(|s| s.start)),
                &offset(q.speaker_span.map(|s| s.end)),
            ])?;
        }
    }
    out.flush()
}

/// Write `attributions.csv`.
pub fn write_attributions<W: Write>(w: W, extractions: &[Extraction]) -> io::Result<()> {
    let mut out = writer(w, ATTRIBUTION_COLUMNS)?;
    for e in extractions {
        let idx = CharIndex::new(&e.text);
        for a in &e.attributions {
            let source = a.source.map(|s| &e.sources[s]);
            out.write_record([
                safe(&e.article_id).as_ref(),
                &a.id,
                a.kind.as_str(),
                &safe(text(e, &idx, a.source_span)),
                &safe(source.map_or("", |s| s.name.as_str())),
                source.map_or("", |s| s.kind.as_str()),
                &safe(text(e, &idx, a.cue)),
                &safe(text(e, &idx, a.content)),
                &offset(a.source_span.map(|s| s.start)),
                &offset(a.source_span.map(|s| s.end)),
                &offset(a.cue.map(|s| s.start)),
                &offset(a.cue.map(|s| s.end)),
                &offset(a.content.map(|s| s.start)),
                &offset(a.content.map(|s| s.end)),
            ])?;
        }
    }
    out.flush()
}

/// Write `claims.csv`. `corroborating_outlets` (outlets separated by `; `)
/// comes from the scores; extraction alone (`scores` = `None`) leaves it empty.
pub fn write_claims<W: Write>(
    w: W,
    extractions: &[Extraction],
    scores: Option<&Scores>,
) -> io::Result<()> {
    let mut out = writer(w, CLAIM_COLUMNS)?;
    for (a, e) in extractions.iter().enumerate() {
        let idx = CharIndex::new(&e.text);
        for (i, c) in e.claims.iter().enumerate() {
            let corroborating = scores
                .map(|s| s.corroborating_outlets(extractions, a, i).join("; "))
                .unwrap_or_default();
            let source = c.source.map(|s| &e.sources[s]);
            out.write_record([
                safe(&e.article_id).as_ref(),
                &c.id,
                &c.sentence.to_string(),
                &c.span.start.to_string(),
                &c.span.end.to_string(),
                &safe(e.slice(&idx, c.span)),
                bool_cell(c.attributed),
                &safe(source.map_or("", |s| s.name.as_str())),
                source.map_or("", |s| s.kind.as_str()),
                bool_cell(c.hedged),
                &safe(&corroborating),
                bool_cell(c.checkworthy),
            ])?;
        }
    }
    out.flush()
}

/// Write `rejects.csv`.
pub fn write_rejects<W: Write>(w: W, rejects: &[Reject]) -> io::Result<()> {
    let mut out = writer(w, REJECT_COLUMNS)?;
    for r in rejects {
        out.write_record([
            safe(&r.input).as_ref(),
            &r.line.to_string(),
            &safe(&r.id),
            &safe(&r.reason),
        ])?;
    }
    out.flush()
}

/// Write `extraction.jsonl`: one JSON object per article, the full extraction.
pub fn write_jsonl<W: Write>(mut w: W, extractions: &[Extraction]) -> io::Result<()> {
    for e in extractions {
        serde_json::to_writer(&mut w, e)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}
