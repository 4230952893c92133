//! The card of one article: its score component by component, and the spans
//! behind every number — sources, quotes, corroborated and uncorroborated
//! claims, conflicts, hedges. Used by `report.md` and `credence explain`.

use credence_extract::extraction::SentenceKind;
use credence_extract::Extraction;
use credence_extract::SourceType;
use credence_extract::{CharIndex, CharSpan};
use credence_score::breakdown::breakdown;
use credence_score::corroboration::{ClaimRef, Relation};
use credence_score::{Config, Scores};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Text of a span on one line, for Markdown.
fn excerpt(e: &Extraction, idx: &CharIndex, span: CharSpan) -> String {
    let text = e.slice(idx, span);
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Keep Markdown tables and emphasis intact.
    out.replace('|', "\\|").replace('*', "\\*")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The card of article `a` (index into `extractions`) as Markdown, headed at
/// level `level` (`###` in the report, `#` in the terminal).
pub fn card(
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    a: usize,
    level: usize,
) -> String {
    let e = &extractions[a];
    let idx = CharIndex::new(&e.text);
    let h = "#".repeat(level);
    let mut out = String::new();
    let b = breakdown(&scores.articles[a], config);
    let title = if e.title.is_empty() {
        "(untitled)"
    } else {
        e.title.as_str()
    };
    let _ = writeln!(
        out,
        "{h} {} — {}\n",
        e.article_id,
        title.replace('|', "\\|")
    );
    let published = scores.articles[a]
        .published
        .as_deref()
        .unwrap_or("date unknown");
    let _ = writeln!(
        out,
        "Outlet **{}** · {published} · {} words · {} · reliability **{:.2}** (rank {} of {})\n",
        scores.articles[a].outlet,
        e.words,
        plural(e.claims.len(), "claim", "claims"),
        b.reliability,
        b.rank,
        extractions.len()
    );
    let source = crate::markdown::link("the article", &e.url);
    if source != "the article" {
        let _ = writeln!(out, "Read {source}.\n");
    }
    let _ = writeln!(
        out,
        "| component | value | = counts | scaled | weight | points |"
    );
    let _ = writeln!(out, "|---|---:|---|---:|---:|---:|");
    for c in &b.components {
        let v = &c.component;
        let _ = writeln!(
            out,
            "| {} | {:.4} | {} / {} ({} / {}) | {:.3} | {} | {:.2} |",
            v.metric.name(),
            v.value,
            v.numerator,
            v.denominator,
            v.metric.numerator(),
            v.metric.denominator(),
            c.scaled,
            c.weight,
            c.points
        );
    }
    // The score itself, not the sum of the rounded points above (which can
    // differ from it by a rounding step).
    let _ = writeln!(
        out,
        "| **reliability** | | | | | **{:.2}** |\n",
        b.reliability
    );
    sources(&mut out, e);
    quotes(&mut out, e, &idx);
    corroboration(&mut out, extractions, scores, a, &idx);
    hedges_and_unattributed(&mut out, e, &idx);
    out
}

/// Named and anonymous sources.
fn sources(out: &mut String, e: &Extraction) {
    let named: Vec<String> = e
        .sources
        .iter()
        .filter(|s| s.kind.is_named())
        .map(|s| {
            format!(
                "{} ({}, {})",
                s.name,
                s.kind.as_str(),
                plural(s.mentions.len(), "mention", "mentions")
            )
        })
        .collect();
    let anonymous: Vec<String> = e
        .sources
        .iter()
        .filter(|s| s.kind == SourceType::Anonymous)
        .map(|s| {
            format!(
                "{} ({})",
                s.name,
                plural(s.mentions.len(), "mention", "mentions")
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "**Named sources ({}):** {}\n",
        named.len(),
        list_or_none(&named)
    );
    let _ = writeln!(
        out,
        "**Anonymous sources ({}):** {}\n",
        anonymous.len(),
        list_or_none(&anonymous)
    );
}

/// Every quote with its speaker and cue.
fn quotes(out: &mut String, e: &Extraction, idx: &CharIndex) {
    let _ = writeln!(out, "**Quotes ({}):**\n", e.quotes.len());
    if e.quotes.is_empty() {
        out.push_str("none\n");
    }
    for q in &e.quotes {
        let speaker = q
            .speaker
            .map_or("speaker unknown".to_string(), |s| e.sources[s].name.clone());
        let cue = q
            .cue
            .map(|c| format!(" ({})", excerpt(e, idx, c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- “{}” — {speaker}{cue} `{}` [{}–{}]",
            excerpt(e, idx, q.span),
            q.id,
            q.span.start,
            q.span.end
        );
    }
    out.push('\n');
}

/// Check-worthy claims: corroborated by other outlets, reported by none, in conflict.
fn corroboration(
    out: &mut String,
    extractions: &[Extraction],
    scores: &Scores,
    a: usize,
    idx: &CharIndex,
) {
    let e = &extractions[a];
    let mut corroborated = Vec::new();
    let mut alone = Vec::new();
    let mut conflicts = Vec::new();
    for (i, claim) in e.claims.iter().enumerate().filter(|(_, c)| c.checkworthy) {
        let matches = scores.corroboration.matches_of(ClaimRef {
            article: a,
            claim: i,
        });
        let text = format!("`{}` {}", claim.id, excerpt(e, idx, claim.span));
        let by: BTreeSet<String> = matches
            .iter()
            .filter(|m| m.relation == Relation::Corroborates)
            .map(|m| {
                let o = &extractions[m.other.article];
                format!(
                    "{} (`{}`, same fact {:.2})",
                    scores.articles[m.other.article].outlet,
                    o.claims[m.other.claim].id,
                    m.confidence
                )
            })
            .collect();
        for m in matches.iter().filter(|m| m.relation == Relation::Conflicts) {
            let o = &extractions[m.other.article];
            let oidx = CharIndex::new(&o.text);
            let oc = &o.claims[m.other.claim];
            conflicts.push(format!(
                "{text}\n  - ≠ {} `{}`: {}",
                scores.articles[m.other.article].outlet,
                oc.id,
                excerpt(o, &oidx, oc.span)
            ));
        }
        if by.is_empty() {
            alone.push(text);
        } else {
            corroborated.push(format!(
                "{text}\n  - reported by {}",
                by.into_iter().collect::<Vec<_>>().join("; ")
            ));
        }
    }
    section(out, "Claims other outlets corroborate", &corroborated);
    section(out, "Check-worthy claims no other outlet reports", &alone);
    section(
        out,
        "Conflicts (another outlet gives a different number)",
        &conflicts,
    );
}

/// Hedged claims, claims without an attribution, and the chrome ignored.
fn hedges_and_unattributed(out: &mut String, e: &Extraction, idx: &CharIndex) {
    let hedged: Vec<String> = e
        .claims
        .iter()
        .filter(|c| c.hedged)
        .map(|c| {
            let hedge = e.sentences[c.sentence]
                .hedge
                .map(|h| excerpt(e, idx, h))
                .unwrap_or_default();
            let sourced = if c.attributed {
                "sourced"
            } else {
                "**no source**"
            };
            format!(
                "`{}` {} (hedge: “{hedge}”, {sourced})",
                c.id,
                excerpt(e, idx, c.span)
            )
        })
        .collect();
    section(out, "Hedged claims", &hedged);
    let unattributed: Vec<String> = e
        .claims
        .iter()
        .filter(|c| !c.attributed)
        .map(|c| format!("`{}` {}", c.id, excerpt(e, idx, c.span)))
        .collect();
    section(out, "Claims without an attribution", &unattributed);
    let headings = e
        .sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Boilerplate)
        .count();
    if headings > 0 {
        let _ = writeln!(
            out,
            "_{} of page chrome ignored._\n",
            plural(headings, "sentence", "sentences")
        );
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join("; ")
    }
}

fn section(out: &mut String, title: &str, items: &[String]) {
    let _ = writeln!(out, "**{title} ({}):**\n", items.len());
    if items.is_empty() {
        let _ = writeln!(out, "none\n");
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}
