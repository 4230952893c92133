//! brat standoff annotations (`.ann`), PolNeAR's format: reading gold
//! annotations, and writing predictions in the same form.
//!
//! `T<n>\t<Type> <start> <end>[;<start> <end>...]\t<text>` declares a span
//! (character offsets); `E<n>\tAttribution:T.. Source:T.. Cue:T.. Content:T..`
//! ties them into one attribution. Discontinuous spans are read as the range
//! from their first start to their last end. Lines of any other shape
//! (annotator notes, the continuation of a span text that held a newline)
//! are skipped.

use crate::error::ExtractError;
use crate::text::CharSpan;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One attribution in brat terms (character offsets): a gold annotation,
/// or a prediction to score against one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BratAttribution {
    /// The source span, if annotated.
    pub source: Option<CharSpan>,
    /// The cue span, if annotated.
    pub cue: Option<CharSpan>,
    /// The content span, if annotated.
    pub content: Option<CharSpan>,
}

/// All annotations of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Annotations {
    /// Every `Source` span (character offsets), sorted, deduplicated.
    pub sources: Vec<CharSpan>,
    /// Every `Cue` span.
    pub cues: Vec<CharSpan>,
    /// Every `Content` span.
    pub contents: Vec<CharSpan>,
    /// The attributions (relations).
    pub attributions: Vec<BratAttribution>,
}

/// Parse the text of one `.ann` file.
pub fn parse_ann(text: &str) -> Annotations {
    let mut spans: BTreeMap<&str, (&str, CharSpan)> = BTreeMap::new();
    let mut gold = Annotations::default();
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
            let span = CharSpan::new(start, end);
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
        let mut a = BratAttribution::default();
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

/// Read and parse the `.ann` file at `path`.
pub fn read_ann(path: &Path) -> Result<Annotations, ExtractError> {
    let text = std::fs::read_to_string(path).map_err(|e| ExtractError::io(path, e))?;
    Ok(parse_ann(&text))
}

/// `attributions` in brat standoff form: a `T` line per span (with its text
/// on one line) and an `E` line per attribution. Offsets are characters of
/// `text`.
pub fn write_ann(text: &str, attributions: &[BratAttribution]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut t = 0;
    for (e, a) in attributions.iter().enumerate() {
        let mut args = Vec::new();
        for (role, span) in [("Source", a.source), ("Cue", a.cue), ("Content", a.content)] {
            let Some(span) = span else { continue };
            t += 1;
            let excerpt: String = chars[span.start..span.end]
                .iter()
                .map(|&c| if c == '\n' { ' ' } else { c })
                .collect();
            out.push_str(&format!(
                "T{t}\t{role} {} {}\t{excerpt}\n",
                span.start, span.end
            ));
            args.push(format!("{role}:T{t}"));
        }
        out.push_str(&format!("E{}\tAttribution {}\n", e + 1, args.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spans_relations_and_discontinuous_ranges() {
        let ann = "T1\tSource 0 5\tHaley\nT2\tCue 6 10\tsays\nT3\tContent 11 20;22 30\tit will\nsecond line of text\nT4\tAttribution 6 10\tsays\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let g = parse_ann(ann);
        assert_eq!(g.sources, [CharSpan::new(0, 5)]);
        assert_eq!(g.contents, [CharSpan::new(11, 30)]);
        assert_eq!(g.attributions.len(), 1);
        assert_eq!(g.attributions[0].source, Some(CharSpan::new(0, 5)));
        assert_eq!(g.attributions[0].cue, Some(CharSpan::new(6, 10)));
    }

    #[test]
    fn written_predictions_read_back() {
        let text = "Haley says\nit will rain.";
        let a = BratAttribution {
            source: Some(CharSpan::new(0, 5)),
            cue: Some(CharSpan::new(6, 10)),
            content: Some(CharSpan::new(11, 24)),
        };
        let ann = write_ann(text, std::slice::from_ref(&a));
        assert_eq!(
            ann,
            "T1\tSource 0 5\tHaley\nT2\tCue 6 10\tsays\nT3\tContent 11 24\tit will rain.\nE1\tAttribution Source:T1 Cue:T2 Content:T3\n"
        );
        assert_eq!(parse_ann(&ann).attributions, [a]);
    }
}
