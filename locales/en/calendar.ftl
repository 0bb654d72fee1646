## The personal calendar feed (/calendar)

cmd-calendar = My meetings in my phone's calendar
calendar-link = Your personal calendar of the cluster's meetings:
    { $url }
    
    Add it once as a calendar "from URL" (Google Calendar: Other calendars → From URL; Outlook: Add calendar → Subscribe from web; iPhone: Settings → Calendar → Accounts → Add subscribed calendar). It then shows every meeting of your mechanisms, and follows new, moved and cancelled ones by itself.
    Keep this link to yourself: whoever has it sees your meetings. If it got out, make a new one.
calendar-link-kept = You already have a calendar link: it was shown when it was made and the bot keeps no readable copy of it, so that nobody can read it back. If the calendar you subscribed works, nothing to do. If you lost the link, make a new one with the button: the old one will stop working.
calendar-rotated = New link for your calendar:
    { $url }
    
    The old link no longer works: remove the old calendar and subscribe with this one.
calendar-unavailable = The calendar link is not available on this server yet. Ask the administrator to set CLUSTER_PUBLIC_URL.
btn-calendar-rotate = 🔄 Make a new link
