## Graphiques et synthèse mensuelle

chart-month = { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
chart-no-data = Pas de données pour cette période
chart-people = Personnes atteintes
chart-total = Total
chart-other = Autres
chart-more = et { $count } de plus

chart-reach-title = Personnes atteintes par région et secteur — { $month }
chart-reach-caption = 4W { $month } : { $total } personnes atteintes. Par région : { $regions }. Par secteur : { $sectors }.
chart-group = { $group ->
        [girls] Filles
        [boys] Garçons
        [women] Femmes
       *[men] Hommes
    }
chart-sex-age-title = Personnes atteintes par sexe et âge — { $month }
chart-sex-age-caption = 4W { $month } : { $total } personnes atteintes — { $groups } ; dont { $disabled } personnes handicapées.
chart-trend-title = { $month } et les 6 mois précédents
chart-trend-caption = 4W { $month } : { $total } personnes atteintes (moyenne des 6 mois précédents : { $average }). Par mois : { $months }.

chart-who-where-title = Qui fait quoi où — organisations actives par cercle et secteur — { $month }
chart-who-where-caption = Qui fait quoi où, { $month } : { $orgs } organisations actives dans { $cells } cercle-secteurs ; { $gaps } lacunes (×), { $duplications } doublons possibles.
chart-who-where-legend = × lacune : aucune organisation active ; le nombre indique les organisations actives

chart-attendance-title = Présence aux 6 dernières réunions — { $mechanism }
chart-attendance-caption = Présence { $mechanism }, { $meetings } dernières réunions, { $orgs } organisations. { $rates }
chart-status = { $status ->
        [present] présent
        [alternate] suppléant(e)
        [absent] absent
        [excused] excusé
       *[unknown] non noté
    }
chart-status-letter = { $status ->
        [present] P
        [alternate] S
        [absent] A
        [excused] E
       *[unknown] ·
    }

chart-minutes-title = Comptes rendus partagés sous 72 h — { $months } derniers mois
chart-minutes-caption = Comptes rendus sous 72 h, { $months } derniers mois : { $overall }. { $list }
chart-minutes-bar = { $on_time }/{ $meetings }

digest-title = Cluster Protection Mali — synthèse de { $month }
digest-subtitle = Pour la réunion inter-clusters. Produit le { $date } à partir des données du bot.
digest-meetings-heading = Réunions tenues et présence
digest-meeting-line = { $mechanism }, { $date } — organisations présentes : { $present } sur { $invited }
digest-meetings-none = Aucune réunion tenue ce mois-ci.
digest-meetings-summary = Réunions tenues : { $meetings }. Organisations présentes : { $present } sur { $marked } notées.
digest-minutes-heading = Comptes rendus sous 72 h
digest-minutes-line = Comptes rendus partagés dans les 72 h : { $on_time } sur { $meetings } ({ $percent }).
digest-minutes-none = Aucune réunion dont le compte rendu était attendu.
digest-actions-heading = Décisions et points d'action
digest-actions-line = Points d'action convenus dans les comptes rendus du mois : { $count }, dont { $open } encore ouverts.
digest-reach-heading = 4W : personnes atteintes par région et secteur
digest-situations-heading = Situations de protection validées par les clusters régionaux
digest-situations-line = { $count } situation(s) validée(s), dont { $unverified } non vérifiée(s).
digest-situation-line = { $mechanism } — { $place } : { $theme }{ $verified ->
        [yes] {""}
       *[no] {" "}(NON VÉRIFIÉE)
    }
digest-gaps-heading = Lacunes et doublons
digest-gaps-line = Lacunes (cercle et secteur sans activité) : { $gaps }. Doublons possibles : { $duplications }.
digest-duplication-line = Doublon possible : { $activity } à { $place } ({ $orgs })
digest-missing-heading = Organisations n'ayant pas rapporté (4W)
digest-missing-line = { $mechanism } : { $orgs }
digest-missing-none = Toutes les organisations attendues ont rapporté.
digest-small-numbers = Petits effectifs : dans les violences basées sur le genre et la protection de l’enfance, un nombre de personnes inférieur à { $threshold } est écrit « <{ $threshold } » et « x » masque ce qui permettrait de le retrouver.
digest-footer = Document de synthèse du Cluster Protection Mali, destiné à être partagé avec la réunion inter-clusters. Les chiffres ne contiennent aucune donnée personnelle.
digest-document-caption = Synthèse du Cluster Protection — { $month }. Vous pouvez la transmettre à la réunion inter-clusters.

btn-chart = 📊 Graphique { $scope }
chart-offer = Voir en graphique :
chart-coming = 📊 Le graphique arrive dans un instant.
