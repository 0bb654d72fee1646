## Administration in the chat: members, invitations, chairs, coordinators, observers

cmd-admin = manage members, invitations, chairs and coordinators
adm-menu = Administration. { $coordinator ->
        [yes] What do you want to manage?
       *[no] As chair, you see the members and pending invitations of your mechanisms.
    }
btn-adm-members = 👥 Members of a mechanism
btn-adm-invitations = ✉️ Pending invitations
btn-adm-chairs = 🪑 Chairs
btn-adm-coordinators = 🧭 Coordinators
btn-adm-observers = 👁 Observer policy
btn-adm-back = ↩️ Back
btn-adm-previous = ◀️ Previous
btn-adm-next = Next ▶️
btn-adm-no = No, change nothing
adm-pick-mechanism = Which mechanism?
adm-no-mechanism = You administer no mechanism.
adm-members-header = { $mechanism }: { $count ->
        [one] one member
       *[other] { $count } members
    } (page { $page } of { $pages })
adm-member-line = • { $name } — { $org } — { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }
adm-members-none = { $mechanism } has no members.
btn-adm-remove = ❌ { $name } ({ $org })
btn-adm-person = { $name } ({ $org })
adm-confirm-remove = Remove { $name } ({ $org }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }) from { $mechanism }? They will be told and will receive nothing more from it. From the whole cluster: every seat they hold, and the coordinator role.
btn-adm-remove-here = Yes, from { $mechanism }
btn-adm-remove-everywhere = Yes, from the whole cluster
adm-removed = Done: { $name } has been removed from { $mechanism } ({ $seats ->
        [one] one seat
       *[other] { $seats } seats
    }). They and the chair have been told.
adm-removed-everywhere = Done: { $name } has been removed from the cluster ({ $seats ->
        [one] one seat
       *[other] { $seats } seats
    }{ $coordinator ->
        [yes] {" "}and the coordinator role
       *[no] {""}
    }). They have been told.
adm-invitations-header = { $count ->
        [one] One pending invitation
       *[other] { $count } pending invitations
    } (page { $page } of { $pages }):
adm-invitation-line = • #{ $id } { $org } — { $mechanism } — { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    } — issued by { $by } — valid until { $expires }
adm-issued-by-command-line = the command line
adm-invitations-none = No pending invitation.
btn-adm-revoke = 🚫 Revoke #{ $id }
adm-confirm-revoke = Revoke invitation #{ $id } ({ $org }, { $mechanism }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    })? Its link will no longer work.
btn-adm-yes-revoke = Yes, revoke
adm-revoked = Done: invitation #{ $id } ({ $org }, { $mechanism }, { $role ->
        [focal] focal point
        [alternate] alternate
       *[chair] chair
    }) is revoked; its link no longer works.
adm-chairs-header = { $mechanism }: { $count ->
        [0] no chair.
        [one] one chair.
       *[other] { $count } chairs.
    }
adm-chair-line = • { $name } — { $org }
btn-adm-add-chair = ➕ Add a chair
btn-adm-remove-chair = ❌ { $name }
adm-pick-chair = Who becomes chair of { $mechanism }? (members of the mechanism)
adm-no-candidate = Nobody to choose from.
adm-confirm-add-chair = Make { $name } ({ $org }) chair of { $mechanism }?
adm-confirm-remove-chair = Remove { $name } ({ $org }) as chair of { $mechanism }? They will be told.
btn-adm-yes-confirm = Yes, confirm
adm-chair-added = Done: { $name } ({ $org }) is now chair of { $mechanism }.
adm-chair-removed = Done: { $name } ({ $org }) is no longer chair of { $mechanism }. They have been told.
adm-coordinators-header = { $count ->
        [one] One coordinator
       *[other] { $count } coordinators
    }:
adm-coordinator-line = • { $name }
btn-adm-add-coordinator = ➕ Add a coordinator
btn-adm-remove-coordinator = ❌ { $name }
adm-pick-coordinator = Who becomes coordinator? (members of the cluster, page { $page } of { $pages })
adm-confirm-add-coordinator = Make { $name } a coordinator of the cluster? They will be able to administer everything.
adm-confirm-remove-coordinator = Remove { $name } as coordinator? They keep their seats in the mechanisms.
adm-coordinator-added = { $added ->
        [yes] Done: { $name } is now a coordinator.
       *[no] { $name } already was a coordinator; nothing changed.
    }
adm-coordinator-removed = Done: { $name } is no longer a coordinator.
adm-observers-header = Do observers receive the minutes and documents? Press a mechanism to change it.
btn-adm-observer-policy = { $mechanism }: { $receive ->
        [yes] ✅ yes
       *[no] 🚫 no
    }
adm-confirm-observers = { $mechanism }: { $receive ->
        [yes] observers will receive the minutes and documents.
       *[no] observers will no longer receive the minutes and documents.
    } Confirm?
adm-observers-set = Done. { $mechanism }: { $receive ->
        [yes] observers receive the minutes and documents.
       *[no] observers no longer receive the minutes and documents.
    }
adm-nothing-changed = Nothing was changed.
