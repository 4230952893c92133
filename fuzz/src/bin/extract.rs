//! Any UTF-8 text as an article: extraction must not panic and its output
//! must satisfy `check_extraction`.
use credence_extract::{extract_article, Article, Tagger};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let article = Article {
            id: "fuzz".into(),
            outlet: "fuzz".into(),
            text: text.to_string(),
            ..Article::default()
        };
        let e = extract_article(&article, Tagger::embedded());
        assert_eq!(e.text, text);
        credence_fuzz::check_extraction(&e);
    });
}
