//! Joint statements: a source span that lists several named sources ("Cruz
//! and Kasich announced") becomes one attribution per source
//! ([`split_coordinated`]).

use super::names::{is_name_token, name_backward, name_forward};
use super::FoundAttribution;
use crate::extraction::SourceType;
use crate::lexicon::given_names::is_given_name;
use crate::lexicon::names::{ROLE_WORDS, TITLES};
use crate::lexicon::places::is_place;
use crate::lexicon::pronouns::is_speaker;
use crate::sources::typing::{classify, Mention};
use crate::text::{ByteSpan, Doc};

/// credence's semantics: a statement made by several named sources together
/// credits each of them ("said the president's personal attorneys Rudy
/// Giuliani and Jay Sekulow", "House Speaker Nancy Pelosi (D-Calif.) and
/// Senate Minority Leader Chuck Schumer (D-N.Y.) released a joint
/// statement", "Cruz and Kasich announced"): the attribution is repeated, one
/// per source, with the same cue and content, right after the first.
///
/// Only when every part names a person, an organisation or an outlet: "Bill
/// and Chelsea Clinton" (one surname shared) and "Democrats and Republicans"
/// (unnamed groups, credited together) stay one source. `credence eval`
/// scores [`find`](super::find), before this step: PolNeAR marks such a source as one span.
pub fn split_coordinated(doc: &Doc, atts: &mut Vec<FoundAttribution>) {
    let mut out = Vec::with_capacity(atts.len());
    for a in atts.drain(..) {
        let parts = a
            .source
            .map(|s| conjuncts(doc, widen_to_coordination(doc, s, a.cue)))
            .unwrap_or_default();
        if parts.len() < 2 {
            out.push(a);
            continue;
        }
        out.extend(parts.into_iter().map(|p| FoundAttribution {
            source: Some(p),
            ..a
        }));
    }
    *atts = out;
}

/// `span` grown over a name coordinated with it that the tagger or a rule
/// left out: "said … Rudy Giuliani | and Jay Sekulow in a joint statement",
/// "Cruz and | Kasich announced" (only a coordination opening the sentence:
/// in "met with Putin and Xi said", Putin is no subject).
fn widen_to_coordination(doc: &Doc, span: ByteSpan, cue: Option<ByteSpan>) -> ByteSpan {
    let Some((s, e)) = doc.tokens_in(span) else {
        return span;
    };
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[s]];
    let outside_cue = |t: usize| cue.is_none_or(|c| !c.contains(doc.tokens[t].span));
    let mut span = span;
    if e + 1 < se && doc.token_text(e) == "and" && outside_cue(e + 1) {
        if let Some(next) = name_forward(doc, e + 1, se).filter(|n| !is_speaker(n.slice(doc.text)))
        {
            span = span.cover(next);
        }
    }
    if s >= 2 && s > ss && doc.token_text(s - 1) == "and" && outside_cue(s - 2) {
        // "House Speaker Nancy Pelosi (D-Calif.) and": over the party tag.
        let mut before = s - 1;
        if doc.token_text(before - 1) == ")" {
            if let Some(open) = (ss.max(before.saturating_sub(6))..before - 1)
                .rev()
                .find(|&t| doc.token_text(t) == "(")
            {
                before = open;
            }
        }
        if let Some(prev) = name_backward(doc, before, ss) {
            let opens = doc.tokens_in(prev).is_some_and(|(ps, _)| {
                ps == ss
                    || matches!(
                        doc.token_text(ps - 1),
                        "," | "But" | "And" | "and" | "—" | "-"
                    )
            });
            if opens && !is_speaker(prev.slice(doc.text)) {
                span = prev.cover(span);
            }
        }
    }
    span
}

/// The named sources a coordinated source span lists ("A and B", "A, B and
/// C"; commas and "and" inside parentheses do not split), or nothing when it
/// is not such a list.
fn conjuncts(doc: &Doc, span: ByteSpan) -> Vec<ByteSpan> {
    let Some((s, mut e)) = doc.tokens_in(span) else {
        return Vec::new();
    };
    // "Cruz and Kasich almost simultaneously (announced)": words the span ran
    // on to after the last name.
    while e > s + 1 && doc.token_text(e - 1).starts_with(char::is_lowercase) {
        e -= 1;
    }
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = s;
    let mut saw_and = false;
    for t in s..e {
        match doc.token_text(t) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            w @ ("and" | ",") if depth == 0 => {
                saw_and |= w == "and";
                if t > start {
                    parts.push((start, t));
                }
                start = t + 1;
            }
            _ => {}
        }
    }
    if start < e {
        parts.push((start, e));
    }
    if !saw_and || parts.len() < 2 || parts.len() > 6 {
        return Vec::new();
    }
    // Every word of a part is a name, a title or a party tag in parentheses:
    // "House Speaker Nancy Pelosi (D-Calif.)", "the Los Angeles County
    // Sheriff's Department"; not a description ("the owner of Red Finch
    // Solutions") nor a title with "and" inside it ("Lutheran Immigration |
    // and Refugee Services").
    let name_like = |ps: usize, pe: usize| {
        let mut depth = 0usize;
        (ps..pe).all(|t| {
            let w = doc.token_text(t);
            match w {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
                || matches!(w, "(" | ")" | "the")
                || is_name_token(doc, t)
                || ROLE_WORDS.contains(&w)
                || TITLES.any_case.contains(&w)
        }) && doc.token_text(pe - 1) != "the"
    };
    let named = |&(ps, pe): &(usize, usize)| {
        if !name_like(ps, pe) {
            return false;
        }
        let text = doc.token_span(ps, pe).slice(doc.text);
        let determined = matches!(doc.token_text(ps), "the" | "The");
        match classify(text) {
            // A person by full name, or by a surname the article writes
            // after a given name ("Cruz" after "Ted Cruz"); not a given name
            // sharing the next part's surname ("Bill and Chelsea Clinton").
            Mention::Named {
                kind: SourceType::Person,
                name,
                ..
            } => match name.split(' ').collect::<Vec<_>>()[..] {
                [one] => written_after_given_name(doc, one),
                _ => true,
            },
            // An outlet; a body named with its article ("the San Gabriel
            // Police Department"), since a body's own name may hold an "and"
            // ("the Department of Health | and Human Services"); not a
            // place ("Guatemala, El Salvador and Honduras": governments,
            // credited together).
            Mention::Named {
                kind: SourceType::Outlet,
                ..
            } => true,
            Mention::Named {
                kind: SourceType::Organization,
                name,
                ..
            } => determined && !is_place(&name),
            _ => false,
        }
    };
    let texts: Vec<&str> = parts
        .iter()
        .map(|&(ps, pe)| doc.token_span(ps, pe).slice(doc.text))
        .collect();
    let distinct = (1..texts.len()).all(|i| !texts[..i].contains(&texts[i]));
    // "the U.S. Department of Housing and Urban Development": a name of the
    // form "X of Y" may hold an "and"; such a list is not split.
    if texts
        .iter()
        .any(|t| t.split_whitespace().any(|w| w == "of"))
    {
        return Vec::new();
    }
    if !distinct || !parts.iter().all(named) {
        return Vec::new();
    }
    parts
        .into_iter()
        .map(|(ps, pe)| doc.token_span(ps, pe))
        .collect()
}

/// Whether the article writes `surname` right after a given name
/// somewhere ("Ted Cruz" for "Cruz").
fn written_after_given_name(doc: &Doc, surname: &str) -> bool {
    (1..doc.tokens.len())
        .any(|t| doc.token_text(t) == surname && is_given_name(doc.token_text(t - 1)))
}
