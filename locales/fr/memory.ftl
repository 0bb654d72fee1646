## Le registre des décisions et le suivi — français

rg-header = 📚 Registre des décisions de vos mécanismes (les plus récentes d'abord) :
rg-none = Aucune décision au registre de vos mécanismes pour l'instant.
rg-recorded-line = • { $mechanism } — { $what }{ $details } (réunion du { $meeting })
rg-details = { $org ->
        [none] {""}
       *[other] {" "}— suivi : { $org }
    }{ $review ->
        [none] {""}
       *[other] {" "}— révision le { $review }
    }{ $outcome ->
        [done] {" "}✅
        [dropped] {" "}✖️ abandonnée
       *[other] {""}
    }
btn-rg-xlsx = 📥 XLSX
rg-xlsx-caption = Registre des décisions ({ $count } décisions), feuilles en français et en anglais.
rg-sheet = Décisions
rg-col-date = Date
rg-col-mechanism = Mécanisme
rg-col-meeting = Réunion
rg-col-kind = Type
rg-col-decision = Décision
rg-col-result = Résultat
rg-col-follow-up = Suivi par
rg-col-review = Date de révision
rg-col-status = État du suivi
rg-kind-vote = Vote
rg-kind-recorded = Notée au procès-verbal
rg-vote-result = { $leaders } ({ $counts }) ; quorum { $met ->
        [yes] atteint
       *[no] non atteint
    }
rg-review-due = 📚 Révision prévue aujourd'hui — { $mechanism } : { $what }{ $org ->
        [none] {""}
       *[other] {" "}(suivi : { $org })
    }, décidée à la réunion du { $meeting }. Elle figure au suivi de la prochaine réunion.
mn-ask-decisions = Décisions prises à cette réunion ? Une par ligne : quoi ; organisation qui assure le suivi ; révision jj/mm/aaaa (l'organisation et la date de révision sont facultatives). Ou passez.
dl-shape = Ligne { $line } : attendu « quoi ; organisation ; révision jj/mm/aaaa ».
dl-what = Ligne { $line } : la décision est vide ou dépasse 300 caractères.
dl-date = Ligne { $line } : « { $date } » n'est pas une date jj/mm/aaaa.
dl-past = Ligne { $line } : la date de révision { $date } est déjà passée.
dl-organisation = Ligne { $line } : organisation inconnue « { $acronym } ».
dl-personal-data = Ligne { $line } : le registre est diffusé au-delà du procès-verbal et ne doit pas contenir { $kind ->
        [email] d'adresse e-mail
       *[phone] de numéro de téléphone
    }.
dl-too-many = Trop de décisions (30 au plus).
mn-summary-decisions = Décisions notées :
mn-summary-follow-up = Suivi des réunions précédentes :
fu-header = Suivi des réunions précédentes :
fu-line = • { $decision ->
        [yes] 📚
       *[no] 📌
    } { $what }{ $org ->
        [none] {""}
       *[other] {" "}— { $org }
    }{ $date ->
        [none] {""}
       *[other] { $decision ->
            [yes] {" "}— révision le { $date }
           *[no] {" "}— échéance { $date }
        }
    }{ $late ->
        [yes] {" "}⏰ en retard
       *[no] {""}
    }{ $history ->
        [none] {""}
       *[other] {" "}({ $history })
    }
fu-history-entry = { $date } : { $outcome }
fu-outcome = { $outcome ->
        [done] fait
        [carried] reporté
        [dropped] abandonné
       *[open] ouvert
    }
fu-ask = Suivi des réunions précédentes : marquez chaque point fait, reporté à la prochaine réunion, ou abandonné. Puis continuez.
fu-mark-line = { $n }. { $outcome ->
        [done] ✅
        [carried] 🔁
        [dropped] ✖️
       *[none] ◻️
    } { $line }
btn-fu-mark = { $n } { $outcome ->
        [done] ✅
        [carried] 🔁
       *[dropped] ✖️
    }
btn-fu-continue = ➡️ Continuer
fu-unmarked = Marquez d'abord chaque point (il en reste { $count }).
fu-actions-history = {"   "}↳ { $history }
digest-decisions-heading = Registre des décisions
digest-decisions-line = { $count } décision(s) ce mois-ci (votes clos, décisions notées au procès-verbal) :
