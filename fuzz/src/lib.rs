//! The invariants the fuzz targets check (a panic is a finding).

use credence_extract::{CharIndex, Extraction};

/// What every extraction must satisfy: it validates (every span inside the
/// text, every index pointing at an item), every span slices the text, and
/// it survives the `extraction.jsonl` round trip unchanged.
pub fn check_extraction(e: &Extraction) {
    if let Err(why) = e.validate() {
        panic!("extraction of {} fails validation: {why}", e.article_id);
    }
    slice_everything(e);
    let line = serde_json::to_string(e).expect("an extraction serialises");
    let back: Extraction = serde_json::from_str(&line).expect("an extraction reads back");
    assert_eq!(&back, e, "extraction.jsonl round trip");
}

/// Slice every span of a valid extraction, as the report and `explain` do.
pub fn slice_everything(e: &Extraction) {
    let index = CharIndex::new(&e.text);
    let mut spans = Vec::new();
    for s in &e.sentences {
        spans.push(s.span);
        spans.extend(s.hedge);
    }
    for q in &e.quotes {
        spans.push(q.span);
        spans.extend(q.speaker_span);
        spans.extend(q.cue);
    }
    for a in &e.attributions {
        spans.extend(a.source_span);
        spans.extend(a.cue);
        spans.extend(a.content);
    }
    for s in &e.sources {
        spans.extend(s.mentions.iter().copied());
    }
    for c in &e.claims {
        spans.push(c.span);
    }
    for span in spans {
        let text = e.slice(&index, span);
        assert_eq!(text.chars().count(), span.end - span.start, "{span:?}");
    }
}
