//! One module per subcommand, each with `run(args) -> Result<ExitCode>`.

mod diff;
mod eval;
mod eval_corroboration;
mod eval_genre;
mod eval_gold_pairs;
mod eval_sources;
mod explain;
mod extract;
mod input;
mod output;
mod report;
mod run;
mod saved;
mod score;
mod train;

use crate::args::{Cli, Command};
use std::io::Write;
use std::process::ExitCode;

/// Dispatch to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Config => {
            std::io::stdout().write_all(credence_score::config::DEFAULT_CONFIG.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(args) => report::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Train(args) => train::run(&args),
        Command::EvalCorroboration(args) => eval_corroboration::run(&args),
        Command::EvalSources(args) => eval_sources::run(&args),
        Command::EvalGenre(args) => eval_genre::run(&args),
    }
}
