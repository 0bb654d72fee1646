//! Meetings and the people who hold a seat now: a change reaches the current seat holders
//! (newcomers get the invitation), answer edits touch only the messages of current holders,
//! and someone who joins is invited to the meetings whose invitations already went out.

use super::Ctx;
use super::meetings::{get, invitees};
use super::outbox::deliver;
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
