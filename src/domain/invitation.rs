//! Invitation codes: 128 random bits, URL-safe, stored only as a hash, single use, expiring.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The hex SHA-256 of a secret: what the database keeps of invitation codes and calendar feed
/// secrets, so that a copy of it opens nothing.
pub fn sha256_hex(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

const CODE_BYTES: usize = 16;
/// Length of the URL-safe base64 form of 16 bytes, without padding.
pub const CODE_LEN: usize = 22;

/// A freshly generated or user-supplied invitation code (the secret; never stored as is).
#[derive(Clone, PartialEq, Eq)]
pub struct InvitationCode(String);

impl std::fmt::Debug for InvitationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InvitationCode(…)")
    }
}

impl InvitationCode {
    pub fn generate() -> Self {
        let mut bytes = [0u8; CODE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Accepts only what `generate` can produce; anything else is an unknown code.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        if raw.len() != CODE_LEN {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(raw).ok()?;
        (bytes.len() == CODE_BYTES).then(|| Self(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The hex SHA-256 of the code, which is what the database keeps.
    pub fn hash(&self) -> String {
        sha256_hex(&self.0)
    }

    /// The deep link that opens the bot with this code.
    pub fn link(&self, bot_username: Option<&str>) -> String {
        let user = bot_username.filter(|u| !u.is_empty()).unwrap_or("BOT_USERNAME");
        format!("https://t.me/{user}?start={}", self.0)
    }
}

/// Why a stored invitation cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationProblem {
    Unknown,
    Expired,
    Used,
}

/// The rule for a stored invitation at `now`.
pub fn check_invitation(
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
) -> Result<(), InvitationProblem> {
    if used_at.is_some() {
        Err(InvitationProblem::Used)
    } else if now >= expires_at {
        Err(InvitationProblem::Expired)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn generated_codes_parse_and_differ() {
        let a = InvitationCode::generate();
        let b = InvitationCode::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), CODE_LEN);
        assert_eq!(InvitationCode::parse(a.as_str()), Some(a.clone()));
        assert!(a.as_str().chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), b.hash());
    }

    #[test]
    fn malformed_codes_are_rejected() {
        assert_eq!(InvitationCode::parse(""), None);
        assert_eq!(InvitationCode::parse("abc"), None);
        assert_eq!(InvitationCode::parse(&"A".repeat(23)), None);
        assert_eq!(InvitationCode::parse("!!!!!!!!!!!!!!!!!!!!!!"), None);
        assert_eq!(InvitationCode::parse("ééééééééééé"), None);
    }

    #[test]
    fn link_contains_start_code() {
        let c = InvitationCode::generate();
        assert_eq!(c.link(Some("cluster_bot")), format!("https://t.me/cluster_bot?start={}", c.as_str()));
        assert!(c.link(None).contains(&format!("start={}", c.as_str())));
    }

    #[test]
    fn invitation_rule() {
        let now = Utc::now();
        assert_eq!(check_invitation(now, now + Duration::days(1), None), Ok(()));
        assert_eq!(check_invitation(now, now, None), Err(InvitationProblem::Expired));
        assert_eq!(check_invitation(now, now + Duration::days(1), Some(now)), Err(InvitationProblem::Used));
    }
}
