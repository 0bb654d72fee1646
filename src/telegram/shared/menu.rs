//! The command menu, published per language and, for members, per role (chat scope).

use crate::domain::{Language, MenuRole};
use crate::i18n::{
    AdminMsg, CalendarMsg, DecisionsMsg, FivewMsg, I18n, MainMsg, MeetingsMsg, MinutesMsg, Msg, ReportMsg,
};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

/// Commands shown to a role, in menu order. Only commands that exist are listed.
pub fn commands_for(role: MenuRole) -> Vec<(&'static str, Msg)> {
    let mut list = vec![("start", MainMsg::CmdStart.into()), ("help", MainMsg::CmdHelp.into())];
    if role >= MenuRole::Member {
        list.push(("meetings", MeetingsMsg::CmdMeetings.into()));
        list.push(("minutes", MinutesMsg::CmdMinutes.into()));
        list.push(("actions", MinutesMsg::CmdActions.into()));
        list.push(("docs", MinutesMsg::CmdDocs.into()));
        list.push(("reuse", crate::i18n::SensitivityMsg::CmdReuse.into()));
        list.push(("me", MainMsg::CmdMe.into()));
        list.push(("members", MainMsg::CmdMembers.into()));
        list.push(("calendar", CalendarMsg::CmdCalendar.into()));
        list.push(("alert", crate::i18n::AlertsMsg::CmdAlert.into()));
        list.push(("situation", crate::i18n::SituationsMsg::CmdSituation.into()));
    }
    if role >= MenuRole::Chair {
        list.push(("newmeeting", MeetingsMsg::CmdNewmeeting.into()));
        list.push(("attendance", MeetingsMsg::CmdAttendance.into()));
        list.push(("missing", MinutesMsg::CmdMissing.into()));
        list.push(("invite", MainMsg::CmdInvite.into()));
        list.push(("admin", AdminMsg::CmdAdmin.into()));
        list.push(("share", MinutesMsg::CmdShare.into()));
    }
    list.push(("language", MainMsg::CmdLanguage.into()));
    if role >= MenuRole::Member {
        if role != MenuRole::Coordinator {
            list.push(("leave", MainMsg::CmdLeave.into()));
        }
        list.push(("cancel", MainMsg::CmdCancel.into()));
        list.push(("forget", crate::i18n::AccessMsg::CmdForget.into()));
    }
    if role >= MenuRole::Member {
        list.push(("report", ReportMsg::CmdReport.into()));
    }
    if role >= MenuRole::Chair {
        list.push(("export", ReportMsg::CmdExport.into()));
    }
    if role >= MenuRole::Chair {
        list.push(("review", ReportMsg::CmdReview.into()));
        list.push(("wherewho", ReportMsg::CmdWhereWho.into()));
    }
    if role >= MenuRole::Member {
        list.push(("decisions", DecisionsMsg::CmdDecisions.into()));
    }
    if role >= MenuRole::Chair {
        list.push(("vote", DecisionsMsg::CmdVote.into()));
        list.push(("participation", DecisionsMsg::CmdParticipation.into()));
        list.push(("tour", crate::i18n::TourText::CmdTour.into()));
    }
    if role == MenuRole::Coordinator {
        list.push(("lock", FivewMsg::CmdLock.into()));
        list.push(("unlock", FivewMsg::CmdUnlock.into()));
    }
    list
}

fn bot_commands(i18n: &I18n, lang: Language, role: MenuRole) -> Vec<BotCommand> {
    commands_for(role).into_iter().map(|(name, msg)| BotCommand::new(name, i18n.render(lang, &msg))).collect()
}

/// The menu everyone sees before joining: French by default, English for English clients.
pub async fn publish_defaults(bot: &Bot, i18n: &I18n) -> Result<(), teloxide::RequestError> {
    bot.set_my_commands(bot_commands(i18n, Language::Fr, MenuRole::Unknown)).await?;
    for lang in Language::ALL {
        bot.set_my_commands(bot_commands(i18n, lang, MenuRole::Unknown)).language_code(lang.code()).await?;
    }
    Ok(())
}

/// One person's menu, in their language, for their widest role.
pub async fn publish_for_chat(
    bot: &Bot,
    i18n: &I18n,
    chat: ChatId,
    lang: Language,
    role: MenuRole,
) -> Result<(), teloxide::RequestError> {
    bot.set_my_commands(bot_commands(i18n, lang, role))
        .scope(BotCommandScope::Chat { chat_id: Recipient::Id(chat) })
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_grow_with_the_role() {
        let names = |r| commands_for(r).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names(MenuRole::Unknown), ["start", "help", "language"]);
        assert!(names(MenuRole::Member).contains(&"members"));
        assert!(!names(MenuRole::Member).contains(&"invite"));
        assert!(names(MenuRole::Chair).contains(&"invite"));
        assert!(names(MenuRole::Coordinator).contains(&"admin") && !names(MenuRole::Member).contains(&"admin"));
        assert!(names(MenuRole::Chair).contains(&"review") && names(MenuRole::Coordinator).contains(&"wherewho"));
        assert!(!names(MenuRole::Member).contains(&"review") && !names(MenuRole::Member).contains(&"wherewho"));
        for r in [MenuRole::Unknown, MenuRole::Member, MenuRole::Chair, MenuRole::Coordinator] {
            for (n, _) in commands_for(r) {
                assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            }
        }
    }
}
