## Sensitivity of shared items and reuse requests
sn-refused = { $why ->
        [restricted] 🔒 This document is restricted to other organisations.
        [no_organisations] A restricted document names at least one member organisation: choose it.
        [no_source] No source organisation is known for this document: its reuse cannot be asked.
        [not_party] This request is not addressed to you.
        [decided] This request is already decided.
        [already_answered] Your side has already answered this request.
       *[source_not_member] The source must be a member organisation of the mechanism.
    }
btn-sn-class = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $class ->
        [restricted] 🔒 Restricted
        [public] 🌐 Public
       *[internal] 🏢 Internal
    }
btn-sn-org = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $org }
btn-sn-prev = ◀ Organisations
btn-sn-next = Organisations ▶
sn-label = { $class ->
        [restricted] 🔒 Restricted: { $orgs }
        [public] 🌐 Public — may be forwarded
       *[internal] 🏢 Internal — members of the mechanism
    }
sn-choose-class = Distribution: Internal (members of the mechanism), Restricted (chosen organisations and the coordinators) or Public (may be forwarded).
sn-choose-orgs = 🔒 Restricted: choose the organisations it is meant for.
sn-source-line = ♻️ Source (asked before any reuse): { $org }
btn-sn-source = ♻️ Source: { $org } — change
sn-choose-source = ♻️ Choose the organisation that is the source of these minutes: it is asked before any reuse of them.
cmd-reuse = Reuse requests
btn-reuse = ♻️ Reuse
ru-ask-purpose = ♻️ Reuse "{ $item }" — type the purpose (one line, at most { $max } characters, no personal data).
ru-ask-audience = For which audience? (one line, at most { $max } characters)
ru-line-bad = One line, 1 to { $max } characters. Type it again.
ru-sent = ♻️ Request sent to { $org } (source) and the coordinators. You will be told the answer.
ru-item-minutes = { $mechanism } minutes of { $date }
ru-ask = ♻️ { $requester } asks to reuse "{ $item }" (source: { $org }).
    You answer { $party ->
        [source] for the source organisation
       *[coordinator] for the coordinators
    }.
btn-ru-approve = ✅ Approve
btn-ru-refuse = ❌ Refuse
ru-ask-reason = Type the reason for refusing (one line, at most { $max } characters).
ru-answered = { $approved ->
        [yes] ✅ Approval recorded.
       *[no] ❌ Refusal recorded.
    }
ru-approved = ✅ Reuse of "{ $item }" approved by the source and the coordinators.
    Purpose: { $purpose }
    Audience: { $audience }
ru-refused = ❌ Reuse of "{ $item }" refused by { $party ->
        [source] the source organisation
       *[coordinator] the coordinators
    }: { $reason }
ru-purpose-audience = Purpose: { $purpose }
    Audience: { $audience }
ru-list-header = ♻️ Reuse requests:
ru-list-none = ♻️ No reuse requests.
ru-list-line = No. { $id } — { $item } — { $state ->
        [approved] ✅ approved
        [refused] ❌ refused
       *[pending] ⏳ pending
    } — source { $org } — { $purpose }
ru-hint = To ask for a reuse, tap ♻️ under a document or minutes (/docs).
