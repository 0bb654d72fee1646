## Situation items of the regional clusters

cmd-situation = Signaler une situation de protection (clusters régionaux)
st-not-regional = Seuls les membres d'un cluster régional (Gao, Mopti, Tombouctou) peuvent signaler une situation de protection.
st-choose-mechanism = Pour quel cluster régional signalez-vous une situation ?
st-choose-place = { $mechanism } : choisissez le cercle, ou tapez le P-code du cercle ou de la commune (par ex. ML0701).
st-place-unknown = « { $pcode } » n'est pas un cercle ou une commune couvert par { $mechanism }. Choisissez un bouton ou tapez un autre P-code.
st-choose-theme = { $place } : choisissez le thème.
st-ask-text = Décrivez la situation en un seul paragraphe ({ $max } caractères au plus), sans nom, téléphone ni e-mail.
st-text-empty = Le paragraphe est vide. Décrivez la situation en un paragraphe.
st-text-too-long = Le paragraphe fait { $length } caractères ; { $max } au plus. Raccourcissez-le et renvoyez-le.
st-text-paragraph = Un seul paragraphe, sans saut de ligne. Renvoyez le texte sur une ligne.
st-choose-verified = L'information est-elle vérifiée ? (obligatoire)
btn-st-verified = ✅ Vérifiée
btn-st-not-verified = ⚠️ Non vérifiée
st-choose-source = Le cluster national peut-il citer votre organisation comme source ? (par défaut : non)
btn-st-source-no = Non, ne pas nous citer (par défaut)
btn-st-source-yes = Oui, nous citer
st-summary = { $mechanism } — { $place }
    Thème : { $theme }
    { $verified ->
        [yes] Vérifiée
       *[no] ⚠️ NON VÉRIFIÉE
    } · Source { $source ->
        [yes] citée
       *[no] non citée
    }

    { $text }

    Envoyer au président du cluster régional pour validation ?
btn-st-post = 📨 Envoyer pour validation
st-posted = Envoyé : le président de { $mechanism } va le valider ou le refuser.
st-to-validate = Situation signalée par { $org } — { $place }
    Thème : { $theme }
    { $verified ->
        [yes] Vérifiée
       *[no] ⚠️ NON VÉRIFIÉE
    } · Source { $source ->
        [yes] citable
       *[no] à ne pas citer au niveau national
    }

    { $text }

    Validée, elle ira au président du cluster national, à l'ordre du jour de la prochaine réunion du CPN et dans la synthèse du mois.
btn-st-validate = ✅ Valider
btn-st-refuse = ❌ Refuser
st-validated-by = ✅ Validée par { $name }.
st-refused-by = ❌ Refusée par { $name }.
st-already-decided = Cette situation a déjà été validée ou refusée.
st-to-national = Situation de protection validée par { $mechanism } — { $place }
    Thème : { $theme }
    { $verified ->
        [yes] Vérifiée
       *[no] ⚠️ NON VÉRIFIÉE
    }
    Source : { $source }

    { $text }

    Elle figure à l'ordre du jour de la prochaine réunion du CPN.
st-source-withheld = non citée (à la demande de l'organisation)
st-decided-validated = Votre situation ({ $place }, { $theme }) a été validée par le président de { $mechanism } : elle va au cluster national.
st-decided-refused = Votre situation ({ $place }, { $theme }) n'a pas été retenue par le président de { $mechanism }.
