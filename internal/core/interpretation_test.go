package core_test

import (
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

func TestThreeSyncRules(t *testing.T) {
	draft := core.Interpretation{Title: "文字解读", Status: core.InterpDrafting}
	approved := core.Interpretation{Title: "图解", Status: core.InterpApproved}
	published := core.Interpretation{Title: "问答", Status: core.InterpPublished}
	cases := []struct {
		name   string
		from   string
		status string
		facts  core.SyncFacts
		want   string
	}{
		{"同步起草: none, no exemption", core.PolicyDrafting, core.PolicySigning, core.SyncFacts{}, core.EFORBID},
		{"同步起草: blank exemption", core.PolicyConsulting, core.PolicySigning, core.SyncFacts{DraftExemption: "  "}, core.EFORBID},
		{"同步起草: exemption", core.PolicyDrafting, core.PolicySigning, core.SyncFacts{DraftExemption: "内部管理制度"}, ""},
		{"同步起草: a draft interpretation suffices", core.PolicyDrafting, core.PolicySigning, core.SyncFacts{Interpretations: []core.Interpretation{draft}}, ""},
		{"同步审签: draft blocks publication", core.PolicySigning, core.PolicyPublished, core.SyncFacts{Interpretations: []core.Interpretation{approved, draft}}, core.EFORBID},
		{"同步审签: approved and published pass", core.PolicySigning, core.PolicyPublished, core.SyncFacts{Interpretations: []core.Interpretation{approved, published}}, ""},
		{"同步审签: exempted policy without interpretations", core.PolicySigning, core.PolicyPublished, core.SyncFacts{DraftExemption: "无需解读"}, ""},
		{"back to drafting is never blocked", core.PolicySigning, core.PolicyDrafting, core.SyncFacts{}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := core.CheckPolicyStatusSync(c.from, core.PolicyStatusChange{Status: c.status}, c.facts)
			if got := core.ErrorCode(err); got != c.want {
				t.Errorf("code = %q (%v), want %q", got, err, c.want)
			}
		})
	}
}

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

func TestValidateInterpretationSection(t *testing.T) {
	in := core.Interpretation{PolicyID: 1, Form: core.FormText, Title: "解读", SectionID: 2}
	if err := core.ValidateInterpretation(in, 2); err != nil {
		t.Errorf("drafting section: %v", err)
	}
	if err := core.ValidateInterpretation(in, 3); core.ErrorField(err) != "sectionReason" {
		t.Errorf("other section without reason: %v", err)
	}
	in.SectionReason = "由综合组统一制作"
	if err := core.ValidateInterpretation(in, 3); err != nil {
		t.Errorf("other section with reason: %v", err)
	}
	for _, form := range []string{core.FormAudio, core.FormAnim, core.FormVideo} { // the seeds name 音频 and 动画
		in.Form = form
		if err := core.ValidateInterpretation(in, 2); err != nil {
			t.Errorf("%s: %v", form, err)
		}
	}
	in.Form = "漫画"
	if err := core.ValidateInterpretation(in, 2); core.ErrorField(err) != "form" {
		t.Errorf("unknown form: %v", err)
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
