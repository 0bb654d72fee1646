## Decisions by vote
cmd-vote = Open a vote (one vote per organisation)
cmd-decisions = Decisions taken by vote
cmd-participation = Participation of the organisations
dc-vote-choose-mechanism = 🗳 New vote — for which mechanism?
dc-vote-ask-question = 🗳 { $mechanism } — type the question (one line, at most { $max } characters).
dc-vote-choose-kind = Which choices?
btn-dc-yes-no = Yes / No / Abstain
btn-dc-own-options = My own options
dc-vote-ask-options = Type the options, one per line ({ $min } to { $max }).
dc-vote-ask-duration = How long does the vote stay open? Tap a button or type hours (48h) or days (3d), from 1 hour to 30 days.
btn-dc-hours = { $hours } h
btn-dc-days = { $days } d
dc-vote-choose-secrecy = Secret vote (only totals are known) or open (the chair sees each organisation's choice)?
btn-dc-secret = 🔒 Secret
btn-dc-open = 👁 Open
dc-vote-choose-meeting = Attach the vote to a meeting? (the result will be in the summary of its minutes)
btn-dc-no-meeting = No meeting
dc-vote-summary = 🗳 { $mechanism }
    Question: { $question }
    Choices: { $options }
    Closes: { $closes }
dc-vote-quorum = { $secret ->
        [yes] Secret vote
       *[no] Open vote
    } — quorum: { $needed } member organisations of { $electorate } ({ $percent } %)
dc-vote-meeting = Meeting: { $meeting }
btn-dc-open-vote = ✅ Open the vote
dc-vote-opened = The vote is open until { $closes }. The question goes to every member of the mechanism.
dc-question-empty = The question is empty. Type the question.
dc-question-too-long = The question is too long (at most { $max } characters). Type a shorter question.
dc-option-count = A vote needs { $min } to { $max } options, one per line. Type them again.
dc-option-text = Option { $n } is empty or too long (at most { $max } characters). Type the options again.
dc-option-twice = Two options are the same. Type the options again.
dc-duration = Duration not understood: type for example 48h or 3d (from 1 hour to 30 days).
dc-quorum = The quorum must be a share from 1 to 100 %.
dc-no-electorate = This mechanism has no member organisation to vote (observers do not vote).
dc-yes = Yes
dc-no = No
dc-abstain = Abstain
dc-question = 🗳 Vote — { $mechanism }
    { $question }
    Closes: { $closes }. { $secret ->
        [yes] Secret vote.
       *[no] Open vote (the chair sees each organisation's choice).
    } Quorum: { $needed } member organisations of { $electorate } ({ $percent } %). One vote per member organisation.
dc-option-line = { $n }. { $label }
dc-observer-note = Observers see the question and the result but do not vote.
dc-alternate-note = { $org }: the focal point votes; you may vote after a hand-over or from { $from }.
dc-your-vote = { $org } voted: { $option }. You can change it until closing.
dc-not-voted = { $org } has not voted yet.
btn-dc-choice = { $org }: { $option }
btn-dc-handover = 👥 { $org }: my alternate will vote
dc-vote-recorded = Vote recorded: { $option }
dc-vote-unchanged = Your organisation already voted { $option } (one vote only).
dc-vote-changed = Vote changed: { $option }
dc-refused-observer = Observers do not vote.
dc-refused-no-seat = Only the focal point or the alternate of a member organisation votes.
dc-refused-electorate = Your organisation was not a member when the vote opened.
dc-refused-alternate = The focal point votes; you may vote after a hand-over or from { $from }.
dc-refused-closed = This vote is closed.
dc-refused-option = This choice does not exist.
dc-refused-handover = Only the focal point hands over, and only while the vote is open.
dc-refused-focal-voted = Your focal point has voted; only they can change the organisation's vote.
dc-focal-voted-note = { $org } voted: { $option } (by the focal point, who alone can change it).
dc-handed-over = Your alternate is told and may vote for { $org }.
dc-handover-request = 👥 { $org }: the focal point hands the vote over to you — { $mechanism }
    { $question }
    Closes: { $closes }.
dc-vote-reminder = ⏰ { $org } has not voted yet — { $mechanism }
    { $question }
    Closes: { $closes }.
dc-result = 🗳 Result — { $mechanism }
    { $question }
    Turnout: { $voted } organisations of { $electorate } ({ $turnout } %). Quorum ({ $needed }): { $met ->
        [yes] met
       *[no] not met
    }.
dc-result-line = • { $label }: { $count }
dc-result-by-org = Choice of each organisation (open vote):
dc-result-org-line = • { $org }: { $label }
dc-decisions-none = No decision by vote yet.
dc-decisions-header = 🗳 Decisions of your mechanisms:
dc-decision-open = • { $mechanism } — { $question } — open until { $closes } ({ $voted }/{ $electorate } organisations voted)
dc-decision-closed = • { $mechanism } — { $question } — closed on { $closed }: { $result }; quorum { $met ->
        [yes] met
       *[no] not met
    }
dc-no-votes-cast = no votes
dc-minutes-decisions = Decisions taken:

## Agenda items proposed by members
btn-dc-propose = ➕ Propose an item ({ $date })
dc-propose-ask = { $mechanism } on { $date } — type the item you propose (one line, at most { $max } characters).
dc-proposed = Item proposed. The chair will accept or decline it.
dc-item-empty = The item is empty. Type the item you propose.
dc-item-too-long = An item is one line of at most { $max } characters. Type it again.
dc-item-duplicate = This item is already proposed for this meeting.
dc-item-closed = The invitation has gone out: the agenda is closed.
dc-item-decided = The chair has already decided on this item.
dc-agenda-proposed = ➕ { $org } proposes an item for { $mechanism } on { $date }:
    “{ $text }”
btn-dc-accept = ✅ Accept
btn-dc-decline = ❌ Decline
dc-agenda-accepted = ✅ On the agenda: “{ $text }”
dc-agenda-declined = ❌ Declined: “{ $text }”
dc-agenda-decided = { $accepted ->
        [yes] ✅ Your item is on the agenda
       *[no] ❌ Your item was not retained
    } of { $mechanism } on { $date }: “{ $text }”
dc-gap-hint = Put a gap on the agenda of the next meeting:
btn-dc-gap = 📌 Gap { $n } → agenda
dc-gap-item = 4W gap { $month }: { $sector } — { $place }
dc-gap-added = Added to the agenda of the meeting on { $date }.
dc-no-open-meeting = No upcoming meeting whose invitation has not gone out yet.

## Participation
dc-part-choose-mechanism = Participation — which mechanism?
dc-part-header = 📊 Participation — { $mechanism } — last { $months } months
dc-part-line = • { $org }{ $observer ->
        [yes] {" "}(observer)
       *[no] {""}
    } — attended { $present }/{ $marked } — answers on time { $on_time }/{ $invited } — votes { $cast }/{ $entitled } — 4W { $fourw }/{ $fourw_expected }
dc-part-flagged = ⚠️ { $org }: absent 3 times in a row. What to do? (terms of reference){ $last ->
        [none] {""}
       *[other] {" "}Last choice: { $last }
    }
btn-dc-contact = 📞 Contact
btn-dc-propose-observer = 👁 Propose observer status
btn-dc-keep = ✋ Keep
dc-choice-contact = contact the organisation
dc-choice-propose-observer = propose observer status
dc-choice-keep = keep
dc-part-choice-recorded = Choice recorded for { $org }: { $choice }.
dc-part-none = No organisation in this mechanism.

## Monthly series
btn-dc-stop-series = ⏹ Stop series { $id }
dc-series-stop-ask = Stop the monthly series? Meetings already scheduled stay (cancel them one by one if needed); no new one will be created.
btn-dc-stop-yes = ⏹ Yes, stop
dc-series-stopped = Series stopped: no new meeting will be created.
dc-series-already-stopped = This series is already stopped.
