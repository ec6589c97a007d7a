package core_test

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

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

func TestCheckSubject(t *testing.T) {
	cases := []struct {
		subjectType, act string
		msg              string // "" when allowed
	}{
		{core.SubjectPolicy, "审签", ""},
		{core.SubjectInterpretation, "审签", ""},
		{core.SubjectReport, "检查", ""},
		{"message", "审签", "未知的审签对象“message”"},
		{"", "检查", "未知的检查对象“”"},
	}
	for _, c := range cases {
		testutil.Invalid(t, core.CheckSubject(c.subjectType, c.act), "subjectType", c.msg)
	}
}
