## Situation items of the regional clusters

cmd-situation = Report a protection situation (regional clusters)
st-not-regional = Only members of a regional cluster (Gao, Mopti, Tombouctou) can report a protection situation.
st-choose-mechanism = For which regional cluster are you reporting a situation?
st-choose-place = { $mechanism }: choose the cercle, or type the P-code of the cercle or commune (e.g. ML0701).
st-place-unknown = "{ $pcode }" is not a cercle or commune covered by { $mechanism }. Choose a button or type another P-code.
st-choose-theme = { $place }: choose the theme.
st-ask-text = Describe the situation in one paragraph (at most { $max } characters), with no names, phone numbers or e-mail addresses.
st-text-empty = The paragraph is empty. Describe the situation in one paragraph.
st-text-too-long = The paragraph has { $length } characters; at most { $max }. Shorten it and send it again.
st-text-paragraph = One paragraph only, with no line breaks. Send the text again on one line.
st-choose-verified = Is the information verified? (required)
btn-st-verified = ✅ Verified
btn-st-not-verified = ⚠️ Not verified
st-choose-source = May the national cluster name your organisation as the source? (default: no)
btn-st-source-no = No, do not name us (default)
btn-st-source-yes = Yes, name us
st-summary = { $mechanism } — { $place }
    Theme: { $theme }
    { $verified ->
        [yes] Verified
       *[no] ⚠️ NOT VERIFIED
    } · Source { $source ->
        [yes] named
       *[no] not named
    }

    { $text }

    Send it to the regional cluster's chair for validation?
btn-st-post = 📨 Send for validation
st-posted = Sent: the chair of { $mechanism } will validate or refuse it.
st-to-validate = Situation reported by { $org } — { $place }
    Theme: { $theme }
    { $verified ->
        [yes] Verified
       *[no] ⚠️ NOT VERIFIED
    } · Source { $source ->
        [yes] may be named
       *[no] not to be named at national level
    }

    { $text }

    Once validated it goes to the national cluster's chair, onto the next CPN meeting's agenda and into the month's digest.
btn-st-validate = ✅ Validate
btn-st-refuse = ❌ Refuse
st-validated-by = ✅ Validated by { $name }.
st-refused-by = ❌ Refused by { $name }.
st-already-decided = This situation has already been validated or refused.
st-to-national = Protection situation validated by { $mechanism } — { $place }
    Theme: { $theme }
    { $verified ->
        [yes] Verified
       *[no] ⚠️ NOT VERIFIED
    }
    Source: { $source }

    { $text }

    It is on the agenda of the next CPN meeting.
st-source-withheld = not named (at the organisation's request)
st-decided-validated = Your situation ({ $place }, { $theme }) was validated by the chair of { $mechanism }: it goes to the national cluster.
st-decided-refused = Your situation ({ $place }, { $theme }) was not retained by the chair of { $mechanism }.
