//! The command menu, published per language and, for members, per role (chat scope).

use crate::domain::{Language, MenuRole};
use crate::i18n::{I18n, Msg};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

/// Commands shown to a role, in menu order. Only commands that exist are listed.
pub fn commands_for(role: MenuRole) -> Vec<(&'static str, Msg)> {
    let mut list = vec![("start", Msg::CmdStart), ("help", Msg::CmdHelp)];
    if role >= MenuRole::Member {
        list.push(("meetings", Msg::CmdMeetings));
        list.push(("minutes", Msg::CmdMinutes));
        list.push(("actions", Msg::CmdActions));
        list.push(("me", Msg::CmdMe));
        list.push(("members", Msg::CmdMembers));
    }
    if role >= MenuRole::Chair {
        list.push(("newmeeting", Msg::CmdNewmeeting));
        list.push(("attendance", Msg::CmdAttendance));
        list.push(("missing", Msg::CmdMissing));
        list.push(("invite", Msg::CmdInvite));
    }
    if role == MenuRole::Coordinator {
        list.push(("share", Msg::CmdShare));
    }
    list.push(("language", Msg::CmdLanguage));
    if role >= MenuRole::Member {
        if role != MenuRole::Coordinator {
            list.push(("leave", Msg::CmdLeave));
        }
        list.push(("cancel", Msg::CmdCancel));
    }
    // 4W (issue 5)
    if role >= MenuRole::Member {
        list.push(("report", Msg::CmdReport));
    }
    if role >= MenuRole::Chair {
        list.push(("export", Msg::CmdExport));
    }
    // 4W review (issue 5)
    if role >= MenuRole::Chair {
        list.push(("review", Msg::CmdReview));
        list.push(("wherewho", Msg::CmdWhereWho));
    }
    if role >= MenuRole::Member {
        list.push(("decisions", Msg::CmdDecisions));
    }
    if role >= MenuRole::Chair {
        list.push(("vote", Msg::CmdVote));
        list.push(("participation", Msg::CmdParticipation));
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
        // 4W review (issue 5)
        assert!(names(MenuRole::Chair).contains(&"review") && names(MenuRole::Coordinator).contains(&"wherewho"));
        assert!(!names(MenuRole::Member).contains(&"review") && !names(MenuRole::Member).contains(&"wherewho"));
        for r in [MenuRole::Unknown, MenuRole::Member, MenuRole::Chair, MenuRole::Coordinator] {
            for (n, _) in commands_for(r) {
                assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            }
        }
    }
}
