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
        [erased] a demandé au bot de l'oublier : le siège a pris fin.
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
former-member = Un(e) ancien(ne) membre
cmd-forget = Demander au bot de vous oublier
forget-ask = Vous oublier ? { $seats ->
        [none] Le bot effacera votre nom, votre lien de calendrier et votre dialogue.
       *[other] Vos sièges prennent fin : { $seats }. Le bot effacera votre nom, votre lien de calendrier et votre dialogue.
    } Ce que le cluster compte (réponses, présences, accusés de réception, lignes 4W) reste, sans votre nom. Les coordinateurs sont prévenus. C'est définitif.
btn-forget-yes = Oui, m'oublier
btn-forget-no = Non
forget-done = C'est fait : le bot vous a oublié(e). Si vous écrivez de nouveau, vous serez un(e) nouveau(elle) venu(e).
forget-kept = Bien, rien n'a changé.
