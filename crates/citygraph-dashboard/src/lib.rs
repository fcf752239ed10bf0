//! citygraph-dashboard: the twinning dashboard (a map with a time slider, brokers, overlap,
//! survival, lapses and saturation panels), built from `web/` and embedded in the binary.
//!
//! `web/` holds the TypeScript sources, `package.json`, its lockfile and the Vite config;
//! `scripts/build-dashboard.sh` builds them into `dist/` (committed) and writes beside the bundle
//! the hash of the sources it was built from ([`SOURCE_HASH`], computed as [`source_hash`] says).
//! A test fails when the committed bundle was built from other sources than those in `web/`, so
//! `cargo run` never needs npm and never serves a stale page.
//!
//! This crate only knows files, their content types and how long they may be cached; it knows no
//! HTTP framework (the API crate serves them at `/dashboard/`). Start with [`asset`].

use include_dir::{include_dir, Dir};

static DIST: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/dist");

/// The hash of the sources the embedded bundle was built from (see [`source_hash`]).
pub const SOURCE_HASH: &str = include_str!("../dist/source-hash.txt");

/// The Content-Security-Policy of the dashboard's pages: everything (scripts, styles, data,
/// images) from the service's own origin only; no inline scripts or styles, no plugins, no
/// framing. `data:` and `blob:` images are the PNG export of the map canvas.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
     worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

/// How long a client may keep a file without asking again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// The name carries a hash of the content (`assets/index-3f2a1b.js`): keep it for a year.
    Immutable,
    /// The entry page and other unhashed names: revalidate every time (with the ETag).
    Revalidate,
}

impl Caching {
    /// The `Cache-Control` value of this policy.
    pub fn cache_control(self) -> &'static str {
        match self {
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::Revalidate => "no-cache",
        }
    }
}

/// One embedded file.
#[derive(Clone, Copy, Debug)]
pub struct Asset {
    /// Path below the dashboard's root, e.g. `index.html` or `assets/index-3f2a1b.js`.
    pub path: &'static str,
    pub bytes: &'static [u8],
    /// MIME type, with `charset=utf-8` for text.
    pub content_type: &'static str,
    pub caching: Caching,
}

impl Asset {
    /// A strong ETag: the source hash names the build, the path names the file in it.
    pub fn etag(&self) -> String {
        let short = &SOURCE_HASH.trim()[..16.min(SOURCE_HASH.trim().len())];
        format!("\"{short}-{:x}\"", fnv1a(self.path.as_bytes()))
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        // mime_guess names JavaScript `application/javascript`; RFC 9239 prefers `text/javascript`.
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        _ => mime_guess::from_ext(ext)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

/// The file at `path` below the dashboard's root (`""` and `"/"` are the entry page), if the
/// bundle has it. Paths with `..` or a leading `/` beyond the root find nothing.
pub fn asset(path: &str) -> Option<Asset> {
    let path = path.trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    if path
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.is_empty())
    {
        return None;
    }
    let file = DIST.get_file(path)?;
    let caching = if path.starts_with("assets/") {
        Caching::Immutable
    } else {
        Caching::Revalidate
    };
    Some(Asset {
        path: file.path().to_str().expect("bundle paths are UTF-8"),
        bytes: file.contents(),
        content_type: content_type(path),
        caching,
    })
}

/// Every embedded file's path, in no particular order.
pub fn paths() -> Vec<&'static str> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<&'static str>) {
        for f in dir.files() {
            out.push(f.path().to_str().expect("bundle paths are UTF-8"));
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&DIST, &mut out);
    out
}

/// The files of `web/` whose content decides the bundle, as paths relative to `web/`: the entry
/// page, everything under `src/` and `public/`, `package.json`, `package-lock.json`,
/// `tsconfig.json` and `vite.config.ts`.
pub const SOURCE_ROOTS: [&str; 7] = [
    "index.html",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "vite.config.ts",
    "src",
    "public",
];

/// How [`SOURCE_HASH`] is computed, written out so that the build script (`sha256sum`) and the
/// test (Rust) agree: list the files of [`SOURCE_ROOTS`] as paths relative to `web/` (folders
/// walked to their files), sort them bytewise, and take the SHA-256 of the concatenation of
/// `"{path}\n{sha256 of the file, lowercase hex}\n"` for each. Content hashes rather than
/// modification times, which a checkout resets.
pub const SOURCE_HASH_RULE: &str = "sha256 over sorted `path\\nsha256(content)\\n` lines";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_page_is_html_and_revalidated() {
        let a = asset("").expect("index.html is embedded");
        assert_eq!(a.path, "index.html");
        assert_eq!(a.content_type, "text/html; charset=utf-8");
        assert_eq!(a.caching, Caching::Revalidate);
        assert_eq!(asset("/").unwrap().path, "index.html");
    }

    #[test]
    fn hashed_assets_are_immutable_with_their_content_types() {
        let js: Vec<_> = paths()
            .into_iter()
            .filter(|p| p.starts_with("assets/") && p.ends_with(".js"))
            .collect();
        assert!(!js.is_empty(), "the bundle has its scripts");
        for p in js {
            let a = asset(p).unwrap();
            assert_eq!(a.caching, Caching::Immutable);
            assert_eq!(a.content_type, "text/javascript; charset=utf-8");
        }
        assert_eq!(content_type("x.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("x.png"), "image/png");
    }

    #[test]
    fn paths_outside_the_bundle_find_nothing() {
        for p in [
            "../Cargo.toml",
            "assets/../../src/lib.rs",
            "./index.html",
            "assets//x.js",
            "nope.js",
        ] {
            assert!(asset(p).is_none(), "{p}");
        }
    }

    #[test]
    fn etags_differ_by_file() {
        let a = asset("index.html").unwrap();
        let b = asset("source-hash.txt").unwrap();
        assert_ne!(a.etag(), b.etag());
        assert!(a.etag().starts_with('"') && a.etag().ends_with('"'));
    }
}
