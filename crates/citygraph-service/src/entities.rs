//! Create, update and delete of cities, networks, memberships and partnerships.

use std::sync::Arc;

use citygraph_core::{
    Change, City, CityId, Event, Membership, MembershipId, Network, NetworkId, Partnership,
    PartnershipId, Snapshot,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::{Error, Result, Service};

/// What a delete removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DeleteReport {
    pub deleted: String,
    /// Partnerships and memberships removed with it (cascading deletes).
    pub cascaded: Vec<String>,
    pub version: u64,
}

/// Applies an RFC 7386 JSON merge patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let t = target.as_object_mut().expect("just made an object");
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        other => *target = other.clone(),
    }
}

fn patched<T: Serialize + DeserializeOwned>(
    current: &T,
    patch: &Value,
    immutable: &[&'static str],
) -> Result<T> {
    if !patch.is_object() {
        return Err(Error::BadBody(
            "a patch must be a JSON object (RFC 7386 merge patch)".into(),
        ));
    }
    let mut doc = serde_json::to_value(current).map_err(|e| Error::Internal(e.to_string()))?;
    for field in immutable {
        if let Some(v) = patch.get(*field) {
            if doc.get(*field) != Some(v) {
                return Err(Error::Immutable {
                    field,
                    detail: format!("{field} is part of the identity; create a new record instead"),
                });
            }
        }
    }
    merge_patch(&mut doc, patch);
    serde_json::from_value(doc).map_err(|e| Error::BadBody(e.to_string()))
}

fn not_found(entity: &'static str, id: &str) -> Error {
    Error::NotFound {
        entity,
        id: id.to_owned(),
    }
}

/// Creates, patches and event additions return the record as written and the graph version that
/// write produced (not the current version, which a concurrent write may already have moved on).
impl Service {
    /// Commits one new record, refusing an id that is taken (`{entity}_exists`).
    fn create_one(
        &self,
        op: &str,
        entity: &'static str,
        id: &str,
        exists: impl FnOnce(&citygraph_core::Snapshot) -> bool,
        change: Change,
    ) -> Result<u64> {
        let (snap, _, ()) = self.commit(op, |s| {
            if exists(s) {
                return Err(Error::AlreadyExists {
                    entity,
                    id: id.to_owned(),
                });
            }
            Ok((vec![change], ()))
        })?;
        Ok(snap.version)
    }

    #[tracing::instrument(skip_all, fields(city = %city.id))]
    pub fn create_city(&self, city: City) -> Result<(Arc<City>, u64)> {
        city.validate()?;
        let city = Arc::new(city);
        let version = self.create_one(
            "create_city",
            "city",
            city.id.as_str(),
            |s| s.resolve_city(city.id.as_str()).is_some(),
            Change::PutCity(city.clone()),
        )?;
        Ok((city, version))
    }

    #[tracing::instrument(skip_all, fields(city = %id))]
    pub fn patch_city(&self, id: &str, patch: &Value) -> Result<(Arc<City>, u64)> {
        let (snap, _, ()) = self.commit("update_city", |s| {
            let cur = s.city(id).ok_or_else(|| not_found("city", id))?;
            let next: City = patched(&**cur, patch, &["id"])?;
            Ok((vec![Change::PutCity(Arc::new(next))], ()))
        })?;
        Ok((snap.city(id).cloned().expect("just written"), snap.version))
    }

    /// Deletes a city; with `cascade`, its partnerships and memberships too (otherwise they must be
    /// gone first).
    #[tracing::instrument(skip_all, fields(city = %id))]
    pub fn delete_city(&self, id: &str, cascade: bool) -> Result<DeleteReport> {
        let (snap, _, cascaded) = self.commit("delete_city", |s| {
            let city = s.city(id).ok_or_else(|| not_found("city", id))?;
            let mut changes = Vec::new();
            let mut cascaded = Vec::new();
            if cascade {
                for p in s.partnerships_of(id) {
                    cascaded.push(p.id.to_string());
                    changes.push(Change::DeletePartnership(p.id.clone()));
                }
                for m in s.memberships_of(id) {
                    cascaded.push(m.id.to_string());
                    changes.push(Change::DeleteMembership(m.id.clone()));
                }
            }
            changes.push(Change::DeleteCity(city.id.clone()));
            Ok((changes, cascaded))
        })?;
        Ok(DeleteReport {
            deleted: id.to_owned(),
            cascaded,
            version: snap.version,
        })
    }

    #[tracing::instrument(skip_all, fields(network = %network.id))]
    pub fn create_network(&self, network: Network) -> Result<(Arc<Network>, u64)> {
        network.validate()?;
        let network = Arc::new(network);
        let version = self.create_one(
            "create_network",
            "network",
            network.id.as_str(),
            |s| s.network(network.id.as_str()).is_some(),
            Change::PutNetwork(network.clone()),
        )?;
        Ok((network, version))
    }

    #[tracing::instrument(skip_all, fields(network = %id))]
    pub fn patch_network(&self, id: &str, patch: &Value) -> Result<(Arc<Network>, u64)> {
        let (snap, _, ()) = self.commit("update_network", |s| {
            let cur = s.network(id).ok_or_else(|| not_found("network", id))?;
            let next: Network = patched(&**cur, patch, &["id"])?;
            Ok((vec![Change::PutNetwork(Arc::new(next))], ()))
        })?;
        Ok((
            snap.network(id).cloned().expect("just written"),
            snap.version,
        ))
    }

    #[tracing::instrument(skip_all, fields(network = %id))]
    pub fn delete_network(&self, id: &str, cascade: bool) -> Result<DeleteReport> {
        let (snap, _, cascaded) = self.commit("delete_network", |s| {
            let n = s.network(id).ok_or_else(|| not_found("network", id))?;
            let mut changes = Vec::new();
            let mut cascaded = Vec::new();
            if cascade {
                for m in s.members_of(id) {
                    cascaded.push(m.id.to_string());
                    changes.push(Change::DeleteMembership(m.id.clone()));
                }
            }
            changes.push(Change::DeleteNetwork(n.id.clone()));
            Ok((changes, cascaded))
        })?;
        Ok(DeleteReport {
            deleted: id.to_owned(),
            cascaded,
            version: snap.version,
        })
    }

    #[tracing::instrument(skip_all, fields(membership = %m.id))]
    pub fn create_membership(&self, m: Membership) -> Result<(Arc<Membership>, u64)> {
        m.validate()?;
        let m = Arc::new(m);
        let version = self.create_one(
            "create_membership",
            "membership",
            m.id.as_str(),
            |s| s.membership(m.id.as_str()).is_some(),
            Change::PutMembership(m.clone()),
        )?;
        Ok((m, version))
    }

    #[tracing::instrument(skip_all, fields(membership = %id))]
    pub fn patch_membership(&self, id: &str, patch: &Value) -> Result<(Arc<Membership>, u64)> {
        let (snap, _, ()) = self.commit("update_membership", |s| {
            let cur = s
                .membership(id)
                .ok_or_else(|| not_found("membership", id))?;
            let next: Membership = patched(&**cur, patch, &["id", "city", "network"])?;
            Ok((vec![Change::PutMembership(Arc::new(next))], ()))
        })?;
        Ok((
            snap.membership(id).cloned().expect("just written"),
            snap.version,
        ))
    }

    #[tracing::instrument(skip_all, fields(membership = %id))]
    pub fn delete_membership(&self, id: &str) -> Result<DeleteReport> {
        let (snap, _, ()) = self.commit("delete_membership", |s| {
            let m = s
                .membership(id)
                .ok_or_else(|| not_found("membership", id))?;
            Ok((vec![Change::DeleteMembership(m.id.clone())], ()))
        })?;
        Ok(DeleteReport {
            deleted: id.to_owned(),
            cascaded: vec![],
            version: snap.version,
        })
    }

    #[tracing::instrument(skip_all, fields(partnership = %p.id))]
    pub fn create_partnership(&self, p: Partnership) -> Result<(Arc<Partnership>, u64)> {
        p.validate()?;
        let p = Arc::new(p);
        let version = self.create_one(
            "create_partnership",
            "partnership",
            p.id.as_str(),
            |s| s.partnership(p.id.as_str()).is_some(),
            Change::PutPartnership(p.clone()),
        )?;
        Ok((p, version))
    }

    #[tracing::instrument(skip_all, fields(partnership = %id))]
    pub fn delete_partnership(&self, id: &str) -> Result<DeleteReport> {
        let (snap, _, ()) = self.commit("delete_partnership", |s| {
            let p = s
                .partnership(id)
                .ok_or_else(|| not_found("partnership", id))?;
            Ok((vec![Change::DeletePartnership(p.id.clone())], ()))
        })?;
        Ok(DeleteReport {
            deleted: id.to_owned(),
            cascaded: vec![],
            version: snap.version,
        })
    }

    /// Adds an event to a partnership's history, in date order (after events of the same date), and
    /// checks the whole history again.
    #[tracing::instrument(skip_all, fields(partnership = %id, event = %event.kind))]
    pub fn add_event(&self, id: &str, event: Event) -> Result<(Arc<Partnership>, u64)> {
        let (snap, _, ()) = self.commit("add_event", |s| {
            let cur = s
                .partnership(id)
                .ok_or_else(|| not_found("partnership", id))?;
            let mut next = (**cur).clone();
            if let Some(eid) = event.id.as_deref() {
                if next.event_index(eid).is_some() {
                    return Err(citygraph_core::CoreError::DuplicateEventId(eid.to_owned()).into());
                }
            }
            let at = next
                .events
                .partition_point(|e| e.date.first_day() <= event.date.first_day());
            next.events.insert(at, event);
            next.assign_event_ids();
            next.validate()?;
            Ok((vec![Change::PutPartnership(Arc::new(next))], ()))
        })?;
        Ok((
            snap.partnership(id).cloned().expect("just written"),
            snap.version,
        ))
    }
}

/// What a `PUT` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Created,
    Replaced,
}

/// The body of a `PUT`: the entity as created, its id taken from the path when absent and refused
/// when it names another.
fn put_body<T: DeserializeOwned>(id: &str, mut body: Value) -> Result<T> {
    let Some(obj) = body.as_object_mut() else {
        return Err(Error::BadBody("the body must be a JSON object".into()));
    };
    match obj.get("id") {
        None | Some(Value::Null) => {
            obj.insert("id".into(), Value::String(id.to_owned()));
        }
        Some(Value::String(s)) if s == id => {}
        Some(other) => {
            return Err(Error::bad_param(
                "id",
                format!("the body's id {other} is not the id of the path ({id:?})"),
            ))
        }
    }
    serde_json::from_value(body).map_err(|e| Error::BadBody(e.to_string()))
}

/// Replacements, event corrections and partnership patches (see the create and patch methods
/// above for what they return).
impl Service {
    /// Creates or replaces a city with the whole record in `body`.
    #[tracing::instrument(skip_all, fields(city = %id))]
    pub fn put_city(&self, id: &str, body: Value) -> Result<(Arc<City>, u64, Put)> {
        let city: City = put_body(id, body)?;
        city.validate()?;
        let city = Arc::new(city);
        let (snap, _, put) = self.commit("put_city", |s| {
            let put = if s.city(id).is_some() {
                Put::Replaced
            } else {
                Put::Created
            };
            Ok((vec![Change::PutCity(city.clone())], put))
        })?;
        Ok((city, snap.version, put))
    }

    #[tracing::instrument(skip_all, fields(network = %id))]
    pub fn put_network(&self, id: &str, body: Value) -> Result<(Arc<Network>, u64, Put)> {
        let n: Network = put_body(id, body)?;
        n.validate()?;
        let n = Arc::new(n);
        let (snap, _, put) = self.commit("put_network", |s| {
            let put = if s.network(id).is_some() {
                Put::Replaced
            } else {
                Put::Created
            };
            Ok((vec![Change::PutNetwork(n.clone())], put))
        })?;
        Ok((n, snap.version, put))
    }

    #[tracing::instrument(skip_all, fields(membership = %id))]
    pub fn put_membership(&self, id: &str, body: Value) -> Result<(Arc<Membership>, u64, Put)> {
        let m: Membership = put_body(id, body)?;
        m.validate()?;
        let m = Arc::new(m);
        let (snap, _, put) = self.commit("put_membership", |s| {
            let put = match s.membership(id) {
                None => Put::Created,
                Some(cur) if cur.city != m.city || cur.network != m.network => {
                    return Err(Error::Immutable {
                        field: "city",
                        detail: "a membership's city and network are its identity; create a new membership instead".into(),
                    })
                }
                Some(_) => Put::Replaced,
            };
            Ok((vec![Change::PutMembership(m.clone())], put))
        })?;
        Ok((m, snap.version, put))
    }

    /// Creates or replaces a partnership, history included (events without ids get the next free
    /// ones; a replaced partnership keeps its two cities).
    #[tracing::instrument(skip_all, fields(partnership = %id))]
    pub fn put_partnership(&self, id: &str, body: Value) -> Result<(Arc<Partnership>, u64, Put)> {
        let p: Partnership = put_body(id, body)?;
        p.validate()?;
        let p = Arc::new(p);
        let (snap, _, put) = self.commit("put_partnership", |s| {
            let put = if s.partnership(id).is_some() {
                Put::Replaced
            } else {
                Put::Created
            };
            Ok((vec![Change::PutPartnership(p.clone())], put))
        })?;
        Ok((p, snap.version, put))
    }

    /// Patches a partnership's kind, note and sources (RFC 7386). Its id and cities are its
    /// identity; its events are corrected one by one ([`Service::patch_event`]).
    #[tracing::instrument(skip_all, fields(partnership = %id))]
    pub fn patch_partnership(&self, id: &str, patch: &Value) -> Result<(Arc<Partnership>, u64)> {
        if let Some(obj) = patch.as_object() {
            if let Some(field) = obj
                .keys()
                .find(|k| !matches!(k.as_str(), "kind" | "note" | "sources" | "id" | "cities"))
            {
                return Err(Error::BadBody(format!(
                    "unknown field `{field}`: a partnership patch sets kind, note and sources (events are corrected at /events/{{event_id}})"
                )));
            }
        }
        self.edit_partnership("update_partnership", id, |cur| {
            patched(cur, patch, &["id", "cities"])
        })
    }

    /// Corrects one event (RFC 7386 patch of its fields; its id cannot change). The event moves to
    /// its date's place and the whole history is checked again.
    #[tracing::instrument(skip_all, fields(partnership = %id, event = %event_id))]
    pub fn patch_event(
        &self,
        id: &str,
        event_id: &str,
        patch: &Value,
    ) -> Result<(Arc<Partnership>, u64)> {
        self.edit_partnership("correct_event", id, |cur| {
            let at = cur
                .event_index(event_id)
                .ok_or_else(|| not_found("event", &format!("{id}/{event_id}")))?;
            let mut next = cur.clone();
            let event = next.events.remove(at);
            let event: Event = patched(&event, patch, &["id"])?;
            let at = next
                .events
                .partition_point(|e| e.date.first_day() <= event.date.first_day());
            next.events.insert(at, event);
            Ok(next)
        })
    }

    /// Removes one event; the rest of the history must still be valid.
    #[tracing::instrument(skip_all, fields(partnership = %id, event = %event_id))]
    pub fn delete_event(&self, id: &str, event_id: &str) -> Result<(Arc<Partnership>, u64)> {
        self.edit_partnership("delete_event", id, |cur| {
            let at = cur
                .event_index(event_id)
                .ok_or_else(|| not_found("event", &format!("{id}/{event_id}")))?;
            let mut next = cur.clone();
            next.events.remove(at);
            Ok(next)
        })
    }

    fn edit_partnership(
        &self,
        op: &str,
        id: &str,
        edit: impl FnOnce(&Partnership) -> Result<Partnership>,
    ) -> Result<(Arc<Partnership>, u64)> {
        let (snap, _, ()) = self.commit(op, |s| {
            let cur = s
                .partnership(id)
                .ok_or_else(|| not_found("partnership", id))?;
            let next = edit(cur)?;
            next.validate()?;
            Ok((vec![Change::PutPartnership(Arc::new(next))], ()))
        })?;
        Ok((
            snap.partnership(id).cloned().expect("just written"),
            snap.version,
        ))
    }
}

/// Looks up an entity or says which one is missing. A city is also found by a former id (an
/// alias of a city that absorbed it); the record returned carries the current id.
pub fn city<'a>(s: &'a Snapshot, id: &str) -> Result<&'a Arc<City>> {
    s.resolve_city(id).ok_or_else(|| not_found("city", id))
}
pub fn network<'a>(s: &'a Snapshot, id: &str) -> Result<&'a Arc<Network>> {
    s.network(id).ok_or_else(|| not_found("network", id))
}
pub fn membership<'a>(s: &'a Snapshot, id: &str) -> Result<&'a Arc<Membership>> {
    s.membership(id).ok_or_else(|| not_found("membership", id))
}
pub fn partnership<'a>(s: &'a Snapshot, id: &str) -> Result<&'a Arc<Partnership>> {
    s.partnership(id)
        .ok_or_else(|| not_found("partnership", id))
}

/// Parses a path id, answering 404 (not 400) for ids that cannot exist.
pub fn parse_city_id(id: &str) -> Result<CityId> {
    CityId::new(id).map_err(|_| not_found("city", id))
}
pub fn parse_network_id(id: &str) -> Result<NetworkId> {
    NetworkId::new(id).map_err(|_| not_found("network", id))
}
pub fn parse_membership_id(id: &str) -> Result<MembershipId> {
    MembershipId::new(id).map_err(|_| not_found("membership", id))
}
pub fn parse_partnership_id(id: &str) -> Result<PartnershipId> {
    PartnershipId::new(id).map_err(|_| not_found("partnership", id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_patch_follows_rfc_7386() {
        let mut doc = serde_json::json!({"a":"b","c":{"d":"e","f":"g"}});
        merge_patch(&mut doc, &serde_json::json!({"a":"z","c":{"f":null}}));
        assert_eq!(doc, serde_json::json!({"a":"z","c":{"d":"e"}}));
    }
}
