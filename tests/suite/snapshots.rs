//! One readable extraction listing per article of `corpus/`, generated from
//! the folder: adding an article adds its snapshot, with no Rust change.

use credence_extract::corpus::{read_corpus, ReadOptions};
use credence_extract::model::Model;
use credence_extract::{extract_article, Extraction};
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
            .map(|a| (a.id.clone(), extract_article(a, Model::embedded())))
            .collect()
    })
}

#[test]
fn extraction_listing_per_article() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../../corpus", "*.{txt,md}", |path| {
            let id = path.file_stem().unwrap().to_str().unwrap();
            let e = &extractions()[id];
            insta::assert_snapshot!("extract", credence_report::listing::listing(e));
        });
    });
}
