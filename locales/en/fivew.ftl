## 5W: population groups, spreadsheet template, approval and lock

fw-population = { $group ->
        [IDP] Internally displaced persons (IDPs)
        [HST] Host community
        [RET] Returnees
        [REF] Refugees
       *[OTH] Other
    }
fw-sheet-instructions = 4W/5W matrix — { $org } — { $mechanism } — { $month }
    Fill in one row per activity, place and population group on the "4W" sheet, from row 2 (at most { $rows } rows).
    Choose the sector, activity, region, cercle, commune, status, population group and modality from the drop-down lists.
    Dates as dd/mm/yyyy; the period must cover part of { $month } and the end must not come before the start.
    Ages: children 0-17, adults 18-59, elderly people 60 and over. Persons with disabilities are counted among the people reached.
    People targeted are optional (0 when unknown). Commune and project / response plan code are optional.
    No personal data: no names, phone numbers or e-mail addresses in the remarks.
    Admin boundaries: version { $boundaries }.
    Send this file back in the chat with the bot: it checks every row and shows you the result before you submit.
    Do not change the "meta" sheet: it identifies your organisation and the month.
