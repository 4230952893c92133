//! What a hostile user tried (the robustness issue), each case as a test:
//! the output directory is replaced as one set, edited run files are input
//! errors, bad arguments are refused, `diff` gates cannot be fooled, and
//! every command's exit code follows the contract (0 ok, 1 gate, 2 input).

use super::cli::{corpus, credence, stderr};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

/// Every file of a directory with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    names(dir)
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap_or_default();
            (n, bytes)
        })
        .collect()
}

fn run_into(out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["run", "-j1"];
    args.extend_from_slice(extra);
    let c = corpus();
    args.extend_from_slice(&[c.as_str(), "-o", out.to_str().unwrap()]);
    credence(&args)
}

#[test]
fn a_failed_run_leaves_the_previous_set_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(run_into(&out, &[]).status.success());
    std::fs::remove_file(out.join("report.md")).unwrap();
    std::fs::create_dir(out.join("report.md")).unwrap();
    let before = contents(&out);
    let o = run_into(&out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("report.md is not a regular file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(contents(&out), before, "the previous set changed");
    let parent = names(dir.path());
    assert_eq!(
        parent,
        [".out.credence-lock", "out"],
        "leftovers beside OUT"
    );
}

#[test]
fn stale_files_go_and_the_users_own_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": \"x\"}\n").unwrap();
    // A --keep-going run writes rejects.csv; a later clean run must drop it.
    let c = corpus();
    let o = credence(&[
        "run",
        "--keep-going",
        &c,
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("rejects.csv").exists());
    std::fs::write(out.join("NOTES.txt"), "mine").unwrap();
    std::fs::create_dir(out.join(".git")).unwrap();
    std::fs::write(out.join(".git").join("HEAD"), "ref").unwrap();
    // A killed run of an older version left its staging directory inside OUT.
    std::fs::create_dir(out.join(".credence-tmp-999")).unwrap();
    assert!(run_into(&out, &[]).status.success());
    let n = names(&out);
    assert!(!n.contains(&"rejects.csv".to_string()), "{n:?}");
    assert!(!n.iter().any(|f| f.starts_with(".credence-tmp")), "{n:?}");
    assert_eq!(
        std::fs::read_to_string(out.join("NOTES.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(out.join(".git/HEAD")).unwrap(),
        "ref"
    );
    // `extract` into a scored run drops the score files, which no longer match.
    let o = credence(&["extract", &c, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = names(&out);
    assert!(
        !n.contains(&"report.md".to_string()) && !n.contains(&"outlets.svg".to_string()),
        "{n:?}"
    );
    // `score` keeps the extraction and writes the rest.
    let o = credence(&["score", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = names(&out);
    for f in [
        "extraction.jsonl.gz",
        "quotes.parquet",
        "report.md",
        "run.json",
        "NOTES.txt",
    ] {
        assert!(n.contains(&f.to_string()), "{f} missing: {n:?}");
    }
}

#[test]
fn leftovers_of_a_killed_run_are_cleaned_and_others_dirs_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let leftover = dir.path().join(".out.credence-new-12345");
    std::fs::create_dir(&leftover).unwrap();
    std::fs::write(leftover.join("quotes.csv"), "half").unwrap();
    assert!(run_into(&out, &[]).status.success());
    assert!(!leftover.exists());
    // A directory credence did not write is never replaced.
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("thesis.tex"), "years of work").unwrap();
    let o = run_into(&home, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("holds files credence did not write"),
        "{}",
        stderr(&o)
    );
    assert_eq!(names(&home), ["thesis.tex"]);
}

/// SIGKILL at many moments of a run over an existing one: OUT/ always holds
/// exactly one of the two sets.
#[cfg(unix)]
#[test]
fn a_killed_run_never_leaves_a_mixed_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let c = corpus();
    assert!(run_into(&out, &[]).status.success());
    let old = contents(&out);
    // The second run differs in every file (another config and one article fewer).
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "[weights]\nquote_density = 0.0\n").unwrap();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    for e in std::fs::read_dir(&c).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("004") && name != "manifest.csv" {
            std::fs::copy(&p, other.join(&name)).unwrap();
        }
    }
    let args = [
        "run",
        "-j1",
        "--config",
        config.to_str().unwrap(),
        other.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let mut new = None;
    for delay_ms in [0, 20, 50, 100, 150, 200, 300, 400, 600, 800, 1200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_credence"))
            .args(args)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = contents(&out);
        if now != old {
            // The new set, whole: record it once, then it must stay equal.
            let mut no_time = now.clone();
            no_time.remove("run.json");
            match &new {
                None => new = Some(no_time),
                Some(n) => assert_eq!(&no_time, n, "after a kill at {delay_ms} ms"),
            }
            assert!(now.contains_key("run.json") && now.contains_key("report.md"));
            assert_ne!(
                now["extraction.jsonl.gz"], old["extraction.jsonl.gz"],
                "mixed set at {delay_ms} ms"
            );
        }
    }
    // And a complete run gives that same set.
    let o = credence(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut done = contents(&out);
    done.remove("run.json");
    if let Some(n) = new {
        assert_eq!(done, n);
    }
}

#[test]
fn thread_counts_out_of_range_are_refused_and_zero_means_all_cores() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let c = corpus();
    let o = credence(&["run", "-j", "0", &c, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = credence(&["run", "-j", "100000", &c, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("100000 is not in 0..=256"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_edited_extraction_is_an_input_error_for_every_command_that_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    assert!(run_into(&out, &[]).status.success());
    // What a user does to edit it: unzip, edit, keep the plain file.
    let zipped = out.join("extraction.jsonl.gz");
    let mut original = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(&zipped).unwrap()),
        &mut original,
    )
    .unwrap();
    let path = out.join("extraction.jsonl");
    // Both files at once: which one is meant cannot be known.
    std::fs::write(&path, &original).unwrap();
    let o = credence(&["score", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("both there"), "{}", stderr(&o));
    std::fs::remove_file(&zipped).unwrap();
    let edits: [(&str, serde_json::Value, &str); 3] = [
        (
            "/attributions/0/source",
            999.into(),
            "attributions[0].source = 999",
        ),
        ("/quotes/0/speaker", 999.into(), "quotes[0].speaker = 999"),
        (
            "/quotes/0/span",
            serde_json::json!({"start": 20, "end": 5}),
            "quotes[0].span",
        ),
    ];
    for (pointer, value, field) in edits {
        let mut lines: Vec<serde_json::Value> = original
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        *lines[1].pointer_mut(pointer).unwrap() = value;
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&path, text).unwrap();
        let id = lines[1]["article_id"].as_str().unwrap().to_string();
        for args in [
            vec!["score", out.to_str().unwrap()],
            vec!["report", out.to_str().unwrap()],
            vec!["explain", out.to_str().unwrap(), &id],
        ] {
            let o = credence(&args);
            assert_eq!(
                o.status.code(),
                Some(2),
                "{args:?} {pointer}: {}",
                stderr(&o)
            );
            let e = stderr(&o);
            assert!(
                e.contains("extraction.jsonl:2: ") && e.contains(field),
                "{args:?}: {e}"
            );
        }
    }
}

fn set_reliability(dir: &Path, value: &str) {
    let path = dir.join("articles.csv");
    let mut r = csv::Reader::from_path(&path).unwrap();
    let headers = r.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "reliability").unwrap();
    let mut w = csv::Writer::from_path(dir.join("articles.tmp")).unwrap();
    w.write_record(&headers).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let row: Vec<&str> = rec
            .iter()
            .enumerate()
            .map(|(i, v)| if i == col { value } else { v })
            .collect();
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    std::fs::rename(dir.join("articles.tmp"), path).unwrap();
}

#[test]
fn diff_gates_trip_on_nan_and_changed_articles_and_refuse_bad_limits() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    assert!(run_into(&base, &[]).status.success());
    let b = base.to_str().unwrap();
    for bad in ["-1", "nan", "inf"] {
        let o = credence(&["diff", b, b, &format!("--fail-above={bad}")]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "--fail-above {bad}: {}",
            stderr(&o)
        );
    }
    // NaN reliabilities (as a run scored by an older version could hold).
    let nan = dir.path().join("nan");
    assert!(run_into(&nan, &[]).status.success());
    set_reliability(&nan, "NaN");
    let o = credence(&["diff", b, nan.to_str().unwrap(), "--fail-above", "0"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a number"), "{}", stderr(&o));
    // One article fewer.
    let fewer = dir.path().join("fewer");
    let other = dir.path().join("corpus4");
    std::fs::create_dir(&other).unwrap();
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("004") && name != "manifest.csv" {
            std::fs::copy(&p, other.join(&name)).unwrap();
        }
    }
    let o = credence(&[
        "run",
        other.to_str().unwrap(),
        "-o",
        fewer.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = credence(&["diff", b, fewer.to_str().unwrap(), "--fail-above", "100"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("different articles"), "{}", stderr(&o));
    // A missing run directory is bad input, not a tripped gate.
    let o = credence(&["diff", b, dir.path().join("none").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn the_gate_compares_the_move_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    assert!(run_into(&base, &[]).status.success());
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "[weights]\nquote_density = 0.0\n").unwrap();
    let new = dir.path().join("new");
    assert!(run_into(&new, &["--config", config.to_str().unwrap()])
        .status
        .success());
    let o = credence(&["diff", base.to_str().unwrap(), new.to_str().unwrap()]);
    let md = String::from_utf8(o.stdout).unwrap();
    let largest = md
        .lines()
        .find_map(|l| l.strip_prefix("| largest move | "))
        .and_then(|l| l.split(' ').next())
        .unwrap()
        .to_string();
    // The shown figure as the limit passes; a hundredth less trips.
    let at = |limit: &str| {
        credence(&[
            "diff",
            base.to_str().unwrap(),
            new.to_str().unwrap(),
            "--fail-above",
            limit,
        ])
        .status
        .code()
    };
    assert_eq!(at(&largest), Some(0), "limit {largest}");
    let less = format!("{:.2}", largest.parse::<f64>().unwrap() - 0.01);
    assert_eq!(at(&less), Some(1), "limit {less}");
}

#[test]
fn a_missing_config_file_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let o = run_into(&out, &["--config", "/no/such/scoring.toml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o).matches("os error 2").count(),
        1,
        "{}",
        stderr(&o)
    );
}

#[test]
fn formula_like_ids_are_neutralised_alike_in_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"=1+1\", \"outlet\": \"A\", \"text\": \"The minister said on Tuesday that the plan would cost 4 billion dollars in Moscow.\"}\n\
         {\"id\": \"b\", \"outlet\": \"B\", \"text\": \"The minister said on Tuesday that the plan would cost 4 billion dollars in Moscow.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("o");
    let o = credence(&[
        "run",
        input.to_str().unwrap(),
        "--span-csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids = |file: &str, col: &str| -> Vec<String> {
        let mut r = csv::Reader::from_path(out.join(file)).unwrap();
        let h = r.headers().unwrap().clone();
        let i = h
            .iter()
            .position(|x| x == col)
            .unwrap_or_else(|| panic!("{file}: {col}"));
        r.records().map(|x| x.unwrap()[i].to_string()).collect()
    };
    let claims = ids("claims.csv", "claim_id");
    assert!(claims.contains(&"'=1+1:c1".to_string()), "{claims:?}");
    let matched: Vec<String> = ids("matches.csv", "claim_id")
        .into_iter()
        .chain(ids("matches.csv", "other_claim_id"))
        .collect();
    assert!(!matched.is_empty(), "the two articles should match");
    for m in matched {
        assert!(claims.contains(&m), "{m} does not join claims.csv");
    }
}
