## Décisions par vote
cmd-vote = Ouvrir un vote (une voix par organisation)
cmd-decisions = Décisions prises par vote
cmd-participation = Participation des organisations
dc-vote-choose-mechanism = 🗳 Nouveau vote — pour quel mécanisme ?
dc-vote-ask-question = 🗳 { $mechanism } — tapez la question (une ligne, au plus { $max } caractères).
dc-vote-choose-kind = Quels choix ?
btn-dc-yes-no = Oui / Non / Abstention
btn-dc-own-options = Mes propres options
dc-vote-ask-options = Tapez les options, une par ligne (de { $min } à { $max }).
dc-vote-ask-duration = Le vote reste ouvert combien de temps ? Touchez un bouton ou tapez une durée en heures (48h) ou en jours (3j), de 1 heure à 30 jours.
btn-dc-hours = { $hours } h
btn-dc-days = { $days } j
dc-vote-choose-secrecy = Vote secret (seuls les totaux sont connus) ou ouvert (la présidence voit le choix de chaque organisation) ?
btn-dc-secret = 🔒 Secret
btn-dc-open = 👁 Ouvert
dc-vote-choose-meeting = Rattacher le vote à une réunion ? (le résultat figurera dans le résumé de son compte rendu)
btn-dc-no-meeting = Aucune réunion
dc-vote-summary = 🗳 { $mechanism }
    Question : { $question }
    Choix : { $options }
    Clôture : { $closes }
dc-vote-quorum = { $secret ->
        [yes] Vote secret
       *[no] Vote ouvert
    } — quorum : { $needed } organisations membres sur { $electorate } ({ $percent } %)
dc-vote-meeting = Réunion : { $meeting }
btn-dc-open-vote = ✅ Ouvrir le vote
dc-vote-opened = Le vote est ouvert jusqu'au { $closes }. La question part à chaque membre du mécanisme.
dc-question-empty = La question est vide. Tapez la question.
dc-question-too-long = Question trop longue (au plus { $max } caractères). Tapez une question plus courte.
dc-option-count = Il faut de { $min } à { $max } options, une par ligne. Tapez-les de nouveau.
dc-option-text = L'option { $n } est vide ou trop longue (au plus { $max } caractères). Tapez les options de nouveau.
dc-option-twice = Deux options sont identiques. Tapez les options de nouveau.
dc-duration = Durée non comprise : tapez par exemple 48h ou 3j (de 1 heure à 30 jours).
dc-quorum = Le quorum doit être une part de 1 à 100 %.
dc-no-electorate = Ce mécanisme n'a aucune organisation membre pour voter (les observateurs ne votent pas).
dc-yes = Oui
dc-no = Non
dc-abstain = Abstention
dc-question = 🗳 Vote — { $mechanism }
    { $question }
    Clôture : { $closes }. { $secret ->
        [yes] Vote secret.
       *[no] Vote ouvert (la présidence voit le choix de chaque organisation).
    } Quorum : { $needed } organisations membres sur { $electorate } ({ $percent } %). Une voix par organisation membre.
dc-option-line = { $n }. { $label }
dc-observer-note = Les observateurs voient la question et le résultat mais ne votent pas.
dc-alternate-note = { $org } : le point focal vote ; vous pourrez voter après sa délégation ou à partir du { $from }.
dc-your-vote = { $org } a voté : { $option }. Vous pouvez changer jusqu'à la clôture.
dc-not-voted = { $org } n'a pas encore voté.
btn-dc-choice = { $org } : { $option }
btn-dc-handover = 👥 { $org } : mon suppléant votera
dc-vote-recorded = Vote enregistré : { $option }
dc-vote-unchanged = Votre organisation a déjà voté { $option } (une seule voix).
dc-vote-changed = Vote changé : { $option }
dc-refused-observer = Les observateurs ne votent pas.
dc-refused-no-seat = Seuls le point focal ou le/la suppléant(e) d'une organisation membre votent.
dc-refused-electorate = Votre organisation n'était pas membre à l'ouverture du vote.
dc-refused-alternate = Le point focal vote ; vous pourrez voter après sa délégation ou à partir du { $from }.
dc-refused-closed = Ce vote est clos.
dc-refused-option = Ce choix n'existe pas.
dc-refused-handover = Seul le point focal délègue, et seulement pendant le vote.
dc-refused-focal-voted = Votre point focal a voté ; lui seul peut changer le vote de l'organisation.
dc-focal-voted-note = { $org } a voté : { $option } (par le point focal, seul à pouvoir le changer).
dc-handed-over = Votre suppléant(e) est prévenu(e) et peut voter pour { $org }.
dc-handover-request = 👥 { $org } : le point focal vous délègue le vote — { $mechanism }
    { $question }
    Clôture : { $closes }.
dc-vote-reminder = ⏰ { $org } n'a pas encore voté — { $mechanism }
    { $question }
    Clôture : { $closes }.
dc-result = 🗳 Résultat — { $mechanism }
    { $question }
    Participation : { $voted } organisations sur { $electorate } ({ $turnout } %). Quorum ({ $needed }) : { $met ->
        [yes] atteint
       *[no] non atteint
    }.
dc-result-line = • { $label } : { $count }
dc-result-by-org = Choix par organisation (vote ouvert) :
dc-result-org-line = • { $org } : { $label }
dc-decisions-none = Aucune décision par vote pour l'instant.
dc-decisions-header = 🗳 Décisions de vos mécanismes :
dc-decision-open = • { $mechanism } — { $question } — ouvert jusqu'au { $closes } ({ $voted }/{ $electorate } organisations ont voté)
dc-decision-closed = • { $mechanism } — { $question } — clos le { $closed } : { $result } ; quorum { $met ->
        [yes] atteint
       *[no] non atteint
    }
dc-no-votes-cast = aucun vote
dc-minutes-decisions = Décisions prises :

## Ordre du jour proposé par les membres
btn-dc-propose = ➕ Proposer un point ({ $date })
dc-propose-ask = { $mechanism } du { $date } — tapez le point à proposer (une ligne, au plus { $max } caractères).
dc-proposed = Point proposé. La présidence l'acceptera ou le refusera.
dc-item-empty = Le point est vide. Tapez le point à proposer.
dc-item-too-long = Un point tient sur une ligne d'au plus { $max } caractères. Tapez-le de nouveau.
dc-item-duplicate = Ce point est déjà proposé pour cette réunion.
dc-item-closed = L'invitation est partie : l'ordre du jour est clos.
dc-item-decided = La présidence a déjà décidé de ce point.
dc-agenda-proposed = ➕ { $org } propose un point pour { $mechanism } du { $date } :
    « { $text } »
btn-dc-accept = ✅ Accepter
btn-dc-decline = ❌ Refuser
dc-agenda-accepted = ✅ Accepté pour l'ordre du jour : « { $text } »
dc-agenda-declined = ❌ Refusé : « { $text } »
dc-agenda-decided = { $accepted ->
        [yes] ✅ Votre point est à l'ordre du jour
       *[no] ❌ Votre point n'a pas été retenu
    } de { $mechanism } du { $date } : « { $text } »
dc-gap-hint = Mettre un manque à l'ordre du jour de la prochaine réunion :
btn-dc-gap = 📌 Manque { $n } → ordre du jour
dc-gap-item = Manque 4W { $month } : { $sector } — { $place }
dc-gap-added = Ajouté à l'ordre du jour de la réunion du { $date }.
dc-no-open-meeting = Aucune réunion à venir dont l'invitation n'est pas encore partie.

## Participation
dc-part-choose-mechanism = Participation — quel mécanisme ?
dc-part-header = 📊 Participation — { $mechanism } — { $months } derniers mois
dc-part-line = • { $org }{ $observer ->
        [yes] {" "}(observateur)
       *[no] {""}
    } — présence { $present }/{ $marked } — réponses à temps { $on_time }/{ $invited } — votes { $cast }/{ $entitled } — 4W { $fourw }/{ $fourw_expected }
dc-part-flagged = ⚠️ { $org } : absente 3 fois de suite. Que faire ? (termes de référence){ $last ->
        [none] {""}
       *[other] {" "}Dernier choix : { $last }
    }
btn-dc-contact = 📞 Contacter
btn-dc-propose-observer = 👁 Proposer le statut d'observateur
btn-dc-keep = ✋ Garder
dc-choice-contact = contacter l'organisation
dc-choice-propose-observer = proposer le statut d'observateur
dc-choice-keep = garder
dc-part-choice-recorded = Choix enregistré pour { $org } : { $choice }.
dc-part-none = Aucune organisation dans ce mécanisme.

## Séries mensuelles
btn-dc-stop-series = ⏹ Arrêter la série { $id }
dc-series-stop-ask = Arrêter la série mensuelle ? Les réunions déjà prévues restent (annulez-les une par une si besoin) ; aucune nouvelle ne sera créée.
btn-dc-stop-yes = ⏹ Oui, arrêter
dc-series-stopped = Série arrêtée : aucune nouvelle réunion ne sera créée.
dc-series-already-stopped = Cette série est déjà arrêtée.
