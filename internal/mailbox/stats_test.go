package mailbox

import (
	"testing"
	"time"

	"policydesk/internal/core"
)

func TestClassifyAndComputeStats(t *testing.T) {
	cal := cal2026()
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, core.Shanghai)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	today := day("2026-10-20")
	msgs := []core.StatsMessage{
		// answered on time: received 09-28, due 10-08, reply 10-08
		{ID: 1, Received: day("2026-09-28"), Due: day("2026-10-08"), Type: "咨询", Section: "确权登记组", Replied: at("2026-10-08 15:00")},
		// answered late: due 10-10 (调休 Saturday), reply 10-12
		{ID: 2, Received: day("2026-09-30"), Due: day("2026-10-10"), Type: "举报", Replied: at("2026-10-12 16:00")},
		// open and past due with the clock running: overdue
		{ID: 3, Received: day("2026-10-12"), Due: day("2026-10-15"), Type: "咨询"},
		// open and past due, clock stopped: not overdue
		{ID: 4, Received: day("2026-10-13"), Due: day("2026-10-16"), Type: "咨询", StoppedSince: "2026-10-14"},
		// replied after today (a future stamp): still open
		{ID: 5, Received: day("2026-10-19"), Due: day("2026-10-22"), Type: "建议", Replied: at("2026-10-21 09:00")},
	}
	lines := Classify(cal, today, msgs)
	tests := []struct {
		id                              int64
		answered, onTime, open, overdue bool
		workdays                        int
	}{
		{1, true, true, false, false, 3},
		{2, true, false, false, false, 4},
		{3, false, false, true, true, 0},
		{4, false, false, true, false, 0},
		{5, false, false, true, false, 0},
	}
	for i, tt := range tests {
		l := lines[i]
		if l.ID != tt.id || l.Answered != tt.answered || l.OnTime != tt.onTime || l.Open != tt.open || l.Overdue != tt.overdue || l.Workdays != tt.workdays {
			t.Errorf("message %d classified %+v, want %+v", tt.id, l, tt)
		}
	}
	st := ComputeStats(day("2026-09-21"), day("2026-10-31"), today, lines)
	if st.Total.Received != 5 || st.Total.Answered != 2 || st.Total.OnTime != 1 || st.Total.Open != 3 || st.Total.Overdue != 1 ||
		st.Total.AvgWorkdays != 3.5 || st.Total.OnTimeRate != 0.5 {
		t.Errorf("total = %+v", st.Total)
	}
	if len(st.ByType) != len(core.MessageTypes) || st.ByType[0].Key != core.MessageTypes[0] {
		t.Errorf("by type lists every type in order: %+v", st.ByType)
	}
	if len(st.Monthly) != 2 || st.Monthly[0].Key != "2026-09" || st.Monthly[1].Received != 3 {
		t.Errorf("monthly = %+v", st.Monthly)
	}
	if st.BySection[0].Key != "未分办" || st.BySection[0].Received != 4 {
		t.Errorf("by section = %+v", st.BySection)
	}
}

func TestParsePeriod(t *testing.T) {
	today := day("2026-10-20")
	tests := []struct {
		from, to, wantFrom, wantTo string
		field                      string
	}{
		{"", "", "2026-10-01", "2026-10-20", ""},
		{"2026-09-21", "2026-10-31", "2026-09-21", "2026-10-31", ""},
		{"", "2026-02-14", "2026-02-01", "2026-02-14", ""},
		{"2026-10-31", "2026-10-01", "", "", "to"},
		{"十月", "", "", "", "from"},
		{"", "2026-13-01", "", "", "to"},
	}
	for _, tt := range tests {
		f, to, err := ParsePeriod(tt.from, tt.to, today)
		if tt.field != "" {
			if ce, ok := err.(*core.Error); !ok || ce.Code != core.EINVALID || ce.Field != tt.field {
				t.Errorf("ParsePeriod(%q, %q) err = %v, want EINVALID on %s", tt.from, tt.to, err, tt.field)
			}
			continue
		}
		if err != nil || f.Format("2006-01-02") != tt.wantFrom || to.Format("2006-01-02") != tt.wantTo {
			t.Errorf("ParsePeriod(%q, %q) = %v %v %v", tt.from, tt.to, f, to, err)
		}
	}
}
