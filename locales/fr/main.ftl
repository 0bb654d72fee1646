## cluster-bot — messages en français (langue de travail du Cluster Protection Mali)

## Général
welcome-unknown = Bienvenue sur cluster-bot, l'assistant du Cluster Protection Mali.
    Pour rejoindre le cluster, ouvrez le lien d'invitation que votre coordonnateur vous a envoyé.
    /help : ce que vous pouvez faire · /language : changer de langue
welcome-member = Bonjour { $name } ! Vous êtes membre du Cluster Protection.
    /me : votre profil · /help : vos commandes
help-unknown = Ce que vous pouvez faire :
    /start — accueil ; avec un lien d'invitation, rejoindre le cluster
    /language — français ou anglais
    /help — cette aide
    Pour devenir membre, demandez un lien d'invitation au coordonnateur de votre mécanisme.
help-member = Vos commandes de membre :
    /meetings — vos prochaines réunions, pour répondre aux invitations
    /minutes — recevoir les comptes rendus de vos mécanismes
    /actions — le plan de suivi des recommandations
    /me — votre organisation, vos rôles, vos mécanismes
    /members — les membres de vos mécanismes
    /calendar — vos réunions dans le calendrier du téléphone (un lien, abonnement unique)
    /situation — signaler une situation de protection au président de votre cluster régional
    /language — français ou anglais
    /leave — quitter un mécanisme
    /cancel — abandonner le dialogue en cours
    /oublier — demander au bot de vous oublier (vos sièges prennent fin, votre nom est effacé)
help-chair = Vos commandes de président(e) de mécanisme :
    /newmeeting — planifier une réunion (invitations au moins 48 h à l'avance)
    /meetings — vos réunions : répondre, déplacer, annuler
    /attendance — marquer les présences après une réunion
    /tour — tour de table avant les réunions : les nouvelles de chaque organisation, réunies pour vous
    /minutes — partager un compte rendu (dans les 72 h) et ses points d'action
    /missing — comptes rendus manquants, délais et respect des 72 h
    /actions — le plan de suivi des recommandations
    /invite — créer un lien d'invitation (point focal, suppléant)
    /share — partager un document avec les mécanismes que vous présidez
    /members — les membres de vos mécanismes
    /me — votre profil
    /language — français ou anglais
    /leave — quitter un mécanisme
    /cancel — abandonner le dialogue en cours
    /oublier — demander au bot de vous oublier (vos sièges prennent fin, votre nom est effacé)
    /review — revoir la matrice 4W et renvoyer une ligne avec un commentaire
    /wherewho — qui fait quoi où : lacunes et doublons du mois
    /admin — les membres et les invitations en attente de vos mécanismes (révoquer une invitation)
help-coordinator = Vos commandes de coordonnateur :
    /newmeeting — planifier une réunion de tout mécanisme
    /meetings — les réunions : répondre, déplacer, annuler
    /attendance — marquer les présences après une réunion
    /tour — tour de table avant les réunions : les nouvelles de chaque organisation, réunies pour la présidence
    /minutes — partager un compte rendu (dans les 72 h) et ses points d'action
    /missing — comptes rendus manquants, délais et respect des 72 h
    /actions — le plan de suivi des recommandations
    /invite — créer un lien d'invitation pour tout mécanisme et tout rôle (y compris remplacer un point focal)
    /share — partager un document avec un ou plusieurs mécanismes
    /members — tous les membres du cluster
    /me — votre profil
    /language — français ou anglais
    /cancel — abandonner le dialogue en cours
    /oublier — demander au bot de vous oublier (vos sièges prennent fin, votre nom est effacé)
    /review — revoir la matrice 4W et renvoyer une ligne avec un commentaire
    /wherewho — qui fait quoi où : lacunes et doublons du mois
    /admin — administration : retirer un membre, révoquer une invitation, présidences, coordonnateurs, règle des observateurs
unknown-command = Commande inconnue. Tapez /help pour voir vos commandes.
free-text-hint = Je n'attends pas de texte pour l'instant. Tapez /help pour voir ce que vous pouvez faire.
internal-error = Un problème technique est survenu ; rien n'a été perdu. Réessayez dans un instant.
pressed-too-often = Vous l'avez demandé trop souvent. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
handler-failed = Une erreur s'est produite et rien n'a été enregistré. Réessayez ; si cela se reproduit, prévenez les coordinateurs du cluster.
personal-data-refused = Refusé : ce texte semble contenir { $kind ->
        [email] une adresse e-mail
       *[phone] un numéro de téléphone
    }. Ce que le bot garde et partage ne doit identifier ni victime, ni témoin, ni source : écrivez-le sans.
button-expired = Ce bouton n'est plus valable. Relancez la commande.
dialog-seat-lost = Ce dialogue avait été ouvert pour un siège que vous n'occupez plus : il est terminé et rien n'a été fait.
not-a-member = Cette commande est réservée aux membres du cluster. Pour rejoindre, ouvrez votre lien d'invitation.
not-allowed = Vous n'avez pas le droit de faire cela. /help montre vos commandes.
cancel-done = Dialogue abandonné ; rien n'a été enregistré.
cancel-nothing = Aucun dialogue en cours.
text-too-long = Texte trop long (au plus { $max } caractères). Raccourcissez-le et renvoyez-le.

## Langue
language-choose = Choisissez votre langue :
language-set = Langue : français.

## Adhésion
join-code-unknown = Ce lien d'invitation n'est pas valable. Demandez un nouveau lien à votre coordonnateur.
join-code-expired = Ce lien d'invitation a expiré. Demandez un nouveau lien à votre coordonnateur.
join-code-used = Ce lien d'invitation a déjà été utilisé. Chaque lien ne sert qu'une fois : demandez-en un nouveau à votre coordonnateur.
join-preview = Invitation à rejoindre le Cluster Protection :
    Organisation : { $org } ({ $org_name }){ $observer ->
        [yes] {" "}— observateur
       *[no] {""}
    }
    Mécanisme : { $mechanism }
    Rôle : { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }
    Quel nom les autres membres verront-ils ? Touchez le bouton ou tapez votre nom.
join-ask-name-again = Tapez le nom que les autres membres verront (au plus 100 caractères), ou touchez le bouton.
join-principles = Principes du Cluster Protection — à accepter pour rejoindre :
    • les principes humanitaires : humanité, neutralité, impartialité, indépendance ;
    • la confidentialité : l'identité des victimes et survivant(e)s et les sources d'information restent confidentielles ; les comptes rendus sont internes ;
    • « ne pas nuire » à chaque partage d'information ;
    • la circulaire du Secrétaire général sur les mesures spéciales de protection contre l'exploitation et les abus sexuels (EAS).
    Acceptez-vous ces principes ?
join-accepted = Bienvenue ! Vous êtes { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } de { $org } pour { $mechanism }. Votre acceptation des principes est enregistrée.
    /help : vos commandes
join-declined = Vous n'avez pas rejoint le cluster. Le lien reste valable jusqu'à son expiration si vous changez d'avis.
join-seat-taken = { $org } a déjà un(e) { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } pour { $mechanism } ({ $holder }). Seul un coordonnateur peut le/la remplacer : contactez-le.
join-already-member = Vous êtes déjà { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } de { $org } pour { $mechanism }.
join-other-organisation = Vous occupez déjà un siège pour { $other } dans { $mechanism } : cette invitation pour { $org } ne peut pas y être utilisée par vous. L'invitation reste inutilisée ; prévenez la personne qui vous l'a envoyée.
name-empty = Le nom ne peut pas être vide. Tapez votre nom.
name-too-long = Nom trop long (au plus { $max } caractères). Tapez un nom plus court.
name-invalid = Ce nom contient des caractères non permis. Tapez votre nom en texte simple.

## Profil et membres
me-header = { $name }
me-line = • { $org }{ $observer ->
        [yes] {" "}(observateur)
       *[no] {""}
    } — { $mechanism } — { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }
me-coordinator = • Coordonnateur du cluster (tous les mécanismes)
me-no-membership = Vous n'êtes membre d'aucun mécanisme. Pour rejoindre, ouvrez votre lien d'invitation.
members-header = { $mechanism } — { $count } membre(s)
members-line = • { $name } — { $org } — { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }{ $observer ->
        [yes] {" "}(observateur)
       *[no] {""}
    }
members-none = Aucun membre pour l'instant.
ml-sheet = Membres
ml-mechanism = Mécanisme
ml-organisation = Organisation
ml-organisation-name = Nom complet
ml-role = Rôle
ml-name = Nom
ml-observer = Observateur
ml-since = Membre depuis
ml-focal = point focal
ml-alternate = suppléant(e)
ml-chair = président(e)
ml-yes = oui
ml-no = non
btn-members-xlsx = 📥 La liste en tableur
members-xlsx-caption = Liste des membres du Cluster Protection (interne : ne pas transférer).

## Invitations
invite-choose-mechanism = Pour quel mécanisme ?
invite-choose-organisation = { $mechanism } — quelle organisation ? Touchez un bouton ou tapez son sigle.
invite-choose-role = { $org } — { $mechanism } — quel rôle ?
invite-unknown-organisation = Organisation inconnue : « { $text } ». Touchez un bouton ou tapez le sigle exact (par exemple NRC).
invite-link = Lien d'invitation pour { $org } — { $mechanism } — { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } :
    { $link }
    Valable une seule fois, jusqu'au { $expires }. Transmettez-le uniquement à la personne concernée.
invite-link-replaces = À l'acceptation, { $holder } sera remplacé(e).
invite-ask-replace = { $org } a déjà un(e) { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } pour { $mechanism } : { $holder }. Créer un lien qui le/la remplacera à l'acceptation ?
invite-seat-taken = { $org } a déjà un(e) { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } pour { $mechanism } : { $holder }. Seul un coordonnateur peut le/la remplacer.
invite-no-mechanism = Vous ne présidez aucun mécanisme : vous ne pouvez pas inviter.

## Départ
leave-choose = Quel mécanisme voulez-vous quitter ?
leave-confirm = Quitter { $mechanism } ({ $org }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }) ? Vous ne recevrez plus ses invitations ni ses comptes rendus.
leave-done = Vous avez quitté { $mechanism } ({ $org }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }).
leave-kept = D'accord, vous restez membre.
leave-nothing = Vous n'êtes membre d'aucun mécanisme.

## Boutons
btn-french = 🇫🇷 Français
btn-english = 🇬🇧 English
btn-accept = ✅ J'accepte
btn-decline = ❌ Je refuse
btn-use-name = Utiliser « { $name } »
btn-confirm-leave = Oui, quitter
btn-keep = Non, rester
btn-replace = Oui, remplacer
btn-cancel = Annuler
btn-more = Suite ▶
btn-role = { $role ->
        [focal] Point focal
        [alternate] Suppléant(e)
       *[chair] Président(e)
    }
btn-membership = { $mechanism } — { $org } ({ $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    })

## Menu des commandes
cmd-start = Accueil, ou rejoindre avec un lien d'invitation
cmd-help = Ce que vous pouvez faire
cmd-language = Français ou anglais
cmd-me = Mon organisation, mes rôles
cmd-members = Les membres de mes mécanismes
cmd-invite = Créer un lien d'invitation
cmd-leave = Quitter un mécanisme
cmd-cancel = Abandonner le dialogue en cours
