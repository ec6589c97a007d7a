package consult

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckComment(t *testing.T) {
	ok := core.Comment{Body: " 建议延长过渡期 ", ReceivedDate: "2026-3-5", Channel: "网上留言", Category: "企业"}
	tests := []struct {
		name string
		edit func(*core.Comment)
		want string
	}{
		{"a comment", func(*core.Comment) {}, ""},
		{"no text", func(c *core.Comment) { c.Body = " " }, "invalid body: 请填写意见内容"},
		{"no date", func(c *core.Comment) { c.ReceivedDate = "三月五日" }, "invalid receivedDate: 请填写收到日期(如 2026-03-05)"},
		{"unknown channel", func(c *core.Comment) { c.Channel = "微博" }, "invalid channel: 请选择反馈渠道(网站、电子邮件、信函、传真、座谈会、听证会)"},
		{"unknown category", func(c *core.Comment) { c.Category = "外星人" }, "invalid category: 请选择提出主体类别(自然人、企业、行业协会商会、专家学者、人大代表政协委员、政府部门、其他)"},
	}
	for _, tt := range tests {
		c := ok
		tt.edit(&c)
		got, err := CheckComment(c)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if err == nil && (got.Body != "建议延长过渡期" || got.ReceivedDate != "2026-03-05" || got.Channel != "网站") {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
}

func TestCheckDecision(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		d          core.Decision
	}{
		{"adopted without reason", "", core.Decision{CommentID: 1, Decision: core.DecisionAdopted}},
		{"partly needs reason", "invalid reason: 处理结果为“部分采纳”时须填写理由", core.Decision{CommentID: 1, Decision: core.DecisionPartly}},
		{"rejected with reason", "", core.Decision{GroupID: 2, Decision: core.DecisionRejected, Reason: "与上位法不符"}},
		{"out of scope needs reason", "invalid reason: 处理结果为“不属于征求范围”时须填写理由", core.Decision{CommentID: 1, Decision: core.DecisionOutOfScope, Reason: " "}},
		{"unknown decision", "invalid decision: 请选择处理结果(采纳、部分采纳、不予采纳或不属于征求范围)", core.Decision{CommentID: 1, Decision: "同意"}},
		{"neither comment nor group", "invalid : 请选择一条意见或一组意见", core.Decision{Decision: core.DecisionAdopted}},
		{"both comment and group", "invalid : 请选择一条意见或一组意见", core.Decision{CommentID: 1, GroupID: 2, Decision: core.DecisionAdopted}},
	} {
		if _, err := CheckDecision(tc.d); testutil.RefusalText(err) != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, testutil.RefusalText(err), tc.want)
		}
	}
}

func TestGroupingSteps(t *testing.T) {
	merge := core.GroupMerge{ConsultationID: 7, GroupIDs: []int64{1}, CommentIDs: []int64{5}}
	checkVerdicts(t, []verdict{
		{"split a grouped comment", CheckSplit(core.Comment{GroupID: 3, GroupSize: 4}), ""},
		{"split a single comment", CheckSplit(core.Comment{GroupID: 3, GroupSize: 1}), "invalid : 这条意见没有与其他意见归并，无需拆分"},
		{"split an ungrouped comment", CheckSplit(core.Comment{}), "invalid : 这条意见没有与其他意见归并，无需拆分"},
		{"merge a group and a comment", CheckMerge(merge, []core.Comment{{ID: 5, ConsultationID: 7}}), ""},
		{"merge one thing", CheckMerge(core.GroupMerge{ConsultationID: 7, CommentIDs: []int64{5}}, nil), "invalid : 请至少选择两组或两条意见进行归并"},
		{"merge another consultation's comment", CheckMerge(merge, []core.Comment{{ID: 5, ConsultationID: 8}}), "invalid : 意见(编号5)不属于本次征求意见"},
	})
}

func TestConsultationSteps(t *testing.T) {
	drafting := core.Policy{ID: 1, Title: "某某办法", Status: core.PolicyDrafting}
	signing := core.Policy{ID: 1, Title: "某某办法", Status: core.PolicySigning}
	pending := core.Consultation{PolicyID: 1, Status: core.ConsultationPending, OpenDate: "2026-12-01", CloseDate: "2026-12-31"}
	open := pending
	open.Status = core.ConsultationOpen
	closed := pending
	closed.Status = core.ConsultationClosed
	moved := pending
	moved.CloseDate = "2027-01-05"
	elsewhere := pending
	elsewhere.PolicyID = 2
	checkVerdicts(t, []verdict{
		{"list by status", CheckListStatus(core.ConsultationOpen), ""},
		{"list all", CheckListStatus(""), ""},
		{"list by an unknown status", CheckListStatus("archived"), "invalid status: 未知的征求意见状态“archived”"},
		{"open on a draft", CheckOpen(drafting, 9, 1), ""},
		{"open on a draft without text", CheckOpen(drafting, 0, 0), ""},
		{"open in sign-off", CheckOpen(signing, 9, 1), "forbidden : “某某办法”处于“审签”状态，不能再征求意见"},
		{"open with another policy's text", CheckOpen(drafting, 9, 2), "invalid versionId: 所选文本不属于“某某办法”"},
		{"open with a missing text", CheckOpen(drafting, 9, 0), "invalid versionId: 所选文本不属于“某某办法”"},
		{"move the dates before the start", CheckEdit(pending, moved, drafting, 1), ""},
		{"move the dates once started", CheckEdit(open, moved, drafting, 1), "forbidden : 征求意见已经开始，起止日期只能通过“延期”或“重新开放”调整，以便留下调整记录"},
		{"edit the text once started", CheckEdit(open, open, drafting, 1), ""},
		{"move to another policy", CheckEdit(pending, elsewhere, drafting, 1), "invalid policyId: 征求意见记录不能改到另一份文件下"},
		{"extend an open one", CheckPeriodKind(core.NoticeExtended, open), ""},
		{"extend a closed one", CheckPeriodKind(core.NoticeExtended, closed), "forbidden : 征求意见已于2026-12-31截止，请使用“重新开放”"},
		{"reopen a closed one", CheckPeriodKind(core.NoticeReopened, closed), ""},
		{"reopen an open one", CheckPeriodKind(core.NoticeReopened, open), "forbidden : 征求意见尚未截止，请使用“延期”"},
	})
}

func TestCheckReportInput(t *testing.T) {
	tests := []struct {
		name, date, url, want string
	}{
		{"after the close", "2027-01-04", " https://gov.example/1 ", ""},
		{"on the close day", "2026-12-31", "https://gov.example/1", ""},
		{"no date", "", "https://gov.example/1", "invalid publishedDate: 请填写发布日期(如 2026-11-20)"},
		{"no address", "2027-01-04", " ", "invalid publishedUrl: 请填写网站发布地址"},
		{"before the close", "2026-12-30", "https://gov.example/1", "invalid publishedDate: 发布日期不能早于征求意见截止日期2026-12-31"},
	}
	for _, tt := range tests {
		_, url, err := CheckReportInput(core.ReportPublication{PublishedDate: tt.date, PublishedURL: tt.url}, "2026-12-31")
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
		if err == nil && url != "https://gov.example/1" {
			t.Errorf("%s: url %q", tt.name, url)
		}
	}
}

func TestCheckPolicyTransition(t *testing.T) {
	for _, tc := range []struct {
		name, from string
		c          core.PolicyStatusChange
		want       string
	}{
		{"draft to consultation", core.PolicyDrafting, core.PolicyStatusChange{Status: core.PolicyConsulting}, ""},
		{"draft to signing", core.PolicyDrafting, core.PolicyStatusChange{Status: core.PolicySigning}, ""},
		{"draft to published", core.PolicyDrafting, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "u"}, "forbidden : 文件状态不能从“起草”改为“已发布”"},
		{"signing to published", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "https://x"}, ""},
		{"published without url", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedDate: "2026-11-20"}, "invalid publishedUrl: 请填写网站发布地址"},
		{"published without date", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedURL: "https://x"}, "invalid publishedDate: 请填写发布日期"},
		{"published on no date", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedDate: "11月20日", PublishedURL: "https://x"}, "invalid publishedDate: 发布日期格式不正确：11月20日"},
		{"return without reason", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyDrafting}, "invalid reason: 请填写“起草”的原因"},
		{"return with reason", core.PolicySigning, core.PolicyStatusChange{Status: core.PolicyDrafting, Reason: "合法性审查意见"}, ""},
		{"repeal needs reason", core.PolicyPublished, core.PolicyStatusChange{Status: core.PolicyRepealed}, "invalid reason: 请填写“已废止”的原因"},
		{"revise", core.PolicyPublished, core.PolicyStatusChange{Status: core.PolicyRevised}, ""},
		{"repealed is final", core.PolicyRepealed, core.PolicyStatusChange{Status: core.PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "u"}, "forbidden : 文件状态不能从“已废止”改为“已发布”"},
		{"unknown", core.PolicyDrafting, core.PolicyStatusChange{Status: "作废"}, "invalid status: 未知的文件状态“作废”"},
	} {
		d, err := CheckPolicyTransition(tc.from, tc.c)
		if r := testutil.RefusalText(err); r != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, r, tc.want)
		}
		if tc.name == "signing to published" && d.Format("2006-01-02") != "2026-11-20" {
			t.Errorf("%s: date %v", tc.name, d)
		}
	}
}

func TestCheckDeleteAndVersionDate(t *testing.T) {
	draft := core.Policy{Title: "某某办法", Status: core.PolicyDrafting}
	consulted := draft
	consulted.Consultations = 1
	checkVerdicts(t, []verdict{
		{"a fresh draft", CheckDelete(draft, false), ""},
		{"a draft with an interpretation", CheckDelete(draft, true), "forbidden : “某某办法”已有关联的解读或其他记录，不能删除"},
		{"a consulted draft", CheckDelete(consulted, false), "forbidden : “某某办法”已进入起草或已征求意见，不能删除"},
		{"a published policy", CheckDelete(core.Policy{Title: "某某办法", Status: core.PolicyPublished}, false), "forbidden : “某某办法”已进入已发布或已征求意见，不能删除"},
		{"a version date", second(CheckVersionDate("2026-3-2")), ""},
		{"no version date", second(CheckVersionDate("")), "invalid versionDate: 请填写文本日期(如 2026-03-02)"},
	})
}

func second[T any](_ T, err error) error { return err }

func TestValidatePolicy(t *testing.T) {
	valid := core.Policy{Title: "办法", Category: "规范性文件", SectionID: 1, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"}
	if err := ValidatePolicy(valid); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(*core.Policy){
		"title":           func(p *core.Policy) { p.Title = "" },
		"category":        func(p *core.Policy) { p.Category = "通知" },
		"sectionId":       func(p *core.Policy) { p.SectionID = 0 },
		"disclosure":      func(p *core.Policy) { p.Disclosure = "" },
		"disclosureBasis": func(p *core.Policy) { p.DisclosureBasis = "  " },
	} {
		p := valid
		edit(&p)
		if got := core.ErrorField(ValidatePolicy(p)); got != field {
			t.Errorf("missing %s: error on %q", field, got)
		}
	}
}

// verdict is a rule's answer to one case: the refusal wanted, as testutil.RefusalText writes it ("" for none).
type verdict struct {
	name string
	err  error
	want string
}

func checkVerdicts(t *testing.T, tests []verdict) {
	t.Helper()
	for _, tt := range tests {
		if r := testutil.RefusalText(tt.err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
		}
	}
}
