//! One module per subcommand, each with `run(args) -> Result<ExitCode>`.

mod eval;
mod extract;
mod input;
mod train;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// Dispatch to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => extract::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Train(args) => train::run(&args),
    }
}
