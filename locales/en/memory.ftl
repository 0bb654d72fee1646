## The register of decisions and the follow-up — English

rg-header = 📚 Register of decisions of your mechanisms (newest first):
rg-none = No decision in the register of your mechanisms yet.
rg-recorded-line = • { $mechanism } — { $what }{ $details } (meeting of { $meeting })
rg-details = { $org ->
        [none] {""}
       *[other] {" "}— follow-up: { $org }
    }{ $review ->
        [none] {""}
       *[other] {" "}— review { $review }
    }{ $outcome ->
        [done] {" "}✅
        [dropped] {" "}✖️ dropped
       *[other] {""}
    }
btn-rg-xlsx = 📥 XLSX
rg-xlsx-caption = Register of decisions ({ $count } decisions), French and English sheets.
rg-sheet = Decisions
rg-col-date = Date
rg-col-mechanism = Mechanism
rg-col-meeting = Meeting
rg-col-kind = Kind
rg-col-decision = Decision
rg-col-result = Result
rg-col-follow-up = Follow-up by
rg-col-review = Review date
rg-col-status = Follow-up status
rg-kind-vote = Vote
rg-kind-recorded = Recorded with the minutes
rg-vote-result = { $leaders } ({ $counts }); quorum { $met ->
        [yes] met
       *[no] not met
    }
rg-review-due = 📚 Review due today — { $mechanism }: { $what }{ $org ->
        [none] {""}
       *[other] {" "}(follow-up: { $org })
    }, decided at the meeting of { $meeting }. It is on the follow-up of the next meeting.
mn-ask-decisions = Decisions taken at this meeting? One per line: what; organisation that follows up; review dd/mm/yyyy (the organisation and the review date are optional). Or skip.
dl-shape = Line { $line }: expected "what; organisation; review dd/mm/yyyy".
dl-what = Line { $line }: the decision is empty or longer than 300 characters.
dl-date = Line { $line }: "{ $date }" is not a date dd/mm/yyyy.
dl-past = Line { $line }: the review date { $date } is already past.
dl-organisation = Line { $line }: unknown organisation "{ $acronym }".
dl-personal-data = Line { $line }: the register is shared beyond the minutes and must not contain { $kind ->
        [email] an e-mail address
       *[phone] a phone number
    }.
dl-too-many = Too many decisions (at most 30).
mn-summary-decisions = Decisions recorded:
mn-summary-follow-up = Follow-up of earlier meetings:
fu-header = Follow-up of earlier meetings:
fu-line = • { $decision ->
        [yes] 📚
       *[no] 📌
    } { $what }{ $org ->
        [none] {""}
       *[other] {" "}— { $org }
    }{ $date ->
        [none] {""}
       *[other] { $decision ->
            [yes] {" "}— review { $date }
           *[no] {" "}— due { $date }
        }
    }{ $late ->
        [yes] {" "}⏰ late
       *[no] {""}
    }{ $history ->
        [none] {""}
       *[other] {" "}({ $history })
    }
fu-history-entry = { $date }: { $outcome }
fu-outcome = { $outcome ->
        [done] done
        [carried] carried again
        [dropped] dropped
       *[open] open
    }
fu-ask = Follow-up of earlier meetings: mark each point done, carried again to the next meeting, or dropped. Then continue.
fu-mark-line = { $n }. { $outcome ->
        [done] ✅
        [carried] 🔁
        [dropped] ✖️
       *[none] ◻️
    } { $line }
btn-fu-mark = { $n } { $outcome ->
        [done] ✅
        [carried] 🔁
       *[dropped] ✖️
    }
btn-fu-continue = ➡️ Continue
fu-unmarked = Mark every point first ({ $count } left).
fu-actions-history = {"   "}↳ { $history }
digest-decisions-heading = Register of decisions
digest-decisions-line = { $count } decision(s) this month (votes closed, decisions recorded with the minutes):
