//! The `credence` command line: parses arguments, runs one command, maps
//! errors to exit codes (see [`exit`]: 0 ok, 1 gate tripped, 2 bad input or
//! usage, 3 internal error).

mod args;
mod commands;
mod exit;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: allocation-heavy stages
/// (tokens, features, claim terms) spent about a sixth of a full run in
/// glibc's malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            exit::code(&err)
        }
    }
}
