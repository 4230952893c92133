//! Property tests, bounded so they run in CI (the long runs are the AFL
//! targets in `fuzz/`): extraction of any text gives a valid extraction
//! whose spans slice the text, and a JSONL read accounts for every line.

use credence_extract::corpus::{read_corpus, ReadOptions};
use credence_extract::{extract_article, Article, CharIndex, Extraction, Tagger};
use proptest::prelude::*;

/// Pieces news text is made of, and the ones that break parsers: quote
/// marks of every kind, cues, names, hedges, line breaks, combining marks,
/// emoji, right-to-left text, and arbitrary printable strings.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "“", "”", "\"", "'", "‘", "’", "«", "»", "„", " said", " says ", "according to ",
            " told ", "Witkoff", "Mr.", " the official", " a senior official ", "he ", "they ",
            "Bloomberg", "reportedly ", " is said to", "\n", "\n\n", "\r\n", ". ", ", ", ": ",
            "—", "-", "(", ")", "4 billion", "Oct. 14", "e\u{301}", "👍🏽", "\u{200d}", "مرحبا",
            " ", "  ", "U.S.", "---\n", "\t",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

fn check(e: &Extraction) -> Result<(), TestCaseError> {
    prop_assert_eq!(e.validate(), Ok(()));
    let index = CharIndex::new(&e.text);
    let spans = e
        .quotes
        .iter()
        .map(|q| q.span)
        .chain(e.attributions.iter().filter_map(|a| a.content))
        .chain(e.claims.iter().map(|c| c.span))
        .chain(e.sentences.iter().map(|s| s.span));
    for span in spans {
        prop_assert_eq!(e.slice(&index, span).chars().count(), span.end - span.start);
    }
    let line = serde_json::to_string(e).unwrap();
    let back: Extraction = serde_json::from_str(&line).unwrap();
    prop_assert_eq!(&back, e);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_extracts_to_a_valid_extraction(text in text()) {
        let article = Article {
            id: "p".into(),
            outlet: "P".into(),
            text: text.clone(),
            ..Article::default()
        };
        let e = extract_article(&article, Tagger::embedded());
        prop_assert_eq!(&e.text, &text);
        check(&e)?;
    }

    #[test]
    fn a_jsonl_read_accounts_for_every_line(lines in prop::collection::vec(
        prop_oneof![
            (0u8..20, text()).prop_map(|(id, t)| serde_json::json!({"id": format!("a{id}"), "text": t}).to_string()),
            Just("{\"id\": \"x\", \"text\": 5}".to_string()),
            Just("{\"id\": \"y\"}".to_string()),
            Just("[1, 2]".to_string()),
            Just("   ".to_string()),
            "\\PC{0,30}",
        ],
        0..12,
    )) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let options = ReadOptions { keep_going: true, ..ReadOptions::default() };
        let corpus = read_corpus(std::slice::from_ref(&path), &options).unwrap();
        let records = lines.iter().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(corpus.read(), records);
        let strict = read_corpus(&[path], &ReadOptions::default());
        prop_assert_eq!(strict.is_ok(), corpus.rejects.is_empty());
    }
}
