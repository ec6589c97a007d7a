package calendar

import (
	"time"

	"policydesk/internal/core"
)

// PreviewNotice parses a holiday notice and shows what applying it to current would change: the notice's
// lines, its rest days and working days, whether it replaces a year current has, and every day whose kind
// or name would change (a notice can also remove days the old data had).
func PreviewNotice(current *Calendar, text string, defaultYear int) (core.NoticePreview, error) {
	res, err := ParseNotice(text, defaultYear)
	if err != nil {
		return core.NoticePreview{}, err
	}
	p := core.NoticePreview{Year: res.Year, Title: res.Title, DocNumber: res.DocNumber, Warnings: res.Warnings,
		Replaces: current.Covers(res.Year), Lines: []core.NoticeLine{}, Changes: []core.DayChange{}}
	if p.Warnings == nil {
		p.Warnings = []string{}
	}
	for _, l := range res.Lines {
		p.Lines = append(p.Lines, core.NoticeLine{Text: l.Text, Name: l.Name, RestDays: formatDates(l.RestDays), Workdays: formatDates(l.Workdays)})
	}
	after := New([]Year{{Year: res.Year, Days: res.Days}})
	for _, d := range res.Days {
		if d.Kind == Holiday {
			p.RestDays++
		} else {
			p.Workdays++
		}
	}
	for d := time.Date(res.Year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == res.Year; d = d.AddDate(0, 0, 1) {
		b, a := current.Info(d), after.Info(d)
		if b.Kind != a.Kind || b.Name != a.Name {
			p.Changes = append(p.Changes, core.DayChange{Date: FormatDate(d), Before: dayLabel(b), After: dayLabel(a), Name: a.Name})
		}
	}
	return p, nil
}

func dayLabel(i DayInfo) string {
	if i.Name != "" {
		return i.Kind + "(" + i.Name + ")"
	}
	return i.Kind
}

func formatDates(ds []time.Time) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = FormatDate(d)
	}
	return out
}
