//! A readable listing of one article's extraction: its quotes with their
//! speakers, its attributions and its sources. Used by the snapshot tests and
//! for a reader checking what credence found.

use credence_extract::CharIndex;
use credence_extract::Extraction;
use std::fmt::Write;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Render the listing.
pub fn listing(e: &Extraction) -> String {
    let idx = CharIndex::new(&e.text);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} ({} words, {} claims)",
        e.article_id,
        e.words,
        e.claims.len()
    );
    let _ = writeln!(out, "\n## Quotes ({})", e.quotes.len());
    for q in &e.quotes {
        let speaker = q.speaker.map_or_else(
            || "(no speaker)".to_string(),
            |s| format!("{} [{}]", e.sources[s].name, e.sources[s].kind.as_str()),
        );
        let cue = q.cue.map_or(String::new(), |c| {
            format!(" — cue \"{}\"", one_line(e.slice(&idx, c)))
        });
        let _ = writeln!(
            out,
            "- {}..{} \"{}\"\n  speaker: {speaker}{cue}",
            q.span.start,
            q.span.end,
            one_line(e.slice(&idx, q.span))
        );
    }
    let _ = writeln!(out, "\n## Attributions ({})", e.attributions.len());
    for a in &e.attributions {
        let src = a.source.map_or("-".to_string(), |s| {
            format!("{} [{}]", e.sources[s].name, e.sources[s].kind.as_str())
        });
        let mention = a.source_span.map_or(String::new(), |s| {
            format!(" as \"{}\"", one_line(e.slice(&idx, s)))
        });
        let cue = a
            .cue
            .map_or("-".to_string(), |c| one_line(e.slice(&idx, c)));
        let content = a
            .content
            .map_or("-".to_string(), |c| one_line(e.slice(&idx, c)));
        let _ = writeln!(
            out,
            "- {} ({}): {src}{mention} | cue: {cue}\n  content: {content}",
            a.kind.as_str(),
            a.found_by.as_str()
        );
    }
    let _ = writeln!(out, "\n## Sources ({})", e.sources.len());
    for s in &e.sources {
        let _ = writeln!(
            out,
            "- {} [{}], {} mention(s)",
            s.name,
            s.kind.as_str(),
            s.mentions.len()
        );
    }
    let hedged: Vec<_> = e.sentences.iter().filter_map(|s| s.hedge).collect();
    let _ = writeln!(out, "\n## Hedges ({})", hedged.len());
    for h in hedged {
        let _ = writeln!(out, "- {}..{} \"{}\"", h.start, h.end, e.slice(&idx, h));
    }
    out
}
