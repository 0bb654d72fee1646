## Displacement alerts (CMP)
cmd-alert = Raise a displacement alert (CMP)
al-not-member = Only members of a mechanism may raise a displacement alert.
al-menu = 🚨 Displacement alerts — { $open ->
    [0] no open alert.
    [one] one open alert.
   *[other] { $open } open alerts.
}
btn-al-new = ➕ New alert
btn-al-validate-id = ✅ Validate alert no. { $id }
btn-al-refuse-id = ✖ Refuse alert no. { $id }
btn-al-close-id = 🏁 Close alert no. { $id }
al-choose-region = 🚨 New alert — in which region?
al-choose-cercle = Region { $region } — which cercle? Tap a button or type its P-code (ML0501).
al-pcode-unknown = This P-code is not a known cercle. Tap a button or type a cercle P-code (ML0501).
al-ask-date = Date of the movement? Type it (DD/MM/YYYY) or tap “Today” ({ $today }).
btn-al-today = Today
al-date-unreadable = Unreadable date: type it as DD/MM/YYYY, for example 06/12/2026.
al-date-future = This date is in the future: type the date the movement took place.
al-date-too-old = This date is more than { $days } days ago: an alert reports a recent movement.
al-ask-households = Estimated number of displaced households? Type a number (1 to { $max }).
al-households-not-number = Type a number of households in digits, for example 120.
al-households-range = The number of households must be between { $min } and { $max }.
al-choose-cause = Cause of the movement?
al-cause = { $cause ->
    [armed_conflict] Armed conflict
    [intercommunal_violence] Intercommunal violence
    [flood] Flood
    [drought] Drought
    [eviction] Eviction
   *[other] Other
}
al-ask-verified = Is the information verified?
al-ask-nameable = May the source be named? (default: no)
btn-al-yes = Yes
btn-al-no = No
al-ask-source = Who is the source? A function rather than a name (“village chief”), at most { $max } characters, no phone number or e-mail.
al-source-length = The source must be 1 to { $max } characters long.
al-details = 📍 { $cercle } ({ $pcode }), { $region } region
    📅 { $date } · 👪 { $households } households · { $cause }
    { $verified ->
        [yes] ✔ Verified
       *[no] ⚠️ Not verified
    } · { $named ->
        [yes] Source: { $source }
       *[no] Source not named
    }
al-confirm = Check, then send to the CMP chair:
btn-al-send = 📨 Send the alert
al-raised = 🚨 Alert no. { $id } sent to the CMP chair for validation.
al-validation-request = 🚨 Displacement alert no. { $id } raised by { $by } — to validate:
btn-al-validate = ✅ Validate
btn-al-refuse = ✖ Refuse
btn-al-close = 🏁 Close
al-validated-by-you = ✅ Alert no. { $id } validated: it goes to the region's mechanisms and the present organisations are asked.
al-refused-by-you = ✖ Alert no. { $id } refused.
al-closed-by-you = 🏁 Alert no. { $id } closed; the summary goes to the CMP chair.
al-already-decided = This alert was already dealt with: nothing changed.
al-alert-header = 🚨 Displacement alert no. { $id } ({ $mechanism })
al-present-header = Who is present here (last approved 4W):
al-present-line = • { $org } — { $sectors }
al-present-none = No organisation present in this cercle according to the last approved 4W.
al-commit-request = 🚨 Alert no. { $id }: { $org } is present in this cercle. What can it do?
al-commit-reminder = ⏰ Reminder — alert no. { $id }: { $org } has not answered yet. What can it do?
al-commitment = { $commitment ->
    [assess] 🔎 Assess
    [respond] 🤝 Respond
   *[cannot] ✖ Cannot
}
al-committed = Answer of { $org } recorded: { $commitment }.
al-decided-for-raiser = { $validated ->
        [yes] ✅ Your alert no. { $id } was validated by the CMP: it goes to the region's mechanisms.
       *[no] ✖ Your alert no. { $id } was not retained by the CMP.
    }
al-summary-header = 🏁 Summary of alert no. { $id }:
al-summary-line = • { $org }: { $commitment }
al-summary-silent = • { $org }: no answer
al-agenda-header = Open displacement alerts:
al-agenda-line = • Alert no. { $id } — { $cercle } ({ $pcode }), { $date }, { $households } households{ $validated ->
    [yes] {""}
   *[no] {" "}(to validate)
}
