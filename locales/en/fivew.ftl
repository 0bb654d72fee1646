## 5W: population groups, spreadsheet template, approval and lock

fw-population = { $group ->
        [IDP] Internally displaced persons (IDPs)
        [HST] Host community
        [RET] Returnees
        [REF] Refugees
       *[OTH] Other
    }
fw-sheet-instructions = 4W/5W matrix — { $org } — { $mechanism } — { $month }
    Fill in one row per activity, place and population group on the "4W" sheet, from row 2 (at most { $rows } rows).
    Choose the sector, activity, region, cercle, commune, status, population group and modality from the drop-down lists.
    Dates as dd/mm/yyyy; the period must cover part of { $month } and the end must not come before the start.
    Ages: children 0-17, adults 18-59, elderly people 60 and over. Persons with disabilities are counted among the people reached.
    People targeted are optional (0 when unknown). Commune and project / response plan code are optional.
    No personal data: no names, phone numbers or e-mail addresses in the remarks.
    Admin boundaries: version { $boundaries }.
    Send this file back in the chat with the bot: it checks every row and shows you the result before you submit.
    Do not change the "meta" sheet: it identifies your organisation and the month.

fw-month-locked = The 4W of { $month } is locked: no more submissions, returns or approvals. Only a coordinator can unlock it.
fw-returned-pending = Lines of this submission are still waiting for a correction: approve it once they are back.
fw-approved-notice = ✅ The 4W of { $org } — { $mechanism } — { $month } was approved by the chair.
fw-corrected-notice = ✏️ { $org } sent back { $lines } corrected line(s) of its 4W for { $month } ({ $mechanism }). See /review.
btn-fw-approve = ✅ Approve { $org }
fw-approve-done = The 4W of { $org } for { $month } is approved; the focal point and alternate are told.
cmd-lock = lock a month of the 4W
cmd-unlock = unlock a month of the 4W
fw-lock-done = { $locked ->
        [yes] { $changed ->
            [yes] 🔒 { $month } locked: no more changes until it is unlocked.
           *[no] { $month } was already locked.
        }
       *[no] { $changed ->
            [yes] 🔓 { $month } unlocked.
           *[no] { $month } was not locked.
        }
    }
btn-fw-spreadsheet = 📄 Work in a spreadsheet
fw-sheet-caption = 4W template of { $org } — { $mechanism } — { $month }. Fill it in (see the "Instructions" sheet) and send the file back here: at most { $rows } rows and { $mb } MB.
fw-sheet-waiting = Send the filled template (XLSX) here, or /cancel.
fw-sheet-refused = File refused: { $reason ->
        [not-spreadsheet] it is not an XLSX workbook. Send the template back saved as Excel (.xlsx).
        [too-large] it is larger than { $max } MB.
        [too-many-rows] it has more than { $max } rows.
        [not-template] it is not the template the bot sent (or its "meta" sheet was changed).
        [other-template] it is the template of { $org } for { $month }, not this one. Use the template sent for this report.
       *[empty] the template has no line.
    }
fw-sheet-bound = File refused: { $bound ->
        [part-bytes] once unzipped, a part of it is larger than { $max } MB (a filled template is far smaller). It may be damaged, or not the template.
        [total-bytes] once unzipped it is larger than { $max } MB (a filled template is far smaller).
        [parts] it holds more than { $max } parts; a template holds a few dozen.
        [rows] cell { $cell } holds a value below row { $max }. Delete what is below your lines and send it again.
        [columns] cell { $cell } holds a value right of column { $column }. Delete what is right of the template's columns and send it again.
        [cells] more than { $max } cells hold a value.
        [cell-chars] cell { $cell } holds more than { $max } characters.
        [string-chars] a cell holds more than { $max } characters.
        [shared-strings] it holds more than { $max } different texts.
        [text-bytes] its cells hold more than { $max } MB of text.
       *[time] reading it took longer than { $max } seconds. Send a smaller file.
    }
fw-sheet-errors = { $count } problem(s) in the file ({ $rows } row(s) read, { $shown } shown). Nothing is saved: fix the file and send it again.
fw-sheet-error-line = Row { $row }, column "{ $column }": { $reason }
fw-cell-reason = { $reason ->
        [missing] this cell is required
        [not-in-list] the value is not in the drop-down list
        [activity-not-in-sector] this activity is not in the sector's catalogue
        [modality-not-in-sector] this modality is not offered for the sector
        [commune-not-in-cercle] this commune is not in the cercle
        [bad-date] not a date (dd/mm/yyyy)
        [not-a-date] this number is not a date (Excel dates run from 01/01/1900 to 31/12/9999); type the date as dd/mm/yyyy
        [end-before-start] the end is before the start
        [outside-month] the dates do not cover the reported month
        [bad-count] a whole number from 0 to 1,000,000 is expected
        [disabled-above-total] more persons with disabilities than people reached
        [unknown-place] unknown place in the current admin boundaries
        [cercle-not-in-region] this cercle is not in the region
        [too-long] text too long (at most { $max } characters)
        [phone] a phone number: no personal data
       *[email] an e-mail address: no personal data
    }
fw-sheet-read = 📄 { $lines } line(s) read without errors. Check them below, then submit; nothing is saved before.
fw-ask-population = For which population group?
fw-ask-modality = Modality ({ $sector })?
fw-ask-targeted = People targeted (optional): type six numbers separated by spaces — girls, boys (0-17), women, men (18-59), elderly women, elderly men (60+) — or tap a button.
fw-targeted-bad = Six whole numbers are expected, separated by spaces (for example: 10 12 30 25 4 3).
fw-ask-plan-code = Project or response plan code? (optional, at most { $max } characters)
btn-fw-same-above = ↑ Same as above: { $value }
fw-ask-commune = Commune ({ $cercle })? Tap a button or type the name or the P-code; "Not specified" if the commune is not known.
btn-fw-commune-unknown = ⏭ Not specified / unknown
fw-commune-not-in-cercle = This commune is not in the cercle of { $cercle }.
fw-place-commune = { $commune } ({ $cercle })
btn-fw-same-reached = Same as the people reached
fw-review-page = Page { $page }/{ $pages } — lines { $first } to { $last } of { $count }.
btn-fw-prev-page = ◀ Page { $page }
btn-fw-next-page = Page { $page } ▶
fw-stale-screen = ⚠️ This screen was out of date: the 4W changed since it was shown, and nothing was done. Here is the current one.
fw-lines-cap = A 4W holds at most { $max } lines, and this one has reached it. Delete or merge lines before adding another.
fw-copy-capped = Last month had { $count } lines; a 4W holds at most { $max }: only the first { $max } were copied.
fw-fix-refused = This line cannot be reopened: the chair has not returned it and { $month } is no longer open for reporting.
