//! The baseline of the HTTP benchmarks: a bare actix-web handler sending bytes it already holds,
//! with the same worker count as `citygraph serve`, so the ratio of the two measures citygraph's
//! own work per request.
//!
//! - Constant mode: given a body file (or none), `GET /v1/cities/{id}/partners` answers with that
//!   file's bytes (`bench/http/run.sh` passes the real answer, so both move the same bytes).
//! - Table mode (`--table FILE`): FILE holds one `path?query<TAB>body` line per URL; every request
//!   is answered with the body of its own path and query (404 for one not in the table), so a
//!   benchmark over many URLs moves the same bytes as citygraph did for each (`bench/http/reads.sh`).
//!
//! `cargo run --release -p citygraph-api --example bare -- 127.0.0.1:18081 [BODY_FILE | --table FILE]`

use std::collections::HashMap;

use actix_web::{get, web, App, HttpRequest, HttpResponse, HttpServer};

#[get("/v1/cities/{id}/partners")]
async fn constant(body: web::Data<web::Bytes>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body.get_ref().clone())
}

type Table = HashMap<String, web::Bytes>;

async fn from_table(req: HttpRequest, table: web::Data<Table>) -> HttpResponse {
    let key = req.uri().path_and_query().map_or("", |pq| pq.as_str());
    match table.get(key) {
        Some(body) => HttpResponse::Ok()
            .content_type("application/json")
            .body(body.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}

fn load_table(path: &str) -> std::io::Result<Table> {
    let text = std::fs::read_to_string(path)?;
    let mut table = Table::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let Some((url, body)) = line.split_once('\t') else {
            return Err(std::io::Error::other(format!(
                "{path}: a line without a tab"
            )));
        };
        table.insert(url.to_owned(), web::Bytes::from(body.to_owned()));
    }
    Ok(table)
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let bind = args.next().unwrap_or_else(|| "127.0.0.1:18081".to_owned());
    let mode = args.next();
    if mode.as_deref() == Some("--table") {
        let path = args
            .next()
            .ok_or_else(|| std::io::Error::other("--table needs a file"))?;
        let table = web::Data::new(load_table(&path)?);
        return actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new()
                    .app_data(table.clone())
                    .default_service(web::to(from_table))
            })
            .bind(bind)?
            .run()
            .await
        });
    }
    let body = match mode {
        Some(path) => std::fs::read(path)?,
        None => br#"{"partners":[]}"#.to_vec(),
    };
    let body = web::Data::new(web::Bytes::from(body));
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || App::new().app_data(body.clone()).service(constant))
            .bind(bind)?
            .run()
            .await
    })
}
