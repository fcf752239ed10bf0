//! Reads that are not analytics: lists with filters and cursors, partners on a day, histories.

use std::sync::Arc;

use citygraph_core::{
    City, CountryCode, Day, Membership, Network, Partnership, PartnershipKind, Region, Snapshot,
    Status,
};

use crate::{entities, Error, Result};

/// Folds a name for search: ASCII transliteration (diacritics removed), lower case.
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

/// Filters of the city list.
#[derive(Clone, Debug, Default)]
pub struct CityQuery {
    pub country: Option<CountryCode>,
    pub region: Option<Region>,
    /// Cities that are members of this network on `as_of`.
    pub network: Option<String>,
    /// Substring of the name, ignoring case and diacritics.
    pub q: Option<String>,
    pub as_of: Option<Day>,
    pub limit: usize,
    /// Exclusive: the last id of the previous page.
    pub after: Option<String>,
}

/// The page size of every list when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;
/// The largest `limit` any list accepts (a larger one is refused, never clamped).
pub const MAX_LIMIT: usize = 1000;

/// One page of a list.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor for the next page, if there is one.
    pub next: Option<String>,
}

/// Cities in id order, filtered, one page at a time.
pub fn list_cities(s: &Snapshot, q: &CityQuery) -> Result<Page<Arc<City>>> {
    if let Some(n) = &q.network {
        entities::network(s, n)?;
    }
    if let Some(after) = &q.after {
        if !s.cities.contains_key(after.as_str()) {
            return Err(Error::InvalidCursor(after.clone()));
        }
    }
    let needle = q.q.as_deref().map(fold);
    let day = q.as_of.unwrap_or_else(Day::today);
    use std::ops::Bound;
    let range = match &q.after {
        Some(after) => s
            .cities
            .range::<_, str>((Bound::Excluded(after.as_str()), Bound::Unbounded)),
        None => s
            .cities
            .range::<_, str>((Bound::Unbounded, Bound::Unbounded)),
    };
    let mut items = Vec::with_capacity(q.limit.min(1000));
    let mut more = false;
    for (_, c) in range {
        if q.country.is_some_and(|x| x != c.country) || q.region.is_some_and(|x| x != c.region) {
            continue;
        }
        if let Some(n) = &needle {
            if !fold(&c.name).contains(n.as_str()) {
                continue;
            }
        }
        if let Some(net) = &q.network {
            if !s
                .memberships_of(c.id.as_str())
                .any(|m| m.network.as_str() == net && m.in_force_on(day))
            {
                continue;
            }
        }
        if items.len() == q.limit {
            more = true;
            break;
        }
        items.push(c.clone());
    }
    let next = if more {
        items.last().map(|c| c.id.to_string())
    } else {
        None
    };
    Ok(Page { items, next })
}

/// Which partner links to list, by their status on the day asked about. The same values and the
/// same default ([`StatusFilter::DEFAULT`], `in_force`) on every route that filters by status: a
/// city's partners, the partnership list and the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    /// Established and not ended: active or suspended.
    InForce,
    Active,
    Suspended,
    Ended,
    All,
}

impl std::str::FromStr for StatusFilter {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "in_force" => Ok(StatusFilter::InForce),
            "active" => Ok(StatusFilter::Active),
            "suspended" => Ok(StatusFilter::Suspended),
            "ended" => Ok(StatusFilter::Ended),
            "all" => Ok(StatusFilter::All),
            other => Err(Error::bad_param(
                "status",
                format!("{other:?} is not one of in_force, active, suspended, ended, all"),
            )),
        }
    }
}

impl StatusFilter {
    /// The filter when `status` is not given.
    pub const DEFAULT: StatusFilter = StatusFilter::InForce;

    /// Parses an optional `status` parameter: absent or empty is [`StatusFilter::DEFAULT`].
    pub fn parse_or_default(raw: Option<&str>) -> Result<StatusFilter> {
        match raw {
            None | Some("") => Ok(StatusFilter::DEFAULT),
            Some(s) => s.parse(),
        }
    }

    pub fn accepts(self, s: Status) -> bool {
        match self {
            StatusFilter::InForce => s == Status::Active || s == Status::Suspended,
            StatusFilter::Active => s == Status::Active,
            StatusFilter::Suspended => s == Status::Suspended,
            StatusFilter::Ended => s.is_ended(),
            StatusFilter::All => true,
        }
    }
}

/// A partner of a city on a day, borrowed from the snapshot.
#[derive(Clone, Copy, Debug)]
pub struct Partner<'a> {
    pub city: &'a City,
    pub partnership: &'a Partnership,
    pub status: Status,
}

/// The partners of a city on a day, borrowed from the snapshot.
#[derive(Clone, Debug)]
pub struct Partners<'a> {
    /// The city asked about (an id it formerly had resolves to it).
    pub city: &'a City,
    pub partners: Vec<Partner<'a>>,
}

/// The partners of `city` on `day` whose link passes `status` and `kind`; links not yet established
/// on `day` are never listed. Ordered by partner name, then id. Borrows everything from the
/// snapshot: the only allocation is the list itself.
pub fn partners<'a>(
    s: &'a Snapshot,
    city: &str,
    day: Day,
    status: StatusFilter,
    kind: Option<PartnershipKind>,
) -> Result<Partners<'a>> {
    let me = entities::city(s, city)?;
    let links = s
        .links_of
        .get(me.id.as_str())
        .map_or(&[][..], |l| l.as_slice());
    let mut out: Vec<Partner<'a>> = Vec::with_capacity(links.len());
    for p in links.iter().filter_map(|pid| s.partnership(pid.as_str())) {
        if kind.is_some_and(|k| k != p.kind) {
            continue;
        }
        let Some(st) = p.status_on(day).filter(|st| status.accepts(*st)) else {
            continue;
        };
        if let Some(other) = s.city(p.other(&me.id).as_str()) {
            out.push(Partner {
                city: other,
                partnership: p,
                status: st,
            });
        }
    }
    // Ids are unique, so the unstable sort gives the one order.
    out.sort_unstable_by(|a, b| (&a.city.name, &a.city.id).cmp(&(&b.city.name, &b.city.id)));
    Ok(Partners {
        city: me,
        partners: out,
    })
}

/// Members of a network (memberships in force on `day`, or all with `all`), by membership id,
/// borrowed from the snapshot.
pub fn members<'a>(
    s: &'a Snapshot,
    network: &str,
    day: Day,
    all: bool,
) -> Result<Vec<(&'a Membership, &'a City)>> {
    entities::network(s, network)?;
    Ok(s.members_of(network)
        .filter(|m| all || m.in_force_on(day))
        .filter_map(|m| s.city(m.city.as_str()).map(|c| (&**m, &**c)))
        .collect())
}

/// Networks of a city (memberships in force on `day`, or all with `all`), by membership id,
/// borrowed from the snapshot.
pub fn networks_of<'a>(
    s: &'a Snapshot,
    city: &str,
    day: Day,
    all: bool,
) -> Result<Vec<(&'a Membership, &'a Network)>> {
    let me = entities::city(s, city)?;
    Ok(s.memberships_of(me.id.as_str())
        .filter(|m| all || m.in_force_on(day))
        .filter_map(|m| s.network(m.network.as_str()).map(|n| (&**m, &**n)))
        .collect())
}

/// One page of a list already in its order, after the cursor `after`: the key of the last item
/// of the previous page, which must be the key of an item of the list (`invalid_cursor`
/// otherwise). Keys are unique within the list, so the pages partition it.
pub fn page_in_order<T>(
    items: Vec<T>,
    after: Option<&str>,
    limit: usize,
    key: impl Fn(&T) -> &str,
) -> Result<Page<T>> {
    let start = match after {
        None => 0,
        Some(a) => match items.iter().position(|t| key(t) == a) {
            Some(i) => i + 1,
            None => return Err(Error::InvalidCursor(a.to_owned())),
        },
    };
    let more = items.len() > start.saturating_add(limit);
    let page: Vec<T> = items.into_iter().skip(start).take(limit).collect();
    let next = if more {
        page.last().map(|t| key(t).to_owned())
    } else {
        None
    };
    Ok(Page { items: page, next })
}

/// One page of an id-ordered map (networks, memberships, partnerships), after the cursor `after`,
/// which must be a key of the map (`invalid_cursor` otherwise: a cursor is the last id of a page).
pub fn page_of<K, V>(
    map: &imbl::OrdMap<K, V>,
    after: Option<&str>,
    limit: usize,
    keep: impl Fn(&V) -> bool,
) -> Result<Page<V>>
where
    K: Ord + Clone + std::borrow::Borrow<str> + AsRef<str>,
    V: Clone,
{
    use std::ops::Bound;
    if let Some(a) = after {
        if !map.contains_key(a) {
            return Err(Error::InvalidCursor(a.to_owned()));
        }
    }
    let range = match after {
        Some(a) => map.range::<_, str>((Bound::Excluded(a), Bound::Unbounded)),
        None => map.range::<_, str>((Bound::Unbounded, Bound::Unbounded)),
    };
    let mut items: Vec<(K, V)> = Vec::new();
    let mut more = false;
    for (k, v) in range {
        if !keep(v) {
            continue;
        }
        if items.len() == limit {
            more = true;
            break;
        }
        items.push((k.clone(), v.clone()));
    }
    let next = if more {
        items.last().map(|(k, _)| k.as_ref().to_owned())
    } else {
        None
    };
    Ok(Page {
        items: items.into_iter().map(|(_, v)| v).collect(),
        next,
    })
}
