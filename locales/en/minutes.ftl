## Minutes, documents and action points — English

internal-label = 🔒 Internal — do not forward
minutes-reminder = 📝 The minutes of { $mechanism } ({ $when }) are not shared yet, { $hours } h after the meeting. Deadline: { $deadline } (72 hours after the meeting). Use /minutes.
minutes-overdue = ⚠️ Overdue: the minutes of { $mechanism } ({ $when }) were not shared within 72 hours.
minutes-caption = Minutes — { $mechanism } — { $when }
document-caption = { $chair ->
        [none] Document shared by the cluster coordination
       *[other] Document shared by the chair of { $chair }
    }
action-reminder = 📌 Action point { $today ->
        [yes] due today
       *[no] due on { $due }
    }: { $what } ({ $org }, { $mechanism }).
btn-action-done = ✅ Done
action-done = ✅ Done: { $what }
actions-none = No action points in your mechanisms.
actions-header = Follow-up plan of recommendations — { $mechanism }
actions-line = { $status ->
        [done] ✅
        [late] ⏰
       *[open] ◻️
    } no. { $id } — { $what } — { $org } — { $due }{ $status ->
        [late] {" "}(late)
       *[other] {""}
    }
btn-action-mark = ✅ no. { $id }
missing-none = No past meeting without minutes.
missing-header = Meetings without minutes:
missing-line = • { $mechanism } — { $when } — { $overdue ->
        [yes] ⚠️ overdue (deadline: { $deadline })
       *[no] deadline: { $deadline }
    }
compliance-header = Minutes shared within 72 hours (last 6 months):
compliance-line = • { $mechanism }: { $percent }% ({ $on_time }/{ $total })
compliance-none = No meeting ended in the period.
mn-choose-meeting = Minutes — of which meeting? (those without minutes first)
btn-mn-meeting = { $has ->
        [yes] ✅
       *[no] 📝
    } { $date } — { $mechanism }
mn-no-meetings = No past meeting in your mechanisms.
mn-send-content = Send the minutes: a document (PDF, DOCX…) or a text (at most 3500 characters).
mn-content-expected = I am expecting a document or a text.
mn-personal-data-warning = ⚠️ These minutes seem to contain { $kind ->
        [email] an e-mail address
       *[phone] a phone number
    }. Minutes are internal, but must not identify victims, witnesses or sources. Keep them as they are, or send the corrected text.
btn-mn-keep-text = ✅ Keep as it is
mn-ask-actions = Action points? One per line: what — organisation — dd/mm/yyyy. Or skip.
mn-action-bad-line = Line { $line }: expected "what — organisation — dd/mm/yyyy".
mn-action-bad-date = Line { $line }: "{ $date }" is not a date dd/mm/yyyy.
mn-action-bad-what = Line { $line }: the description is empty or longer than 300 characters.
mn-action-too-many = Too many action points (at most 30).
mn-action-bad-org = Line { $line }: unknown organisation "{ $org }".
mn-summary = Summary:
    { $mechanism } — { $when }
    Minutes: { $content }
    Action points: { $actions }
    They will be sent, protected, to the mechanism's members. Confirm?
mn-content-document = document "{ $name }"
mn-content-text = text ({ $chars } characters)
mn-shared = ✅ Minutes shared; sending to the mechanism's { $count } member(s).
btn-share = ✅ Share
meeting-not-ended = Minutes can only be shared once the meeting has ended.
minutes-already-shared = The minutes of this meeting have already been shared.
mn-available-none = No minutes available for your mechanisms.
mn-available-header = Minutes available — tap to receive them:
mn-resent = Sending.
share-send-document = Share a document: send the file (PDF, DOCX, XLSX…), with a caption if you like.
share-choose-mechanisms = To which mechanisms? Tap to choose, then Send.
btn-send = 📤 Send
btn-toggle-mech = { $on ->
        [yes] ✅
       *[no] ⬜
    } { $code }
share-done = ✅ Document shared; sending to { $count } person(s).
share-nothing-selected = Choose at least one mechanism.
cmd-minutes = Share or receive the minutes
cmd-missing = Missing minutes and deadlines
cmd-actions = Follow-up plan of recommendations
cmd-share = Share a document with mechanisms
cmd-docs = The library: documents of your mechanisms
lib-choose-mechanism = 📚 The library — which mechanism?
lib-nothing = No mechanism whose documents you may see.
lib-choose-type = 📚 { $mechanism } — which documents?
lib-empty = 📚 { $mechanism }: no documents yet.
btn-lib-type = { $doc_type ->
        [minutes] Minutes
        [strategy] Strategy
        [advocacy-note] Advocacy notes
        [work-plan] Work plans
        [assessment] Assessments
        [tor] Terms of reference
        [fourw-matrix] 4W matrices
       *[other] Other documents
    } ({ $count })
lib-list = 📚 { $mechanism } — { $doc_type ->
        [minutes] Minutes
        [strategy] Strategy
        [advocacy-note] Advocacy notes
        [work-plan] Work plans
        [assessment] Assessments
        [tor] Terms of reference
        [fourw-matrix] 4W matrices
       *[other] Other documents
    }, newest first (page { $page }/{ $pages }). Tap one to receive it.
btn-lib-doc = { $title }{ $version ->
        [1] {""}
       *[other] {" "}(v{ $version })
    } · { $date }
btn-lib-minutes = Minutes of { $date }
btn-lib-prev = ◀ Newer
btn-lib-next = Older ▶
btn-lib-retire = 🗑 Retire: { $title }
lib-coming = 📄 On its way.
lib-retired = Retired: it leaves the library's lists.
btn-lib-retype = ✏️ Type
lib-choose-new-type = ✏️ { $title } — file it under which type?
lib-retyped = ✏️ Now filed under { $doc_type ->
        [strategy] Strategy
        [advocacy-note] Advocacy notes
        [work-plan] Work plans
        [assessment] Assessments
        [tor] Terms of reference
        [fourw-matrix] 4W matrices
       *[other] Other documents
    }.
btn-lib-new-version = 🆕 New version
lib-send-new-version = 🆕 Send the new version of "{ $title }" as a file (a caption is optional). It replaces the current one in /docs, keeps its type and class, and goes to the members.
lib-new-version-done = 🆕 Version { $version } of "{ $title }" is filed and on its way to the members.
btn-share-type = { $on ->
        [yes] 🔘
       *[no] ⚪
    } { $doc_type ->
        [strategy] Strategy
        [advocacy-note] Advocacy note
        [work-plan] Work plan
        [assessment] Assessment
        [tor] Terms of reference
        [fourw-matrix] 4W matrix
        [minutes] Minutes
       *[other] Other
    }
