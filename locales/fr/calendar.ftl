## Le calendrier personnel (/calendar)

cmd-calendar = Mes réunions dans le calendrier du téléphone
calendar-link = Votre calendrier personnel des réunions du cluster :
    { $url }
    
    Ajoutez-le une fois comme calendrier « à partir d'une URL » (Google Agenda : Autres agendas → À partir de l'URL ; Outlook : Ajouter un calendrier → S'abonner à partir du web ; iPhone : Réglages → Calendrier → Comptes → Ajouter un calendrier avec abonnement). Il montre alors toutes les réunions de vos mécanismes et suit de lui-même les nouvelles, celles qui sont déplacées et celles qui sont annulées.
    Gardez ce lien pour vous : qui l'a voit vos réunions. S'il a circulé, créez-en un nouveau.
calendar-link-kept = Vous avez déjà un lien de calendrier : il a été affiché quand il a été créé et le bot n'en garde aucune copie lisible, pour que personne ne puisse le relire. Si le calendrier auquel vous êtes abonné(e) fonctionne, rien à faire. Si vous avez perdu le lien, créez-en un nouveau avec le bouton : l'ancien cessera de fonctionner.
calendar-rotated = Nouveau lien pour votre calendrier :
    { $url }
    
    L'ancien lien ne fonctionne plus : supprimez l'ancien calendrier et abonnez-vous avec celui-ci.
calendar-unavailable = Le lien de calendrier n'est pas encore disponible sur ce serveur. Demandez à l'administrateur de définir CLUSTER_PUBLIC_URL.
btn-calendar-rotate = 🔄 Créer un nouveau lien
