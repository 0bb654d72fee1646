//! The workbook's small parts: the sheets and their relationships, the date styles, and the
//! shared strings (bounded in number and in length).

use super::{Bound, Limits, XlsxError, XlsxResult};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::io::BufRead;

/// The value of the attribute whose local name (without a namespace prefix) is `local`.
pub(super) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

pub(super) fn reader<R: BufRead>(r: R) -> Reader<R> {
    let mut reader = Reader::from_reader(r);
    reader.config_mut().trim_text(false);
    reader
}

pub(super) fn xml_error(e: quick_xml::Error) -> XlsxError {
    XlsxError::corrupt(format!("XML: {e}"))
}

/// The text of an entity or character reference (`&amp;`, `&#233;`).
pub(super) fn reference(r: &BytesRef<'_>) -> XlsxResult<String> {
    if let Some(c) = r.resolve_char_ref().map_err(xml_error)? {
        return Ok(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(r)
        .map(str::to_string)
        .ok_or_else(|| XlsxError::corrupt(format!("unknown entity &{};", &**r)))
}

/// Text that may not grow past `max` characters.
pub(super) struct Text {
    pub text: String,
    chars: usize,
    max: usize,
}

impl Text {
    pub fn new(max: usize) -> Self {
        Text { text: String::new(), chars: 0, max }
    }

    pub fn push(&mut self, s: &str) -> Result<(), Bound> {
        self.chars = self.chars.saturating_add(s.chars().count());
        if self.chars > self.max {
            return Err(Bound::CellChars);
        }
        self.text.push_str(s);
        Ok(())
    }

    pub fn take(&mut self) -> String {
        self.chars = 0;
        std::mem::take(&mut self.text)
    }
}

/// `xl/workbook.xml`: (sheet name, relationship id) in order, and whether dates count from 1904.
pub(super) fn workbook(r: &mut dyn BufRead) -> XlsxResult<(Vec<(String, String)>, bool)> {
    let mut reader = reader(r);
    let mut buf = Vec::new();
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => {
                    if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                        sheets.push((name, id));
                    }
                }
                "workbookPr" => {
                    date1904 = attr(&e, "date1904").is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((sheets, date1904))
}

/// `xl/_rels/workbook.xml.rels`: (id, target).
pub(super) fn relationships(r: &mut dyn BufRead) -> XlsxResult<Vec<(String, String)>> {
    let mut reader = reader(r);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    out.push((id, target));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The zip path of a relationship's target, relative to the folder `base` ("xl/").
pub(super) fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Whether a number format shows a date: the built-in date formats, or a custom code with a
/// day, month, year, hour or second once quoted text, escapes and `[…]` sections are removed.
fn is_date_format(id: u32, code: Option<&str>) -> bool {
    if matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58 | 71..=81) {
        return true;
    }
    let Some(code) = code else { return false };
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// `xl/styles.xml`: for each cell style (`<cellXfs>` entry), whether it shows a date.
pub(super) fn date_styles(r: &mut dyn BufRead) -> XlsxResult<Vec<bool>> {
    let mut reader = reader(r);
    let mut buf = Vec::new();
    let mut custom: Vec<(u32, String)> = Vec::new();
    let mut in_xfs = false;
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "numFmt" => {
                if let (Some(id), Some(code)) =
                    (attr(&e, "numFmtId").and_then(|v| v.parse().ok()), attr(&e, "formatCode"))
                {
                    custom.push((id, code));
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = true,
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Start(e) | Event::Empty(e) if in_xfs && e.local_name().as_ref() == "xf" => {
                let id = attr(&e, "numFmtId").and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
                let code = custom.iter().find(|(i, _)| *i == id).map(|(_, c)| c.as_str());
                out.push(is_date_format(id, code));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// `xl/sharedStrings.xml`: the strings in order (the text of `<t>`, runs included, phonetic
/// guides left out), at most `limits.shared_strings` of at most `limits.cell_chars` each.
pub(super) fn shared_strings(r: &mut dyn BufRead, limits: &Limits) -> XlsxResult<Vec<String>> {
    let mut reader = reader(r);
    let mut buf = Vec::new();
    let mut out: Vec<String> = Vec::new();
    let mut text = Text::new(limits.cell_chars);
    let (mut in_si, mut in_t, mut in_phonetic) = (false, false, false);
    let too_long = |b: Bound| XlsxError::exceeded(b, limits, None);
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => {
                    in_si = true;
                    text.take();
                }
                "t" => in_t = in_si,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => {
                if out.len() >= limits.shared_strings {
                    return Err(XlsxError::exceeded(Bound::SharedStrings, limits, None));
                }
                out.push(String::new());
            }
            Event::End(e) => match e.local_name().as_ref() {
                "si" => {
                    if out.len() >= limits.shared_strings {
                        return Err(XlsxError::exceeded(Bound::SharedStrings, limits, None));
                    }
                    out.push(text.take());
                    in_si = false;
                }
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_phonetic => text.push(&t.xml10_content()).map_err(too_long)?,
            Event::CData(t) if in_t && !in_phonetic => text.push(&t.xml10_content()).map_err(too_long)?,
            Event::GeneralRef(r) if in_t && !in_phonetic => text.push(&reference(&r)?).map_err(too_long)?,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_and_targets() {
        assert!(is_date_format(14, None));
        assert!(is_date_format(164, Some("dd/mm/yyyy")));
        assert!(is_date_format(165, Some("[$-40C]d mmmm yyyy;@")));
        assert!(!is_date_format(0, None));
        assert!(!is_date_format(166, Some("#,##0.00")));
        assert!(!is_date_format(167, Some("0.00E+00")));
        assert!(!is_date_format(168, Some("[Red]0;\"days\"")));
        assert_eq!(resolve("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/", "/xl/worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
        assert_eq!(resolve("xl/", "../xl/./worksheets/s.xml"), "xl/worksheets/s.xml");
    }
}
