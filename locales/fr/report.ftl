## matrice 4W, messages en français

fw-column = { $column ->
        [org] Organisation
        [impl] Partenaire de mise en œuvre
        [donor] Bailleur de fonds
        [mechanism] Mécanisme
        [sector] Secteur
        [activity-code] Code activité
        [activity] Activité
        [modality-code] Code modalité
        [modality] Modalité
        [population-code] Code groupe de population
        [population] Groupe de population
        [adm1-name] Région
        [adm1-code] P-code région
        [adm2-name] Cercle
        [adm2-code] P-code cercle
        [adm3-name] Commune
        [adm3-code] P-code commune
        [boundaries] Version des limites administratives
        [status-code] Code statut (HXL)
        [status] Statut
        [start] Date de début
        [end] Date de fin
        [girls] Filles (0-17 ans) atteintes
        [boys] Garçons (0-17 ans) atteints
        [women] Femmes (18-59 ans) atteintes
        [men] Hommes (18-59 ans) atteints
        [elderly-women] Femmes âgées (60 ans et +) atteintes
        [elderly-men] Hommes âgés (60 ans et +) atteints
        [total] Total atteint
        [disabled] Dont personnes handicapées
        [t-girls] Filles (0-17 ans) ciblées
        [t-boys] Garçons (0-17 ans) ciblés
        [t-women] Femmes (18-59 ans) ciblées
        [t-men] Hommes (18-59 ans) ciblés
        [t-elderly-women] Femmes âgées (60 ans et +) ciblées
        [t-elderly-men] Hommes âgés (60 ans et +) ciblés
        [t-total] Total ciblé
        [plan-code] Code projet / plan de réponse
        [reported] Date de rapportage
        [review] Revue
        [approved] Approuvée
        [remarks] Remarques
       *[late] En retard
    }
fw-status = { $status ->
        [planned] planifié
        [ongoing] en cours
       *[completed] achevé
    }
fw-yes-no = { $yes ->
        [yes] oui
       *[no] non
    }
fw-total = TOTAL
fw-not-reporter = Seuls les points focaux et suppléant(e)s des organisations soumettent la matrice 4W.
fw-choose-month = Matrice 4W : quel mois rapportez-vous ? (mois ouvert : { $month })
btn-fw-month = { $month }
fw-choose-seat = Pour quelle organisation et quel mécanisme ?
btn-fw-seat = { $org } — { $mechanism }
fw-start = Matrice 4W de { $org } — { $mechanism } — { $month }
    { $submitted ->
        [submitted] Déjà soumise ({ $lines } ligne(s)) : vous pouvez la modifier et la soumettre à nouveau.
        [returned] Renvoyée pour correction : corrigez-la puis soumettez-la à nouveau.
        [corrected] Corrigée ({ $lines } ligne(s)).
       *[none] Pas encore soumise.
    }
btn-fw-add-line = ➕ Ajouter une ligne
btn-fw-same-as-last = 🔁 Comme le mois dernier
btn-fw-no-activity = 🚫 Aucune activité ce mois-ci
fw-no-last-month = Aucune ligne 4W pour { $month } à recopier.
fw-ask-sector = Secteur de l'activité ?
fw-ask-activity = Activité ({ $sector }) ?
fw-ask-region = Région ? Touchez un bouton ou tapez le nom ou le P-code.
fw-ask-cercle = Cercle ({ $region }) ? Touchez un bouton ou tapez le nom ou le P-code.
fw-ask-status = Statut de l'activité ?
fw-ask-start = Date de début ? Tapez-la (jj/mm/aaaa) ou touchez un bouton. Mois rapporté : { $month }.
fw-ask-end = Date de fin ? Tapez-la (jj/mm/aaaa) ou touchez un bouton.
fw-ask-count = Personnes atteintes — nombre de { $field ->
        [girls] filles (0-17 ans)
        [boys] garçons (0-17 ans)
        [women] femmes (18-59 ans)
        [elderly-women] femmes âgées (60 ans et +)
        [elderly-men] hommes âgés (60 ans et +)
       *[men] hommes (18-59 ans)
    } ? (un nombre entier)
fw-ask-disabled = Parmi ces { $total } personnes, combien de personnes handicapées ?
fw-ask-partner = Partenaire de mise en œuvre ? (facultatif)
fw-ask-donor = Bailleur de fonds ? (facultatif)
fw-ask-remarks = Remarques ? (facultatif — aucune donnée personnelle)
btn-fw-status = { $status ->
        [planned] Planifié
        [ongoing] En cours
       *[completed] Achevé
    }
btn-fw-keep = Garder : { $value }
btn-fw-first-day = Début du mois ({ $date })
btn-fw-last-day = Fin du mois ({ $date })
fw-bad-date = Date non reconnue : tapez-la au format jj/mm/aaaa (par exemple 05/10/2026).
fw-end-before-start = La date de fin ne peut pas précéder la date de début ({ $start }).
fw-outside-month = Les dates doivent couvrir au moins un jour du mois rapporté ({ $month }).
fw-bad-count = Tapez un nombre entier entre 0 et { $max }.
fw-disabled-above-total = Le nombre de personnes handicapées ({ $disabled }) ne peut pas dépasser le total des personnes atteintes ({ $total }).
fw-unknown-place = Lieu non reconnu : touchez un bouton, ou tapez le nom ou le P-code.
fw-cercle-not-in-region = Ce cercle n'est pas dans la région { $region }.
fw-personal-data = Refusé : ce texte ressemble à { $kind ->
        [email] une adresse e-mail
       *[phone] un numéro de téléphone
    }. La matrice 4W ne contient aucune donnée personnelle.
fw-review-header = Matrice 4W de { $org } — { $mechanism } — { $month } : { $count } ligne(s). Vérifiez puis soumettez.
fw-review-line = { $n }. { $activity } — { $cercle } — { $status } — { $period } — { $total } personne(s) dont { $disabled } handicapée(s)
btn-fw-edit = ✏️ { $n }
btn-fw-delete = 🗑 { $n }
btn-fw-add-another = ➕ Ajouter une autre ligne
btn-fw-submit = ✅ Soumettre
fw-submitted = ✅ Matrice 4W de { $month } soumise : { $count } ligne(s).{ $late ->
        [yes] {" "}Soumise après la date limite : marquée en retard.
       *[no] {""}
    }
fw-no-activity-done = ✅ Enregistré : aucune activité en { $month }.{ $late ->
        [yes] {" "}Soumis après la date limite : marqué en retard.
       *[no] {""}
    }
fw-line-invalid = La ligne { $n } est à corriger (✏️ { $n }) :
fw-cancel-ask = Abandonner le brouillon de la matrice 4W ? Les lignes saisies seront perdues.
btn-fw-discard = Abandonner
btn-fw-continue = Continuer la saisie
fw-reminder = ⏰ Matrice 4W de { $month } pour { $org } ({ $mechanism }) : { $stage ->
        [open] la période de rapportage est ouverte
        [before] plus que deux jours
       *[deadline] c'est aujourd'hui la date limite
    } (date limite : { $deadline }). Envoyez /report.
fw-matrix-caption = Matrice 4W de { $month } — { $mechanism } (interne). Organisations n'ayant pas rapporté ({ $count }) : { $missing }
fw-missing-none = aucune
fw-export-caption = Matrice 4W de { $month } — { $scope }
fw-export-all = tous les mécanismes
fw-export-bad-month = Mois non reconnu : écrivez /export AAAA-MM (par exemple /export 2026-10).
cmd-report = soumettre la matrice 4W du mois
cmd-export = exporter la matrice 4W
cmd-review = revoir la matrice 4W et renvoyer des lignes
cmd-wherewho = qui fait quoi où : lacunes et doublons
fw-bad-month-for = Mois non reconnu : écrivez /{ $command } AAAA-MM (par exemple /{ $command } 2026-10).
fw-review-none = Revue 4W de { $month } — { $scope } : aucune ligne soumise.
fw-review-header-list = Revue 4W de { $month } — { $scope } : { $count } ligne(s) ({ $shown } affichées). Appuyez sur ↩ pour renvoyer une ligne à son organisation avec un commentaire.
fw-review-item = { $n }. { $org } (ligne { $line }) — { $what } — { $total } personnes — { $status }
fw-review-what = { $activity } — { $cercle } ({ $pcode })
fw-review-status = { $status ->
        [returned] renvoyé
        [corrected] corrigé
       *[submitted] soumis
    }
btn-fw-return = ↩ Renvoyer n° { $n }
fw-return-ask-comment = Commentaire pour { $org }, ligne { $line } ({ $activity }, { $cercle }) : que faut-il corriger ? { $max } caractères au plus, sans nom, numéro de téléphone ni adresse e-mail.
fw-return-done = ↩ Ligne { $line } renvoyée à { $org } ; son point focal et son/sa suppléant(e) sont prévenus.
fw-returned-notice = ↩ La ligne { $line } de la matrice 4W de { $month } ({ $org }, { $mechanism }) a été renvoyée par la présidence.
fw-returned-what = { $activity } — { $cercle }.
    Commentaire : { $comment }
    Corrigez-la puis soumettez à nouveau.
btn-fw-fix = ✏️ Corriger la ligne { $line }
fw-ww-header = Qui fait quoi où — { $month } — { $scope } : { $orgs } organisation(s) active(s) dans { $cells } couple(s) cercle × secteur ; { $gaps } lacune(s) ; { $duplications } doublon(s) possible(s).
fw-ww-none = Qui fait quoi où — { $month } — { $scope } : aucune ligne 4W.
fw-ww-gaps-title = Lacunes ({ $shown } sur { $count }) :
fw-ww-place = { $cercle } ({ $pcode }), { $region } ({ $region_pcode })
fw-ww-gap-line = — { $place } : rien en { $sector }
fw-ww-dups-title = Doublons possibles ({ $shown } sur { $count }) :
fw-ww-dup-line = — { $place } : { $activity } par { $orgs }
fw-ww-column = { $column ->
        [kind] Type
        [region-code] P-code région
        [region] Région
        [cercle-code] P-code cercle
        [cercle] Cercle
        [sector] Secteur
        [activity] Activité
        [organisations] Organisations
       *[count] Nombre
    }
fw-ww-kind = { $kind ->
        [active] présence
        [gap] lacune
       *[duplication] doublon
    }
fw-ww-sheet-name = Qui fait quoi où
fw-export-note = { $shared ->
        [yes] À partager : dans les lignes de violences basées sur le genre et de protection de l'enfance, les nombres de personnes inférieurs à { $threshold } sont affichés <{ $threshold }, et « x » marque un nombre masqué pour qu'ils ne puissent pas être retrouvés à partir des totaux.
        Chaque ligne et colonne qui contient un nombre masqué en contient au moins deux.
       *[no] Interne : chiffres exacts, petits nombres compris. Pour les présidences et les coordinateurs seulement — ne pas transférer.
        Pour partager au-delà, utilisez l'export « à partager » (petits nombres masqués).
    }
fw-export-note-sheet = Lisez-moi
btn-fw-export-shared = 📤 À partager (petits nombres masqués)
fw-export-shared-caption = Matrice 4W de { $month } — { $scope } — à partager : nombres inférieurs à { $threshold } masqués dans les lignes VBG et protection de l'enfance
