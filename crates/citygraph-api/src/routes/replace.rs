//! `PUT` of whole cities, networks and memberships, for clients that replace rather than patch
//! (partnerships: in `partnerships`). The body is what a create takes; an `id` in it, when given,
//! must be the path's. 201 when the entity is new, 200 when it replaced one; `If-Match` applies as
//! on every write.

use actix_web::http::StatusCode;
use actix_web::{put, web, HttpResponse};
use citygraph_core::{City, Membership, Network};
use citygraph_service::entities::{self, Put};

use super::cities::internal;
use crate::error::{ApiError, Problem};
use crate::respond::written;
use crate::state::{AppState, WriteAuth};

type Data = web::Data<AppState>;

/// The status of a `PUT` that did `put`.
pub fn put_status(put: Put) -> StatusCode {
    match put {
        Put::Created => StatusCode::CREATED,
        Put::Replaced => StatusCode::OK,
    }
}

/// Create or replace a city.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id")),
    request_body = City,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = City),
        (status = 201, description = "Created", body = City),
        (status = 400, description = "Malformed body, or an id other than the path's", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "An id that cannot be a city id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An alias taken by another city", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/cities/{id}")]
pub async fn put_city(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    entities::parse_city_id(&id)?;
    let svc = st.svc.clone();
    let (city, version, put) = a
        .block(move || svc.put_city(&id, body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(put_status(put), version, &*city))
}

/// Create or replace a network.
#[utoipa::path(
    tag = "networks",
    params(("id" = String, Path, description = "Network id")),
    request_body = Network,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = Network),
        (status = 201, description = "Created", body = Network),
        (status = 400, description = "Malformed body, or an id other than the path's", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "An id that cannot be a network id", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/networks/{id}")]
pub async fn put_network(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    entities::parse_network_id(&id)?;
    let svc = st.svc.clone();
    let (n, version, put) = a
        .block(move || svc.put_network(&id, body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(put_status(put), version, &*n))
}

/// Create or replace a membership (a replaced membership keeps its city and network).
#[utoipa::path(
    tag = "memberships",
    params(("id" = String, Path, description = "Membership id")),
    request_body = Membership,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = Membership),
        (status = 201, description = "Created", body = Membership),
        (status = 400, description = "Malformed body, or an id other than the path's", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "An id that cannot be a membership id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The city is already a member of the network on these dates", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values, an unknown city or network, or another city or network than the membership's (`immutable_field`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/memberships/{id}")]
pub async fn put_membership(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    entities::parse_membership_id(&id)?;
    let svc = st.svc.clone();
    let (m, version, put) = a
        .block(move || svc.put_membership(&id, body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(put_status(put), version, &*m))
}
