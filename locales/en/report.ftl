## 4W matrix, English messages

fw-column = { $column ->
        [org] Organisation
        [impl] Implementing partner
        [donor] Donor
        [mechanism] Mechanism
        [sector] Sector
        [activity-code] Activity code
        [activity] Activity
        [modality-code] Modality code
        [modality] Modality
        [population-code] Population group code
        [population] Population group
        [adm1-name] Region
        [adm1-code] Region P-code
        [adm2-name] Cercle
        [adm2-code] Cercle P-code
        [adm3-name] Commune
        [adm3-code] Commune P-code
        [boundaries] Admin boundaries version
        [status-code] Status code (HXL)
        [status] Status
        [start] Start date
        [end] End date
        [girls] Girls (0-17) reached
        [boys] Boys (0-17) reached
        [women] Women (18-59) reached
        [men] Men (18-59) reached
        [elderly-women] Elderly women (60+) reached
        [elderly-men] Elderly men (60+) reached
        [total] Total reached
        [disabled] Of whom persons with disabilities
        [t-girls] Girls (0-17) targeted
        [t-boys] Boys (0-17) targeted
        [t-women] Women (18-59) targeted
        [t-men] Men (18-59) targeted
        [t-elderly-women] Elderly women (60+) targeted
        [t-elderly-men] Elderly men (60+) targeted
        [t-total] Total targeted
        [plan-code] Project / response plan code
        [reported] Date reported
        [review] Review
        [approved] Approved
        [remarks] Remarks
       *[late] Late
    }
fw-status = { $status ->
        [planned] planned
        [ongoing] ongoing
       *[completed] completed
    }
fw-yes-no = { $yes ->
        [yes] yes
       *[no] no
    }
fw-total = TOTAL
fw-not-reporter = Only the focal points and alternates of organisations submit the 4W matrix.
fw-choose-month = 4W matrix: which month are you reporting? (open month: { $month })
btn-fw-month = { $month }
fw-choose-seat = For which organisation and mechanism?
btn-fw-seat = { $org } — { $mechanism }
fw-start = 4W matrix of { $org } — { $mechanism } — { $month }
    { $submitted ->
        [submitted] Already submitted ({ $lines } line(s)): you may change it and submit it again.
        [returned] Returned for correction: correct it, then submit it again.
        [corrected] Corrected ({ $lines } line(s)).
       *[none] Not submitted yet.
    }
btn-fw-add-line = ➕ Add a line
btn-fw-same-as-last = 🔁 Same as last month
btn-fw-no-activity = 🚫 No activity this month
fw-no-last-month = No 4W lines for { $month } to copy.
fw-ask-sector = Sector of the activity?
fw-ask-activity = Activity ({ $sector })?
fw-ask-region = Region? Tap a button or type the name or P-code.
fw-ask-cercle = Cercle ({ $region })? Tap a button or type the name or P-code.
fw-ask-status = Status of the activity?
fw-ask-start = Start date? Type it (dd/mm/yyyy) or tap a button. Reporting month: { $month }.
fw-ask-end = End date? Type it (dd/mm/yyyy) or tap a button.
fw-ask-count = People reached — number of { $field ->
        [girls] girls (0-17)
        [boys] boys (0-17)
        [women] women (18-59)
        [elderly-women] elderly women (60+)
        [elderly-men] elderly men (60+)
       *[men] men (18-59)
    }? (a whole number)
fw-ask-disabled = Of these { $total } people, how many persons with disabilities?
fw-ask-partner = Implementing partner? (optional)
fw-ask-donor = Donor? (optional)
fw-ask-remarks = Remarks? (optional — no personal data)
btn-fw-status = { $status ->
        [planned] Planned
        [ongoing] Ongoing
       *[completed] Completed
    }
btn-fw-keep = Keep: { $value }
btn-fw-first-day = Start of the month ({ $date })
btn-fw-last-day = End of the month ({ $date })
fw-bad-date = Date not recognised: type it as dd/mm/yyyy (for example 05/10/2026).
fw-end-before-start = The end date cannot be before the start date ({ $start }).
fw-outside-month = The dates must cover at least one day of the reporting month ({ $month }).
fw-bad-count = Type a whole number from 0 to { $max }.
fw-disabled-above-total = The number of persons with disabilities ({ $disabled }) cannot be above the total of people reached ({ $total }).
fw-unknown-place = Place not recognised: tap a button, or type the name or P-code.
fw-cercle-not-in-region = This cercle is not in the region { $region }.
fw-personal-data = Refused: this text looks like { $kind ->
        [email] an e-mail address
       *[phone] a phone number
    }. The 4W matrix holds no personal data.
fw-review-header = 4W matrix of { $org } — { $mechanism } — { $month }: { $count } line(s). Check, then submit.
fw-review-line = { $n }. { $activity } — { $cercle } — { $status } — { $period } — { $total } people, of whom { $disabled } with disabilities
btn-fw-edit = ✏️ { $n }
btn-fw-delete = 🗑 { $n }
btn-fw-add-another = ➕ Add another line
btn-fw-submit = ✅ Submit
fw-submitted = ✅ 4W matrix of { $month } submitted: { $count } line(s).{ $late ->
        [yes] {" "}Submitted after the deadline: marked late.
       *[no] {""}
    }
fw-no-activity-done = ✅ Recorded: no activity in { $month }.{ $late ->
        [yes] {" "}Submitted after the deadline: marked late.
       *[no] {""}
    }
fw-line-invalid = Line { $n } needs correcting (✏️ { $n }):
fw-cancel-ask = Discard the draft 4W matrix? The lines entered will be lost.
btn-fw-discard = Discard
btn-fw-continue = Continue
fw-reminder = ⏰ 4W matrix of { $month } for { $org } ({ $mechanism }): { $stage ->
        [open] the reporting window is open
        [before] two days left
       *[deadline] the deadline is today
    } (deadline: { $deadline }). Send /report.
fw-matrix-caption = 4W matrix of { $month } — { $mechanism } (internal). Organisations that have not reported ({ $count }): { $missing }
fw-missing-none = none
fw-export-caption = 4W matrix of { $month } — { $scope }
fw-export-all = all mechanisms
fw-export-bad-month = Month not recognised: write /export YYYY-MM (for example /export 2026-10).
cmd-report = submit the month's 4W matrix
cmd-export = export the 4W matrix
cmd-review = review the 4W matrix and return lines
cmd-wherewho = who does what where: gaps and duplications
fw-bad-month-for = Month not recognised: write /{ $command } YYYY-MM (for example /{ $command } 2026-10).
fw-review-none = 4W review of { $month } — { $scope }: no line submitted.
fw-review-header-list = 4W review of { $month } — { $scope }: { $count } line(s) ({ $shown } shown). Press ↩ to return a line to its organisation with a comment.
fw-review-item = { $n }. { $org } (line { $line }) — { $what } — { $total } people — { $status }
fw-review-what = { $activity } — { $cercle } ({ $pcode })
fw-review-status = { $status ->
        [returned] returned
        [corrected] corrected
       *[submitted] submitted
    }
btn-fw-return = ↩ Return no. { $n }
fw-return-ask-comment = Comment for { $org }, line { $line } ({ $activity }, { $cercle }): what should be corrected? At most { $max } characters, no names, phone numbers or e-mail addresses.
fw-return-done = ↩ Line { $line } returned to { $org }; its focal point and alternate are told.
fw-returned-notice = ↩ Line { $line } of the 4W matrix of { $month } ({ $org }, { $mechanism }) was returned by the chair.
fw-returned-what = { $activity } — { $cercle }.
    Comment: { $comment }
    Correct it, then submit again.
btn-fw-fix = ✏️ Correct line { $line }
fw-ww-header = Who does what where — { $month } — { $scope }: { $orgs } organisation(s) active in { $cells } cercle × sector pair(s); { $gaps } gap(s); { $duplications } possible duplication(s).
fw-ww-none = Who does what where — { $month } — { $scope }: no 4W line.
fw-ww-gaps-title = Gaps ({ $shown } of { $count }):
fw-ww-place = { $cercle } ({ $pcode }), { $region } ({ $region_pcode })
fw-ww-gap-line = — { $place }: nothing in { $sector }
fw-ww-dups-title = Possible duplications ({ $shown } of { $count }):
fw-ww-dup-line = — { $place }: { $activity } by { $orgs }
fw-ww-column = { $column ->
        [kind] Kind
        [region-code] Region P-code
        [region] Region
        [cercle-code] Cercle P-code
        [cercle] Cercle
        [sector] Sector
        [activity] Activity
        [organisations] Organisations
       *[count] Count
    }
fw-ww-kind = { $kind ->
        [active] active
        [gap] gap
       *[duplication] duplication
    }
fw-ww-sheet-name = Who-What-Where
fw-export-note = { $shared ->
        [yes] To share: in the lines of gender-based violence and child protection, counts of people below { $threshold } are shown as <{ $threshold }, and "x" marks a count hidden so that they cannot be worked out from the totals.
        Each row and column holding a hidden count holds at least two.
       *[no] Internal: exact figures, small numbers included. For the chairs and coordinators only — do not forward.
        To share beyond them, use the export "to share" (small numbers hidden).
    }
fw-export-note-sheet = Read me
btn-fw-export-shared = 📤 To share (small numbers hidden)
fw-export-shared-caption = 4W matrix of { $month } — { $scope } — to share: counts below { $threshold } in GBV and child protection lines hidden
