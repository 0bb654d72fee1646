//! Button data of every feature: round trips within 64 bytes, and forged data refused.

use super::*;
use crate::domain::fourw::ActivityStatus;
use crate::domain::{Language, Role};
use crate::services::meetings::Choice;
use crate::telegram::shared::callback::MAX_CALLBACK_BYTES;

fn all_samples() -> Vec<Button> {
    vec![
        Button::Membership(membership::callback::Cb::Lang(Language::Fr)),
        Button::Membership(membership::callback::Cb::Lang(Language::En)),
        Button::Membership(membership::callback::Cb::JoinUseName),
        Button::Membership(membership::callback::Cb::JoinAccept),
        Button::Membership(membership::callback::Cb::JoinDecline),
        Button::Membership(membership::callback::Cb::InviteMechanism(i64::MAX)),
        Button::Membership(membership::callback::Cb::InviteOrganisation(1)),
        Button::Membership(membership::callback::Cb::InvitePage(0)),
        Button::Membership(membership::callback::Cb::InvitePage(u16::MAX)),
        Button::Membership(membership::callback::Cb::InviteRole(Role::Focal)),
        Button::Membership(membership::callback::Cb::InviteRole(Role::Alternate)),
        Button::Membership(membership::callback::Cb::InviteRole(Role::Chair)),
        Button::Membership(membership::callback::Cb::InviteReplace),
        Button::Membership(membership::callback::Cb::LeavePick(42)),
        Button::Membership(membership::callback::Cb::LeaveYes(i64::MAX)),
        Button::Membership(membership::callback::Cb::LeaveNo),
        Button::Cancel,
        Button::Meetings(meetings::callback::Cb::Rsvp { meeting: i64::MAX, org: i64::MAX, choice: Choice::HandOver }),
        Button::Meetings(meetings::callback::Cb::Rsvp { meeting: 1, org: 2, choice: Choice::Attend }),
        Button::Meetings(meetings::callback::Cb::Rsvp { meeting: 1, org: 2, choice: Choice::Decline }),
        Button::Meetings(meetings::callback::Cb::RsvpFromList {
            meeting: i64::MAX,
            org: i64::MAX,
            choice: Choice::Decline,
        }),
        Button::Meetings(meetings::callback::Cb::MeetingMove(i64::MAX)),
        Button::Meetings(meetings::callback::Cb::MeetingCancel(3)),
        Button::Meetings(meetings::callback::Cb::MeetingCancelYes(3)),
        Button::Meetings(meetings::callback::Cb::MoveConfirm),
        Button::Meetings(meetings::callback::Cb::NmMechanism(19)),
        Button::Meetings(meetings::callback::Cb::NmDate(20261208)),
        Button::Meetings(meetings::callback::Cb::NmTime(0)),
        Button::Meetings(meetings::callback::Cb::NmTime(1439)),
        Button::Meetings(meetings::callback::Cb::NmDuration(90)),
        Button::Meetings(meetings::callback::Cb::NmSkip),
        Button::Meetings(meetings::callback::Cb::NmAdHoc(true)),
        Button::Meetings(meetings::callback::Cb::NmAdHoc(false)),
        Button::Meetings(meetings::callback::Cb::NmMonthly(true)),
        Button::Meetings(meetings::callback::Cb::NmMonthly(false)),
        Button::Meetings(meetings::callback::Cb::NmCreate),
        Button::Meetings(meetings::callback::Cb::AttMeeting(7)),
        Button::Meetings(meetings::callback::Cb::AttToggle(8)),
        Button::Meetings(meetings::callback::Cb::AttSave),
        Button::Minutes(minutes::callback::Cb::ActionDone(i64::MAX)),
        Button::Minutes(minutes::callback::Cb::MnMeeting(4)),
        Button::Minutes(minutes::callback::Cb::MnSkip),
        Button::Minutes(minutes::callback::Cb::MnShare),
        Button::Minutes(minutes::callback::Cb::MnResend(5)),
        Button::Minutes(minutes::callback::Cb::ShareToggle(6)),
        Button::Minutes(minutes::callback::Cb::ShareSend),
        Button::Report(report::callback::Cb::FwMonth(202610)),
        Button::Report(report::callback::Cb::FwSeat { org: i64::MAX, mech: i64::MAX }),
        Button::Report(report::callback::Cb::FwAdd),
        Button::Report(report::callback::Cb::FwCopy),
        Button::Report(report::callback::Cb::FwNone),
        Button::Report(report::callback::Cb::FwSector(0)),
        Button::Report(report::callback::Cb::FwSector(255)),
        Button::Report(report::callback::Cb::FwActivity(i64::MAX)),
        Button::Report(report::callback::Cb::FwRegion(5)),
        Button::Report(report::callback::Cb::FwCercle(507)),
        Button::Report(report::callback::Cb::FwCercle(1004)),
        Button::Report(report::callback::Cb::FwCommune(50701)),
        Button::Report(report::callback::Cb::FwCommune(999_999)),
        Button::Report(report::callback::Cb::FwCommunePage(0)),
        Button::Report(report::callback::Cb::FwCommunePage(3)),
        Button::Report(report::callback::Cb::FwStatus(ActivityStatus::Planned)),
        Button::Report(report::callback::Cb::FwStatus(ActivityStatus::Ongoing)),
        Button::Report(report::callback::Cb::FwStatus(ActivityStatus::Completed)),
        Button::Report(report::callback::Cb::FwDate(20261031)),
        Button::Report(report::callback::Cb::FwCount(0)),
        Button::Report(report::callback::Cb::FwCount(1_000_000)),
        Button::Report(report::callback::Cb::FwSkip),
        Button::Report(report::callback::Cb::FwKeep),
        Button::Report(report::callback::Cb::FwEdit { line: 0, version: 0 }),
        Button::Report(report::callback::Cb::FwDelete { line: 499, version: u32::MAX }),
        Button::Report(report::callback::Cb::FwSubmit(u32::MAX)),
        Button::Report(report::callback::Cb::FwPage { page: 49, version: 7 }),
        Button::Report(report::callback::Cb::FwCancel),
        Button::Report(report::callback::Cb::FwDiscard(true)),
        Button::Report(report::callback::Cb::FwDiscard(false)),
        Button::Review(review::callback::Cb::FwReturn(i64::MAX)),
        Button::Review(review::callback::Cb::ReviewPage { month: 202610, mechanism: 0, page: 0 }),
        Button::Review(review::callback::Cb::ReviewPage { month: 299912, mechanism: i64::MAX, page: 9999 }),
        Button::Review(review::callback::Cb::ExportShared { month: 202610, mechanism: 0 }),
        Button::Review(review::callback::Cb::ExportShared { month: 299912, mechanism: i64::MAX }),
        Button::Report(report::callback::Cb::FwFix(1)),
        Button::Admin(admin::callback::Cb::Members { mechanism_id: i64::MAX, page: u16::MAX }),
        Button::Admin(admin::callback::Cb::Yes(admin::callback::Action::RemoveEverywhere(i64::MAX))),
        Button::Admin(admin::callback::Cb::Yes(admin::callback::Action::Observers {
            mechanism_id: i64::MAX,
            receive: false,
        })),
        Button::Admin(admin::callback::Cb::No),
        Button::Minutes(minutes::callback::Cb::Class(2)),
        Button::Minutes(minutes::callback::Cb::ClassOrg(i64::MAX)),
        Button::Minutes(minutes::callback::Cb::ClassOrgPage(u8::MAX)),
        Button::Minutes(minutes::callback::Cb::SourcePage(u8::MAX)),
        Button::Minutes(minutes::callback::Cb::Source(i64::MAX)),
        Button::ReuseItem(ReuseButton(crate::storage::sensitivity::Item::Document(i64::MAX))),
        Button::ReuseItem(ReuseButton(crate::storage::sensitivity::Item::Minutes(1))),
        Button::Reuse(reuse::callback::Cb::Approve {
            request: i64::MAX,
            party: crate::domain::sensitivity::Party::Source,
        }),
        Button::Reuse(reuse::callback::Cb::Refuse {
            request: 1,
            party: crate::domain::sensitivity::Party::Coordinator,
        }),
    ]
}

#[test]
fn round_trip_and_fit_in_64_bytes() {
    for cb in all_samples() {
        let s = cb.encode();
        assert!(s.len() <= MAX_CALLBACK_BYTES, "{s}");
        assert_eq!(Button::decode(&s), Some(cb), "{s}");
    }
}

#[test]
fn forged_data_is_rejected() {
    for bad in [
        "",
        "sn:c:9",
        "sn:o:0",
        "sn:p:256",
        "ru:d:",
        "ru:m:x",
        "ru:a:1:z",
        "ru:x:0:s",
        "lang",
        "lang:de",
        "lang:fr:x",
        "join",
        "join:maybe",
        "inv:m:",
        "inv:m:-1",
        "inv:m:0",
        "inv:m:01",
        "inv:m:abc",
        "inv:m:99999999999999999999",
        "inv:r:z",
        "inv:p:70000",
        "leave:y:",
        "leave:y:1:2",
        "cancel:",
        "💥",
        "inv:o:1 ",
        &"x".repeat(65),
        "fw:mo:202613",
        "fw:mo:2026",
        "fw:s:1",
        "fw:sec:256",
        "fw:reg:100",
        "fw:cer:50",
        "fw:com:5070",
        "fw:com:1000000",
        "fw:com:050701",
        "fw:cpg:-1",
        "fw:cpg:500",
        "fw:st:x",
        "fw:d:20261301x",
        "fw:n:1000001",
        "fw:n:-1",
        "fw:ed:0300",
        "fw:ed:3",
        "fw:ed:500:1",
        "fw:del:1:4294967296",
        "fw:sub",
        "fw:pg:1:-1",
        "fw:cx:maybe",
        "fw:ret:",
        "fw:ret:x",
        "fw:fix:-",
        "fw:fix:1:2",
        "adm:rm:0",
        "adm:y:rm:",
        "adm:y:kr:1:2",
        "adm:il:-1",
    ] {
        assert_eq!(Button::decode(bad), None, "{bad:?}");
    }
}

#[test]
fn commands_and_their_aliases() {
    assert_eq!("newmeeting".parse(), Ok(Command::NewMeeting));
    assert_eq!("NewMeeting".parse(), Ok(Command::NewMeeting));
    assert_eq!("rapport".parse(), Ok(Command::Report));
    assert_eq!("quiouquoi".parse(), Ok(Command::WhereWho));
    assert_eq!("wherewho".parse(), Ok(Command::WhereWho));
    assert_eq!("cr".parse(), Ok(Command::Minutes));
    assert_eq!("gestion".parse(), Ok(Command::Admin));
    assert_eq!("admin".parse(), Ok(Command::Admin));
    assert_eq!("reutiliser".parse(), Ok(Command::Reuse));
    assert!("nonsense".parse::<Command>().is_err());
}
