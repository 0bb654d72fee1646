use serde::{Deserialize, Serialize};
use std::fmt;

/// A person's role in one mechanism, for one organisation.
/// Serialised by its code (as in messages and records); the capitalised names written by
/// earlier versions in queued jobs are still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[serde(alias = "Focal")]
    Focal,
    #[serde(alias = "Alternate")]
    Alternate,
    #[serde(alias = "Chair")]
    Chair,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Focal, Role::Alternate, Role::Chair];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Focal => "focal",
            Role::Alternate => "alternate",
            Role::Chair => "chair",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "focal" => Ok(Role::Focal),
            "alternate" => Ok(Role::Alternate),
            "chair" => Ok(Role::Chair),
            other => Err(format!("unknown role '{other}': expected focal, alternate or chair")),
        }
    }

    /// Roles that hold a single seat per organisation and mechanism.
    pub fn is_single_seat(self) -> bool {
        matches!(self, Role::Focal | Role::Alternate)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Type of organisation, as the cluster classifies its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgKind {
    UnAgency,
    InternationalNgo,
    NationalNgo,
    Government,
    Donor,
    RedCross,
    Other,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::UnAgency => "un_agency",
            OrgKind::InternationalNgo => "international_ngo",
            OrgKind::NationalNgo => "national_ngo",
            OrgKind::Government => "government",
            OrgKind::Donor => "donor",
            OrgKind::RedCross => "red_cross",
            OrgKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "un_agency" => OrgKind::UnAgency,
            "international_ngo" => OrgKind::InternationalNgo,
            "national_ngo" => OrgKind::NationalNgo,
            "government" => OrgKind::Government,
            "donor" => OrgKind::Donor,
            "red_cross" => OrgKind::RedCross,
            "other" => OrgKind::Other,
            _ => return None,
        })
    }
}

/// The command menu a person sees, from the widest of their roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MenuRole {
    Unknown,
    Member,
    Chair,
    Coordinator,
}

impl MenuRole {
    pub fn as_str(self) -> &'static str {
        match self {
            MenuRole::Unknown => "unknown",
            MenuRole::Member => "member",
            MenuRole::Chair => "chair",
            MenuRole::Coordinator => "coordinator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "unknown" => MenuRole::Unknown,
            "member" => MenuRole::Member,
            "chair" => MenuRole::Chair,
            "coordinator" => MenuRole::Coordinator,
            _ => return None,
        })
    }

    /// The widest menu for a coordinator flag and a set of active roles.
    pub fn from_roles(is_coordinator: bool, roles: impl IntoIterator<Item = Role>) -> Self {
        if is_coordinator {
            return MenuRole::Coordinator;
        }
        roles.into_iter().fold(MenuRole::Unknown, |acc, r| {
            acc.max(match r {
                Role::Chair => MenuRole::Chair,
                Role::Focal | Role::Alternate => MenuRole::Member,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse() {
        assert_eq!(Role::parse("focal"), Ok(Role::Focal));
        assert_eq!(Role::parse(" Alternate "), Ok(Role::Alternate));
        assert_eq!(Role::parse("CHAIR"), Ok(Role::Chair));
        assert!(Role::parse("boss").is_err());
        assert!(Role::parse("").is_err());
    }

    #[test]
    fn menu_role_is_the_widest() {
        assert_eq!(MenuRole::from_roles(false, []), MenuRole::Unknown);
        assert_eq!(MenuRole::from_roles(false, [Role::Alternate]), MenuRole::Member);
        assert_eq!(MenuRole::from_roles(false, [Role::Focal, Role::Chair]), MenuRole::Chair);
        assert_eq!(MenuRole::from_roles(true, []), MenuRole::Coordinator);
    }

    #[test]
    fn org_kinds_round_trip() {
        for k in [
            OrgKind::UnAgency,
            OrgKind::InternationalNgo,
            OrgKind::NationalNgo,
            OrgKind::Government,
            OrgKind::Donor,
            OrgKind::RedCross,
            OrgKind::Other,
        ] {
            assert_eq!(OrgKind::parse(k.as_str()), Some(k));
        }
    }
}
