package core

import "testing"

func TestConsultationStatus(t *testing.T) {
	for _, tc := range []struct{ today, want string }{
		{"2026-03-01", ConsultationPending},
		{"2026-03-02", ConsultationOpen},
		{"2026-04-01", ConsultationOpen},
		{"2026-04-02", ConsultationClosed},
	} {
		if got := ConsultationStatus("2026-03-02", "2026-04-01", tc.today); got != tc.want {
			t.Errorf("status on %s = %s, want %s", tc.today, got, tc.want)
		}
	}
}

func TestCheckDecision(t *testing.T) {
	for _, tc := range []struct {
		name  string
		d     Decision
		field string
		code  string
	}{
		{"adopted without reason", Decision{CommentID: 1, Decision: DecisionAdopted}, "", ""},
		{"partly needs reason", Decision{CommentID: 1, Decision: DecisionPartly}, "reason", EINVALID},
		{"rejected with reason", Decision{GroupID: 2, Decision: DecisionRejected, Reason: "与上位法不符"}, "", ""},
		{"out of scope needs reason", Decision{CommentID: 1, Decision: DecisionOutOfScope, Reason: " "}, "reason", EINVALID},
		{"unknown decision", Decision{CommentID: 1, Decision: "同意"}, "decision", EINVALID},
		{"neither comment nor group", Decision{Decision: DecisionAdopted}, "", EINVALID},
		{"both comment and group", Decision{CommentID: 1, GroupID: 2, Decision: DecisionAdopted}, "", EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckDecision(tc.d)
			if ErrorCode(err) != tc.code || ErrorField(err) != tc.field {
				t.Fatalf("error %v", err)
			}
		})
	}
}

func TestPolicyRules(t *testing.T) {
	valid := Policy{Title: "办法", Category: "规范性文件", SectionID: 1, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"}
	if err := ValidatePolicy(valid); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(*Policy){
		"title":           func(p *Policy) { p.Title = "" },
		"category":        func(p *Policy) { p.Category = "通知" },
		"sectionId":       func(p *Policy) { p.SectionID = 0 },
		"disclosure":      func(p *Policy) { p.Disclosure = "" },
		"disclosureBasis": func(p *Policy) { p.DisclosureBasis = "  " },
	} {
		p := valid
		edit(&p)
		if got := ErrorField(ValidatePolicy(p)); got != field {
			t.Errorf("missing %s: error on %q", field, got)
		}
	}
	for _, tc := range []struct {
		name, from string
		c          PolicyStatusChange
		code       string
	}{
		{"draft to consultation", PolicyDrafting, PolicyStatusChange{Status: PolicyConsulting}, ""},
		{"draft to signing", PolicyDrafting, PolicyStatusChange{Status: PolicySigning}, ""},
		{"draft to published", PolicyDrafting, PolicyStatusChange{Status: PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "u"}, EFORBID},
		{"signing to published", PolicySigning, PolicyStatusChange{Status: PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "https://x"}, ""},
		{"published without url", PolicySigning, PolicyStatusChange{Status: PolicyPublished, PublishedDate: "2026-11-20"}, EINVALID},
		{"published without date", PolicySigning, PolicyStatusChange{Status: PolicyPublished, PublishedURL: "https://x"}, EINVALID},
		{"return without reason", PolicySigning, PolicyStatusChange{Status: PolicyDrafting}, EINVALID},
		{"return with reason", PolicySigning, PolicyStatusChange{Status: PolicyDrafting, Reason: "合法性审查意见"}, ""},
		{"repeal needs reason", PolicyPublished, PolicyStatusChange{Status: PolicyRepealed}, EINVALID},
		{"revise", PolicyPublished, PolicyStatusChange{Status: PolicyRevised}, ""},
		{"repealed is final", PolicyRepealed, PolicyStatusChange{Status: PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "u"}, EFORBID},
		{"unknown", PolicyDrafting, PolicyStatusChange{Status: "作废"}, EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ErrorCode(CheckPolicyTransition(tc.from, tc.c)); got != tc.code {
				t.Fatalf("code %q, want %q", got, tc.code)
			}
		})
	}
}
