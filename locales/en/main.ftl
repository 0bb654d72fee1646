## cluster-bot — English messages

## General
welcome-unknown = Welcome to cluster-bot, the assistant of the Mali Protection Cluster.
    To join the cluster, open the invitation link your coordinator sent you.
    /help: what you can do · /language: change language
welcome-member = Hello { $name }! You are a member of the Protection Cluster.
    /me: your profile · /help: your commands
help-unknown = What you can do:
    /start — welcome; with an invitation link, join the cluster
    /language — French or English
    /help — this help
    To become a member, ask your mechanism's coordinator for an invitation link.
help-member = Your member commands:
    /meetings — your next meetings, to answer invitations
    /minutes — receive the minutes of your mechanisms
    /actions — the follow-up plan of recommendations
    /me — your organisation, roles and mechanisms
    /members — the members of your mechanisms
    /calendar — your meetings in your phone's calendar (a link to subscribe once)
    /situation — report a protection situation to your regional cluster's chair
    /language — French or English
    /leave — leave a mechanism
    /cancel — leave the current dialog
    /forget — ask the bot to forget you (your seats end, your name is deleted)
help-chair = Your commands as chair of a mechanism:
    /newmeeting — plan a meeting (invitations at least 48 hours ahead)
    /meetings — your meetings: answer, move, cancel
    /attendance — mark attendance after a meeting
    /tour — tour de table before meetings: each organisation's update, collected for you
    /minutes — share minutes (within 72 hours) and their action points
    /missing — missing minutes, deadlines and the 72-hour record
    /actions — the follow-up plan of recommendations
    /invite — make an invitation link (focal point, alternate)
    /share — share a document with the mechanisms you chair
    /members — the members of your mechanisms
    /me — your profile
    /language — French or English
    /leave — leave a mechanism
    /cancel — leave the current dialog
    /forget — ask the bot to forget you (your seats end, your name is deleted)
    /review — review the 4W matrix and return a line with a comment
    /wherewho — who does what where: the month's gaps and duplications
    /admin — the members and pending invitations of your mechanisms (revoke an invitation)
help-coordinator = Your coordinator commands:
    /newmeeting — plan a meeting of any mechanism
    /meetings — meetings: answer, move, cancel
    /attendance — mark attendance after a meeting
    /tour — tour de table before meetings: each organisation's update, collected for the chair
    /minutes — share minutes (within 72 hours) and their action points
    /missing — missing minutes, deadlines and the 72-hour record
    /actions — the follow-up plan of recommendations
    /invite — make an invitation link for any mechanism and role (including replacing a focal point)
    /share — share a document with one or more mechanisms
    /members — all members of the cluster
    /me — your profile
    /language — French or English
    /cancel — leave the current dialog
    /forget — ask the bot to forget you (your seats end, your name is deleted)
    /review — review the 4W matrix and return a line with a comment
    /wherewho — who does what where: the month's gaps and duplications
    /admin — administration: remove a member, revoke an invitation, chairs, coordinators, observer policy
unknown-command = Unknown command. Type /help to see your commands.
free-text-hint = I am not expecting any text right now. Type /help to see what you can do.
internal-error = A technical problem occurred; nothing was lost. Please try again in a moment.
pressed-too-often = You have asked for this too often. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
handler-failed = Something went wrong and nothing was saved. Please try again; if it happens again, tell the cluster coordinators.
personal-data-refused = Refused: this text looks like it contains { $kind ->
        [email] an e-mail address
       *[phone] a phone number
    }. What the bot keeps and shares must not identify victims, witnesses or sources: write it without.
button-expired = This button is no longer valid. Run the command again.
dialog-seat-lost = This dialog was opened for a seat you no longer hold: it has ended and nothing was done.
not-a-member = This command is for cluster members only. To join, open your invitation link.
not-allowed = You are not allowed to do this. /help shows your commands.
cancel-done = Dialog cancelled; nothing was saved.
cancel-nothing = There is no dialog in progress.
text-too-long = Text too long (at most { $max } characters). Shorten it and send it again.

## Language
language-choose = Choose your language:
language-set = Language: English.

## Joining
join-code-unknown = This invitation link is not valid. Ask your coordinator for a new link.
join-code-expired = This invitation link has expired. Ask your coordinator for a new link.
join-code-used = This invitation link has already been used. Each link works only once: ask your coordinator for a new one.
join-preview = Invitation to join the Protection Cluster:
    Organisation: { $org } ({ $org_name }){ $observer ->
        [yes] {" "}— observer
       *[no] {""}
    }
    Mechanism: { $mechanism }
    Role: { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }
    Which name should the other members see? Tap the button or type your name.
join-ask-name-again = Type the name the other members will see (at most 100 characters), or tap the button.
join-principles = Principles of the Protection Cluster — to accept before joining:
    • the humanitarian principles: humanity, neutrality, impartiality, independence;
    • confidentiality: the identity of victims and survivors and the sources of information stay confidential; minutes are internal;
    • "do no harm" whenever information is shared;
    • the Secretary-General's bulletin on special measures for protection from sexual exploitation and abuse (SEA).
    Do you accept these principles?
join-accepted = Welcome! You are { $org }'s { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } for { $mechanism }. Your acceptance of the principles is recorded.
    /help: your commands
join-declined = You have not joined the cluster. The link stays valid until it expires if you change your mind.
join-seat-taken = { $org } already has a { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } for { $mechanism } ({ $holder }). Only a coordinator can replace them: please contact one.
join-already-member = You already are { $org }'s { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } for { $mechanism }.
join-other-organisation = You already hold a seat for { $other } in { $mechanism }: this invitation for { $org } cannot be used by you there. The invitation is still unused; please tell whoever sent it.
name-empty = The name cannot be empty. Type your name.
name-too-long = Name too long (at most { $max } characters). Type a shorter name.
name-invalid = This name contains characters that are not allowed. Type your name as plain text.

## Profile and members
me-header = { $name }
me-line = • { $org }{ $observer ->
        [yes] {" "}(observer)
       *[no] {""}
    } — { $mechanism } — { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }
me-coordinator = • Cluster coordinator (all mechanisms)
me-no-membership = You are not a member of any mechanism. To join, open your invitation link.
members-header = { $mechanism } — { $count } member(s)
members-line = • { $name } — { $org } — { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }{ $observer ->
        [yes] {" "}(observer)
       *[no] {""}
    }
members-none = No members yet.
ml-sheet = Members
ml-mechanism = Mechanism
ml-organisation = Organisation
ml-organisation-name = Full name
ml-role = Role
ml-name = Name
ml-observer = Observer
ml-since = Member since
ml-focal = focal point
ml-alternate = alternate
ml-chair = chair
ml-yes = yes
ml-no = no
btn-members-xlsx = 📥 The list as a spreadsheet
members-xlsx-caption = Member list of the Protection Cluster (internal: do not forward).

## Invitations
invite-choose-mechanism = For which mechanism?
invite-choose-organisation = { $mechanism } — which organisation? Tap a button or type its acronym.
invite-choose-role = { $org } — { $mechanism } — which role?
invite-unknown-organisation = Unknown organisation: "{ $text }". Tap a button or type the exact acronym (for example NRC).
invite-link = Invitation link for { $org } — { $mechanism } — { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }:
    { $link }
    Single use, valid until { $expires }. Pass it on only to the person concerned.
invite-link-replaces = On acceptance, { $holder } will be replaced.
invite-ask-replace = { $org } already has a { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } for { $mechanism }: { $holder }. Make a link that replaces them on acceptance?
invite-seat-taken = { $org } already has a { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } for { $mechanism }: { $holder }. Only a coordinator can replace them.
invite-no-mechanism = You do not chair any mechanism, so you cannot invite.

## Leaving
leave-choose = Which mechanism do you want to leave?
leave-confirm = Leave { $mechanism } ({ $org }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    })? You will no longer receive its invitations or minutes.
leave-done = You have left { $mechanism } ({ $org }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }).
leave-kept = All right, you stay a member.
leave-nothing = You are not a member of any mechanism.

## Buttons
btn-french = 🇫🇷 Français
btn-english = 🇬🇧 English
btn-accept = ✅ I accept
btn-decline = ❌ I decline
btn-use-name = Use "{ $name }"
btn-confirm-leave = Yes, leave
btn-keep = No, stay
btn-replace = Yes, replace
btn-cancel = Cancel
btn-more = More ▶
btn-role = { $role ->
        [focal] Focal point
        [alternate] Alternate
       *[chair] Chair
    }
btn-membership = { $mechanism } — { $org } ({ $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    })

## Command menu
cmd-start = Welcome, or join with an invitation link
cmd-help = What you can do
cmd-language = French or English
cmd-me = My organisation and roles
cmd-members = Members of my mechanisms
cmd-invite = Make an invitation link
cmd-leave = Leave a mechanism
cmd-cancel = Leave the current dialog
