//! Reading a run directory back: its extraction, its run.json and the config
//! it was scored with.

use crate::exit::BadInput;
use anyhow::Context;
use credence_extract::Extraction;
use credence_report::diff::Run;
use credence_report::run_info::RunInfo;
use credence_report::tables::{read_jsonl, read_jsonl_gz};
use credence_score::Config;
use std::path::Path;

/// The extraction file of a run directory: `extraction.jsonl.gz`, or
/// `extraction.jsonl` (written by earlier versions, or unzipped by a user to
/// edit); both at once is an error, as neither can be known to be the one
/// meant.
pub fn extraction_path(dir: &Path) -> anyhow::Result<std::path::PathBuf> {
    let (gz, plain) = (
        dir.join("extraction.jsonl.gz"),
        dir.join("extraction.jsonl"),
    );
    match (gz.is_file(), plain.is_file()) {
        (true, true) => Err(BadInput(format!(
            "{} and {} are both there: remove the one that is not meant",
            gz.display(),
            plain.display()
        ))
        .into()),
        (false, true) => Ok(plain),
        _ => Ok(gz),
    }
}

/// Read the extraction of a run directory ([`extraction_path`]); errors
/// name the file and line.
pub fn read_extractions(dir: &Path) -> anyhow::Result<Vec<Extraction>> {
    let path = extraction_path(dir)?;
    let file = std::fs::File::open(&path).with_context(|| {
        BadInput(format!(
            "opening {} (run `credence extract` or `credence run` into {} first)",
            path.display(),
            dir.display()
        ))
    })?;
    let out = if path.extension().is_some_and(|e| e == "gz") {
        read_jsonl_gz(file, &path)?
    } else {
        read_jsonl(std::io::BufReader::new(file), &path)?
    };
    if out.is_empty() {
        return Err(BadInput(format!("{}: no articles", path.display())).into());
    }
    Ok(out)
}

/// `run.json` of a run directory, if there is one.
pub fn read_run_info(dir: &Path) -> anyhow::Result<Option<RunInfo>> {
    let path = dir.join("run.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            Ok(Some(serde_json::from_str(&text).with_context(|| {
                BadInput(format!("reading {}", path.display()))
            })?))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// The config a run was scored with (from its run.json), else the defaults.
pub fn run_config(dir: &Path, info: Option<&RunInfo>) -> anyhow::Result<Config> {
    match info {
        Some(i) => Ok(i.scoring_config(&dir.join("run.json").display().to_string())?),
        None => Ok(Config::default()),
    }
}

/// The configuration in force: `--config FILE` or the defaults.
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    match path {
        None => Ok(Config::default()),
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| {
                BadInput(format!("reading the scoring configuration {}", p.display()))
            })?;
            Ok(Config::from_toml(&text, &p.display().to_string())?)
        }
    }
}

/// A run directory's scores, as `credence diff` compares them: its
/// `articles.csv`, `outlets.csv` and (when present) the config in its
/// `run.json`.
pub fn read_run(dir: &Path) -> anyhow::Result<Run> {
    let open = |name: &str| {
        let p = dir.join(name);
        std::fs::File::open(&p).with_context(|| {
            BadInput(format!(
                "opening {} (is {} a run directory?)",
                p.display(),
                dir.display()
            ))
        })
    };
    let info = read_run_info(dir)?;
    let config = match &info {
        Some(_) => Some(run_config(dir, info.as_ref())?),
        None => None,
    };
    Run::read(
        &dir.display().to_string(),
        open("articles.csv")?,
        open("outlets.csv")?,
        config,
    )
    .with_context(|| BadInput(format!("reading the run in {}", dir.display())))
}
