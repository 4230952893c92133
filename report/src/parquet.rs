//! Parquet copies of every table, for pandas, polars, DuckDB or Spark: the
//! same rows and columns as the CSV files, typed (integers, floats,
//! booleans, nulls for absent offsets) and with text as read — no formula
//! neutralising, which only spreadsheets need.

use credence_extract::span::{CharIndex, Span};
use credence_extract::Extraction;
use credence_score::Scores;
use polars::prelude::*;
use polars_io::parquet::write::ParquetWriter;
use std::io::Write;

fn s(name: &str, v: Vec<String>) -> Column {
    Column::new(name.into(), v)
}

fn n(name: &str, v: Vec<u32>) -> Column {
    Column::new(name.into(), v)
}

fn on(name: &str, v: Vec<Option<u32>>) -> Column {
    Column::new(name.into(), v)
}

fn text(e: &Extraction, idx: &CharIndex, span: Option<Span>) -> String {
    span.map_or(String::new(), |sp| e.slice(idx, sp).to_string())
}

fn start(span: Option<Span>) -> Option<u32> {
    span.map(|s| s.start as u32)
}

fn end(span: Option<Span>) -> Option<u32> {
    span.map(|s| s.end as u32)
}

/// `quotes` as a frame (columns of quotes.csv).
pub fn quotes(extractions: &[Extraction]) -> PolarsResult<DataFrame> {
    let mut c: [Vec<String>; 6] = Default::default();
    let mut num: [Vec<u32>; 3] = Default::default();
    let mut opt: [Vec<Option<u32>>; 2] = Default::default();
    for e in extractions {
        let idx = CharIndex::new(&e.text);
        for q in &e.quotes {
            let speaker = q.speaker.map(|i| &e.sources[i]);
            c[0].push(e.article_id.clone());
            c[1].push(q.id.clone());
            c[2].push(e.slice(&idx, q.span).to_string());
            c[3].push(speaker.map_or(String::new(), |s| s.name.clone()));
            c[4].push(speaker.map_or("", |s| s.kind.as_str()).to_string());
            c[5].push(text(e, &idx, q.cue));
            num[0].push(q.span.start as u32);
            num[1].push(q.span.end as u32);
            num[2].push(q.words as u32);
            opt[0].push(start(q.speaker_span));
            opt[1].push(end(q.speaker_span));
        }
    }
    let [article, id, quote, speaker, kind, cue] = c;
    let [st, en, words] = num;
    let [ss, se] = opt;
    DataFrame::new_infer_height(vec![
        s("article_id", article),
        s("quote_id", id),
        n("start", st),
        n("end", en),
        s("quote", quote),
        n("words", words),
        s("speaker", speaker),
        s("speaker_type", kind),
        s("cue", cue),
        on("speaker_start", ss),
        on("speaker_end", se),
    ])
}

/// `attributions` as a frame (columns of attributions.csv).
pub fn attributions(extractions: &[Extraction]) -> PolarsResult<DataFrame> {
    let mut c: [Vec<String>; 8] = Default::default();
    let mut o: [Vec<Option<u32>>; 6] = Default::default();
    for e in extractions {
        let idx = CharIndex::new(&e.text);
        for a in &e.attributions {
            let source = a.source.map(|i| &e.sources[i]);
            c[0].push(e.article_id.clone());
            c[1].push(a.id.clone());
            c[2].push(a.kind.as_str().to_string());
            c[3].push(text(e, &idx, a.source_span));
            c[4].push(source.map_or(String::new(), |s| s.name.clone()));
            c[5].push(source.map_or("", |s| s.kind.as_str()).to_string());
            c[6].push(text(e, &idx, a.cue));
            c[7].push(text(e, &idx, a.content));
            for (k, span) in [a.source_span, a.cue, a.content].into_iter().enumerate() {
                o[2 * k].push(start(span));
                o[2 * k + 1].push(end(span));
            }
        }
    }
    let [article, id, kind, st, sn, sty, ct, cot] = c;
    let [ss, se, cs, ce, os, oe] = o;
    DataFrame::new_infer_height(vec![
        s("article_id", article),
        s("attribution_id", id),
        s("kind", kind),
        s("source_text", st),
        s("source_name", sn),
        s("source_type", sty),
        s("cue_text", ct),
        s("content_text", cot),
        on("source_start", ss),
        on("source_end", se),
        on("cue_start", cs),
        on("cue_end", ce),
        on("content_start", os),
        on("content_end", oe),
    ])
}

/// `claims` as a frame (columns of claims.csv).
pub fn claims(extractions: &[Extraction], scores: Option<&Scores>) -> PolarsResult<DataFrame> {
    let mut c: [Vec<String>; 6] = Default::default();
    let mut num: [Vec<u32>; 3] = Default::default();
    let mut b: [Vec<bool>; 3] = Default::default();
    for (a, e) in extractions.iter().enumerate() {
        let idx = CharIndex::new(&e.text);
        for (i, claim) in e.claims.iter().enumerate() {
            let source = claim.source.map(|k| &e.sources[k]);
            c[0].push(e.article_id.clone());
            c[1].push(claim.id.clone());
            c[2].push(e.slice(&idx, claim.span).to_string());
            c[3].push(source.map_or(String::new(), |s| s.name.clone()));
            c[4].push(source.map_or("", |s| s.kind.as_str()).to_string());
            c[5].push(
                scores
                    .map(|s| s.corroborating_outlets(extractions, a, i).join("; "))
                    .unwrap_or_default(),
            );
            num[0].push(claim.sentence as u32);
            num[1].push(claim.span.start as u32);
            num[2].push(claim.span.end as u32);
            b[0].push(claim.attributed);
            b[1].push(claim.hedged);
            b[2].push(claim.checkworthy);
        }
    }
    let [article, id, txt, sn, sty, corr] = c;
    let [sentence, st, en] = num;
    let [attributed, hedged, checkworthy] = b;
    DataFrame::new_infer_height(vec![
        s("article_id", article),
        s("claim_id", id),
        n("sentence", sentence),
        n("start", st),
        n("end", en),
        s("text", txt),
        Column::new("attributed".into(), attributed),
        s("source_name", sn),
        s("source_type", sty),
        Column::new("hedged".into(), hedged),
        s("corroborating_outlets", corr),
        Column::new("checkworthy".into(), checkworthy),
    ])
}

/// `matches` as a frame (columns of matches.csv).
pub fn matches(extractions: &[Extraction], scores: &Scores) -> PolarsResult<DataFrame> {
    let mut c: [Vec<String>; 5] = Default::default();
    let mut sim = Vec::new();
    for m in &scores.corroboration.matches {
        let (a, b) = (&extractions[m.claim.article], &extractions[m.other.article]);
        c[0].push(a.claims[m.claim.claim].id.clone());
        c[1].push(b.claims[m.other.claim].id.clone());
        c[2].push(a.outlet.clone());
        c[3].push(b.outlet.clone());
        c[4].push(m.relation.as_str().to_string());
        sim.push(m.similarity);
    }
    let [claim, other, outlet, other_outlet, relation] = c;
    DataFrame::new_infer_height(vec![
        s("claim_id", claim),
        s("other_claim_id", other),
        s("outlet", outlet),
        s("other_outlet", other_outlet),
        Column::new("similarity".into(), sim),
        s("relation", relation),
    ])
}

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
            s("claim_id", vec!["a:c1".into(), "=b:c2".into()]),
            on("start", vec![Some(3), None]),
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
