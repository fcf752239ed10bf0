//! The baseline of the HTTP benchmark: a bare actix-web handler returning a constant body, with
//! the same worker count as `citygraph serve`. Given a file, the constant is that file's bytes (the
//! benchmark passes the real answer, so both servers move the same bytes and the ratio measures
//! citygraph's own work per request).
//!
//! `cargo run --release -p citygraph-api --example bare -- 127.0.0.1:18081 [BODY_FILE]`

use actix_web::{get, web, App, HttpResponse, HttpServer};

#[get("/v1/cities/{id}/partners")]
async fn constant(body: web::Data<web::Bytes>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body.get_ref().clone())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let bind = args.next().unwrap_or_else(|| "127.0.0.1:18081".to_owned());
    let body = match args.next() {
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
