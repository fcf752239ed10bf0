//! `/v1/partnerships`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use citygraph_core::{Event, Partnership};
use citygraph_service::{entities, query};

use super::cities::internal;
use crate::body::{self, HistoryBody};
use crate::dto::{
    AsOfQuery, DeletedView, HistoryView, PartnershipListQuery, PartnershipPage, PartnershipView,
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
    let snap = st.snapshot(&req);
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
    a: WriteAuth,
    st: Data,
    body: web::Json<Partnership>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (p, version) = a
        .block(move || svc.create_partnership(body.into_inner()))
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
    let snap = st.snapshot(&req);
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
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let r = a
        .block(move || svc.delete_partnership(&id))
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
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<Event>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (p, version) = a
        .block(move || svc.add_event(&id, body.into_inner()))
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
    let snap = st.snapshot(&req);
    let day = respond::as_of(q.as_of.as_deref())?;
    respond::cheap_read(&st, &req, snap.version, day, || {
        let p = entities::partnership(&snap, &id)?;
        let body = HistoryBody::new(&snap, p, day);
        Ok(body::to_vec(&body, body.size_hint()))
    })
}

/// Update a partnership's kind, note or sources with a JSON merge patch (RFC 7386). Its id and
/// cities cannot change; events are corrected one by one at `/events/{event_id}`.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id")),
    request_body(content = Object, description = "JSON merge patch of `kind`, `note`, `sources`"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated partnership", body = PartnershipView),
        (status = 400, description = "Malformed patch, or a field that cannot be patched", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new kind makes a second link of that kind in force", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values, or a change of the id or the cities (`immutable_field`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/partnerships/{id}")]
pub async fn patch_partnership(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (p, version) = a
        .block(move || svc.patch_partnership(&id, &body))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &PartnershipView::from(&p)))
}

/// Create or replace a whole partnership, history included (the body is what a create takes; its
/// `id`, when given, must be the path's). A replaced partnership keeps its two cities.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = String, Path, description = "Partnership id")),
    request_body = Partnership,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = PartnershipView),
        (status = 201, description = "Created", body = PartnershipView),
        (status = 400, description = "Malformed body, or an id other than the path's", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "An id that cannot be a partnership id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pair already has a link of this kind in force", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values or history, an unknown city, or other cities than the partnership's (`partnership_cities_changed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/partnerships/{id}")]
pub async fn put_partnership(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    entities::parse_partnership_id(&id)?;
    let svc = st.svc.clone();
    let (p, version, put) = a
        .block(move || svc.put_partnership(&id, body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(
        super::replace::put_status(put),
        version,
        &PartnershipView::from(&p),
    ))
}

/// Correct one event of a partnership's history (JSON merge patch of its fields; its id cannot
/// change). The event moves to its date's place and the whole history is checked again: a
/// correction that makes the history impossible is refused with the reason.
#[utoipa::path(
    tag = "partnerships",
    params(
        ("id" = String, Path, description = "Partnership id"),
        ("event_id" = String, Path, description = "Event id (`e1`, `e2`, ... unless given)"),
    ),
    request_body(content = Object, description = "JSON merge patch of the event (`type`, `date`, `reason`, `initiated_by`, `sources`, `note`)"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partnership with its corrected history", body = PartnershipView),
        (status = 400, description = "Malformed patch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership or event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The corrected history makes a second link of this kind in force", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The history would be invalid (`invalid_history`), a bad date, or a change of the id (`immutable_field`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/partnerships/{id}/events/{event_id}")]
pub async fn patch_event(
    a: WriteAuth,
    st: Data,
    path: web::Path<(String, String)>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (id, event_id) = path.into_inner();
    let (p, version) = a
        .block(move || svc.patch_event(&id, &event_id, &body))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &PartnershipView::from(&p)))
}

/// Remove one event from a partnership's history; the rest must still be a valid history.
#[utoipa::path(
    tag = "partnerships",
    params(
        ("id" = String, Path, description = "Partnership id"),
        ("event_id" = String, Path, description = "Event id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partnership without the event", body = PartnershipView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partnership or event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The remaining history makes a second link of this kind in force", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The remaining history would be invalid (`invalid_history`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/partnerships/{id}/events/{event_id}")]
pub async fn delete_event(
    a: WriteAuth,
    st: Data,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (id, event_id) = path.into_inner();
    let (p, version) = a
        .block(move || svc.delete_event(&id, &event_id))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &PartnershipView::from(&p)))
}
