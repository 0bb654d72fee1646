## Charts and the monthly digest

chart-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
chart-no-data = No data for this period
chart-people = People reached
chart-total = Total
chart-other = Other
chart-more = and { $count } more

chart-reach-title = People reached by region and sector — { $month }
chart-reach-caption = 4W { $month }: { $total } people reached. By region: { $regions }. By sector: { $sectors }.
chart-group = { $group ->
        [girls] Girls
        [boys] Boys
        [women] Women
       *[men] Men
    }
chart-sex-age-title = People reached by sex and age — { $month }
chart-sex-age-caption = 4W { $month }: { $total } people reached — { $groups }; of whom { $disabled } people with disabilities.
chart-trend-title = { $month } and the previous 6 months
chart-trend-caption = 4W { $month }: { $total } people reached (average of the previous 6 months: { $average }). By month: { $months }.

chart-who-where-title = Who does what where — active organisations per cercle and sector — { $month }
chart-who-where-caption = Who does what where, { $month }: { $orgs } active organisations in { $cells } cercle-sectors; { $gaps } gaps (×), { $duplications } possible duplications.
chart-who-where-legend = × gap: no active organisation; the number is the count of active organisations

chart-attendance-title = Attendance at the last 6 meetings — { $mechanism }
chart-attendance-caption = Attendance { $mechanism }, last { $meetings } meetings, { $orgs } organisations. { $rates }
chart-status = { $status ->
        [present] present
        [alternate] alternate
        [absent] absent
        [excused] excused
       *[unknown] not recorded
    }
chart-status-letter = { $status ->
        [present] P
        [alternate] A
        [absent] X
        [excused] E
       *[unknown] ·
    }

chart-minutes-title = Minutes shared within 72 h — last { $months } months
chart-minutes-caption = Minutes within 72 h, last { $months } months: { $overall }. { $list }
chart-minutes-bar = { $on_time }/{ $meetings }

digest-title = Protection Cluster Mali — digest of { $month }
digest-subtitle = For the inter-cluster coordination meeting. Produced on { $date } from the bot's data.
digest-meetings-heading = Meetings held and attendance
digest-meeting-line = { $mechanism }, { $date } — organisations present: { $present } of { $invited }
digest-meetings-none = No meeting was held this month.
digest-meetings-summary = Meetings held: { $meetings }. Organisations present: { $present } of { $marked } recorded.
digest-minutes-heading = Minutes within 72 hours
digest-minutes-line = Minutes shared within 72 hours: { $on_time } of { $meetings } ({ $percent }).
digest-minutes-none = No meeting whose minutes were due.
digest-actions-heading = Decisions and action points
digest-actions-line = Action points agreed in the month's minutes: { $count }, of which { $open } still open.
digest-reach-heading = 4W: people reached by region and sector
digest-situations-heading = Protection situations validated by the regional clusters
digest-situations-line = { $count } situation(s) validated, { $unverified } of them not verified.
digest-situation-line = { $mechanism } — { $place }: { $theme }{ $verified ->
        [yes] {""}
       *[no] {" "}(NOT VERIFIED)
    }
digest-gaps-heading = Gaps and duplications
digest-gaps-line = Gaps (cercle and sector with no activity): { $gaps }. Possible duplications: { $duplications }.
digest-duplication-line = Possible duplication: { $activity } in { $place } ({ $orgs })
digest-missing-heading = Organisations that did not report (4W)
digest-missing-line = { $mechanism }: { $orgs }
digest-missing-none = Every expected organisation reported.
digest-small-numbers = Small numbers: in gender-based violence and child protection, a count of people below { $threshold } is written "<{ $threshold }" and "x" hides what would let it be worked out.
digest-footer = Summary document of the Protection Cluster Mali, meant to be shared with the inter-cluster coordination meeting. The figures contain no personal data.
digest-document-caption = Protection Cluster digest — { $month }. You may forward it to the inter-cluster meeting.

btn-chart = 📊 Chart { $scope }
chart-offer = See it as a chart:
chart-coming = 📊 The chart is on its way.
