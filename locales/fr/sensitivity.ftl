## Sensitivity of shared items and reuse requests
sn-refused = { $why ->
        [restricted] 🔒 Ce document est restreint à d'autres organisations.
        [no_organisations] Un document restreint nomme au moins une organisation membre : choisissez-la.
        [no_source] Aucune organisation source n'est connue pour ce document : sa réutilisation ne peut pas être demandée.
        [not_party] Cette demande ne vous est pas adressée.
        [decided] Cette demande est déjà décidée.
        [already_answered] Votre côté a déjà répondu à cette demande.
       *[source_not_member] La source doit être une organisation membre du mécanisme.
    }
btn-sn-class = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $class ->
        [restricted] 🔒 Restreint
        [public] 🌐 Public
       *[internal] 🏢 Interne
    }
btn-sn-org = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $org }
btn-sn-prev = ◀ Organisations
btn-sn-next = Organisations ▶
sn-label = { $class ->
        [restricted] 🔒 Restreint : { $orgs }
        [public] 🌐 Public — peut être transféré
       *[internal] 🏢 Interne — membres du mécanisme
    }
sn-choose-class = Diffusion : Interne (membres du mécanisme), Restreint (organisations choisies et coordination) ou Public (peut être transféré).
sn-choose-orgs = 🔒 Restreint : choisissez les organisations destinataires.
sn-source-line = ♻️ Source (consultée avant toute réutilisation) : { $org }
btn-sn-source = ♻️ Source : { $org } — changer
sn-choose-source = ♻️ Choisissez l'organisation source de ce compte rendu : elle est consultée avant toute réutilisation.
cmd-reuse = Demandes de réutilisation
btn-reuse = ♻️ Réutiliser
ru-ask-purpose = ♻️ Réutiliser « { $item } » — tapez le but (une ligne, au plus { $max } caractères, sans données personnelles).
ru-ask-audience = Pour quel public ? (une ligne, au plus { $max } caractères)
ru-line-bad = Une seule ligne, de 1 à { $max } caractères. Tapez-la à nouveau.
ru-sent = ♻️ Demande envoyée à { $org } (source) et à la coordination. Vous serez informé·e de la réponse.
ru-item-minutes = CR { $mechanism } du { $date }
ru-ask = ♻️ { $requester } demande à réutiliser « { $item } » (source : { $org }).
    Vous répondez { $party ->
        [source] pour l'organisation source
       *[coordinator] pour la coordination
    }.
btn-ru-approve = ✅ Approuver
btn-ru-refuse = ❌ Refuser
ru-ask-reason = Tapez la raison du refus (une ligne, au plus { $max } caractères).
ru-answered = { $approved ->
        [yes] ✅ Approbation enregistrée.
       *[no] ❌ Refus enregistré.
    }
ru-approved = ✅ Réutilisation de « { $item } » approuvée par la source et la coordination.
    But : { $purpose }
    Public : { $audience }
ru-refused = ❌ Réutilisation de « { $item } » refusée par { $party ->
        [source] l'organisation source
       *[coordinator] la coordination
    } : { $reason }
ru-purpose-audience = But : { $purpose }
    Public : { $audience }
ru-list-header = ♻️ Demandes de réutilisation :
ru-list-none = ♻️ Aucune demande de réutilisation.
ru-list-line = n° { $id } — { $item } — { $state ->
        [approved] ✅ approuvée
        [refused] ❌ refusée
       *[pending] ⏳ en attente
    } — source { $org } — { $purpose }
ru-hint = Pour demander une réutilisation, touchez ♻️ sous un document ou un compte rendu (/docs).
