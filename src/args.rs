//! Command-line arguments (clap derive), one struct per subcommand.

use clap::{Args, Parser, Subcommand};
use credence_report::markdown::Cards;
use std::path::PathBuf;

/// The most worker threads `-j` accepts (each thread reserves a stack; far
/// more threads than cores only costs memory).
const MAX_THREADS: i64 = 256;

/// credence: score news articles and outlets by how well they are sourced.
#[derive(Debug, Parser)]
#[command(name = "credence", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: read a corpus, extract, score, and write every table into OUT/.
    Run(RunArgs),
    /// Extraction only: extraction.jsonl.gz and the claims, quotes and attributions tables into OUT/.
    Extract(ExtractArgs),
    /// Score the extraction tables already in OUT/ (after `extract`, or to rescore with another config).
    Score(ScoreArgs),
    /// Print the default scoring configuration (TOML, with comments).
    Config,
    /// Re-render report.md in OUT/ from its extraction and the config in its run.json.
    Report(ReportArgs),
    /// One article's score in the terminal: each component, its weight and contribution, and the sentences behind it.
    Explain(ExplainArgs),
    /// What changed between two runs (for regression-testing scoring changes).
    Diff(DiffArgs),
    /// Measure extraction against brat standoff annotations (e.g. PolNeAR).
    Eval(EvalArgs),
    /// Train the attribution tagger from brat standoff annotations.
    Train(TrainArgs),
    /// Measure cross-outlet claim matching on a corpus labelled with stories (e.g. BASIL).
    EvalCorroboration(EvalCorroborationArgs),
    /// Score typed sources (name, type, attributions) against hand annotations.
    EvalSources(EvalSourcesArgs),
    /// Measure the news/opinion classifier on articles whose URL marks their genre (URL hidden from it).
    EvalGenre(EvalGenreArgs),
}

/// Where the articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Corpus paths: directories of .txt/.md (+ manifest.csv), .jsonl, .jsonl.gz or .csv files.
    #[arg(required = true)]
    pub corpus: Vec<PathBuf>,
    /// Record bad records in rejects.csv and continue instead of stopping at the first.
    #[arg(long)]
    pub keep_going: bool,
    /// Name of the id field in JSONL/CSV input.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Name of the outlet field.
    #[arg(long, default_value = "outlet", value_name = "NAME")]
    pub outlet_field: String,
    /// Name of the URL field.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,
    /// Name of the publication date field.
    #[arg(long, default_value = "published", value_name = "NAME")]
    pub published_field: String,
    /// Name of the headline field.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// Name of the body text field.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// Worker threads, 1 to 256 (default, or 0: all cores). Output is identical for any value.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(0..=MAX_THREADS))]
    pub threads: Option<u16>,
    /// Reject articles whose text is longer than this many MiB (1 to 4096).
    #[arg(long, value_name = "MB", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_article_mb: u32,
}

/// `credence extract` / `credence run`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory (created if missing).
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    /// Also write the span tables as CSV: claims.csv, quotes.csv and attributions.csv (every claim, quote and attribution with its text: about 2.7 times the input text on news). Their Parquet copies are always written.
    #[arg(long)]
    pub span_csv: bool,
}

/// What goes into report.md.
#[derive(Debug, Args)]
pub struct ReportOptions {
    /// Article cards in report.md: at most N (the articles that most need a
    /// look), or `all`. Every article's card is always available from
    /// `credence explain`.
    #[arg(long, value_name = "N|all", default_value = "20")]
    pub cards: Cards,
    /// Also write report.xlsx: the Outlets, Articles, Claims, Quotes and Matches tables as one workbook.
    #[arg(long)]
    pub xlsx: bool,
    /// An earlier run directory: the report lists the articles that moved most since it.
    #[arg(long, value_name = "DIR")]
    pub baseline: Option<PathBuf>,
}

/// `credence run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Input and output.
    #[command(flatten)]
    pub extract: ExtractArgs,
    /// Scoring configuration (TOML; see `credence config`). Default: the built-in one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The report.
    #[command(flatten)]
    pub report: ReportOptions,
}

/// `credence score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// A directory written by `credence extract` or `credence run` (reads its extraction.jsonl.gz).
    #[arg(value_name = "OUT")]
    pub dir: PathBuf,
    /// Also write the span tables as CSV (claims.csv, quotes.csv, attributions.csv); the default when OUT/ already has claims.csv.
    #[arg(long)]
    pub span_csv: bool,
    /// Scoring configuration (TOML; see `credence config`). Default: the built-in one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Worker threads, 1 to 256 (default, or 0: all cores). Output is identical for any value.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(0..=MAX_THREADS))]
    pub threads: Option<u16>,
    /// The report.
    #[command(flatten)]
    pub report: ReportOptions,
}

/// `credence eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of brat `.ann` files (`<article id>[_<annotator>].ann`).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Input.
    #[command(flatten)]
    pub input: InputArgs,
    /// Use this model file instead of the one built into credence.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Print the evaluation as JSON instead of a Markdown table.
    #[arg(long)]
    pub json: bool,
    /// Also write the predictions as brat `.ann` files into DIR, for inspection.
    #[arg(long, value_name = "DIR")]
    pub write_ann: Option<PathBuf>,
}

/// `credence train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Directory of brat `.ann` files.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Input.
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write the model file.
    #[arg(short, long, value_name = "FILE")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
}

/// `credence eval-sources`.
#[derive(Debug, Args)]
pub struct EvalSourcesArgs {
    /// The annotations: a TSV of `article_id, corpus, name, type, attributions,
    /// anchor_start, anchor_end` (e.g. annotations/sources/dev.tsv).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Input: the corpora holding the annotated articles (others are skipped).
    #[command(flatten)]
    pub input: InputArgs,
    /// Print the evaluation as JSON instead of a Markdown table.
    #[arg(long)]
    pub json: bool,
    /// Also list, per article, the sources missed and the extra ones.
    #[arg(long)]
    pub errors: bool,
}

/// `credence eval-genre`.
#[derive(Debug, Args)]
pub struct EvalGenreArgs {
    /// Input: articles with URLs (e.g. the AllSides corpus).
    #[command(flatten)]
    pub input: InputArgs,
    /// Fit the model on the articles of the fitting half and write it to FILE.
    #[arg(long, value_name = "FILE")]
    pub fit_out: Option<PathBuf>,
    /// Use this model (written by `--fit-out`) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Also list the articles of the evaluation half the classifier gets wrong.
    #[arg(long)]
    pub errors: bool,
    /// Also print precision and recall at other thresholds of the model's probability.
    #[arg(long)]
    pub thresholds: bool,
    /// Print the evaluation as JSON instead of a Markdown table.
    #[arg(long)]
    pub json: bool,
}

/// `credence eval-corroboration`.
#[derive(Debug, Args)]
pub struct EvalCorroborationArgs {
    /// Input (JSONL or CSV with a story field).
    #[command(flatten)]
    pub input: InputArgs,
    /// Field naming the story (event) each article covers.
    #[arg(long, default_value = "story", value_name = "NAME")]
    pub story_field: String,
    /// The inputs are labelled sentence pairs, tab-separated with a header, in
    /// MRPC's format (`Quality`, `#1 ID`, `#2 ID`, `#1 String`, `#2 String`;
    /// Quality 1 = same meaning), instead of a corpus with stories.
    #[arg(long, group = "labelled")]
    pub pairs: bool,
    /// With `--pairs`: fit the same-fact model on the pairs (and on the
    /// matches between different pairs, as negatives), print its
    /// cross-validated precision and recall, and write it to FILE.
    #[arg(long, value_name = "FILE", requires = "pairs")]
    pub fit_out: Option<PathBuf>,
    /// With `--pairs`: write every candidate pair of whole claims the model
    /// is fitted on to FILE (tab-separated, with a header): the two pairs it
    /// joins, its label, its similarity, its features and the two claims'
    /// text: for studying the features, or another classifier, outside
    /// credence. With `--gold-pairs`: every candidate pair of claims and
    /// clauses the matcher judges, by claim id, with whether it is annotated
    /// and the same-fact model's probability.
    #[arg(long, value_name = "FILE", requires = "labelled")]
    pub candidates_out: Option<PathBuf>,
    /// Hand-annotated same-fact claim pairs of the corpus (TSV with a header:
    /// `claim_id`, `other_claim_id`, `fact`), such as
    /// `annotations/corroboration/corpus.tsv`: recall of the pairs, and the
    /// matches not in the list.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "pairs",
        group = "labelled"
    )]
    pub gold_pairs: Option<PathBuf>,
    /// With `--pairs`: also list the pairs matched against their label and
    /// the same-meaning pairs missed; with `--gold-pairs`: the annotated
    /// pairs missed and the matches not annotated.
    #[arg(long)]
    pub errors: bool,
    /// With `--pairs`: use this same-fact model (written by `--fit-out`)
    /// instead of the built-in one.
    #[arg(long, value_name = "FILE", requires = "pairs")]
    pub model: Option<PathBuf>,
    /// Scoring configuration (TOML; see `credence config`). Default: the built-in one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the evaluation as JSON instead of a Markdown table.
    #[arg(long)]
    pub json: bool,
}

/// `credence report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A directory written by `credence run` or `credence score`.
    #[arg(value_name = "OUT")]
    pub dir: PathBuf,
    /// The report.
    #[command(flatten)]
    pub report: ReportOptions,
}

/// `credence explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A directory written by `credence run` or `credence score`.
    #[arg(value_name = "OUT")]
    pub dir: PathBuf,
    /// The article to explain.
    #[arg(value_name = "ARTICLE_ID")]
    pub article: String,
}

/// `credence diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The run before the change.
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// The run after the change.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// CSV (one row per article) instead of Markdown.
    #[arg(long)]
    pub csv: bool,
    /// Exit with code 1 if any article's reliability moved by more than DELTA points (as shown, to two
    /// decimals), a reliability is not a number, or the runs hold different articles.
    #[arg(long, value_name = "DELTA", value_parser = points)]
    pub fail_above: Option<f64>,
    /// List at most N articles and N outlets that moved in the Markdown (the largest moves); default: all.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

/// A number of points: finite and not negative.
fn points(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(_) => Err(format!("{s} is not a number of points from 0 up")),
        Err(e) => Err(e.to_string()),
    }
}
