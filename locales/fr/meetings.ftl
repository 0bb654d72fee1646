## Réunions — messages en français

meeting-too-soon = Une réunion régulière doit être annoncée au moins 48 h à l'avance (celle-ci commencerait dans { $hours } h). Choisissez une date plus tardive, ou convoquez une réunion ad hoc.
meeting-in-past = Cette date est déjà passée. Choisissez une date à venir.
meeting-bad-duration = La durée doit être comprise entre 15 minutes et 12 heures.
meeting-not-found = Cette réunion n'existe pas (ou plus).
meeting-is-cancelled = Cette réunion a été annulée.
answers-closed = La réunion a commencé : les réponses sont closes.
not-invited = Vous n'êtes pas invité(e) à cette réunion pour cette organisation.
no-alternate = Votre organisation n'a pas de suppléant(e) dans ce mécanisme : répondez « Je participerai » ou « Nous ne pourrons pas participer ».

meeting-when = { $weekday ->
        [mon] lun.
        [tue] mar.
        [wed] mer.
        [thu] jeu.
        [fri] ven.
        [sat] sam.
       *[sun] dim.
    } { $date } à { $time } ({ $minutes } min)
invitation-header = { $adhoc ->
        [yes] 📅 Invitation — réunion AD HOC
       *[no] 📅 Invitation — réunion mensuelle
    } : { $mechanism }
meeting-details = Quand : { $when }
    Lieu : { $place }
    Ordre du jour : { $agenda }
meeting-none-given = à préciser
invitation-for = Pour { $org }{ $observer ->
        [yes] {" "}(observateur)
       *[no] {""}
    }, en tant que { $role ->
        [focal] point focal
       *[alternate] suppléant(e)
    }.
answer-status = Réponse de votre organisation : { $answer ->
        [focal] ✅ le point focal participera
        [alternate] ✅ le/la suppléant(e) participera
        [handover] ⏳ le/la suppléant(e) doit confirmer
        [declined] ❌ nous ne pourrons pas participer
       *[none] pas encore de réponse
    }
btn-attend-focal = ✅ Je participerai
btn-hand-over = 👥 Mon suppléant participera
btn-attend-alternate = ✅ Je participerai à la place du point focal
btn-cannot-attend = ❌ Nous ne pourrons pas participer
rsvp-recorded = Réponse enregistrée.
reminder = ⏰ Rappel : { $mechanism } { $hours ->
        [24] demain
       *[other] dans { $hours } h
    }.
handover-request = 👥 { $name }, point focal de { $org }, vous demande de participer à sa place :
btn-skip = Passer ▶
summary-header = 📋 Réponses pour { $mechanism } — { $when }
summary-attending = ✅ Participeront ({ $count }) : { $list }
summary-declined = ❌ Ne participeront pas ({ $count }) : { $list }
summary-no-answer = ❔ Sans réponse ({ $count }) : { $list }
summary-empty-list = —
meeting-moved = 🔁 Réunion déplacée : { $mechanism }
meeting-cancelled-notice = 🚫 Réunion annulée : { $mechanism } — { $when }
delivery-failed = ⚠️ Message non remis à { $name } ({ $org }) pour { $mechanism } : { $reason ->
        [blocked] la personne a bloqué le bot
        [not_started] la personne n'a jamais démarré le bot
        [deactivated] le compte Telegram est désactivé
       *[other] chat introuvable
    }. Contactez-la par un autre moyen.
delivery-problems = ⚠️ { $count ->
        [one] Un message
       *[other] { $count } messages
    } ({ $kind ->
        [invitation] invitation
        [reminder] rappel
        [meeting_changed] changement de réunion
        [minutes] compte rendu
        [document] document
        [action_reminder] rappel de point d’action
        [fourw] 4W
        [decision] vote ou ordre du jour
        [digest] synthèse
        [chart] graphique
       *[other] avis
    }{ $mechanism ->
        [none] {""}
       *[other] , { $mechanism }
    }) { $count ->
        [one] n’a pas pu être remis : Telegram l’a refusé
       *[other] n’ont pas pu être remis : Telegram les a refusés
    } ({ $reason ->
        [too_long] texte trop long
        [entities] mise en forme refusée
        [chat_not_found] conversation introuvable
       *[other] requête refusée
    }). Non joints : { $orgs }. Rien ne sera renvoyé de lui-même : merci de les joindre autrement et de prévenir l’administrateur du bot.
absence-flag = ⚠️ { $org } a été absent(e) des { $count } dernières réunions de { $mechanism }. Les TdR permettent au cluster d'examiner sa participation.
monthly-nudge = 🗓 Aucune réunion de { $mechanism } n'est prévue en { $month }. Utilisez /newmeeting pour la planifier (invitation au moins 48 h à l'avance).

## /meetings
meetings-none = Aucune réunion prévue dans vos mécanismes pour les deux prochains mois.
meetings-header = Vos prochaines réunions :
meetings-line = • { $when } — { $mechanism } ({ $org }) — { $answer ->
        [focal] ✅ point focal
        [alternate] ✅ suppléant(e)
        [handover] ⏳ suppléant(e) à confirmer
        [declined] ❌ absents
       *[none] ❔ pas de réponse
    }
meetings-manage-header = Réunions que vous gérez (déplacer, annuler) :
meetings-manage-line = • n° { $id } — { $when } — { $mechanism }{ $adhoc ->
        [yes] {" "}(ad hoc)
       *[no] {""}
    }{ $cancelled ->
        [yes] {" "}— ANNULÉE
       *[no] {""}
    }
btn-short-attend = { $date } ✅
btn-short-decline = { $date } ❌
btn-short-handover = { $date } 👥
btn-move = 🔁 n° { $id }
btn-cancel-meeting = 🚫 n° { $id }
cancel-meeting-confirm = Annuler la réunion { $mechanism } du { $when } ? Les invités seront prévenus.
btn-confirm-cancel-meeting = Oui, annuler la réunion
meeting-cancelled-done = Réunion annulée ; les invités sont prévenus.
meeting-moved-done = Réunion déplacée au { $when } ; les invités sont prévenus.

## /newmeeting
nm-choose-mechanism = Nouvelle réunion — pour quel mécanisme ?
nm-choose-date = Quel jour ? Touchez une date ou tapez-la (jj/mm/aaaa).
nm-bad-date = Date non reconnue. Tapez-la au format jj/mm/aaaa (par exemple 08/12/2026) ou touchez un bouton.
nm-choose-time = À quelle heure ? Touchez un bouton ou tapez-la (HH:MM).
nm-bad-time = Heure non reconnue. Tapez-la au format HH:MM (par exemple 10:00) ou touchez un bouton.
nm-choose-duration = Quelle durée ? Touchez un bouton ou tapez-la en minutes (par exemple 90).
nm-bad-duration = Durée non reconnue : tapez un nombre de minutes entre 15 et 720 (par exemple 90), ou 1h30.
nm-ask-place = Lieu ou lien de la réunion en ligne ? Tapez-le (au plus 300 caractères).
nm-ask-agenda = Ordre du jour ? Tapez-le (au plus 1500 caractères), ou passez.
nm-choose-kind = Réunion régulière ou ad hoc ? (Une réunion ad hoc peut être convoquée moins de 48 h à l'avance.)
nm-choose-recurrence = Une seule fois, ou tous les mois le même jour de la semaine (par exemple le 2e mardi) ?
nm-summary = Résumé :
    { $mechanism }
    { $when }
    Lieu : { $place }
    Ordre du jour : { $agenda }
    { $adhoc ->
        [yes] Réunion ad hoc
       *[no] Réunion régulière
    }{ $monthly ->
        [yes] , mensuelle (6 prochaines occurrences)
       *[no] {""}
    }
    Confirmer ?
nm-created = ✅ Réunion créée ({ $count } occurrence(s)), première le { $when }. Les invitations partiront le { $invite_at }.
btn-regular = Régulière
btn-adhoc = Ad hoc
btn-once = Une fois
btn-monthly = Tous les mois
btn-create = ✅ Créer
btn-today-plus = { $weekday ->
        [mon] lun.
        [tue] mar.
        [wed] mer.
        [thu] jeu.
        [fri] ven.
        [sat] sam.
       *[sun] dim.
    } { $date }
move-choose-date = Nouvelle date pour { $mechanism } ? Touchez une date ou tapez-la (jj/mm/aaaa).
move-confirm = Déplacer { $mechanism } au { $when } ? Les invités seront prévenus.
btn-move-confirm = ✅ Déplacer

## /attendance
att-no-meetings = Aucune réunion passée à marquer dans vos mécanismes.
att-choose-meeting = Quelle réunion ? (les présences se marquent après la réunion)
att-sheet = Présences — { $mechanism } — { $when }
    Touchez une organisation pour changer sa présence, puis Enregistrer.
att-saved = Présences enregistrées : { $present } organisation(s) présente(s) sur { $total }.
att-stats-header = Présence sur les dernières réunions :
att-stats-line = • { $org } : { $present }/{ $total }
att-stats-observers = Observateurs (comptés à part) :
btn-save = 💾 Enregistrer
btn-att-org = { $present ->
        [yes] ✅
       *[no] ⬜
    } { $org }
btn-att-meeting = { $date } — { $mechanism }

cmd-meetings = Mes prochaines réunions et mes réponses
cmd-newmeeting = Planifier une réunion
cmd-attendance = Marquer les présences
