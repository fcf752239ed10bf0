//! Helpers shared by the end-to-end tests: locate the `citygraph` binary, run a server on a temp
//! data folder (killed on drop), run CLI commands, and make HTTP requests that return
//! `(status, headers, json)`.
//!
//! Every test file includes this module but uses only part of it.
#![allow(dead_code)]

pub mod disk;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::HeaderMap;
use reqwest::Method;
use serde_json::Value;

/// The token the test servers accept for writes.
pub const TOKEN: &str = "e2e-secret-token";

/// How long a server gets to print its listening line.
// A debug build loads the seed (about 90,000 records) in half a minute on an idle machine.
const START_TIMEOUT: Duration = Duration::from_secs(180);

/// The `citygraph` binary next to the test executable: `<target>/<profile>/citygraph`.
pub fn bin() -> PathBuf {
    let exe = std::env::current_exe().expect("path of the test executable");
    // <target>/<profile>/deps/<test>-<hash>
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in <target>/<profile>/deps");
    let bin = profile_dir.join(format!("citygraph{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "the citygraph binary is missing at {}: run `cargo build -p citygraph-server` (with the same profile and target dir) first",
        bin.display()
    );
    bin
}

/// A command for the binary with no `CITYGRAPH_*` variable inherited from the environment.
pub fn command() -> Command {
    let mut cmd = Command::new(bin());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("CITYGRAPH_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("CITYGRAPH_LOG", "warn");
    cmd
}

/// Result of a CLI run.
#[derive(Debug)]
pub struct CliOutput {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl CliOutput {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

impl From<Output> for CliOutput {
    fn from(o: Output) -> Self {
        CliOutput {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Runs `citygraph --data-dir DATA ARGS...` and waits for it.
pub fn cli(data_dir: &Path, args: &[&str]) -> CliOutput {
    command()
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("running citygraph")
        .into()
}

/// Runs a CLI command that must succeed, and returns its output.
pub fn cli_ok(data_dir: &Path, args: &[&str]) -> CliOutput {
    let out = cli(data_dir, args);
    assert!(
        out.success(),
        "citygraph {args:?} failed ({:?})\nstdout:\n{}\nstderr:\n{}",
        out.code,
        out.stdout,
        out.stderr
    );
    out
}

/// How to start a server.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Data folder; a fresh temp folder when `None`.
    pub data_dir: Option<PathBuf>,
    /// Seed folder; `--no-seed` when `None`.
    pub seed_dir: Option<PathBuf>,
    /// `CITYGRAPH_API_TOKENS`; `None` leaves it unset.
    pub tokens: Option<String>,
    /// Extra environment variables.
    pub env: Vec<(String, String)>,
}

impl ServerOptions {
    /// A fresh data folder, no seed, the test token.
    pub fn with_token() -> ServerOptions {
        ServerOptions {
            tokens: Some(TOKEN.to_owned()),
            ..Default::default()
        }
    }
    pub fn env(mut self, k: &str, v: &str) -> ServerOptions {
        self.env.push((k.to_owned(), v.to_owned()));
        self
    }
    pub fn data_dir(mut self, dir: &Path) -> ServerOptions {
        self.data_dir = Some(dir.to_owned());
        self
    }
}

/// A running `citygraph serve` on 127.0.0.1; SIGKILLed and reaped on drop.
pub struct Server {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub data_dir: PathBuf,
    log: Arc<Mutex<String>>,
    client: Client,
    _tmp: Option<tempfile::TempDir>,
}

/// A response: status, headers, the body as JSON (`Value::Null` when it is not JSON) and raw.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub json: Value,
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
    /// Asserts the status, printing the body when it differs.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Resp {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text()
        );
        self
    }
    /// Asserts a problem+json error response with this status and code, and its required fields.
    #[track_caller]
    pub fn expect_problem(&self, status: u16, code: &str) -> &Resp {
        self.expect(status);
        assert_problem_shape(self);
        assert_eq!(self.json["code"], code, "wrong code; body: {}", self.text());
        self
    }
}

/// What is wrong with an error response's shape, if anything: every error is
/// `application/problem+json` with type, title, status, detail and code.
pub fn problem_shape_error(r: &Resp) -> Option<String> {
    let ct = r.header("content-type").unwrap_or_default();
    if !ct.starts_with("application/problem+json") {
        return Some(format!(
            "content-type of a {} error is {ct:?}; body: {}",
            r.status,
            r.text()
        ));
    }
    for field in ["type", "title", "detail", "code"] {
        if r.json[field].as_str().is_none_or(str::is_empty) {
            return Some(format!(
                "problem field {field} missing or empty in {}",
                r.text()
            ));
        }
    }
    if r.json["status"].as_u64() != Some(u64::from(r.status)) {
        return Some(format!(
            "problem status differs from the HTTP status {}: {}",
            r.status,
            r.text()
        ));
    }
    None
}

/// Asserts [`problem_shape_error`] finds nothing wrong.
#[track_caller]
pub fn assert_problem_shape(r: &Resp) {
    if let Some(e) = problem_shape_error(r) {
        panic!("{e}");
    }
}

/// A blocking HTTP client that never uses a proxy.
pub fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("building the HTTP client")
}

impl Server {
    /// Starts a server with a fresh data folder, no seed and the test token.
    pub fn start() -> Server {
        Server::start_with(ServerOptions::with_token())
    }

    /// Starts `citygraph serve --bind 127.0.0.1:0` and waits for its listening line.
    pub fn start_with(opts: ServerOptions) -> Server {
        let (tmp, data_dir) = match &opts.data_dir {
            Some(d) => (None, d.clone()),
            None => {
                let t = tempfile::tempdir().expect("temp data folder");
                let d = t.path().join("data");
                (Some(t), d)
            }
        };
        let mut cmd = command();
        cmd.arg("--data-dir").arg(&data_dir).args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "2",
        ]);
        match &opts.seed_dir {
            Some(s) => {
                cmd.arg("--seed-dir").arg(s);
            }
            None => {
                cmd.arg("--no-seed");
            }
        }
        if let Some(t) = &opts.tokens {
            cmd.env("CITYGRAPH_API_TOKENS", t);
        }
        for (k, v) in &opts.env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawning citygraph serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel::<String>();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                // Keep draining stderr for the server's whole life so it never blocks on a full pipe.
                let mut reader = BufReader::new(stderr);
                let mut line = String::new();
                let mut tx = Some(tx);
                loop {
                    line.clear();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {
                            log.lock().unwrap().push_str(&line);
                            if let Some(rest) = line.trim().strip_prefix("citygraph listening on ")
                            {
                                if let Some(tx) = tx.take() {
                                    let _ = tx.send(rest.to_owned());
                                }
                            }
                        }
                    }
                }
                let mut rest = String::new();
                let _ = reader.read_to_string(&mut rest);
                log.lock().unwrap().push_str(&rest);
            })
        };
        let base = match rx.recv_timeout(START_TIMEOUT) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                let status = child.wait().ok();
                // Give the reader a moment to collect the last output (it ends at EOF).
                let text = log.lock().unwrap().clone();
                panic!(
                    "citygraph serve did not print its listening line (exit: {status:?}); stderr:\n{text}"
                );
            }
        };
        assert!(
            base.starts_with("http://127.0.0.1:"),
            "the server must listen on loopback, got {base}"
        );
        Server {
            child: Some(child),
            base,
            data_dir,
            log,
            client: client(),
            _tmp: tmp,
        }
    }

    /// The process id of the server.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// What the server wrote on stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// SIGKILLs the server (no chance to flush or clean up) and reaps it.
    pub fn kill_hard(&mut self) {
        if let Some(mut child) = self.child.take() {
            let pid = nix::unistd::Pid::from_raw(child.id() as i32);
            nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL)
                .expect("sending SIGKILL");
            let status = child.wait().expect("reaping the server");
            assert!(!status.success(), "a SIGKILLed server cannot exit cleanly");
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A request with optional bearer token and JSON body.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Resp {
        let mut headers: Vec<(&str, String)> = Vec::new();
        if let Some(t) = token {
            headers.push(("authorization", format!("Bearer {t}")));
        }
        let raw = body.map(|b| {
            headers.push(("content-type", "application/json".to_owned()));
            serde_json::to_vec(b).expect("JSON body")
        });
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.raw(method, path, &headers, raw)
    }

    /// A request with arbitrary headers and raw body.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Resp {
        let method = Method::from_bytes(method.as_bytes()).expect("HTTP method");
        let mut req = self.client.request(method, self.url(path));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        let resp = req
            .send()
            .unwrap_or_else(|e| panic!("request {path} failed: {e}\nserver log:\n{}", self.log()));
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().expect("reading the body").to_vec();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            json,
            bytes,
        }
    }

    /// GET without a token.
    pub fn get(&self, path: &str) -> Resp {
        self.call("GET", path, None, None)
    }

    /// A write with the test token.
    pub fn write(&self, method: &str, path: &str, body: Option<&Value>) -> Resp {
        self.call(method, path, Some(TOKEN), body)
    }

    /// POST a JSON body with the test token.
    pub fn post(&self, path: &str, body: &Value) -> Resp {
        self.write("POST", path, Some(body))
    }

    /// The whole graph as NDJSON (`GET /v1/export/ndjson`).
    pub fn export(&self) -> Vec<u8> {
        let r = self.get("/v1/export/ndjson");
        r.expect(200);
        r.bytes
    }

    /// The graph version from `/readyz`.
    pub fn version(&self) -> u64 {
        let r = self.get("/readyz");
        r.expect(200);
        r.json["version"].as_u64().expect("readyz has a version")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            if std::thread::panicking() {
                let log = self.log();
                let tail: String = log
                    .lines()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n");
                eprintln!("--- server {} stderr (tail) ---\n{tail}", self.base);
            }
        }
    }
}

/// A city as JSON.
pub fn city_json(id: &str, name: &str, country: &str, region: &str, lat: f64, lon: f64) -> Value {
    serde_json::json!({
        "id": id, "name": name, "country": country, "region": region, "lat": lat, "lon": lon
    })
}

/// Writes the small synthetic dataset of `citygraph generate` into `out` (the tests' own data,
/// made by citygraph itself: nothing outside the repository is needed).
pub fn generate_small(out: &Path) -> citygraph_generate::Summary {
    citygraph_tests::generate_small(out)
}

/// `citygraph --data-dir DATA export --format ndjson --out OUT`, which must succeed; returns the
/// export's bytes.
pub fn export_ndjson(data_dir: &Path, out: &Path) -> Vec<u8> {
    let o = cli_ok(
        data_dir,
        &[
            "export",
            "--format",
            "ndjson",
            "--out",
            out.to_str().expect("UTF-8 path"),
        ],
    );
    assert!(o.stderr.contains("exported"), "{}", o.stderr);
    std::fs::read(out).expect("reading the export")
}
