## Meetings — English messages

meeting-too-soon = A regular meeting needs at least 48 hours' notice (this one would start in { $hours } h). Choose a later date, or call an ad-hoc meeting.
meeting-in-past = This date has already passed. Choose a date to come.
meeting-bad-duration = The duration must be between 15 minutes and 12 hours.
meeting-not-found = This meeting does not exist (any more).
meeting-is-cancelled = This meeting has been cancelled.
answers-closed = The meeting has started: answers are closed.
not-invited = You are not invited to this meeting for this organisation.
no-alternate = Your organisation has no alternate in this mechanism: answer "I will attend" or "We cannot attend".

meeting-when = { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { $date } at { $time } ({ $minutes } min)
invitation-header = { $adhoc ->
        [yes] 📅 Invitation — AD-HOC meeting
       *[no] 📅 Invitation — monthly meeting
    }: { $mechanism }
meeting-details = When: { $when }
    Where: { $place }
    Agenda: { $agenda }
meeting-none-given = to be confirmed
invitation-for = For { $org }{ $observer ->
        [yes] {" "}(observer)
       *[no] {""}
    }, as { $role ->
        [focal] focal point
       *[alternate] alternate
    }.
answer-status = Your organisation's answer: { $answer ->
        [focal] ✅ the focal point will attend
        [alternate] ✅ the alternate will attend
        [handover] ⏳ the alternate has to confirm
        [declined] ❌ we cannot attend
       *[none] no answer yet
    }
btn-attend-focal = ✅ I will attend
btn-hand-over = 👥 My alternate will attend
btn-attend-alternate = ✅ I will attend in place of the focal point
btn-cannot-attend = ❌ We cannot attend
rsvp-recorded = Answer recorded.
reminder = ⏰ Reminder: { $mechanism } { $hours ->
        [24] tomorrow
       *[other] in { $hours } h
    }.
handover-request = 👥 { $name }, focal point of { $org }, asks you to attend in their place:
btn-skip = Skip ▶
summary-header = 📋 Answers for { $mechanism } — { $when }
summary-attending = ✅ Attending ({ $count }): { $list }
summary-declined = ❌ Not attending ({ $count }): { $list }
summary-no-answer = ❔ No answer ({ $count }): { $list }
summary-empty-list = —
meeting-moved = 🔁 Meeting moved: { $mechanism }
meeting-cancelled-notice = 🚫 Meeting cancelled: { $mechanism } — { $when }
delivery-failed = ⚠️ Message not delivered to { $name } ({ $org }) for { $mechanism }: { $reason ->
        [blocked] they blocked the bot
        [not_started] they never started the bot
        [deactivated] their Telegram account is deactivated
       *[other] chat not found
    }. Please reach them another way.
delivery-problems = ⚠️ { $count ->
        [one] One message
       *[other] { $count } messages
    } ({ $kind ->
        [invitation] invitation
        [reminder] reminder
        [meeting_changed] meeting change
        [minutes] minutes
        [document] document
        [action_reminder] action point reminder
        [fourw] 4W
        [decision] vote or agenda
        [digest] digest
        [chart] chart
       *[other] notice
    }{ $mechanism ->
        [none] {""}
       *[other] , { $mechanism }
    }) could not be delivered: Telegram refused { $count ->
        [one] it
       *[other] them
    } ({ $reason ->
        [too_long] the text is too long
        [entities] its formatting
        [chat_not_found] the chat does not exist
       *[other] a request it would not take
    }). Not reached: { $orgs }. It will not be sent again by itself: please reach them another way and tell the bot's administrator.
absence-flag = ⚠️ { $org } was absent from the last { $count } meetings of { $mechanism }. The terms of reference let the cluster review its participation.
monthly-nudge = 🗓 No meeting of { $mechanism } is scheduled in { $month }. Use /newmeeting to plan it (invitations at least 48 hours ahead).

## /meetings
meetings-none = No meeting scheduled in your mechanisms for the next two months.
meetings-header = Your next meetings:
meetings-line = • { $when } — { $mechanism } ({ $org }) — { $answer ->
        [focal] ✅ focal point
        [alternate] ✅ alternate
        [handover] ⏳ alternate to confirm
        [declined] ❌ not attending
       *[none] ❔ no answer
    }
meetings-manage-header = Meetings you manage (move, cancel):
meetings-manage-line = • no. { $id } — { $when } — { $mechanism }{ $adhoc ->
        [yes] {" "}(ad hoc)
       *[no] {""}
    }{ $cancelled ->
        [yes] {" "}— CANCELLED
       *[no] {""}
    }
btn-short-attend = { $date } ✅
btn-short-decline = { $date } ❌
btn-short-handover = { $date } 👥
btn-move = 🔁 no. { $id }
btn-cancel-meeting = 🚫 no. { $id }
cancel-meeting-confirm = Cancel the { $mechanism } meeting of { $when }? The invitees will be told.
btn-confirm-cancel-meeting = Yes, cancel the meeting
meeting-cancelled-done = Meeting cancelled; the invitees are told.
meeting-moved-done = Meeting moved to { $when }; the invitees are told.

## /newmeeting
nm-choose-mechanism = New meeting — for which mechanism?
nm-choose-date = Which day? Tap a date or type it (dd/mm/yyyy).
nm-bad-date = Date not recognised. Type it as dd/mm/yyyy (for example 08/12/2026) or tap a button.
nm-choose-time = At what time? Tap a button or type it (HH:MM).
nm-bad-time = Time not recognised. Type it as HH:MM (for example 10:00) or tap a button.
nm-choose-duration = How long? Tap a button or type it in minutes (for example 90).
nm-bad-duration = Duration not recognised: type a number of minutes between 15 and 720 (for example 90), or 1h30.
nm-ask-place = Place, or link of the online meeting? Type it (at most 300 characters).
nm-ask-agenda = Agenda? Type it (at most 1500 characters), or skip.
nm-choose-kind = Regular or ad-hoc meeting? (An ad-hoc meeting may be called less than 48 hours ahead.)
nm-choose-recurrence = Once, or every month on the same weekday (for example the 2nd Tuesday)?
nm-summary = Summary:
    { $mechanism }
    { $when }
    Where: { $place }
    Agenda: { $agenda }
    { $adhoc ->
        [yes] Ad-hoc meeting
       *[no] Regular meeting
    }{ $monthly ->
        [yes] , monthly (next 6 occurrences)
       *[no] {""}
    }
    Confirm?
nm-created = ✅ Meeting created ({ $count } occurrence(s)), first on { $when }. Invitations go out on { $invite_at }.
btn-regular = Regular
btn-adhoc = Ad hoc
btn-once = Once
btn-monthly = Every month
btn-create = ✅ Create
btn-today-plus = { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { $date }
move-choose-date = New date for { $mechanism }? Tap a date or type it (dd/mm/yyyy).
move-confirm = Move { $mechanism } to { $when }? The invitees will be told.
btn-move-confirm = ✅ Move

## /attendance
att-no-meetings = No past meeting to mark in your mechanisms.
att-choose-meeting = Which meeting? (attendance is marked after the meeting)
att-sheet = Attendance — { $mechanism } — { $when }
    Tap an organisation to change its presence, then Save.
att-saved = Attendance saved: { $present } organisation(s) present out of { $total }.
att-stats-header = Attendance over the last meetings:
att-stats-line = • { $org }: { $present }/{ $total }
att-stats-observers = Observers (counted apart):
btn-save = 💾 Save
btn-att-org = { $present ->
        [yes] ✅
       *[no] ⬜
    } { $org }
btn-att-meeting = { $date } — { $mechanism }

cmd-meetings = My next meetings and my answers
cmd-newmeeting = Plan a meeting
cmd-attendance = Mark attendance
