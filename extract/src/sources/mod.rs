//! Step 4 of the pipeline: who each attribution's source is.
//!
//! - [`typing`]: the type of a source mention (person, organization, outlet,
//!   document, anonymous, unknown) and its canonical name, by lexicon rules
//!   ([`crate::lexicon::sources`]): typing a span the tagger already found is
//!   a job rules do well and can explain;
//! - [`resolve`]: one canonical source per person or body within the
//!   article ("Steve Witkoff", "Witkoff", "the American envoy", "he" → "Steve
//!   Witkoff").

pub mod resolve;
pub mod typing;

use crate::attribution::FoundAttribution;
use crate::text::Doc;
use resolve::{ResolvedSource, Resolver};

/// The sources of one article, and which one each attribution credits.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    /// Every source, in order of first resolution.
    pub sources: Vec<ResolvedSource>,
    /// For each attribution (same order as given), its source's index.
    pub of_attribution: Vec<Option<usize>>,
}

/// Resolve the source of every attribution in `found`, in text order (so a
/// pronoun resolves to a name mentioned before it). An attribution for a
/// quote paragraph continuing the previous one already carries the previous
/// quote's source mention (see `link_quotes`), so it resolves the same way.
pub fn resolve_sources(doc: &Doc, found: &[FoundAttribution]) -> Sources {
    let mut resolver = Resolver::new(doc);
    let mut order: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].source.is_some())
        .collect();
    order.sort_by_key(|&i| found[i].source);
    let mut of_attribution: Vec<Option<usize>> = vec![None; found.len()];
    for i in order {
        if let Some(s) = found[i].source {
            of_attribution[i] = Some(resolver.resolve(s));
        }
    }
    Sources {
        sources: resolver.sources,
        of_attribution,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::SourceType;
    use crate::text::ByteSpan;

    /// Attributions with sources at the given mentions (nth occurrence) and
    /// a cue right after each.
    fn found(text: &str, mentions: &[(&str, usize)]) -> Vec<FoundAttribution> {
        mentions
            .iter()
            .map(|&(m, nth)| {
                let start = text.match_indices(m).nth(nth).unwrap().0;
                FoundAttribution {
                    source: Some(ByteSpan::new(start, start + m.len())),
                    cue: Some(ByteSpan::new(start + m.len(), start + m.len() + 1)),
                    content: None,
                    by_rule: false,
                }
            })
            .collect()
    }

    #[test]
    fn surnames_roles_and_pronouns_resolve_to_one_person() {
        let text = "US envoy Steve Witkoff said talks would go on. Witkoff added more. \
                    Later he said it again. The American envoy declined to comment.";
        let f = found(
            text,
            &[
                ("US envoy Steve Witkoff", 0),
                ("Witkoff", 1),
                ("he", 0),
                ("The American envoy", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &f);
        assert_eq!(s.sources.len(), 1, "{:?}", s.sources);
        assert_eq!(s.sources[0].name, "Steve Witkoff");
        assert_eq!(s.sources[0].kind, SourceType::Person);
        assert_eq!(s.of_attribution, [Some(0); 4]);
        assert_eq!(s.sources[0].mentions.len(), 4);
    }

    #[test]
    fn groups_and_people_stay_apart() {
        let text = "Officials said the deal was close. The Kremlin said it was not. \
                    They said so twice. Rep. Don Bacon said he disagreed.";
        let f = found(
            text,
            &[
                ("Officials", 0),
                ("The Kremlin", 0),
                ("They", 0),
                ("Rep. Don Bacon", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &f);
        let kinds: Vec<(&str, SourceType)> = s
            .sources
            .iter()
            .map(|x| (x.name.as_str(), x.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("officials", SourceType::Anonymous),
                ("Kremlin", SourceType::Organization),
                ("Don Bacon", SourceType::Person)
            ]
        );
        // "They" goes to the last group before it.
        assert_eq!(s.of_attribution, [Some(0), Some(1), Some(1), Some(2)]);
    }

    #[test]
    fn a_continuation_inherits_the_source_it_continues() {
        let text = "Bacon said: \"We disagree.\"\n\"It is wrong.\"";
        let mut f = found(text, &[("Bacon", 0)]);
        f.push(FoundAttribution {
            source: f[0].source,
            cue: None,
            content: None,
            by_rule: true,
        });
        let s = resolve_sources(&crate::text::Doc::new(text), &f);
        assert_eq!(s.of_attribution, [Some(0), Some(0)]);
    }
}
