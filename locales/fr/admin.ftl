## Administration dans le chat : membres, invitations, président(e)s, coordonnateurs, observateurs

cmd-admin = gérer membres, invitations, président(e)s et coordonnateurs
adm-menu = Administration. { $coordinator ->
        [yes] Que voulez-vous gérer ?
       *[no] En tant que président(e), vous voyez les membres et les invitations en attente de vos mécanismes.
    }
btn-adm-members = 👥 Membres d'un mécanisme
btn-adm-invitations = ✉️ Invitations en attente
btn-adm-chairs = 🪑 Président(e)s
btn-adm-coordinators = 🧭 Coordonnateurs
btn-adm-observers = 👁 Règle des observateurs
btn-adm-back = ↩️ Retour
btn-adm-previous = ◀️ Précédent
btn-adm-next = Suivant ▶️
btn-adm-no = Non, ne rien changer
adm-pick-mechanism = Quel mécanisme ?
adm-no-mechanism = Vous n'administrez aucun mécanisme.
adm-members-header = { $mechanism } : { $count ->
        [one] un membre
       *[other] { $count } membres
    } (page { $page } sur { $pages })
adm-member-line = • { $name } — { $org } — { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }
adm-members-none = { $mechanism } n'a aucun membre.
btn-adm-remove = ❌ { $name } ({ $org })
btn-adm-person = { $name } ({ $org })
adm-confirm-remove = Retirer { $name } ({ $org }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }) de { $mechanism } ? La personne sera prévenue et n'en recevra plus rien. Du cluster entier : tous ses sièges, et le rôle de coordonnateur.
btn-adm-remove-here = Oui, de { $mechanism }
btn-adm-remove-everywhere = Oui, du cluster entier
adm-removed = C'est fait : { $name } a été retiré(e) de { $mechanism } ({ $seats ->
        [one] un siège
       *[other] { $seats } sièges
    }). La personne et la présidence ont été prévenues.
adm-removed-everywhere = C'est fait : { $name } a été retiré(e) du cluster ({ $seats ->
        [one] un siège
       *[other] { $seats } sièges
    }{ $coordinator ->
        [yes] {" "}et le rôle de coordonnateur
       *[no] {""}
    }). La personne a été prévenue.
adm-invitations-header = { $count ->
        [one] Une invitation en attente
       *[other] { $count } invitations en attente
    } (page { $page } sur { $pages }) :
adm-invitation-line = • n° { $id } { $org } — { $mechanism } — { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    } — émise par { $by } — valable jusqu'au { $expires }
adm-issued-by-command-line = la ligne de commande
adm-invitations-none = Aucune invitation en attente.
btn-adm-revoke = 🚫 Révoquer n° { $id }
adm-confirm-revoke = Révoquer l'invitation n° { $id } ({ $org }, { $mechanism }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }) ? Son lien ne fonctionnera plus.
btn-adm-yes-revoke = Oui, révoquer
adm-revoked = C'est fait : l'invitation n° { $id } ({ $org }, { $mechanism }, { $role ->
        [focal] point focal
        [alternate] suppléant(e)
       *[chair] président(e)
    }) est révoquée ; son lien ne fonctionne plus.
adm-chairs-header = { $mechanism } : { $count ->
        [0] aucune présidence.
        [one] une présidence.
       *[other] { $count } présidences.
    }
adm-chair-line = • { $name } — { $org }
btn-adm-add-chair = ➕ Ajouter un(e) président(e)
btn-adm-remove-chair = ❌ { $name }
adm-pick-chair = Qui devient président(e) de { $mechanism } ? (membres du mécanisme)
adm-no-candidate = Personne à choisir.
adm-confirm-add-chair = Nommer { $name } ({ $org }) président(e) de { $mechanism } ?
adm-confirm-remove-chair = Retirer la présidence de { $mechanism } à { $name } ({ $org }) ? La personne sera prévenue.
btn-adm-yes-confirm = Oui, confirmer
adm-chair-added = C'est fait : { $name } ({ $org }) préside désormais { $mechanism }.
adm-chair-removed = C'est fait : { $name } ({ $org }) ne préside plus { $mechanism }. La personne a été prévenue.
adm-coordinators-header = { $count ->
        [one] Un coordonnateur
       *[other] { $count } coordonnateurs
    } :
adm-coordinator-line = • { $name }
btn-adm-add-coordinator = ➕ Ajouter un coordonnateur
btn-adm-remove-coordinator = ❌ { $name }
adm-pick-coordinator = Qui devient coordonnateur ? (membres du cluster, page { $page } sur { $pages })
adm-confirm-add-coordinator = Faire de { $name } un coordonnateur du cluster ? La personne pourra tout administrer.
adm-confirm-remove-coordinator = Retirer à { $name } le rôle de coordonnateur ? La personne garde ses sièges dans les mécanismes.
adm-coordinator-added = { $added ->
        [yes] C'est fait : { $name } est désormais coordonnateur.
       *[no] { $name } était déjà coordonnateur ; rien n'a changé.
    }
adm-coordinator-removed = C'est fait : { $name } n'est plus coordonnateur.
adm-observers-header = Les observateurs reçoivent-ils les comptes rendus et documents ? Touchez un mécanisme pour changer.
btn-adm-observer-policy = { $mechanism } : { $receive ->
        [yes] ✅ oui
       *[no] 🚫 non
    }
adm-confirm-observers = { $mechanism } : { $receive ->
        [yes] les observateurs recevront les comptes rendus et documents.
       *[no] les observateurs ne recevront plus les comptes rendus et documents.
    } Confirmer ?
adm-observers-set = C'est fait. { $mechanism } : { $receive ->
        [yes] les observateurs reçoivent les comptes rendus et documents.
       *[no] les observateurs ne reçoivent plus les comptes rendus et documents.
    }
adm-nothing-changed = Rien n'a été changé.
