use super::Ctx;
use crate::domain::{AppError, AppResult, DisplayName, Language, MembershipView, MenuRole, Person};
use crate::storage::{memberships, people};

/// Who is acting, with everything needed to decide what they may do.
#[derive(Debug, Clone)]
pub struct Access {
    pub person: Person,
    pub coordinator: bool,
    pub memberships: Vec<MembershipView>,
}

impl Access {
    pub fn menu_role(&self) -> MenuRole {
        MenuRole::from_roles(self.coordinator, self.memberships.iter().map(|m| m.role))
    }

    pub fn is_member(&self) -> bool {
        self.coordinator || !self.memberships.is_empty()
    }

    pub fn chairs(&self, mechanism_id: i64) -> bool {
        self.memberships.iter().any(|m| m.mechanism.id == mechanism_id && m.role == crate::domain::Role::Chair)
    }

    pub fn require_member(&self) -> AppResult<()> {
        if self.is_member() { Ok(()) } else { Err(AppError::NotAMember) }
    }
}

/// The person behind a Telegram user, created on first contact with their client's language.
pub async fn identify(
    ctx: &Ctx,
    telegram_id: i64,
    first_name: &str,
    last_name: Option<&str>,
    client_language: Option<&str>,
) -> AppResult<Person> {
    let name = DisplayName::from_profile(first_name, last_name);
    let lang = Language::from_client(client_language);
    let mut person = people::get_or_create(&ctx.db, telegram_id, &name, lang, ctx.clock.now()).await?;
    // Until the person chooses with /language, their client's language is the default
    // (a coordinator added from the command line has not talked to the bot yet).
    if !person.language_chosen && person.language != lang {
        people::set_default_language(&ctx.db, person.id, lang).await?;
        person.language = lang;
    }
    Ok(person)
}

/// The mechanisms whose internal matters (minutes, votes, action points) the person sees:
/// every one for a coordinator; else those where they sit as chair or for a member
/// organisation, and as an observer only where the mechanism's policy lets observers in.
pub async fn internal_mechanisms(ctx: &Ctx, access: &Access) -> AppResult<Vec<i64>> {
    let mut ids: Vec<i64> = if access.coordinator {
        crate::storage::reference::mechanisms(&ctx.db).await?.into_iter().map(|m| m.id).collect()
    } else {
        let mut ids = Vec::new();
        for m in &access.memberships {
            let inside = m.role == crate::domain::Role::Chair
                || !m.organisation.observer
                || crate::storage::reference::observers_receive(&ctx.db, m.mechanism.id).await?;
            if inside {
                ids.push(m.mechanism.id);
            }
        }
        ids
    };
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

pub async fn access(ctx: &Ctx, person: Person) -> AppResult<Access> {
    let coordinator = people::is_coordinator(&ctx.db, person.id).await?;
    let memberships = memberships::active_for_person(&ctx.db, person.id).await?;
    Ok(Access { person, coordinator, memberships })
}

pub async fn set_language(ctx: &Ctx, person: &Person, lang: Language) -> AppResult<()> {
    people::set_language(&ctx.db, person.id, lang).await
}

pub async fn record_menu_role(ctx: &Ctx, person: &Person, role: MenuRole) -> AppResult<()> {
    people::set_menu_role(&ctx.db, person.id, role).await
}

/// Makes a Telegram user a coordinator (command line). Returns false when they already were.
pub async fn add_coordinator(ctx: &Ctx, telegram_id: i64, name: &str) -> AppResult<(Person, bool)> {
    let name = DisplayName::parse(name)?;
    let person = people::upsert_named(&ctx.db, telegram_id, &name, ctx.clock.now()).await?;
    let added = people::add_coordinator(&ctx.db, person.id, ctx.clock.now()).await?;
    Ok((person, added))
}

/// What a dialog was opened for: checked again at every step, so that a dialog whose person
/// no longer holds that seat or role acts on nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogFor {
    /// The chair of this mechanism (or a coordinator).
    Chair { mechanism_id: i64 },
    /// The chair of this meeting's mechanism (or a coordinator).
    ChairOfMeeting { meeting_id: i64 },
    /// A focal point's or alternate's seat in this meeting's mechanism.
    SeatInMeeting { meeting_id: i64 },
    /// The organisation's 4W in this mechanism (its focal point or alternate).
    Reporting { organisation_id: i64, mechanism_id: i64 },
    /// Any seat (focal point, alternate, chair or observer) in this mechanism.
    SeatIn { mechanism_id: i64 },
    /// Any seat anywhere: the dialogs open to every member.
    Member,
}

/// Whether the person still holds what the dialog was opened for. A meeting gone is not this
/// check's business (the dialog answers it as before).
pub async fn still_holds(ctx: &Ctx, access: &Access, what: DialogFor) -> AppResult<bool> {
    let meeting_mechanism = |meeting_id: i64| async move {
        match crate::storage::meetings::by_id(&ctx.db, meeting_id).await? {
            Some(m) => Ok::<_, AppError>(Some(m.mechanism.id)),
            None => Ok(None),
        }
    };
    Ok(match what {
        DialogFor::Chair { mechanism_id } => access.coordinator || access.chairs(mechanism_id),
        DialogFor::ChairOfMeeting { meeting_id } => match meeting_mechanism(meeting_id).await? {
            Some(m) => access.coordinator || access.chairs(m),
            None => true,
        },
        DialogFor::SeatInMeeting { meeting_id } => match meeting_mechanism(meeting_id).await? {
            Some(m) => access.memberships.iter().any(|s| s.mechanism.id == m && s.role.is_single_seat()),
            None => true,
        },
        DialogFor::Reporting { organisation_id, mechanism_id } => {
            super::reports::reporting_seats(access).iter().any(|(o, m)| o.id == organisation_id && m.id == mechanism_id)
        }
        DialogFor::SeatIn { mechanism_id } => access.memberships.iter().any(|s| s.mechanism.id == mechanism_id),
        DialogFor::Member => access.is_member(),
    })
}
