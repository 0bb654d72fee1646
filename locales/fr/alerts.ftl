## Alertes de déplacement (CMP)
cmd-alert = Lancer une alerte de déplacement (CMP)
al-not-member = Seuls les membres d'un mécanisme peuvent lancer une alerte de déplacement.
al-menu = 🚨 Alertes de déplacement — { $open ->
    [0] aucune alerte ouverte.
    [one] une alerte ouverte.
   *[other] { $open } alertes ouvertes.
}
btn-al-new = ➕ Nouvelle alerte
btn-al-validate-id = ✅ Valider l'alerte n° { $id }
btn-al-refuse-id = ✖ Refuser l'alerte n° { $id }
btn-al-close-id = 🏁 Clôturer l'alerte n° { $id }
al-choose-region = 🚨 Nouvelle alerte — dans quelle région ?
al-choose-cercle = Région { $region } — quel cercle ? Touchez un bouton ou tapez son P-code (ML0501).
al-pcode-unknown = Ce P-code n'est pas un cercle connu. Touchez un bouton ou tapez un P-code de cercle (ML0501).
al-ask-date = Date du déplacement ? Tapez-la (JJ/MM/AAAA) ou touchez « Aujourd'hui » ({ $today }).
btn-al-today = Aujourd'hui
al-date-unreadable = Date illisible : tapez-la sous la forme JJ/MM/AAAA, par exemple 06/12/2026.
al-date-future = Cette date est dans le futur : tapez la date où le déplacement a eu lieu.
al-date-too-old = Cette date a plus de { $days } jours : une alerte signale un déplacement récent.
al-ask-households = Nombre estimé de ménages déplacés ? Tapez un nombre (de 1 à { $max }).
al-households-not-number = Tapez un nombre de ménages en chiffres, par exemple 120.
al-households-range = Le nombre de ménages doit être entre { $min } et { $max }.
al-choose-cause = Cause du déplacement ?
al-cause = { $cause ->
    [armed_conflict] Conflit armé
    [intercommunal_violence] Violences intercommunautaires
    [flood] Inondation
    [drought] Sécheresse
    [eviction] Expulsion
   *[other] Autre
}
al-ask-verified = L'information est-elle vérifiée ?
al-ask-nameable = La source peut-elle être nommée ? (par défaut : non)
btn-al-yes = Oui
btn-al-no = Non
al-ask-source = Qui est la source ? Une fonction plutôt qu'un nom (« chef de village »), au plus { $max } caractères, sans téléphone ni courriel.
al-source-length = La source doit faire entre 1 et { $max } caractères.
al-details = 📍 { $cercle } ({ $pcode }), région { $region }
    📅 { $date } · 👪 { $households } ménages · { $cause }
    { $verified ->
        [yes] ✔ Vérifiée
       *[no] ⚠️ Non vérifiée
    } · { $named ->
        [yes] Source : { $source }
       *[no] Source non nommée
    }
al-confirm = Vérifiez puis envoyez à la présidence de la CMP :
btn-al-send = 📨 Envoyer l'alerte
al-raised = 🚨 Alerte n° { $id } envoyée à la présidence de la CMP pour validation.
al-validation-request = 🚨 Alerte de déplacement n° { $id } lancée par { $by } — à valider :
btn-al-validate = ✅ Valider
btn-al-refuse = ✖ Refuser
btn-al-close = 🏁 Clôturer
al-validated-by-you = ✅ Alerte n° { $id } validée : elle part aux mécanismes de la région et les organisations présentes sont sollicitées.
al-refused-by-you = ✖ Alerte n° { $id } refusée.
al-closed-by-you = 🏁 Alerte n° { $id } clôturée ; le bilan part à la présidence de la CMP.
al-already-decided = Cette alerte a déjà été traitée : rien n'a changé.
al-alert-header = 🚨 Alerte de déplacement n° { $id } ({ $mechanism })
al-present-header = Qui est présent ici (dernier 4W approuvé) :
al-present-line = • { $org } — { $sectors }
al-present-none = Aucune organisation présente dans ce cercle selon le dernier 4W approuvé.
al-commit-request = 🚨 Alerte n° { $id } : { $org } est présente dans ce cercle. Que peut-elle faire ?
al-commit-reminder = ⏰ Rappel — alerte n° { $id } : { $org } n'a pas encore répondu. Que peut-elle faire ?
al-commitment = { $commitment ->
    [assess] 🔎 Évaluer
    [respond] 🤝 Répondre
   *[cannot] ✖ Ne peut pas
}
al-committed = Réponse de { $org } enregistrée : { $commitment }.
al-decided-for-raiser = { $validated ->
        [yes] ✅ Votre alerte n° { $id } a été validée par la CMP : elle part aux mécanismes de la région.
       *[no] ✖ Votre alerte n° { $id } n'a pas été retenue par la CMP.
    }
al-summary-header = 🏁 Bilan de l'alerte n° { $id } :
al-summary-line = • { $org } : { $commitment }
al-summary-silent = • { $org } : pas de réponse
al-agenda-header = Alertes de déplacement ouvertes :
al-agenda-line = • Alerte n° { $id } — { $cercle } ({ $pcode }), { $date }, { $households } ménages{ $validated ->
    [yes] {""}
   *[no] {" "}(à valider)
}
