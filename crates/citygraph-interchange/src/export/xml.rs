//! Small helpers over quick-xml's event writer shared by the GraphML and GEXF writers.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// Whether XML 1.0 allows the character at all (even as a character reference).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The string with the characters XML 1.0 cannot carry (most C0 controls) replaced by U+FFFD, so
/// the document stays well formed whatever a name contains.
pub(crate) fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed_in_xml) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if allowed_in_xml(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Text content escaped for an element body: `&`, `<`, `>`, quotes, and `\r` as `&#13;` (a parser
/// would otherwise normalise `\r\n` to `\n`).
pub(crate) fn text(s: &str) -> BytesText<'static> {
    let safe = xml_safe(s);
    let escaped = quick_xml::escape::escape(safe.as_ref());
    let escaped = if escaped.contains('\r') {
        escaped.replace('\r', "&#13;")
    } else {
        escaped.into_owned()
    };
    BytesText::from_escaped(escaped)
}

/// An XML writer with two-space indentation.
pub(crate) type XmlWriter<W> = Writer<W>;

pub(crate) fn writer<W: Write>(out: W) -> XmlWriter<W> {
    Writer::new_with_indent(out, b' ', 2)
}

pub(crate) fn declaration<W: Write>(w: &mut XmlWriter<W>) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
}

/// A start tag with attributes; values are escaped (including `\t`, `\n`, `\r`, which attribute
/// value normalisation would turn into spaces) and made XML-safe.
pub(crate) fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, xml_safe(v).as_ref()));
    }
    e
}

pub(crate) fn open<W: Write>(
    w: &mut XmlWriter<W>,
    name: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    w.write_event(Event::Start(start(name, attrs)))
}

pub(crate) fn empty<W: Write>(
    w: &mut XmlWriter<W>,
    name: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    w.write_event(Event::Empty(start(name, attrs)))
}

pub(crate) fn close<W: Write>(w: &mut XmlWriter<W>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// `<name attrs>text</name>`.
pub(crate) fn text_element<W: Write>(
    w: &mut XmlWriter<W>,
    name: &str,
    attrs: &[(&str, &str)],
    body: &str,
) -> io::Result<()> {
    w.write_event(Event::Start(start(name, attrs)))?;
    w.write_event(Event::Text(text(body)))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}
