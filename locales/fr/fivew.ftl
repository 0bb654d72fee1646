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
