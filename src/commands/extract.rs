//! `credence extract CORPUS... -o OUT/`.

use crate::args::ExtractArgs;
use std::process::ExitCode;

pub fn run(_args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet")
}
