//! The baseline of the HTTP benchmark: a bare actix-web handler returning a constant JSON body,
//! with the same worker count as `citygraph serve`.
//!
//! `cargo run --release -p citygraph-api --example bare -- 127.0.0.1:18081`

use actix_web::{get, App, HttpResponse, HttpServer};

#[get("/v1/cities/{id}/partners")]
async fn constant() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(r#"{"partners":[]}"#)
}

fn main() -> std::io::Result<()> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18081".to_owned());
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(|| App::new().service(constant))
            .bind(bind)?
            .run()
            .await
    })
}
