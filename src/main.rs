//! The `credence` command line: parses arguments, runs one command, maps
//! errors to exit codes (0 ok, 1 failure or gate tripped, 2 bad input).

mod args;
mod commands;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`credence … | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {err:#}");
            }
            let input_error = err.chain().any(|e| {
                matches!(
                    e.downcast_ref::<credence_extract::ExtractError>(),
                    Some(
                        credence_extract::ExtractError::Input { .. }
                            | credence_extract::ExtractError::UnknownInput { .. }
                            | credence_extract::ExtractError::Io { .. }
                    )
                )
            }) || err.chain().any(|e| {
                matches!(
                    e.downcast_ref::<credence_score::ScoreError>(),
                    Some(credence_score::ScoreError::Config { .. })
                )
            });
            ExitCode::from(if input_error { 2 } else { 1 })
        }
    }
}
