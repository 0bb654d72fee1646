## Tour de table avant une réunion
cmd-tour = Tour de table avant les réunions (activer ou non)
tour-settings = 🗣 Tour de table : 48 h avant chaque réunion, chaque organisation membre est invitée à donner de brèves nouvelles (un message, ou « rien de nouveau ») ; 2 h avant, la présidence les reçoit toutes en un message, avec les organisations qui n'ont pas répondu.
tour-setting-line = • { $mechanism } : { $on ->
        [yes] activé
       *[no] désactivé
    }
btn-tour-on = Activer — { $mechanism }
btn-tour-off = Désactiver — { $mechanism }
tour-no-mechanism = Seule la présidence d'un mécanisme ou une coordination active son tour de table.
tour-turned-on = Tour de table activé pour { $mechanism }.
tour-turned-off = Tour de table désactivé pour { $mechanism }.
tour-request = 🗣 Tour de table — { $mechanism }, réunion du { $when }.
    Quoi de neuf chez { $org } depuis la dernière réunion ? Un court message (au plus { $max } caractères), ou « Rien de nouveau ». Aucune donnée personnelle : ni noms, ni numéros de téléphone, ni adresses e-mail de personnes assistées, de témoins ou de sources.
    Réponses jusqu'au { $until } ; la présidence reçoit alors les nouvelles de chaque organisation en un message.
tour-request-current = Nouvelles actuelles de { $org } : { $text }
tour-request-current-nothing = Réponse actuelle de { $org } : rien de nouveau.
btn-tour-write = ✍️ Écrire nos nouvelles
btn-tour-nothing = Rien de nouveau
tour-ask-text = Envoyez les nouvelles de { $org } en un message (au plus { $max } caractères), ou /cancel.{ $replaces ->
        [yes] {" "}Elles remplaceront la réponse déjà donnée.
       *[no] {""}
    }
tour-recorded = Nouvelles de { $org } enregistrées ; la présidence les reçoit 2 h avant la réunion.
tour-replaced = Nouvelles de { $org } enregistrées : elles remplacent la réponse précédente.
tour-nothing-recorded = Enregistré : rien de nouveau pour { $org }.
tour-nothing-replaced = Enregistré : rien de nouveau pour { $org } ; cela remplace la réponse précédente.
tour-empty = Un message vide n'est pas une nouvelle. Envoyez le texte, ou /cancel.
tour-text-only = Envoyez les nouvelles sous forme de texte, ou /cancel.
tour-try-again = Rien n'a été enregistré. Envoyez le texte corrigé, ou /cancel.
tour-refused-no-seat = Cette demande ne vous est pas adressée : seul le point focal ou le suppléant de l'organisation peut y répondre.
tour-refused-cancelled = La réunion a été annulée : aucune nouvelle n'est attendue.
tour-refused-closed = Trop tard : la présidence a déjà reçu le tour de table (envoyé 2 h avant la réunion). Donnez vos nouvelles en réunion.
tour-refused-off = Ce mécanisme ne fait plus de tour de table.
tour-collected = 🗣 Tour de table — { $mechanism }, réunion du { $when }
    { $answered } organisations sur { $total } ont répondu.
tour-collected-update = ▪ { $org } : { $text }
tour-collected-nothing = ▪ { $org } : rien de nouveau
tour-collected-silent = ❔ Sans réponse ({ $count }) : { $list }
tour-collected-all-answered = Toutes les organisations ont répondu.
tour-org-observer = { $org } (obs.)
