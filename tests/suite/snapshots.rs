//! Snapshots over `corpus/`: one readable extraction listing per article,
//! generated from the folder (adding an article adds its snapshot, with no
//! Rust change), and the score tables of the whole corpus.

use credence_extract::Tagger;
use credence_extract::{extract_article, Extraction};
use credence_extract::{read_corpus, ReadOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn extractions() -> &'static BTreeMap<String, Extraction> {
    static ALL: OnceLock<BTreeMap<String, Extraction>> = OnceLock::new();
    ALL.get_or_init(|| {
        let corpus =
            read_corpus(&[corpus_dir()], &ReadOptions::default()).expect("corpus/ reads cleanly");
        assert!(corpus.rejects.is_empty());
        corpus
            .articles
            .iter()
            .map(|a| (a.id.clone(), extract_article(a, Tagger::embedded())))
            .collect()
    })
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

#[test]
fn extraction_listing_per_article() {
    settings().bind(|| {
        insta::glob!("../../corpus", "*.{txt,md}", |path| {
            let id = path.file_stem().unwrap().to_str().unwrap();
            let e = &extractions()[id];
            insta::assert_snapshot!("extract", credence_report::listing::listing(e));
        });
    });
}

/// CSV as written, with CRLF shown as plain line ends.
fn csv_text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    write(&mut buf).unwrap();
    String::from_utf8(buf).unwrap().replace("\r\n", "\n")
}

#[test]
fn score_tables_of_the_corpus() {
    use credence_report::score_tables;
    use credence_report::tables::{write_csv, ClaimRows, MatchRows};
    // Input order is the corpus order (sorted file names).
    let extractions: Vec<Extraction> = extractions().values().cloned().collect();
    let scores = credence_score::score(&extractions, &credence_score::Config::default()).unwrap();
    settings().bind(|| {
        insta::assert_snapshot!(
            "score@articles.csv",
            csv_text(|w| score_tables::write_articles(w, &scores))
        );
        insta::assert_snapshot!(
            "score@outlets.csv",
            csv_text(|w| score_tables::write_outlets(w, &scores))
        );
        insta::assert_snapshot!(
            "score@matches.csv",
            csv_text(|w| write_csv(w, &MatchRows(&extractions, &scores)))
        );
        insta::assert_snapshot!(
            "score@claims.csv",
            csv_text(|w| write_csv(w, &ClaimRows(&extractions, Some(&scores))))
        );
    });
}

#[test]
fn report_of_the_corpus() {
    use credence_report::markdown::{report, RunContext};
    let extractions: Vec<Extraction> = extractions().values().cloned().collect();
    let config = credence_score::Config::default();
    let scores = credence_score::score(&extractions, &config).unwrap();
    let context = RunContext {
        version: "(version)".into(),
        corpus: vec!["corpus".into()],
        read: extractions.len(),
        rejected: 0,
        chart: credence_report::chart::outlets_svg(&scores, config.outlets.rank_on)
            .map(|_| "outlets.svg".into()),
        distribution_chart: Some("distribution.svg".into()),
        components_chart: Some("components.svg".into()),
        inline_charts: false,
        cards: Default::default(),
        baseline: None,
    };
    settings().bind(|| {
        let rendered = credence_report::render(&extractions, &scores, &config, &context);
        assert_eq!(
            rendered.markdown,
            report(&extractions, &scores, &config, &context)
        );
        insta::assert_snapshot!("report@report.md", rendered.markdown);
        insta::assert_snapshot!("report@report.html", rendered.html);
    });
}

#[test]
fn diff_of_a_known_config_change() {
    use credence_report::diff::{diff, Run};
    use credence_report::score_tables;
    let extractions: Vec<Extraction> = extractions().values().cloned().collect();
    let run = |toml: &str, label: &str| {
        let config = credence_score::Config::from_toml(toml, label).unwrap();
        let scores = credence_score::score(&extractions, &config).unwrap();
        let (mut articles, mut outlets) = (Vec::new(), Vec::new());
        score_tables::write_articles(&mut articles, &scores).unwrap();
        score_tables::write_outlets(&mut outlets, &scores).unwrap();
        Run::read(label, articles.as_slice(), outlets.as_slice(), Some(config)).unwrap()
    };
    let base = run("", "base");
    let new = run("[weights]\nquote_density = 0.0\n", "new");
    settings().bind(|| {
        insta::assert_snapshot!(
            "diff@quote_density_off.md",
            diff(&base, &new).markdown(None)
        );
    });
}
