//! Checkpoints of the real binary: a SIGKILL while one is being written leaves a store that opens
//! to the right graph, and a start after a clean checkpoint loads it instead of replaying the log.

mod common;

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

/// Writes an NDJSON file of `n` cities and about `n` links between them.
fn write_graph(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let c = json!({"type": "city", "id": format!("c{i:05}"), "name": format!("City {i}"),
                       "country": "FR", "region": "europe", "lat": 1.0, "lon": 2.0,
                       "sources": ["https://example.org/cities"]});
        writeln!(f, "{c}").unwrap();
    }
    for i in 0..n {
        let (a, b) = (format!("c{i:05}"), format!("c{:05}", (i * 7 + 1) % n));
        if a == b {
            continue;
        }
        let p = json!({"type": "partnership", "id": format!("l{i:05}"), "cities": [a, b],
                       "kind": "friendship_city",
                       "events": [{"type": "established", "date": "1990"},
                                  {"type": "lapsed", "date": "2001-06", "reason": "budget"}]});
        writeln!(f, "{p}").unwrap();
    }
}

fn export(dir: &Path) -> (Vec<u8>, String) {
    let out = dir.with_extension("export.ndjson");
    let o = common::cli_ok(
        dir,
        &[
            "export",
            "--format",
            "ndjson",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    (std::fs::read(&out).unwrap(), o.stderr)
}

/// The temporary file of a checkpoint being written, if there is one.
fn temporary(dir: &Path) -> Option<std::path::PathBuf> {
    std::fs::read_dir(dir.join("checkpoints"))
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".checkpoint-"))
        })
}

#[test]
fn a_kill_while_a_checkpoint_is_written_leaves_a_store_that_opens_to_the_right_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("graph.ndjson");
    write_graph(&file, 20_000);
    let dir = tmp.path().join("data");
    common::cli_ok(&dir, &["import", file.to_str().unwrap()]);
    let (reference, _) = export(&dir);

    let mut interrupted = 0;
    for cycle in 0..3 {
        // Without a checkpoint, a start replays the whole log and then writes one in the
        // background: kill the server while that image is being written.
        std::fs::remove_dir_all(dir.join("checkpoints")).unwrap();
        let mut child = common::command()
            .arg("--data-dir")
            .arg(&dir)
            .args(["serve", "--no-seed", "--bind", "127.0.0.1:0"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut seen = None;
        while started.elapsed() < Duration::from_secs(120) {
            if let Some(t) = temporary(&dir) {
                seen = Some(t);
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let seen = seen.expect("the server started a checkpoint");
        let cut = seen.exists();
        if cut {
            interrupted += 1;
        }
        // The next open removes the temporary file and rebuilds the graph from the log.
        let (now, log) = export(&dir);
        assert!(
            now == reference,
            "cycle {cycle}: the store opened to another graph after a kill during a checkpoint\n{log}"
        );
        assert!(
            temporary(&dir).is_none(),
            "cycle {cycle}: temporary file left"
        );
        println!(
            "cycle {cycle}: killed {} the image was complete",
            if cut { "before" } else { "after" }
        );
    }
    assert!(
        interrupted > 0,
        "no kill landed while an image was being written: nothing was tested"
    );

    // The export above wrote a checkpoint on its way out; a start now loads it and replays
    // nothing, and damaging it only costs a rebuild.
    let images: Vec<_> = std::fs::read_dir(dir.join("checkpoints"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(images.len(), 1, "{images:?}");
    let out = common::command()
        .arg("--data-dir")
        .arg(&dir)
        .env("CITYGRAPH_LOG", "info")
        .env("CITYGRAPH_LOG_FORMAT", "json")
        .args(["export", "--format", "ndjson", "--out"])
        .arg(tmp.path().join("again.ndjson"))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("graph loaded from the store") && log.contains(r#""replayed_entries":0"#),
        "{log}"
    );
    assert_eq!(
        std::fs::read(tmp.path().join("again.ndjson")).unwrap(),
        reference
    );
    let mut bytes = std::fs::read(&images[0]).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    std::fs::write(&images[0], &bytes).unwrap();
    let (now, log) = export(&dir);
    assert_eq!(now, reference);
    assert!(
        log.contains("checkpoint passed over") && log.contains("checksum"),
        "{log}"
    );
}
