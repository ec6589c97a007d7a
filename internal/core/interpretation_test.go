package core_test

import (
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

func TestInterpretationDue(t *testing.T) {
	cal := calendar.New(calendar.Builtin())
	cases := []struct{ published, due string }{
		{"2026-09-30", "2026-10-10"}, // 国庆: 10-08, 10-09 and the 调休 Saturday 10-10
		{"2026-09-18", "2026-09-22"}, // Friday; Sunday 09-20 is a 调休 working day
		{"2026-11-20", "2026-11-25"}, // an ordinary Friday
		{"2026-11-21", "2026-11-25"}, // a Saturday counts like the Friday
		{"", ""},
	}
	for _, c := range cases {
		got, err := core.InterpretationDue(cal, c.published)
		if err != nil || got != c.due {
			t.Errorf("InterpretationDue(%q) = %q, %v; want %q", c.published, got, err, c.due)
		}
	}
	if _, err := core.InterpretationDue(cal, "9月30日"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("bad date: %v", err)
	}
}

func TestFindingAckAndClear(t *testing.T) {
	block := core.PrepubFinding{Kind: "classification", Label: "密级标志", Match: "机密★", Severity: "block"}
	if err := core.CheckFindingAck(block, "确认无误"); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("block finding acknowledged: %v", err)
	}
	phone := core.PrepubFinding{Kind: "landline", Label: "固定电话", Match: "0571-88012345", Severity: "warn"}
	if err := core.CheckFindingAck(phone, ""); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("acknowledged without reason: %v", err)
	}
	if err := core.PrepubClear([]core.PrepubFinding{phone}); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("open finding cleared: %v", err)
	}
	phone.Resolution = core.FindingAcknowledged
	if err := core.PrepubClear([]core.PrepubFinding{phone}); err != nil {
		t.Errorf("acknowledged finding: %v", err)
	}
}

func TestNewTextInterpretationHasSevenHeadings(t *testing.T) {
	in := core.NewInterpretationBody(core.FormText, "《办法》", "临江市规划和自然资源局")
	if len(in.Sections) != 7 || in.Sections[0].Heading != "决策背景和依据" || in.Sections[6].Heading != "保障措施" {
		t.Errorf("sections = %+v", in.Sections)
	}
	g := core.NewInterpretationBody(core.FormGraphic, "《办法》", "临江市规划和自然资源局")
	if len(g.Graphic.Blocks) != 2 || g.Graphic.Blocks[0].Title != "一图读懂办法" || g.Graphic.Blocks[1].Issuer == "" {
		t.Errorf("graphic = %+v", g.Graphic)
	}
}
