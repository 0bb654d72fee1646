//! Meetings and the people who hold a seat now: a change reaches the current seat holders
//! (newcomers get the invitation), answer edits touch only the messages of current holders,
//! and someone who joins is invited to the meetings whose invitations already went out.

use super::Ctx;
use super::meetings::{get, invitees};
use super::outbox::{chair_recipients, deliver};
use crate::domain::jobs::Outgoing;
use crate::domain::meeting;
use crate::domain::{AppResult, Meeting, MembershipView};
use crate::storage::meetings;
use chrono::Duration;

/// The notice of a change: those already invited and still holding their seat are told;
/// newcomers get the invitation (of a meeting still on); former members nothing.
pub async fn fan_out_change(ctx: &Ctx, meeting_id: i64, cancelled: bool) -> AppResult<usize> {
    let now = ctx.clock.now();
    let m = get(ctx, meeting_id).await?;
    let invited = meetings::invitation_messages(&ctx.db, m.id, None).await?;
    let mut queued = 0;
    for ms in invitees(ctx, &m).await? {
        let was_invited =
            invited.iter().any(|im| im.person_id == ms.person_id && im.organisation_id == ms.organisation.id);
        let (key, msg) = if was_invited {
            let key = format!("m{}:s{}:changed:p{}:o{}", m.id, m.sequence, ms.person_id, ms.organisation.id);
            (key, Outgoing::MeetingChanged { meeting_id: m.id, organisation_id: ms.organisation.id, cancelled })
        } else if cancelled || meeting::is_obsolete(now, &m.timing()) {
            continue;
        } else {
            let key = format!("m{}:s{}:inv:p{}:o{}", m.id, m.sequence, ms.person_id, ms.organisation.id);
            (key, Outgoing::Invitation { meeting_id: m.id, organisation_id: ms.organisation.id, role: ms.role })
        };
        queued += usize::from(deliver(ctx, key, ms.person_id, msg).await?);
    }
    Ok(queued)
}

/// The invitation messages of an organisation whose recipients still hold that seat (the
/// ones worth editing when the answer changes).
pub async fn current_invitation_messages(
    ctx: &Ctx,
    m: &Meeting,
    organisation_id: i64,
) -> AppResult<Vec<meetings::InvitationMessage>> {
    let holders = invitees(ctx, m).await?;
    Ok(meetings::invitation_messages(&ctx.db, m.id, Some(organisation_id))
        .await?
        .into_iter()
        .filter(|im| {
            holders
                .iter()
                .any(|h| h.person_id == im.person_id && h.organisation.id == im.organisation_id && h.role == im.role())
        })
        .collect())
}

/// Invites a newcomer to the meetings of their mechanism whose invitations already went
/// out (and that have not started). Returns how many invitations were queued.
pub async fn invite_newcomer(ctx: &Ctx, seat: &MembershipView) -> AppResult<usize> {
    if !seat.role.is_single_seat() {
        return Ok(0);
    }
    let now = ctx.clock.now();
    let mut queued = 0;
    for m in meetings::between(&ctx.db, Some(seat.mechanism.id), now, now + Duration::days(3650), false).await? {
        if m.cancelled || m.invitations_sent_at.is_none() || meeting::is_obsolete(now, &m.timing()) {
            continue;
        }
        let key = format!("m{}:s{}:inv:p{}:o{}", m.id, m.sequence, seat.person_id, seat.organisation.id);
        let msg = Outgoing::Invitation { meeting_id: m.id, organisation_id: seat.organisation.id, role: seat.role };
        queued += usize::from(deliver(ctx, key, seat.person_id, msg).await?);
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(queued)
}

/// The period over which joins are gathered into one message to the chairs.
pub const JOIN_DIGEST_SECS: i64 = 600;

/// Tells who should know that a seat changed: the chairs of the mechanism (or the
/// coordinators when it has none) that someone left, was removed or replaced; the chairs and
/// the coordinators that someone joined (never the person who joined); and the person removed
/// or replaced, in their language.
pub async fn announce(ctx: &Ctx, seat: &MembershipView, change: &str) -> AppResult<usize> {
    let mut queued = 0;
    let about = |to: i64| format!("seat{}:{change}:to{to}", seat.id);
    let now = ctx.clock.now();
    // Joins are told in one message per period: a day of invitations accepted does not
    // flood the chair's chat (one message per second at most).
    let period = JOIN_DIGEST_SECS;
    let (from, to) = ((now.timestamp() / period) * period, (now.timestamp() / period + 1) * period);
    // A join is told to the chairs and to every coordinator: a chair who takes a seat by
    // their own link is not the only one to know.
    let mut recipients = chair_recipients(ctx, seat.mechanism.id).await?;
    if change == "joined" {
        recipients.extend(crate::storage::people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id));
        recipients = super::outbox::dedup(recipients);
    }
    for chair in recipients {
        if chair == seat.person_id {
            continue;
        }
        if change == "joined" {
            let key = format!("joined:mech{}:to{chair}:{from}", seat.mechanism.id);
            let msg = Outgoing::MembersJoined { mechanism_id: seat.mechanism.id, from, to };
            let job = crate::domain::jobs::Job::Deliver { person_id: chair, message: msg };
            let at = chrono::DateTime::from_timestamp(to, 0).unwrap_or(now);
            queued += usize::from(crate::storage::jobs::enqueue(&ctx.db, &key, &job, at, now).await?);
            continue;
        }
        let msg = Outgoing::MemberChanged {
            mechanism_id: seat.mechanism.id,
            person_id: seat.person_id,
            organisation_id: seat.organisation.id,
            role: seat.role,
            change: change.to_string(),
        };
        queued += usize::from(deliver(ctx, about(chair), chair, msg).await?);
    }
    if matches!(change, "removed" | "replaced") {
        let msg = Outgoing::SeatEnded {
            mechanism_id: seat.mechanism.id,
            organisation_id: seat.organisation.id,
            role: seat.role,
            change: change.to_string(),
        };
        queued += usize::from(deliver(ctx, about(seat.person_id), seat.person_id, msg).await?);
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(queued)
}
