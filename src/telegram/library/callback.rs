//! Button data of /docs.

use crate::domain::library::DocType;
use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The types of one mechanism's library.
    Mechanism(i64),
    /// A page of one type (the type's code, see `DocType::code`).
    Type { mechanism: i64, doc_type: u8, page: u16 },
    /// Send me this document.
    Document(i64),
    /// Send me these minutes.
    Minutes(i64),
    /// Retire this document (coordinators, chairs of its mechanism).
    Retire(i64),
    /// Choose another type for this document (same people).
    Retype(i64),
    /// Send a new version of this document (same people).
    NewVersion(i64),
    /// File this document under this type (never minutes: those are the meetings').
    SetType { document: i64, doc_type: u8 },
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::Mechanism(m) => format!("lib:m:{m}"),
            Cb::Type { mechanism, doc_type, page } => format!("lib:t:{mechanism}:{doc_type}:{page}"),
            Cb::Document(d) => format!("lib:d:{d}"),
            Cb::Minutes(m) => format!("lib:n:{m}"),
            Cb::Retire(d) => format!("lib:x:{d}"),
            Cb::Retype(d) => format!("lib:y:{d}"),
            Cb::NewVersion(d) => format!("lib:v:{d}"),
            Cb::SetType { document, doc_type } => format!("lib:s:{document}:{doc_type}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        Some(match parts(data)?.as_slice() {
            ["lib", "m", m] => Cb::Mechanism(id(m)?),
            ["lib", "t", m, t, p] => Cb::Type {
                mechanism: id(m)?,
                doc_type: u8::try_from(num(t)?).ok().filter(|t| DocType::from_code(*t).is_some())?,
                page: u16::try_from(num(p)?).ok()?,
            },
            ["lib", "d", d] => Cb::Document(id(d)?),
            ["lib", "n", m] => Cb::Minutes(id(m)?),
            ["lib", "x", d] => Cb::Retire(id(d)?),
            ["lib", "y", d] => Cb::Retype(id(d)?),
            ["lib", "v", d] => Cb::NewVersion(id(d)?),
            ["lib", "s", d, t] => Cb::SetType {
                document: id(d)?,
                doc_type: u8::try_from(num(t)?)
                    .ok()
                    .filter(|t| DocType::from_code(*t).is_some_and(|t| t != DocType::Minutes))?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_forgeries() {
        for cb in [
            Cb::Mechanism(3),
            Cb::Type { mechanism: 3, doc_type: 1, page: 0 },
            Cb::Type { mechanism: 3, doc_type: 7, page: 12 },
            Cb::Document(9),
            Cb::Minutes(4),
            Cb::Retire(9),
            Cb::Retype(9),
            Cb::NewVersion(9),
            Cb::SetType { document: 9, doc_type: DocType::Strategy.code() },
        ] {
            assert_eq!(Cb::decode(&cb.encode()), Some(cb));
        }
        for forged in ["lib:t:3:1", "lib:t:3:1:-1", "lib:t:3:01:0", "lib:t:3:999:0", "lib:d:x", "lib:m:0", "lib"] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
        let minutes = format!("lib:s:9:{}", DocType::Minutes.code());
        for forged in [minutes.as_str(), "lib:s:9:999", "lib:s:9", "lib:y:-1", "lib:v:0", "lib:v:x"] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
    }
}
