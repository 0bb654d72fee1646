## Who may see what: seats ended, members changed, limits

seat-ended = You are no longer { $org }'s { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } in { $mechanism }: { $change ->
        [replaced] someone else has replaced you.
       *[removed] a coordinator has removed you.
    } You will no longer receive its messages or minutes.
member-changed = { $mechanism }: { $name } ({ $org }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }) { $change ->
        [joined] has joined the mechanism.
        [left] has left the mechanism.
        [replaced] has been replaced.
        [erased] has asked the bot to forget them: the seat has ended.
       *[removed] has been removed by a coordinator.
    }
resend-too-soon = You have already asked for several minutes: try again in { $seconds } seconds.
last-coordinator = Not possible: this is the cluster's last coordinator. Add another one first.
members-joined = { $mechanism }: { $count ->
        [one] one new member
       *[other] { $count } new members
    }: { $names }.
invitations-revoked = 🔒 { $count ->
        [one] The pending invitation made by { $issuer } was revoked
       *[other] The { $count } pending invitations made by { $issuer } were revoked
    }: their rights to invite ended. { $list }
role-coordinator-added = 🔑 You are now a coordinator of the cluster: /admin and the commands of every mechanism are open to you. Send /help to see them.
role-coordinator-removed = You are no longer a coordinator of the cluster. Your seats in the mechanisms, if any, are unchanged.
role-chair-added = 🔑 You are now chair of { $mechanism }. Send /help to see what a chair can do.
former-member = A former member
cmd-forget = Ask the bot to forget you
forget-ask = Forget you? { $seats ->
        [none] The bot will delete your name, your calendar link and your dialogue.
       *[other] Your seats end: { $seats }. The bot will delete your name, your calendar link and your dialogue.
    } What the cluster counts (answers, attendance, receipts, 4W lines) stays, without your name. The coordinators are told. This cannot be undone.
btn-forget-yes = Yes, forget me
btn-forget-no = No
forget-done = Done: the bot has forgotten you. If you write again, you will be a newcomer.
forget-kept = All right, nothing has changed.
