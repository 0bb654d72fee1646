## Tour de table before a meeting
cmd-tour = Tour de table before meetings (on or off)
tour-settings = 🗣 Tour de table: 48 h before each meeting, every member organisation is asked for a short update (one message, or "nothing new"); 2 h before, the chair gets them all in one message, with who did not answer.
tour-setting-line = • { $mechanism }: { $on ->
        [yes] on
       *[no] off
    }
btn-tour-on = Turn on — { $mechanism }
btn-tour-off = Turn off — { $mechanism }
tour-no-mechanism = Only the chair of a mechanism or a coordinator switches its tour de table.
tour-turned-on = Tour de table on for { $mechanism }.
tour-turned-off = Tour de table off for { $mechanism }.
tour-request = 🗣 Tour de table — { $mechanism }, meeting of { $when }.
    What is new at { $org } since the last meeting? One short message (at most { $max } characters), or "Nothing new". No personal data: no names, phone numbers or e-mail addresses of people assisted, witnesses or sources.
    Answers until { $until }; the chair then gets every organisation's update in one message.
tour-request-current = Current update of { $org }: { $text }
tour-request-current-nothing = Current answer of { $org }: nothing new.
btn-tour-write = ✍️ Write my update
btn-tour-nothing = Nothing new
tour-ask-text = Send { $org }'s update in one message (at most { $max } characters), or /cancel.{ $replaces ->
        [yes] {" "}It will replace the answer already given.
       *[no] {""}
    }
tour-recorded = Update of { $org } recorded; the chair gets it 2 h before the meeting.
tour-replaced = Update of { $org } recorded: it replaces the earlier answer.
tour-nothing-recorded = Recorded: nothing new for { $org }.
tour-nothing-replaced = Recorded: nothing new for { $org }; this replaces the earlier answer.
tour-empty = An empty message is not an update. Send the text, or /cancel.
tour-text-only = Send the update as a text message, or /cancel.
tour-try-again = Nothing was recorded. Send the corrected update, or /cancel.
tour-refused-no-seat = This request is not yours: only the focal point or the alternate of the organisation may answer it.
tour-refused-cancelled = The meeting was cancelled: no update is needed.
tour-refused-closed = Too late: the chair already has the tour de table (sent 2 h before the meeting). Give your update at the meeting.
tour-refused-off = This mechanism no longer does a tour de table.
tour-collected = 🗣 Tour de table — { $mechanism }, meeting of { $when }
    { $answered } of { $total } organisations answered.
tour-collected-update = ▪ { $org }: { $text }
tour-collected-nothing = ▪ { $org }: nothing new
tour-collected-silent = ❔ No answer ({ $count }): { $list }
tour-collected-all-answered = Every organisation answered.
tour-org-observer = { $org } (obs.)
