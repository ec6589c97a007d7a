package disclosure

import (
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

func TestCheckIntake(t *testing.T) {
	today := time.Date(2026, 11, 20, 10, 0, 0, 0, core.Shanghai)
	ok := core.DisclosureIntake{Channel: string(ChannelInPerson), Arrived: "2026-11-18", Applicant: " 陈立 ", ApplicantType: "自然人", Content: "某地块规划许可"}
	tests := []struct {
		name     string
		edit     func(*core.DisclosureIntake)
		field    string
		received string
	}{
		{"in person: received the day it arrives", func(*core.DisclosureIntake) {}, "", "2026-11-18"},
		{"online: received the day it is confirmed", func(in *core.DisclosureIntake) { in.Channel, in.Confirmed = string(ChannelOnline), "2026-11-19" }, "", "2026-11-19"},
		{"online without confirmation", func(in *core.DisclosureIntake) { in.Channel = string(ChannelOnline) }, "confirmed", ""},
		{"confirmed before it arrived", func(in *core.DisclosureIntake) { in.Channel, in.Confirmed = string(ChannelFax), "2026-11-17" }, "confirmed", ""},
		{"arrived tomorrow", func(in *core.DisclosureIntake) { in.Arrived = "2026-11-21" }, "arrived", ""},
		{"no channel", func(in *core.DisclosureIntake) { in.Channel = "" }, "channel", ""},
		{"no applicant", func(in *core.DisclosureIntake) { in.Applicant = " " }, "applicant", ""},
		{"no content", func(in *core.DisclosureIntake) { in.Content = "" }, "content", ""},
		{"an unknown applicant type", func(in *core.DisclosureIntake) { in.ApplicantType = "个体户" }, "applicantType", ""},
	}
	for _, tt := range tests {
		in := ok
		tt.edit(&in)
		got, _, received, err := CheckIntake(in, today)
		if tt.field != "" {
			if ce, isCore := err.(*core.Error); !isCore || ce.Code != core.EINVALID || ce.Field != tt.field {
				t.Errorf("%s: err = %v, want EINVALID on %s", tt.name, err, tt.field)
			}
			continue
		}
		if err != nil || calendar.FormatDate(received) != tt.received || got.Applicant != "陈立" {
			t.Errorf("%s: received %s applicant %q err %v", tt.name, calendar.FormatDate(received), got.Applicant, err)
		}
	}
}

func TestRequestRefusals(t *testing.T) {
	open := core.DisclosureRequest{Received: "2026-11-02", Outcome: -1, Due: "2026-11-30", Status: core.DisclosureOpen,
		DraftOutcome: 0, SignoffState: core.DraftSigned}
	waiting := core.DisclosureRequest{Received: "2026-11-02", Outcome: -1, CorrectionSent: "2026-11-05", CorrectionBy: "2026-11-20", Status: core.DisclosureCorrecting}
	lapsed := waiting
	lapsed.Status, lapsed.DraftOutcome, lapsed.SignoffState = core.DisclosureLapsed, OutcomeCorrectionLapsed, core.DraftSigned
	unsigned := open
	unsigned.SignoffState = ""
	signing, returned, changed := open, open, open
	signing.SignoffState, returned.SignoffState, changed.SignoffState = core.DraftSigning, core.DraftReturned, core.DraftChanged
	answered := open
	answered.Outcome, answered.AnswerDate = 0, "2026-11-10"
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"correction received on time", CheckCorrectionReceived(waiting, d("2026-11-12")), ""},
		{"correction without a notice", CheckCorrectionReceived(open, d("2026-11-12")), core.ECONFLICT},
		{"correction after the deadline", CheckCorrectionReceived(waiting, d("2026-11-23")), core.EINVALID},
		{"correction before the notice", CheckCorrectionReceived(waiting, d("2026-11-04")), core.EINVALID},
		{"correction on an answered case", CheckCorrectionReceived(answered, d("2026-11-12")), core.ECONFLICT},
		{"extension approved", CheckExtend(open, "刘处长"), ""},
		{"extension without approver", CheckExtend(open, ""), core.EINVALID},
		{"extension while waiting for 补正", CheckExtend(waiting, "刘处长"), core.ECONFLICT},
		{"extension after the answer", CheckExtend(answered, "刘处长"), core.ECONFLICT},
	}
	answer := func(r core.DisclosureRequest, a core.DisclosureAnswer, on string) error {
		_, err := CheckAnswer(r, a, d(on))
		return err
	}
	tests = append(tests, []struct {
		name string
		err  error
		want string
	}{
		{"an answer", answer(open, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), ""},
		{"no result chosen", answer(open, core.DisclosureAnswer{Outcome: -1}, "2026-11-20"), core.EINVALID},
		{"answered before receipt", answer(open, core.DisclosureAnswer{Outcome: 0}, "2026-11-01"), core.EINVALID},
		{"answered twice", answer(answered, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.ECONFLICT},
		{"while waiting for 补正", answer(waiting, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.ECONFLICT},
		{"逾期不补正 on a lapsed case", answer(lapsed, core.DisclosureAnswer{Outcome: OutcomeCorrectionLapsed}, "2026-11-23"), ""},
		{"逾期不补正 on an open case", answer(open, core.DisclosureAnswer{Outcome: OutcomeCorrectionLapsed}, "2026-11-20"), core.EINVALID},
		{"posted without mail number", answer(open, core.DisclosureAnswer{Outcome: 0, Method: "邮寄"}, "2026-11-20"), core.EINVALID},
		{"no sign-off", answer(unsigned, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.EFORBID},
		{"sign-off running", answer(signing, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.EFORBID},
		{"draft returned", answer(returned, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.EFORBID},
		{"draft changed after sign-off", answer(changed, core.DisclosureAnswer{Outcome: 0}, "2026-11-20"), core.EFORBID},
		{"another result than the signed one", answer(open, core.DisclosureAnswer{Outcome: 1}, "2026-11-20"), core.EINVALID},
	}...)
	for _, tt := range tests {
		if got := core.ErrorCode(tt.err); got != tt.want {
			t.Errorf("%s: code %q, want %q (%v)", tt.name, got, tt.want, tt.err)
		}
	}
}

func TestWithClock(t *testing.T) {
	r, due := WithClock(core.DisclosureRequest{Received: "2026-09-28", Outcome: -1}, cal, d("2026-10-09"))
	// 20 working days after 09-28 across 国庆 (10-01..10-07 off, Saturday 10-10 a 调休 working day)
	if r.Status != core.DisclosureOpen || r.Due != "2026-10-30" || r.CorrectionDue != "2026-10-13" || calendar.FormatDate(due) != r.Due {
		t.Errorf("open: %+v due %v", r, due)
	}
	r, _ = WithClock(core.DisclosureRequest{Received: "2026-09-28", Outcome: 2, AnswerDate: "2026-11-03"}, cal, d("2026-11-10"))
	if r.Status != core.DisclosureLate || r.OutcomeLabel == "" {
		t.Errorf("late answer: %+v", r)
	}
	r, due = WithClock(core.DisclosureRequest{Received: "2026-11-02", Outcome: -1, CorrectionSent: "2026-11-05", CorrectionBy: "2026-11-20"}, cal, d("2026-11-23"))
	if r.Status != core.DisclosureLapsed || r.Due != "" || calendar.FormatDate(due) != "2026-11-20" {
		t.Errorf("lapsed: %+v due %v", r, due)
	}
}
