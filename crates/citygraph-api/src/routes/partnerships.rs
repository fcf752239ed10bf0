//! `/v1/partnerships`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use citygraph_core::{Event, Partnership};
use citygraph_service::{entities, query};

use super::cities::internal;
use crate::dto::{
    AsOfQuery, CityRef, DeletedView, HistoryView, PartnershipListQuery, PartnershipPage,
    PartnershipView,
};
use crate::error::{ApiError, Problem};
use crate::respond::{self, graph_json, written};
use crate::state::{AppState, ReadAuth, WriteAuth};

type Data = web::Data<AppState>;

/// List partnerships in id order, optionally by kind and by status on `as_of`.
#[utoipa::path(
    tag = "partnerships",
    params(PartnershipListQuery),
    responses(
        (status = 200, description = "One page of partnerships", body = PartnershipPage),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partnerships")]
pub async fn list_partnerships(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PartnershipListQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let day = respond::as_of(q.as_of.as_deref())?;
    let status = query::StatusFilter::parse_or_default(q.status.as_deref())?;
    let kind = q.kind;
    let (limit, cursor) = (respond::limit(q.limit)?, q.cursor.clone());
    // A status or kind filter may scan every partnership: off the async workers.
    let page = {
        let snap = snap.clone();
        st.scan(move || {
            query::page_of(&snap.partnerships, cursor.as_deref(), limit, |p| {
                kind.is_none_or(|k| k == p.kind)
                    && p.status_on(day).is_some_and(|s| status.accepts(s))
            })
        })
        .await??
    };
    let body = PartnershipPage {
        items: page.items.iter().map(PartnershipView::from).collect(),
        next: respond::next_link(&req, page.next),
        version: snap.version,
    };
    Ok(graph_json(&req, snap.version, Some(day), &body))
}

/// Create a partnership (id defaults to `a--b` with the two city ids in byte order, plus
/// `--kind` for kinds other than sister cities).
#[utoipa::path(
    tag = "partnerships",
    request_body = Partnership,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = PartnershipView),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The id is taken, or the pair already has a link of this kind in force (`duplicate_partnership`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values, history or unknown city (`self_partnership`, `invalid_history`, `invalid_date`, `city_not_found`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/partnerships")]
pub async fn create_partnership(
    _a: WriteAuth,
    st: Data,
    body: web::Json<Partnership>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (p, version) = web::block(move || svc.create_partnership(body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(
        StatusCode::CREATED,
        version,
        &PartnershipView::from(&p),
    ))
}

/// Get one partnership.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id")),
    responses(
        (status = 200, description = "The partnership", body = PartnershipView),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partnerships/{id}")]
pub async fn get_partnership(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let p = entities::partnership(&snap, &id)?;
    Ok(graph_json(
        &req,
        snap.version,
        None,
        &PartnershipView::from(p),
    ))
}

/// Delete a partnership (its history goes with it; to record an ending, add a `terminated` or
/// `lapsed` event instead).
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = DeletedView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/partnerships/{id}")]
pub async fn delete_partnership(
    _a: WriteAuth,
    st: Data,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let r = web::block(move || svc.delete_partnership(&id))
        .await
        .map_err(internal)??;
    Ok(written(
        StatusCode::OK,
        r.version,
        &DeletedView {
            deleted: r.deleted,
            cascaded: r.cascaded,
            version: r.version,
        },
    ))
}

/// Add an event (suspended, resumed, renewed, lapsed, terminated, ...) with date, reason and
/// sources. It is placed in date order and the whole history is checked again.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id")),
    request_body = Event,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partnership with its new history", body = PartnershipView),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A renewal would make a second link of this kind in force", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The history would be invalid (`invalid_history`) or the date is invalid", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/partnerships/{id}/events")]
pub async fn add_event(
    _a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<Event>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (p, version) = web::block(move || svc.add_event(&id, body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &PartnershipView::from(&p)))
}

/// A partnership's history, and its status on `as_of`.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id"), AsOfQuery),
    responses(
        (status = 200, description = "The history", body = HistoryView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partnerships/{id}/history")]
pub async fn history(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.svc.snapshot();
    let day = respond::as_of(q.as_of.as_deref())?;
    let p = entities::partnership(&snap, &id)?;
    let cities = p
        .cities
        .iter()
        .filter_map(|c| snap.city(c.as_str()))
        .map(|c| CityRef::from(&**c))
        .collect();
    let body = HistoryView {
        id: p.id.to_string(),
        cities,
        kind: p.kind,
        events: p.events.clone(),
        status: p.status_now(),
        as_of: day.to_string(),
        status_on_as_of: p.status_on(day),
        version: snap.version,
    };
    Ok(graph_json(&req, snap.version, Some(day), &body))
}
