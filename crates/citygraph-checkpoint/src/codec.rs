//! The binary encoding of the model: entities and changes, row by row.
//!
//! A *block* is a string table followed by rows. Every string of the block (ids, names, sources,
//! reasons, ...) is written once in the table and referred to by its index, so repeated values
//! (a city id in many partnerships, a source cited by thousands of rows) cost a small integer each.
//! Integers are LEB128 varints, floats 8 bytes little-endian, dates one packed varint, enums one
//! byte. Conventional ids (`a--b` partnerships, `network--city` memberships) are not written at
//! all: a flag says "derive it". Optional fields are announced by one flag byte per row.
//!
//! Cities and networks can be referred to in two ways ([`Refs`]): through the block's string table
//! (change-log pages, which name any id) or by *handle*, the index of the entity in a list known to
//! both sides (checkpoints, whose city and network lists are sorted and written once).

use std::collections::HashMap;
use std::sync::Arc;

use citygraph_core::model::{Capacity, Event, Scope, StrategyKind};
use citygraph_core::{
    Change, City, CityId, CountryCode, EventType, Membership, MembershipId, Network, NetworkId,
    PartialDate, Partnership, PartnershipId, PartnershipKind, Precision, Region,
};

use crate::Error;

/// Appends primitive values to a buffer.
#[derive(Default)]
pub(crate) struct Enc {
    pub(crate) buf: Vec<u8>,
}

impl Enc {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.var(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    fn date(&mut self, d: PartialDate) {
        self.var(u64::from(pack_date(d)));
    }
}

/// Reads primitive values from a slice; every read checks the bounds.
pub(crate) struct Dec<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Dec<'a> {
        Dec { b, pos: 0 }
    }
    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.b.len()
    }
    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        let v = *self.b.get(self.pos).ok_or(Error::Truncated)?;
        self.pos += 1;
        Ok(v)
    }
    pub(crate) fn var(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(v);
            }
        }
        Err(Error::invalid("varint longer than 64 bits"))
    }
    pub(crate) fn len(&mut self) -> Result<usize, Error> {
        let n = self.var()?;
        // Every element takes at least one byte: a length beyond the input is corrupt.
        if n > (self.b.len() - self.pos) as u64 {
            return Err(Error::Truncated);
        }
        Ok(n as usize)
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).ok_or(Error::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(Error::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn f64(&mut self) -> Result<f64, Error> {
        let s = self.take(8)?;
        Ok(f64::from_le_bytes(s.try_into().expect("8 bytes")))
    }
    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], Error> {
        let n = self.len()?;
        self.take(n)
    }
    fn date(&mut self) -> Result<PartialDate, Error> {
        let v = self.var()?;
        unpack_date(u32::try_from(v).map_err(|_| Error::invalid("date out of range"))?)
    }
}

/// `precision (2 bits, 1..=3) | year (14 bits) | month (4 bits) | day (5 bits)`; never 0.
fn pack_date(d: PartialDate) -> u32 {
    let first = d.first_day();
    let p = match d.precision() {
        Precision::Year => 1,
        Precision::Month => 2,
        Precision::Day => 3,
    };
    (p << 23)
        | ((first.year() as u32) << 9)
        | (u32::from(first.month()) << 5)
        | u32::from(first.day())
}

fn unpack_date(v: u32) -> Result<PartialDate, Error> {
    let year = ((v >> 9) & 0x3fff) as i32;
    let month = ((v >> 5) & 0xf) as u8;
    let day = (v & 0x1f) as u8;
    let bad = |_| Error::invalid("invalid date");
    match v >> 23 {
        1 => PartialDate::year(year).map_err(bad),
        2 => PartialDate::month(year, month).map_err(bad),
        3 => PartialDate::day(year, month, day).map_err(bad),
        _ => Err(Error::invalid("invalid date precision")),
    }
}

/// The string table of a block being written.
#[derive(Default)]
pub(crate) struct Strings<'a> {
    index: HashMap<&'a str, u32>,
    list: Vec<&'a str>,
}

impl<'a> Strings<'a> {
    pub(crate) fn intern(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.index.insert(s, i);
        self.list.push(s);
        i
    }
    /// The table, as it is written before the rows.
    pub(crate) fn write(&self, out: &mut Enc) {
        out.var(self.list.len() as u64);
        for s in &self.list {
            out.bytes(s.as_bytes());
        }
    }
}

/// How rows refer to cities and networks (module docs).
pub(crate) enum Refs<'a> {
    /// Through the block's string table.
    Table,
    /// By handle: the position in sorted lists both sides know.
    Handles {
        cities: &'a HashMap<&'a str, u32>,
        networks: &'a HashMap<&'a str, u32>,
    },
}

/// Writes rows of one block.
pub(crate) struct RowWriter<'a, 'r> {
    pub(crate) strings: Strings<'a>,
    pub(crate) rows: Enc,
    refs: Refs<'r>,
}

const F_POPULATION: u8 = 1;
const F_WIKIDATA: u8 = 2;
const F_GEONAMES: u8 = 4;
const F_CAPACITY: u8 = 8;
const F_SOURCES: u8 = 16;
const F_ALIASES: u8 = 32;

const N_FOUNDED: u8 = 1;
const N_SCOPE: u8 = 2;
const N_REGION: u8 = 4;
const N_FOCUS: u8 = 8;
const N_SECRETARIAT: u8 = 16;
const N_WEBSITE: u8 = 32;
const N_SOURCES: u8 = 64;

const M_OWN_ID: u8 = 1;
const M_JOINED: u8 = 2;
const M_LEFT: u8 = 4;
const M_OBSERVED: u8 = 8;
const M_ABSENT: u8 = 16;
const M_ROLE: u8 = 32;
const M_SOURCES: u8 = 64;

const P_OWN_ID: u8 = 1;
const P_SOURCES: u8 = 2;
const P_NOTE: u8 = 4;

const E_REASON: u8 = 1;
const E_INITIATED: u8 = 2;
const E_SOURCES: u8 = 4;
const E_NOTE: u8 = 8;

fn region_code(r: Region) -> u8 {
    match r {
        Region::AfricaMiddleEast => 0,
        Region::AsiaPacific => 1,
        Region::Europe => 2,
        Region::NorthAmerica => 3,
        Region::SouthAmerica => 4,
    }
}

fn region_of(v: u8) -> Result<Region, Error> {
    Region::ALL
        .get(usize::from(v))
        .copied()
        .ok_or_else(|| Error::invalid("unknown region"))
}

fn kind_code(k: PartnershipKind) -> u8 {
    match k {
        PartnershipKind::SisterCity => 0,
        PartnershipKind::FriendshipCity => 1,
        PartnershipKind::CooperationAgreement => 2,
        PartnershipKind::Memorandum => 3,
    }
}

/// Event head bit: the event's id follows its date (otherwise it is `e{index + 1}`).
const E_OWN_ID: u8 = 0x8;

fn canonical_event_id(index: usize) -> String {
    format!("e{}", index + 1)
}

fn event_code(k: EventType) -> u8 {
    match k {
        EventType::Established => 0,
        EventType::Suspended => 1,
        EventType::Resumed => 2,
        EventType::Renewed => 3,
        EventType::Lapsed => 4,
        EventType::Terminated => 5,
    }
}

fn scope_code(s: Scope) -> u8 {
    match s {
        Scope::Global => 0,
        Scope::Regional => 1,
        Scope::National => 2,
    }
}

fn scope_of(v: u8) -> Result<Scope, Error> {
    match v {
        0 => Ok(Scope::Global),
        1 => Ok(Scope::Regional),
        2 => Ok(Scope::National),
        _ => Err(Error::invalid("unknown scope")),
    }
}

fn strategy_code(s: Option<StrategyKind>) -> u8 {
    match s {
        None => 0,
        Some(StrategyKind::StandAlone) => 1,
        Some(StrategyKind::Nested) => 2,
        Some(StrategyKind::None) => 3,
    }
}

fn strategy_of(v: u8) -> Result<Option<StrategyKind>, Error> {
    match v {
        0 => Ok(None),
        1 => Ok(Some(StrategyKind::StandAlone)),
        2 => Ok(Some(StrategyKind::Nested)),
        3 => Ok(Some(StrategyKind::None)),
        _ => Err(Error::invalid("unknown strategy")),
    }
}

fn opt_bool_code(b: Option<bool>) -> u8 {
    match b {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    }
}

fn opt_bool_of(v: u8) -> Result<Option<bool>, Error> {
    match v {
        0 => Ok(None),
        1 => Ok(Some(false)),
        2 => Ok(Some(true)),
        _ => Err(Error::invalid("bad optional boolean")),
    }
}

impl<'a, 'r> RowWriter<'a, 'r> {
    pub(crate) fn new(refs: Refs<'r>) -> RowWriter<'a, 'r> {
        RowWriter {
            strings: Strings::default(),
            rows: Enc::default(),
            refs,
        }
    }

    /// The block: string table, then rows.
    pub(crate) fn finish(self) -> Vec<u8> {
        let mut out = Enc::default();
        out.buf
            .reserve(self.rows.buf.len() + 16 * self.strings.list.len());
        self.strings.write(&mut out);
        out.buf.extend_from_slice(&self.rows.buf);
        out.buf
    }

    fn str(&mut self, s: &'a str) {
        let i = self.strings.intern(s);
        self.rows.var(u64::from(i));
    }

    fn strs(&mut self, list: &'a [String]) {
        self.rows.var(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn city_ref(&mut self, id: &'a CityId) {
        match &self.refs {
            Refs::Table => self.str(id.as_str()),
            Refs::Handles { cities, .. } => {
                let h = cities
                    .get(id.as_str())
                    .copied()
                    .expect("every referenced city is in the checkpoint");
                self.rows.var(u64::from(h));
            }
        }
    }

    fn network_ref(&mut self, id: &'a NetworkId) {
        match &self.refs {
            Refs::Table => self.str(id.as_str()),
            Refs::Handles { networks, .. } => {
                let h = networks
                    .get(id.as_str())
                    .copied()
                    .expect("every referenced network is in the checkpoint");
                self.rows.var(u64::from(h));
            }
        }
    }

    /// A city row.
    pub(crate) fn city(&mut self, c: &'a City) {
        self.city_ref(&c.id);
        self.str(&c.name);
        self.rows
            .buf
            .extend_from_slice(c.country.as_str().as_bytes());
        self.rows.u8(region_code(c.region));
        self.rows.f64(c.lat);
        self.rows.f64(c.lon);
        let mut flags = 0;
        if c.population.is_some() {
            flags |= F_POPULATION;
        }
        if c.wikidata.is_some() {
            flags |= F_WIKIDATA;
        }
        if c.geonames.is_some() {
            flags |= F_GEONAMES;
        }
        if c.capacity.is_some() {
            flags |= F_CAPACITY;
        }
        if !c.sources.is_empty() {
            flags |= F_SOURCES;
        }
        if !c.aliases.is_empty() {
            flags |= F_ALIASES;
        }
        self.rows.u8(flags);
        if let Some(p) = c.population {
            self.rows.var(p);
        }
        if let Some(q) = &c.wikidata {
            self.str(q);
        }
        if let Some(g) = c.geonames {
            self.rows.var(g);
        }
        if let Some(cap) = &c.capacity {
            self.rows.u8(opt_bool_code(cap.international_office));
            self.rows.u8(opt_bool_code(cap.senior_manager));
            self.rows.u8(opt_bool_code(cap.travel_funds));
            self.rows.u8(strategy_code(cap.strategy));
            self.rows.u8(opt_bool_code(cap.sdg_tracking));
            self.rows.u8(opt_bool_code(cap.staff_training));
            match cap.international_staff {
                None => self.rows.var(0),
                Some(n) => self.rows.var(u64::from(n) + 1),
            }
        }
        if !c.sources.is_empty() {
            self.strs(&c.sources);
        }
        if !c.aliases.is_empty() {
            self.rows.var(c.aliases.len() as u64);
            for a in &c.aliases {
                self.str(a.as_str());
            }
        }
    }

    pub(crate) fn network(&mut self, n: &'a Network) {
        self.network_ref(&n.id);
        self.str(&n.name);
        let mut flags = 0;
        for (set, f) in [
            (n.founded.is_some(), N_FOUNDED),
            (n.scope.is_some(), N_SCOPE),
            (n.region.is_some(), N_REGION),
            (!n.focus.is_empty(), N_FOCUS),
            (n.secretariat.is_some(), N_SECRETARIAT),
            (n.website.is_some(), N_WEBSITE),
            (!n.sources.is_empty(), N_SOURCES),
        ] {
            if set {
                flags |= f;
            }
        }
        self.rows.u8(flags);
        if let Some(d) = n.founded {
            self.rows.date(d);
        }
        if let Some(s) = n.scope {
            self.rows.u8(scope_code(s));
        }
        if let Some(r) = n.region {
            self.rows.u8(region_code(r));
        }
        if !n.focus.is_empty() {
            self.strs(&n.focus);
        }
        if let Some(s) = &n.secretariat {
            // Any city id, loaded or not: always through the string table.
            self.str(s.as_str());
        }
        if let Some(w) = &n.website {
            self.str(w);
        }
        if !n.sources.is_empty() {
            self.strs(&n.sources);
        }
    }

    pub(crate) fn membership(&mut self, m: &'a Membership) {
        let conventional = MembershipId::conventional(&m.network, &m.city) == m.id;
        let mut flags = 0;
        for (set, f) in [
            (!conventional, M_OWN_ID),
            (m.joined.is_some(), M_JOINED),
            (m.left.is_some(), M_LEFT),
            (!m.observed.is_empty(), M_OBSERVED),
            (!m.absent.is_empty(), M_ABSENT),
            (m.role.is_some(), M_ROLE),
            (!m.sources.is_empty(), M_SOURCES),
        ] {
            if set {
                flags |= f;
            }
        }
        self.rows.u8(flags);
        if !conventional {
            self.str(m.id.as_str());
        }
        self.city_ref(&m.city);
        self.network_ref(&m.network);
        if let Some(d) = m.joined {
            self.rows.date(d);
        }
        if let Some(d) = m.left {
            self.rows.date(d);
        }
        for list in [&m.observed, &m.absent] {
            if !list.is_empty() {
                self.rows.var(list.len() as u64);
                for d in list {
                    self.rows.date(*d);
                }
            }
        }
        if let Some(r) = &m.role {
            self.str(r);
        }
        if !m.sources.is_empty() {
            self.strs(&m.sources);
        }
    }

    pub(crate) fn partnership(&mut self, p: &'a Partnership) {
        let conventional = Partnership::default_id(&p.cities[0], &p.cities[1], p.kind) == p.id;
        let mut flags = 0;
        for (set, f) in [
            (!conventional, P_OWN_ID),
            (!p.sources.is_empty(), P_SOURCES),
            (p.note.is_some(), P_NOTE),
        ] {
            if set {
                flags |= f;
            }
        }
        self.rows.u8(flags);
        if !conventional {
            self.str(p.id.as_str());
        }
        self.city_ref(&p.cities[0]);
        self.city_ref(&p.cities[1]);
        self.rows.u8(kind_code(p.kind));
        self.rows.var(p.events.len() as u64);
        for (i, e) in p.events.iter().enumerate() {
            self.event(i, e);
        }
        if !p.sources.is_empty() {
            self.strs(&p.sources);
        }
        if let Some(n) = &p.note {
            self.str(n);
        }
    }

    fn event(&mut self, index: usize, e: &'a Event) {
        // An id other than `e{index + 1}` (the one a history read without ids gets) follows the
        // date; no id at all is written as the empty string (never a valid id).
        let own_id = match e.id.as_deref() {
            Some(id) if id == canonical_event_id(index) => None,
            Some(id) => Some(id),
            None => Some(""),
        };
        let mut flags = 0;
        for (set, f) in [
            (e.reason.is_some(), E_REASON),
            (e.initiated_by.is_some(), E_INITIATED),
            (!e.sources.is_empty(), E_SOURCES),
            (e.note.is_some(), E_NOTE),
        ] {
            if set {
                flags |= f;
            }
        }
        // Kind in the low three bits, E_OWN_ID in the fourth, flags in the high nibble.
        let own = if own_id.is_some() { E_OWN_ID } else { 0 };
        self.rows.u8(event_code(e.kind) | own | (flags << 4));
        self.rows.date(e.date);
        if let Some(id) = own_id {
            self.str(id);
        }
        if let Some(r) = &e.reason {
            self.str(r);
        }
        if let Some(i) = &e.initiated_by {
            self.str(i);
        }
        if !e.sources.is_empty() {
            self.strs(&e.sources);
        }
        if let Some(n) = &e.note {
            self.str(n);
        }
    }

    /// One change: a tag byte, then the entity or the id.
    pub(crate) fn change(&mut self, c: &'a Change) {
        match c {
            Change::PutCity(x) => {
                self.rows.u8(0);
                self.city(x);
            }
            Change::DeleteCity(id) => {
                self.rows.u8(1);
                self.str(id.as_str());
            }
            Change::PutNetwork(x) => {
                self.rows.u8(2);
                self.network(x);
            }
            Change::DeleteNetwork(id) => {
                self.rows.u8(3);
                self.str(id.as_str());
            }
            Change::PutMembership(x) => {
                self.rows.u8(4);
                self.membership(x);
            }
            Change::DeleteMembership(id) => {
                self.rows.u8(5);
                self.str(id.as_str());
            }
            Change::PutPartnership(x) => {
                self.rows.u8(6);
                self.partnership(x);
            }
            Change::DeletePartnership(id) => {
                self.rows.u8(7);
                self.str(id.as_str());
            }
        }
    }
}

/// How a reader resolves city and network references (see [`Refs`]).
pub(crate) enum ReadRefs<'h> {
    Table,
    Handles {
        cities: &'h [CityId],
        networks: &'h [NetworkId],
    },
}

/// Reads the rows of one block.
pub(crate) struct RowReader<'a, 'h> {
    /// Handles read since the last [`RowReader::take_handles`] (cities, then networks).
    pub(crate) seen_cities: Vec<u32>,
    pub(crate) seen_networks: Vec<u32>,
    strings: Vec<&'a str>,
    city_ids: Vec<Option<CityId>>,
    network_ids: Vec<Option<NetworkId>>,
    pub(crate) rows: Dec<'a>,
    refs: ReadRefs<'h>,
}

impl<'a, 'h> RowReader<'a, 'h> {
    /// Reads the block's string table; the rows follow.
    pub(crate) fn new(block: &'a [u8], refs: ReadRefs<'h>) -> Result<RowReader<'a, 'h>, Error> {
        let mut d = Dec::new(block);
        let n = d.len()?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let b = d.bytes()?;
            strings
                .push(std::str::from_utf8(b).map_err(|_| Error::invalid("string is not UTF-8"))?);
        }
        Ok(RowReader {
            seen_cities: Vec::with_capacity(2),
            seen_networks: Vec::with_capacity(1),
            city_ids: vec![None; n],
            network_ids: Vec::new(),
            strings,
            rows: d,
            refs,
        })
    }

    /// The string table.
    pub(crate) fn strings(&self) -> &[&'a str] {
        &self.strings
    }

    fn str(&mut self) -> Result<&'a str, Error> {
        let i = self.rows.var()?;
        self.strings
            .get(i as usize)
            .copied()
            .ok_or_else(|| Error::invalid("string index out of range"))
    }

    fn string(&mut self) -> Result<String, Error> {
        Ok(self.str()?.to_owned())
    }

    fn strings_list(&mut self) -> Result<Vec<String>, Error> {
        let n = self.rows.len()?;
        (0..n).map(|_| self.string()).collect()
    }

    /// A city id read through the string table, created once per block.
    fn table_city(&mut self) -> Result<CityId, Error> {
        let i = self.rows.var()? as usize;
        if let Some(Some(id)) = self.city_ids.get(i) {
            return Ok(id.clone());
        }
        let s = self
            .strings
            .get(i)
            .ok_or_else(|| Error::invalid("string index out of range"))?;
        let id = CityId::new(s).map_err(|e| Error::invalid(e.to_string()))?;
        self.city_ids[i] = Some(id.clone());
        Ok(id)
    }

    fn city_ref(&mut self) -> Result<CityId, Error> {
        match &self.refs {
            ReadRefs::Table => self.table_city(),
            ReadRefs::Handles { cities, .. } => {
                let h = self.rows.var()? as usize;
                let id = cities
                    .get(h)
                    .cloned()
                    .ok_or_else(|| Error::invalid("city handle out of range"))?;
                self.seen_cities.push(h as u32);
                Ok(id)
            }
        }
    }

    fn network_ref(&mut self) -> Result<NetworkId, Error> {
        match &self.refs {
            ReadRefs::Table => {
                let i = self.rows.var()? as usize;
                if self.network_ids.len() < self.strings.len() {
                    self.network_ids.resize(self.strings.len(), None);
                }
                if let Some(Some(id)) = self.network_ids.get(i) {
                    return Ok(id.clone());
                }
                let s = self
                    .strings
                    .get(i)
                    .ok_or_else(|| Error::invalid("string index out of range"))?;
                let id = NetworkId::new(s).map_err(|e| Error::invalid(e.to_string()))?;
                self.network_ids[i] = Some(id.clone());
                Ok(id)
            }
            ReadRefs::Handles { networks, .. } => {
                let h = self.rows.var()? as usize;
                let id = networks
                    .get(h)
                    .cloned()
                    .ok_or_else(|| Error::invalid("network handle out of range"))?;
                self.seen_networks.push(h as u32);
                Ok(id)
            }
        }
    }

    fn valid<T>(
        v: T,
        check: impl FnOnce(&T) -> Result<(), citygraph_core::CoreError>,
    ) -> Result<T, Error> {
        check(&v).map_err(|e| Error::invalid(e.to_string()))?;
        Ok(v)
    }

    pub(crate) fn city(&mut self) -> Result<City, Error> {
        let id = self.city_ref()?;
        let name = self.string()?;
        let cc = self.rows.take(2)?;
        let country = std::str::from_utf8(cc)
            .ok()
            .and_then(|s| CountryCode::new(s).ok())
            .ok_or_else(|| Error::invalid("invalid country code"))?;
        let region = region_of(self.rows.u8()?)?;
        let lat = self.rows.f64()?;
        let lon = self.rows.f64()?;
        let flags = self.rows.u8()?;
        let population = if flags & F_POPULATION != 0 {
            Some(self.rows.var()?)
        } else {
            None
        };
        let wikidata = if flags & F_WIKIDATA != 0 {
            Some(self.string()?)
        } else {
            None
        };
        let geonames = if flags & F_GEONAMES != 0 {
            Some(self.rows.var()?)
        } else {
            None
        };
        let capacity = if flags & F_CAPACITY != 0 {
            let international_office = opt_bool_of(self.rows.u8()?)?;
            let senior_manager = opt_bool_of(self.rows.u8()?)?;
            let travel_funds = opt_bool_of(self.rows.u8()?)?;
            let strategy = strategy_of(self.rows.u8()?)?;
            let sdg_tracking = opt_bool_of(self.rows.u8()?)?;
            let staff_training = opt_bool_of(self.rows.u8()?)?;
            let international_staff = match self.rows.var()? {
                0 => None,
                n => Some(
                    u32::try_from(n - 1).map_err(|_| Error::invalid("staff count out of range"))?,
                ),
            };
            Some(Capacity {
                international_office,
                senior_manager,
                travel_funds,
                strategy,
                sdg_tracking,
                staff_training,
                international_staff,
            })
        } else {
            None
        };
        let sources = if flags & F_SOURCES != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        let aliases = if flags & F_ALIASES != 0 {
            let n = self.rows.len()?;
            (0..n)
                .map(|_| CityId::new(self.str()?).map_err(|e| Error::invalid(e.to_string())))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };
        Self::valid(
            City {
                id,
                name,
                country,
                region,
                lat,
                lon,
                population,
                wikidata,
                geonames,
                capacity,
                sources,
                aliases,
            },
            City::validate,
        )
    }

    pub(crate) fn network(&mut self) -> Result<Network, Error> {
        let id = self.network_ref()?;
        let name = self.string()?;
        let flags = self.rows.u8()?;
        let founded = if flags & N_FOUNDED != 0 {
            Some(self.rows.date()?)
        } else {
            None
        };
        let scope = if flags & N_SCOPE != 0 {
            Some(scope_of(self.rows.u8()?)?)
        } else {
            None
        };
        let region = if flags & N_REGION != 0 {
            Some(region_of(self.rows.u8()?)?)
        } else {
            None
        };
        let focus = if flags & N_FOCUS != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        let secretariat = if flags & N_SECRETARIAT != 0 {
            Some(self.table_city()?)
        } else {
            None
        };
        let website = if flags & N_WEBSITE != 0 {
            Some(self.string()?)
        } else {
            None
        };
        let sources = if flags & N_SOURCES != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        Self::valid(
            Network {
                id,
                name,
                founded,
                scope,
                region,
                focus,
                secretariat,
                website,
                sources,
            },
            Network::validate,
        )
    }

    pub(crate) fn membership(&mut self) -> Result<Membership, Error> {
        let flags = self.rows.u8()?;
        let own = if flags & M_OWN_ID != 0 {
            let s = self.str()?;
            Some(MembershipId::new(s).map_err(|e| Error::invalid(e.to_string()))?)
        } else {
            None
        };
        let city = self.city_ref()?;
        let network = self.network_ref()?;
        let id = own.unwrap_or_else(|| MembershipId::conventional(&network, &city));
        let joined = if flags & M_JOINED != 0 {
            Some(self.rows.date()?)
        } else {
            None
        };
        let left = if flags & M_LEFT != 0 {
            Some(self.rows.date()?)
        } else {
            None
        };
        let dates = |set: bool, rows: &mut Dec<'a>| -> Result<Vec<PartialDate>, Error> {
            if !set {
                return Ok(Vec::new());
            }
            let n = rows.len()?;
            (0..n).map(|_| rows.date()).collect()
        };
        let observed = dates(flags & M_OBSERVED != 0, &mut self.rows)?;
        let absent = dates(flags & M_ABSENT != 0, &mut self.rows)?;
        let role = if flags & M_ROLE != 0 {
            Some(self.string()?)
        } else {
            None
        };
        let sources = if flags & M_SOURCES != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        Self::valid(
            Membership {
                id,
                city,
                network,
                joined,
                left,
                observed,
                absent,
                role,
                sources,
            },
            Membership::validate,
        )
    }

    pub(crate) fn partnership(&mut self) -> Result<Partnership, Error> {
        let flags = self.rows.u8()?;
        let own = if flags & P_OWN_ID != 0 {
            let s = self.str()?;
            Some(PartnershipId::new(s).map_err(|e| Error::invalid(e.to_string()))?)
        } else {
            None
        };
        let a = self.city_ref()?;
        let b = self.city_ref()?;
        let kind = *PartnershipKind::ALL
            .get(usize::from(self.rows.u8()?))
            .ok_or_else(|| Error::invalid("unknown partnership kind"))?;
        let id = own.unwrap_or_else(|| Partnership::default_id(&a, &b, kind));
        let n = self.rows.len()?;
        let mut events = Vec::with_capacity(n);
        for i in 0..n {
            events.push(self.event(i)?);
        }
        let sources = if flags & P_SOURCES != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        let note = if flags & P_NOTE != 0 {
            Some(self.string()?)
        } else {
            None
        };
        Self::valid(
            Partnership {
                id,
                cities: [a, b],
                kind,
                events,
                sources,
                note,
            },
            Partnership::validate,
        )
    }

    fn event(&mut self, index: usize) -> Result<Event, Error> {
        let head = self.rows.u8()?;
        let kind = *EventType::ALL
            .get(usize::from(head & 0x7))
            .ok_or_else(|| Error::invalid("unknown event type"))?;
        let flags = head >> 4;
        let date = self.rows.date()?;
        let id = if head & E_OWN_ID != 0 {
            Some(self.string()?).filter(|s| !s.is_empty())
        } else {
            Some(canonical_event_id(index))
        };
        let reason = if flags & E_REASON != 0 {
            Some(self.string()?)
        } else {
            None
        };
        let initiated_by = if flags & E_INITIATED != 0 {
            Some(self.string()?)
        } else {
            None
        };
        let sources = if flags & E_SOURCES != 0 {
            self.strings_list()?
        } else {
            Vec::new()
        };
        let note = if flags & E_NOTE != 0 {
            Some(self.string()?)
        } else {
            None
        };
        Ok(Event {
            id,
            kind,
            date,
            reason,
            initiated_by,
            sources,
            note,
        })
    }

    pub(crate) fn change(&mut self) -> Result<Change, Error> {
        let id_err = |e: citygraph_core::CoreError| Error::invalid(e.to_string());
        Ok(match self.rows.u8()? {
            0 => Change::PutCity(Arc::new(self.city()?)),
            1 => Change::DeleteCity(self.table_city()?),
            2 => Change::PutNetwork(Arc::new(self.network()?)),
            3 => Change::DeleteNetwork(NetworkId::new(self.str()?).map_err(id_err)?),
            4 => Change::PutMembership(Arc::new(self.membership()?)),
            5 => Change::DeleteMembership(MembershipId::new(self.str()?).map_err(id_err)?),
            6 => Change::PutPartnership(Arc::new(self.partnership()?)),
            7 => Change::DeletePartnership(PartnershipId::new(self.str()?).map_err(id_err)?),
            _ => return Err(Error::invalid("unknown change tag")),
        })
    }
}

/// Compresses a block (zstd). Level 1: these blocks are written on the commit path.
pub(crate) fn compress(raw: &[u8]) -> Vec<u8> {
    zstd::bulk::compress(raw, 1).expect("compressing into memory cannot fail")
}

/// Decompresses a block of known size.
pub(crate) fn decompress(stored: &[u8], raw_len: usize) -> Result<Vec<u8>, Error> {
    let out = zstd::bulk::decompress(stored, raw_len)
        .map_err(|e| Error::invalid(format!("decompression failed: {e}")))?;
    if out.len() != raw_len {
        return Err(Error::invalid(
            "decompressed size differs from the recorded one",
        ));
    }
    Ok(out)
}
