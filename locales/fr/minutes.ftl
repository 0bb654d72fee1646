## Comptes rendus, documents et points d'action — français

internal-label = 🔒 Interne — ne pas diffuser
minutes-reminder = 📝 Le compte rendu de { $mechanism } ({ $when }) n'est pas encore partagé, { $hours } h après la réunion. Délai : { $deadline } (72 h après la réunion). Utilisez /minutes.
minutes-overdue = ⚠️ En retard : le compte rendu de { $mechanism } ({ $when }) n'a pas été partagé dans les 72 h.
minutes-caption = Compte rendu — { $mechanism } — { $when }
document-caption = { $chair ->
        [none] Document partagé par la coordination du cluster
       *[other] Document partagé par la présidence de { $chair }
    }
action-reminder = 📌 Point d'action { $today ->
        [yes] à échéance aujourd'hui
       *[no] à échéance le { $due }
    } : { $what } ({ $org }, { $mechanism }).
btn-action-done = ✅ Fait
action-done = ✅ Fait : { $what }
actions-none = Aucun point d'action dans vos mécanismes.
actions-header = Plan de suivi des recommandations — { $mechanism }
actions-line = { $status ->
        [done] ✅
        [late] ⏰
       *[open] ◻️
    } n° { $id } — { $what } — { $org } — { $due }{ $status ->
        [late] {" "}(en retard)
       *[other] {""}
    }
btn-action-mark = ✅ n° { $id }
missing-none = Aucune réunion passée sans compte rendu.
missing-header = Réunions sans compte rendu :
missing-line = • { $mechanism } — { $when } — { $overdue ->
        [yes] ⚠️ en retard (délai : { $deadline })
       *[no] délai : { $deadline }
    }
compliance-header = Comptes rendus partagés dans les 72 h (6 derniers mois) :
compliance-line = • { $mechanism } : { $percent } % ({ $on_time }/{ $total })
compliance-none = Aucune réunion terminée sur la période.
mn-choose-meeting = Compte rendu — de quelle réunion ? (celles sans compte rendu d'abord)
btn-mn-meeting = { $has ->
        [yes] ✅
       *[no] 📝
    } { $date } — { $mechanism }
mn-no-meetings = Aucune réunion passée dans vos mécanismes.
mn-send-content = Envoyez le compte rendu : un document (PDF, DOCX…) ou un texte (au plus 3500 caractères).
mn-content-expected = J'attends un document ou un texte.
mn-personal-data-warning = ⚠️ Ce compte rendu semble contenir { $kind ->
        [email] une adresse e-mail
       *[phone] un numéro de téléphone
    }. Le compte rendu est interne, mais ne doit identifier ni victime, ni témoin, ni source. Gardez-le tel quel, ou envoyez le texte corrigé.
btn-mn-keep-text = ✅ Garder tel quel
mn-ask-actions = Points d'action ? Un par ligne : quoi — organisation — jj/mm/aaaa. Ou passez.
mn-action-bad-line = Ligne { $line } : attendu « quoi — organisation — jj/mm/aaaa ».
mn-action-bad-date = Ligne { $line } : « { $date } » n'est pas une date jj/mm/aaaa.
mn-action-bad-what = Ligne { $line } : la description est vide ou dépasse 300 caractères.
mn-action-too-many = Trop de points d'action (au plus 30).
mn-action-bad-org = Ligne { $line } : organisation inconnue « { $org } ».
mn-summary = Résumé :
    { $mechanism } — { $when }
    Compte rendu : { $content }
    Points d'action : { $actions }
    Il sera envoyé, protégé, aux membres du mécanisme. Confirmer ?
mn-content-document = document « { $name } »
mn-content-text = texte ({ $chars } caractères)
mn-shared = ✅ Compte rendu partagé ; envoi en cours aux { $count } membre(s) du mécanisme.
btn-share = ✅ Partager
meeting-not-ended = Le compte rendu ne peut être partagé qu'après la fin de la réunion.
minutes-already-shared = Le compte rendu de cette réunion a déjà été partagé.
mn-available-none = Aucun compte rendu disponible pour vos mécanismes.
mn-available-header = Comptes rendus disponibles — touchez pour le recevoir :
mn-resent = Envoi en cours.
share-send-document = Partager un document : envoyez le fichier (PDF, DOCX, XLSX…), avec une légende si vous voulez.
share-choose-mechanisms = À quels mécanismes l'envoyer ? Touchez pour choisir, puis Envoyer.
btn-send = 📤 Envoyer
btn-toggle-mech = { $on ->
        [yes] ✅
       *[no] ⬜
    } { $code }
share-done = ✅ Document partagé ; envoi en cours à { $count } personne(s).
share-nothing-selected = Choisissez au moins un mécanisme.
cmd-minutes = Partager ou recevoir les comptes rendus
cmd-missing = Comptes rendus manquants et délais
cmd-actions = Plan de suivi des recommandations
cmd-share = Partager un document avec des mécanismes
cmd-docs = La bibliothèque : documents de vos mécanismes
lib-choose-mechanism = 📚 La bibliothèque — quel mécanisme ?
lib-nothing = Aucun mécanisme dont vous pouvez voir les documents.
lib-choose-type = 📚 { $mechanism } — quels documents ?
lib-empty = 📚 { $mechanism } : pas encore de documents.
btn-lib-type = { $doc_type ->
        [minutes] Comptes rendus
        [strategy] Stratégies
        [advocacy-note] Notes de plaidoyer
        [work-plan] Plans de travail
        [assessment] Évaluations
        [tor] Termes de référence
        [fourw-matrix] Matrices 4W
       *[other] Autres documents
    } ({ $count })
lib-list = 📚 { $mechanism } — { $doc_type ->
        [minutes] Comptes rendus
        [strategy] Stratégies
        [advocacy-note] Notes de plaidoyer
        [work-plan] Plans de travail
        [assessment] Évaluations
        [tor] Termes de référence
        [fourw-matrix] Matrices 4W
       *[other] Autres documents
    }, du plus récent au plus ancien (page { $page }/{ $pages }). Touchez-en un pour le recevoir.
btn-lib-doc = { $title }{ $version ->
        [1] {""}
       *[other] {" "}(v{ $version })
    } · { $date }
btn-lib-minutes = Compte rendu du { $date }
btn-lib-prev = ◀ Plus récents
btn-lib-next = Plus anciens ▶
btn-lib-retire = 🗑 Retirer : { $title }
lib-coming = 📄 Il arrive.
lib-retired = Retiré : il quitte les listes de la bibliothèque.
btn-lib-retype = ✏️ Type
lib-choose-new-type = ✏️ { $title } — le classer sous quel type ?
lib-retyped = ✏️ Classé désormais sous { $doc_type ->
        [strategy] Stratégies
        [advocacy-note] Notes de plaidoyer
        [work-plan] Plans de travail
        [assessment] Évaluations
        [tor] Termes de référence
        [fourw-matrix] Matrices 4W
       *[other] Autres documents
    }.
btn-lib-new-version = 🆕 Nouvelle version
lib-send-new-version = 🆕 Envoyez la nouvelle version de « { $title } » comme fichier (légende facultative). Elle remplace l'actuelle dans /docs, garde son type et sa classe, et part aux membres.
lib-new-version-done = 🆕 La version { $version } de « { $title } » est classée et part aux membres.
btn-share-type = { $on ->
        [yes] 🔘
       *[no] ⚪
    } { $doc_type ->
        [strategy] Stratégie
        [advocacy-note] Note de plaidoyer
        [work-plan] Plan de travail
        [assessment] Évaluation
        [tor] Termes de référence
        [fourw-matrix] Matrice 4W
        [minutes] Compte rendu
       *[other] Autre
    }
