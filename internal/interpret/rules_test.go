package interpret

import (
	"testing"

	"policydesk/internal/calendar"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
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
			err := CheckPolicyStatusSync(c.from, core.PolicyStatusChange{Status: c.status}, c.facts)
			if got := core.ErrorCode(err); got != c.want {
				t.Errorf("code = %q (%v), want %q", got, err, c.want)
			}
		})
	}
}

func TestValidateInterpretationSection(t *testing.T) {
	in := core.Interpretation{PolicyID: 1, Form: core.FormText, Title: "解读", SectionID: 2}
	if err := Validate(in, 2); err != nil {
		t.Errorf("drafting section: %v", err)
	}
	if err := Validate(in, 3); core.ErrorField(err) != "sectionReason" {
		t.Errorf("other section without reason: %v", err)
	}
	in.SectionReason = "由综合组统一制作"
	if err := Validate(in, 3); err != nil {
		t.Errorf("other section with reason: %v", err)
	}
	for _, form := range []string{core.FormAudio, core.FormAnim, core.FormVideo} { // the seeds name 音频 and 动画
		in.Form = form
		if err := Validate(in, 2); err != nil {
			t.Errorf("%s: %v", form, err)
		}
	}
	in.Form = "漫画"
	if err := Validate(in, 2); core.ErrorField(err) != "form" {
		t.Errorf("unknown form: %v", err)
	}
}

func TestValidate(t *testing.T) {
	ok := core.Interpretation{PolicyID: 1, Form: core.FormText, Title: "解读", SectionID: 2}
	tests := []struct {
		name string
		edit func(*core.Interpretation)
		want string
	}{
		{"complete", func(*core.Interpretation) {}, ""},
		{"no policy", func(in *core.Interpretation) { in.PolicyID = 0 }, "invalid policyId: 请选择要解读的文件"},
		{"no title", func(in *core.Interpretation) { in.Title = " " }, "invalid title: 请填写解读标题"},
		{"no section", func(in *core.Interpretation) { in.SectionID = 0 }, "invalid sectionId: 请选择解读科室"},
		{"a question without text", func(in *core.Interpretation) { in.QA = []core.QAPair{{Question: "何时施行？"}, {Question: " "}} }, "invalid qa: 第2组问答缺少问题"},
		{"an unknown block", func(in *core.Interpretation) { in.Graphic.Blocks = []core.GraphicBlock{{Kind: "弹幕"}} }, "invalid graphic: 图解第1块的类型“弹幕”不正确"},
	}
	for _, tt := range tests {
		in := ok
		tt.edit(&in)
		if r := testutil.RefusalText(Validate(in, 2)); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestStepRefusals(t *testing.T) {
	draft := core.Interpretation{PolicyID: 1, Title: "文字解读", Status: core.InterpDrafting}
	returned := core.Interpretation{PolicyID: 1, Title: "文字解读", Status: core.InterpReturned}
	review := core.Interpretation{PolicyID: 1, Title: "文字解读", Status: core.InterpReviewing}
	moved := draft
	moved.PolicyID = 2
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"edit a draft", CheckUpdate(draft, draft), ""},
		{"edit a returned one", CheckUpdate(returned, returned), ""},
		{"edit under review", CheckUpdate(review, review), "forbidden : 解读处于“" + core.InterpReviewing + "”状态，不能修改；如需修改，请由审核人退回"},
		{"move to another policy", CheckUpdate(draft, moved), "invalid policyId: 解读不能改挂到其他文件，请在该文件下新建解读"},
		{"delete a draft", CanEdit(core.InterpDrafting), ""},
		{"delete an approved one", CanEdit(core.InterpApproved), "forbidden : 解读处于“" + core.InterpApproved + "”状态，不能修改；如需修改，请由审核人退回"},
		{"no interpretation, no exemption", CheckSyncDraft(core.SyncFacts{}), "forbidden : 该文件尚无政策解读，不能提交审签；如确无需解读，请登记豁免理由。"},
		{"one not approved", CheckSyncApproval(core.SyncFacts{Interpretations: []core.Interpretation{draft}}), "forbidden : 政策解读须与文件同步审签，以下解读尚未审签：“文字解读”(" + core.InterpDrafting + ")"},
		{"an exemption", second(CheckExemption(core.ExemptionInput{Rule: core.RuleSyncDraft, Reason: " 内部管理制度 ", SubjectType: core.SubjectPolicy})), ""},
		{"another section", second(CheckExemption(core.ExemptionInput{Rule: core.RuleOtherSection, Reason: "统一制作", SubjectType: core.SubjectInterpretation})), ""},
		{"an unknown rule", second(CheckExemption(core.ExemptionInput{Rule: "免审", Reason: "急"})), "invalid rule: 未知的豁免事项“免审”"},
		{"no reason", second(CheckExemption(core.ExemptionInput{Rule: core.RuleSyncDraft, Reason: " ", SubjectType: core.SubjectPolicy})), "invalid reason: 请填写豁免理由"},
		{"同步起草 on an interpretation", second(CheckExemption(core.ExemptionInput{Rule: core.RuleSyncDraft, Reason: "无需", SubjectType: core.SubjectInterpretation})),
			"invalid subjectType: “" + core.RuleSyncDraft + "”豁免应登记在文件上"},
	}
	for _, tt := range tests {
		if r := testutil.RefusalText(tt.err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}

func TestCheckPublish(t *testing.T) {
	approved := core.Interpretation{Title: "图解", Status: core.InterpApproved}
	published := core.Policy{Status: core.PolicyPublished, PublishedDate: "2026-11-20"}
	tests := []struct {
		name   string
		in     core.Interpretation
		policy core.Policy
		p      core.Publication
		want   string
	}{
		{"with the policy", approved, published, core.Publication{PublishedDate: "2026-11-20", PublishedURL: " https://gov.example/jd "}, ""},
		{"a bad date", approved, published, core.Publication{PublishedDate: "11月20日", PublishedURL: "u"}, "invalid publishedDate: 发布日期格式不正确：11月20日"},
		{"no address", approved, published, core.Publication{PublishedDate: "2026-11-20"}, "invalid publishedUrl: 请填写网站发布地址"},
		{"before the policy", approved, published, core.Publication{PublishedDate: "2026-11-19", PublishedURL: "u"},
			"invalid publishedDate: 解读的发布日期(2026-11-19)不能早于文件的发布日期(2026-11-20)"},
		{"policy unpublished", approved, core.Policy{Status: core.PolicySigning}, core.Publication{PublishedDate: "2026-11-20", PublishedURL: "u"},
			"forbidden : 文件尚未发布，解读应与文件同步发布；请先登记文件的发布日期和网址"},
		{"not approved", core.Interpretation{Title: "图解", Status: core.InterpReviewing}, published, core.Publication{PublishedDate: "2026-11-20", PublishedURL: "u"},
			"forbidden : 解读“图解”尚未审签(当前状态：" + core.InterpReviewing + ")，不能发布"},
	}
	for _, tt := range tests {
		_, url, err := CheckPublish(tt.in, tt.policy, tt.p)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if err == nil && url != "https://gov.example/jd" {
			t.Errorf("%s: url %q", tt.name, url)
		}
	}
}

func second[T any](_ T, err error) error { return err }

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
		got, err := Due(cal, c.published)
		if err != nil || got != c.due {
			t.Errorf("InterpretationDue(%q) = %q, %v; want %q", c.published, got, err, c.due)
		}
	}
	if _, err := Due(cal, "9月30日"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("bad date: %v", err)
	}
}

func TestVerdicts(t *testing.T) {
	approved := core.Interpretation{Title: "图解", Status: core.InterpApproved}
	draft := core.Interpretation{Title: "问答", Status: core.InterpDrafting}
	onTime := core.SyncRow{Title: "图解", DueStatus: "done"}
	late := core.SyncRow{Title: "问答", DueStatus: "late", Published: "2026-11-26", Due: "2026-11-25"}
	published := core.SyncRow{Published: "2026-11-20"}
	tests := []struct {
		name                     string
		panel                    core.SyncPanel
		facts                    core.SyncFacts
		draftOK, approvalOK, pub bool
		problems                 int
	}{
		{"nothing drafted: no rule holds", core.SyncPanel{}, core.SyncFacts{}, false, false, false, 1},
		{"an exemption stands in", core.SyncPanel{}, core.SyncFacts{DraftExemption: "内部管理制度"}, true, true, false, 0},
		{"a draft awaits sign-off", core.SyncPanel{}, core.SyncFacts{Interpretations: []core.Interpretation{draft}}, true, false, false, 1},
		{"published on time", core.SyncPanel{Policy: published, Interpretations: []core.SyncRow{onTime}},
			core.SyncFacts{Interpretations: []core.Interpretation{approved}}, true, true, true, 0},
		{"one published late", core.SyncPanel{Policy: published, Interpretations: []core.SyncRow{onTime, late}},
			core.SyncFacts{Interpretations: []core.Interpretation{approved}}, true, true, false, 1},
	}
	for _, tt := range tests {
		p := Verdicts(tt.panel, tt.facts)
		if p.DraftOK != tt.draftOK || p.ApprovalOK != tt.approvalOK || p.PublishOK != tt.pub || len(p.Problems) != tt.problems {
			t.Errorf("%s: 起草 %v 审签 %v 发布 %v, problems %q", tt.name, p.DraftOK, p.ApprovalOK, p.PublishOK, p.Problems)
		}
	}
}
