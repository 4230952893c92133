//! Names around cues: finding the name or pronoun a rule credits, and growing
//! a source over the rest of a name it cuts.

use crate::lexicon::names::{is_name_particle, is_not_name, opens_like_name, ROLE_WORDS};
use crate::lexicon::pronouns::is_speaker;
use crate::lexicon::sources::ORG_NOUNS;
use crate::text::{ByteSpan, Doc, TokenKind};

/// A capitalised word that may be (part of) a name.
pub(crate) fn is_name_token(doc: &Doc, t: usize) -> bool {
    let s = doc.token_text(t);
    doc.tokens[t].kind == TokenKind::Word && opens_like_name(s) && !is_not_name(s)
}

/// A name run (capitalised words, with role words inside) over `[from, to)`:
/// the one nearest `to` when `last`, else the first. Pronouns count as names.
pub(crate) fn name_in(doc: &Doc, from: usize, to: usize, last: bool) -> Option<ByteSpan> {
    let mut found = None;
    let mut t = from;
    while t < to {
        if is_speaker(doc.token_text(t)) && t > from {
            found = Some(doc.tokens[t].span);
            if !last {
                return found;
            }
            t += 1;
            continue;
        }
        if is_name_token(doc, t) {
            let start = t;
            let mut end = t + 1;
            let mut j = t + 1;
            while j < to && (is_name_token(doc, j) || ROLE_WORDS.contains(&doc.token_text(j))) {
                j += 1;
                if is_name_token(doc, j - 1) {
                    end = j;
                }
            }
            found = Some(doc.token_span(start, end));
            if !last {
                return found;
            }
            t = end;
            continue;
        }
        t += 1;
    }
    found
}

/// Grow a source over the rest of a name it cuts ("Stephanie" → "Stephanie
/// Egan", "Mr." → "Mr. McKinley"), and over a "the" just before a name ("the
/// Supreme Court", as PolNeAR marks sources), within its sentence and never
/// into the cue.
pub(crate) fn complete_name(doc: &Doc, source: ByteSpan, cue: ByteSpan) -> ByteSpan {
    let (Some((mut s, mut e)), Some((cs, ce))) = (doc.tokens_in(source), doc.tokens_in(cue)) else {
        return source;
    };
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[s]];
    let outside = |t: usize| !(cs..ce).contains(&t);
    // "Otto | von Bismarck", "Bill de | Blasio": over name particles.
    let particle = |t: usize| is_name_particle(doc.token_text(t));
    loop {
        if e < se && outside(e) && is_name_token(doc, e - 1) && is_name_token(doc, e) {
            e += 1;
        } else if e + 1 < se
            && outside(e + 1)
            && is_name_token(doc, e - 1)
            && particle(e)
            && (is_name_token(doc, e + 1)
                || particle(e + 1) && e + 2 < se && is_name_token(doc, e + 2))
        {
            e += if particle(e + 1) { 3 } else { 2 };
        } else {
            break;
        }
    }
    // "The Trump | administration said", "the Benghazi | committee".
    if e < se
        && outside(e)
        && is_name_token(doc, e - 1)
        && ORG_NOUNS.any_case.contains(&doc.token_text(e))
    {
        e += 1;
    }
    loop {
        if s > ss && outside(s - 1) && is_name_token(doc, s) && is_name_token(doc, s - 1) {
            s -= 1;
        } else if s > ss + 1
            && outside(s - 2)
            && is_name_token(doc, s)
            && particle(s - 1)
            && is_name_token(doc, s - 2)
        {
            s -= 2;
        } else {
            break;
        }
    }
    if s > ss
        && outside(s - 1)
        && is_name_token(doc, s)
        && matches!(doc.token_text(s - 1), "the" | "The")
    {
        s -= 1;
    }
    doc.token_span(s, e)
}

/// A name or pronoun starting at token `t`, going forward (`said X`).
pub(crate) fn name_forward(doc: &Doc, t: usize, limit: usize) -> Option<ByteSpan> {
    if t >= limit {
        return None;
    }
    if is_speaker(doc.token_text(t)) {
        return Some(doc.tokens[t].span);
    }
    let mut j = t;
    while j < limit && j - t < 6 && is_name_token(doc, j) {
        j += 1;
    }
    (j > t).then(|| doc.token_span(t, j))
}

/// A name after a description of its owner, starting at token `t`:
/// "the president’s personal attorneys Rudy Giuliani" (`said the
/// president’s …`), at most six lowercase or possessive words first; or a
/// plain name ([`name_forward`]).
pub(crate) fn described_name_forward(doc: &Doc, t: usize, limit: usize) -> Option<ByteSpan> {
    if let Some(name) = name_forward(doc, t, limit) {
        return Some(name);
    }
    // Description words: not a preposition or a clause word ("into the mic
    // at a West Baltimore…", "that the United States…" describe no one).
    const NOT_DESCRIPTION: &[&str] = &[
        "at", "in", "into", "on", "to", "for", "from", "with", "by", "of", "about", "that",
        "which", "who", "if", "as", "when", "while", "after", "before", "he", "she", "they", "it",
        "we", "i", "was", "is", "were", "are",
    ];
    let mut j = t;
    while j < limit
        && j - t < 6
        && doc.tokens[j].kind == TokenKind::Word
        && !NOT_DESCRIPTION.contains(&doc.token_text(j))
        && (doc.token_text(j).starts_with(char::is_lowercase)
            || doc.token_text(j).ends_with("’s")
            || doc.token_text(j).ends_with("'s"))
    {
        j += 1;
    }
    let name = (j > t).then(|| name_forward(doc, j, limit)).flatten()?;
    let (_, end) = doc.tokens_in(name)?;
    (!is_speaker(name.slice(doc.text))).then(|| doc.token_span(t, end))
}

/// A name or pronoun ending just before token `t`, going backward (`X said`).
pub(crate) fn name_backward(doc: &Doc, t: usize, floor: usize) -> Option<ByteSpan> {
    if t <= floor {
        return None;
    }
    if is_speaker(doc.token_text(t - 1)) {
        return Some(doc.tokens[t - 1].span);
    }
    let mut j = t;
    while j > floor && t - j < 6 && is_name_token(doc, j - 1) {
        j -= 1;
    }
    (j < t).then(|| doc.token_span(j, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grown(text: &str, source: &str, cue: &str) -> String {
        let doc = Doc::new(text);
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            ByteSpan::new(start, start + s.len())
        };
        complete_name(&doc, at(source), at(cue))
            .slice(text)
            .to_string()
    }

    #[test]
    fn sources_grow_over_cut_names_but_not_into_the_cue() {
        let text = "Officials met on Monday. Stephanie Egan said the talks went well.";
        assert_eq!(grown(text, "Stephanie", "said"), "Stephanie Egan");
        assert_eq!(grown(text, "Egan", "said"), "Stephanie Egan");
        let text = "Later the Supreme Court ruled that the law stands.";
        assert_eq!(grown(text, "Supreme Court", "ruled"), "the Supreme Court");
        let text = "Egan Told reporters nothing.";
        assert_eq!(grown(text, "Egan", "Told"), "Egan");
    }
}
