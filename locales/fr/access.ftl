## Qui voit quoi : sièges terminés, membres qui changent, limites

seat-ended = Vous n'êtes plus { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } de { $org } dans { $mechanism } : { $change ->
        [replaced] une autre personne vous a remplacé(e).
       *[removed] un(e) coordinateur(rice) vous a retiré(e).
    } Vous ne recevrez plus ses messages ni ses comptes rendus.
member-changed = { $mechanism } : { $name } ({ $org }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }) { $change ->
        [joined] a rejoint le mécanisme.
        [left] a quitté le mécanisme.
        [replaced] a été remplacé(e).
       *[removed] a été retiré(e) par un(e) coordinateur(rice).
    }
resend-too-soon = Vous avez déjà demandé plusieurs comptes rendus : réessayez dans { $seconds } secondes.
last-coordinator = Impossible : c'est le dernier coordinateur du cluster. Ajoutez-en un autre d'abord.
members-joined = { $mechanism } : { $count ->
        [one] un nouveau membre
       *[other] { $count } nouveaux membres
    } : { $names }.
invitations-revoked = 🔒 { $count ->
        [one] L'invitation en attente faite par { $issuer } a été révoquée
       *[other] Les { $count } invitations en attente faites par { $issuer } ont été révoquées
    } : ses droits d'inviter ont pris fin. { $list }
role-coordinator-added = 🔑 Vous faites désormais partie des coordonnateurs du cluster : /gestion et les commandes de tous les mécanismes vous sont ouvertes. Envoyez /help pour les voir.
role-coordinator-removed = Vous ne faites plus partie des coordonnateurs du cluster. Vos sièges dans les mécanismes, s'il y en a, sont inchangés.
role-chair-added = 🔑 Vous présidez désormais { $mechanism }. Envoyez /help pour voir ce que peut faire la présidence.
