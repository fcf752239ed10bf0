//! The committed bundle (`dist/`) was built from the sources in `web/`: its recorded source hash
//! equals the hash of the sources now, computed by the rule of `SOURCE_HASH_RULE`. When this
//! fails, run `scripts/build-dashboard.sh` and commit `dist/`.

use std::path::{Path, PathBuf};

use citygraph_dashboard::{asset, paths, SOURCE_HASH, SOURCE_ROOTS};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn files_under(root: &Path, rel: &str, out: &mut Vec<String>) {
    let full = root.join(rel);
    if full.is_dir() {
        for e in std::fs::read_dir(&full).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            files_under(root, &format!("{rel}/{name}"), out);
        }
    } else if full.is_file() {
        out.push(rel.to_owned());
    }
}

fn source_hash(web: &Path) -> String {
    let mut files = Vec::new();
    for r in SOURCE_ROOTS {
        files_under(web, r, &mut files);
    }
    files.sort();
    let mut h = Sha256::new();
    for f in &files {
        let content = std::fs::read(web.join(f)).unwrap();
        h.update(format!("{f}\n{}\n", hex(&Sha256::digest(&content))));
    }
    hex(&h.finalize())
}

#[test]
fn the_committed_bundle_is_built_from_the_current_sources() {
    let web = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("web");
    if !web.join("package.json").is_file() {
        // A published crate carries the bundle without its sources.
        eprintln!("no web/ sources next to the bundle; nothing to compare");
        return;
    }
    assert_eq!(
        SOURCE_HASH.trim(),
        source_hash(&web),
        "crates/citygraph-dashboard/dist is older than (or not built from) web/: run scripts/build-dashboard.sh and commit dist/"
    );
}

#[test]
fn every_file_the_entry_page_loads_is_embedded_and_local() {
    let html = std::str::from_utf8(asset("index.html").unwrap().bytes).unwrap();
    let mut refs = 0;
    for attr in ["src=\"", "href=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let url = &rest[..rest.find('"').unwrap()];
            assert!(
                !url.contains("//") && !url.starts_with('/'),
                "the page loads {url}: only relative, same-origin paths are allowed"
            );
            let path = url.trim_start_matches("./");
            assert!(
                asset(path).is_some(),
                "{path} is referenced but not embedded"
            );
            refs += 1;
        }
    }
    assert!(refs >= 2, "the page loads its script and stylesheet");
    assert!(
        !html.contains("<script>") && !html.contains("<style"),
        "no inline scripts or styles (the CSP forbids them)"
    );
    assert!(paths().iter().any(|p| p.ends_with(".js")));
}
