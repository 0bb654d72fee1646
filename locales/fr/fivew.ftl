## 5W : groupes de population, modèle de tableur, approbation et verrouillage

fw-population = { $group ->
        [IDP] Personnes déplacées internes (PDI)
        [HST] Communauté hôte
        [RET] Retournés
        [REF] Réfugiés
       *[OTH] Autre
    }
fw-sheet-instructions = Matrice 4W/5W — { $org } — { $mechanism } — { $month }
    Remplissez une ligne par activité, lieu et groupe de population, sur la feuille « 4W », à partir de la ligne 2 ({ $rows } lignes au plus).
    Choisissez le secteur, l'activité, la région, le cercle, la commune, le statut, le groupe de population et la modalité dans les listes déroulantes.
    Dates au format jj/mm/aaaa ; la période doit couvrir une partie de { $month } et la fin ne pas précéder le début.
    Âges : enfants 0-17 ans, adultes 18-59 ans, personnes âgées 60 ans et plus. Les personnes handicapées font partie des personnes atteintes.
    Les personnes ciblées sont facultatives (0 si inconnu). Commune et code projet / plan de réponse facultatifs.
    Aucune donnée personnelle : ni nom, ni numéro de téléphone, ni adresse e-mail dans les remarques.
    Limites administratives : version { $boundaries }.
    Renvoyez ce fichier dans la conversation avec le bot : il vérifie chaque ligne et vous montre le résultat avant que vous ne soumettiez.
    Ne modifiez pas la feuille « meta » : elle identifie votre organisation et le mois.

fw-month-locked = La matrice 4W de { $month } est verrouillée : plus de soumission, de renvoi ni d'approbation. Seul(e) un(e) coordinateur(trice) peut la déverrouiller.
fw-returned-pending = Des lignes de cette soumission attendent encore une correction : approuvez-la quand elles seront revenues.
fw-approved-notice = ✅ La matrice 4W de { $org } — { $mechanism } — { $month } a été approuvée par la présidence.
fw-corrected-notice = ✏️ { $org } a renvoyé { $lines } ligne(s) corrigée(s) de sa matrice 4W { $month } ({ $mechanism }). Voir /review.
btn-fw-approve = ✅ Approuver { $org }
fw-approve-done = Matrice 4W de { $org } pour { $month } approuvée ; le point focal et le/la suppléant(e) sont informés.
cmd-lock = verrouiller un mois de la matrice 4W
cmd-unlock = déverrouiller un mois de la matrice 4W
fw-lock-done = { $locked ->
        [yes] { $changed ->
            [yes] 🔒 Mois { $month } verrouillé : plus aucune modification jusqu'au déverrouillage.
           *[no] Le mois { $month } était déjà verrouillé.
        }
       *[no] { $changed ->
            [yes] 🔓 Mois { $month } déverrouillé.
           *[no] Le mois { $month } n'était pas verrouillé.
        }
    }
btn-fw-spreadsheet = 📄 Travailler dans un tableur
fw-sheet-caption = Modèle 4W de { $org } — { $mechanism } — { $month }. Remplissez-le (consignes dans la feuille « Instructions ») puis renvoyez le fichier ici : { $rows } lignes et { $mb } Mo au plus.
fw-sheet-waiting = Envoyez ici le fichier du modèle rempli (XLSX), ou /cancel.
fw-sheet-refused = Fichier refusé : { $reason ->
        [not-spreadsheet] ce n'est pas un classeur XLSX. Renvoyez le modèle enregistré au format Excel (.xlsx).
        [too-large] il dépasse { $max } Mo.
        [too-many-rows] il a plus de { $max } lignes.
        [not-template] ce n'est pas le modèle envoyé par le bot (ou sa feuille « meta » a été modifiée).
        [other-template] c'est le modèle de { $org } pour { $month }, pas celui-ci. Utilisez le modèle envoyé pour ce rapport.
       *[empty] le modèle ne contient aucune ligne.
    }
fw-sheet-bound = Fichier refusé : { $bound ->
        [part-bytes] une fois décompressée, une de ses parties dépasse { $max } Mo (un modèle rempli est bien plus petit). Il est peut-être abîmé, ou ce n'est pas le modèle.
        [total-bytes] une fois décompressé, il dépasse { $max } Mo (un modèle rempli est bien plus petit).
        [parts] il contient plus de { $max } parties ; un modèle en a quelques dizaines.
        [rows] la cellule { $cell } contient une valeur sous la ligne { $max }. Effacez ce qui est sous vos lignes et renvoyez-le.
        [columns] la cellule { $cell } contient une valeur à droite de la colonne { $column }. Effacez ce qui est à droite des colonnes du modèle et renvoyez-le.
        [cells] plus de { $max } cellules contiennent une valeur.
        [cell-chars] la cellule { $cell } contient plus de { $max } caractères.
        [string-chars] une cellule contient plus de { $max } caractères.
        [shared-strings] il contient plus de { $max } textes différents.
        [text-bytes] ses cellules contiennent plus de { $max } Mo de texte.
       *[time] sa lecture a pris plus de { $max } secondes. Envoyez un fichier plus petit.
    }
fw-sheet-errors = { $count } problème(s) dans le fichier ({ $rows } ligne(s) lues, { $shown } affiché(s)). Rien n'est enregistré : corrigez le fichier et renvoyez-le.
fw-sheet-error-line = Ligne { $row }, colonne « { $column } » : { $reason }
fw-cell-reason = { $reason ->
        [missing] cette cellule est obligatoire
        [not-in-list] la valeur n'est pas dans la liste déroulante
        [activity-not-in-sector] cette activité n'est pas dans le catalogue du secteur
        [modality-not-in-sector] cette modalité n'est pas proposée pour le secteur
        [commune-not-in-cercle] cette commune n'est pas dans le cercle
        [bad-date] date non reconnue (jj/mm/aaaa)
        [not-a-date] ce nombre n'est pas une date (les dates Excel vont du 01/01/1900 au 31/12/9999) ; saisissez la date en jj/mm/aaaa
        [end-before-start] la fin est avant le début
        [outside-month] les dates ne couvrent pas le mois rapporté
        [bad-count] un nombre entier de 0 à 1 000 000 est attendu
        [disabled-above-total] plus de personnes handicapées que de personnes atteintes
        [unknown-place] lieu inconnu dans les limites administratives en vigueur
        [cercle-not-in-region] ce cercle n'est pas dans la région
        [too-long] texte trop long ({ $max } caractères au plus)
        [phone] un numéro de téléphone : pas de données personnelles
       *[email] une adresse e-mail : pas de données personnelles
    }
fw-sheet-read = 📄 { $lines } ligne(s) lue(s) sans erreur. Vérifiez-les ci-dessous puis soumettez ; rien n'est enregistré avant.
fw-ask-population = Pour quel groupe de population ?
fw-ask-modality = Modalité ({ $sector }) ?
fw-ask-targeted = Personnes ciblées (facultatif) : tapez six nombres séparés par des espaces — filles, garçons (0-17 ans), femmes, hommes (18-59 ans), femmes âgées, hommes âgés (60 ans et +) — ou touchez un bouton.
fw-targeted-bad = Six nombres entiers sont attendus, séparés par des espaces (par exemple : 10 12 30 25 4 3).
fw-ask-plan-code = Code projet ou plan de réponse ? (facultatif, { $max } caractères au plus)
btn-fw-same-above = ↑ Comme au-dessus : { $value }
fw-ask-commune = Commune ({ $cercle }) ? Touchez un bouton ou tapez le nom ou le P-code ; « Non précisée » si la commune n'est pas connue.
btn-fw-commune-unknown = ⏭ Non précisée / inconnue
fw-commune-not-in-cercle = Cette commune n'est pas dans le cercle de { $cercle }.
fw-place-commune = { $commune } ({ $cercle })
btn-fw-same-reached = Comme les personnes atteintes
fw-review-page = Page { $page }/{ $pages } — lignes { $first } à { $last } sur { $count }.
btn-fw-prev-page = ◀ Page { $page }
btn-fw-next-page = Page { $page } ▶
fw-stale-screen = ⚠️ Cet écran n'était plus à jour : la 4W a changé depuis son affichage, et rien n'a été fait. Voici l'écran actuel.
fw-lines-cap = Une 4W compte au plus { $max } lignes, et celle-ci les a atteintes. Supprimez ou regroupez des lignes avant d'en ajouter une autre.
fw-copy-capped = Le mois dernier comptait { $count } lignes ; une 4W en compte au plus { $max } : seules les { $max } premières ont été copiées.
fw-fix-refused = Cette ligne ne peut pas être rouverte : la présidence ne l'a pas renvoyée et { $month } n'est plus ouvert à la saisie.
