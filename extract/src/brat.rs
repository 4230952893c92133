//! Reading brat standoff annotations (`.ann`), PolNeAR's format.
//!
//! `T<n>\t<Type> <start> <end>[;<start> <end>...]\t<text>` declares a span
//! (character offsets); `E<n>\tAttribution:T.. Source:T.. Cue:T.. Content:T..`
//! ties them into one attribution. Discontinuous spans are read as the range
//! from their first start to their last end. Lines of any other shape
//! (annotator notes, the continuation of a span text that held a newline)
//! are skipped.

use crate::error::ExtractError;
use crate::span::Span;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One gold attribution, character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldAttribution {
    /// The source span, if annotated.
    pub source: Option<Span>,
    /// The cue span, if annotated.
    pub cue: Option<Span>,
    /// The content span, if annotated.
    pub content: Option<Span>,
}

/// All annotations of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldArticle {
    /// Every `Source` span (character offsets), sorted, deduplicated.
    pub sources: Vec<Span>,
    /// Every `Cue` span.
    pub cues: Vec<Span>,
    /// Every `Content` span.
    pub contents: Vec<Span>,
    /// The attributions (relations).
    pub attributions: Vec<GoldAttribution>,
}

/// Parse the text of one `.ann` file.
pub fn parse_ann(text: &str) -> GoldArticle {
    let mut spans: BTreeMap<&str, (&str, Span)> = BTreeMap::new();
    let mut gold = GoldArticle::default();
    let mut relations = Vec::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else {
            continue;
        };
        let numbered = |p: char| {
            id.starts_with(p) && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if numbered('T') {
            let Some((kind, ranges)) = body.split_once(' ') else {
                continue;
            };
            let mut bounds = ranges
                .split([' ', ';'])
                .filter_map(|x| x.parse::<usize>().ok());
            let Some(start) = bounds.next() else { continue };
            let end = bounds.next_back().unwrap_or(start);
            if end < start {
                continue;
            }
            let span = Span::new(start, end);
            spans.insert(id, (kind, span));
            match kind {
                "Source" => gold.sources.push(span),
                "Cue" => gold.cues.push(span),
                "Content" => gold.contents.push(span),
                _ => {}
            }
        } else if numbered('E') {
            relations.push(body);
        }
    }
    for body in relations {
        let mut a = GoldAttribution::default();
        for arg in body.split(' ') {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let Some(&(_, span)) = spans.get(tid) else {
                continue;
            };
            match role {
                "Source" => a.source = Some(span),
                "Cue" => a.cue = Some(span),
                "Content" => a.content = Some(span),
                _ => {}
            }
        }
        if a.cue.is_some() || a.content.is_some() {
            gold.attributions.push(a);
        }
    }
    for v in [&mut gold.sources, &mut gold.cues, &mut gold.contents] {
        v.sort();
        v.dedup();
    }
    gold
}

/// The `.ann` file per article id in `dir`: the id is the file stem up to its
/// last `_` (PolNeAR names files `<article>_<annotator>.ann`) or the whole stem.
/// When several annotators exist, the first in sorted order is used.
pub fn ann_files(dir: &Path) -> Result<BTreeMap<String, PathBuf>, ExtractError> {
    let read = std::fs::read_dir(dir).map_err(|e| ExtractError::io(dir, e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| ExtractError::io(dir, e))?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ann") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut out = BTreeMap::new();
    for path in paths {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let id = stem
            .rsplit_once('_')
            .map_or(stem.as_str(), |(a, _)| a)
            .to_string();
        out.entry(id).or_insert(path);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spans_relations_and_discontinuous_ranges() {
        let ann = "T1\tSource 0 5\tHaley\nT2\tCue 6 10\tsays\nT3\tContent 11 20;22 30\tit will\nsecond line of text\nT4\tAttribution 6 10\tsays\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let g = parse_ann(ann);
        assert_eq!(g.sources, [Span::new(0, 5)]);
        assert_eq!(g.contents, [Span::new(11, 30)]);
        assert_eq!(g.attributions.len(), 1);
        assert_eq!(g.attributions[0].source, Some(Span::new(0, 5)));
        assert_eq!(g.attributions[0].cue, Some(Span::new(6, 10)));
    }
}
