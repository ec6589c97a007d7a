package disclosure

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckAssign(t *testing.T) {
	open := core.DisclosureRequest{Outcome: -1, Received: "2026-11-02"}
	answered := core.DisclosureRequest{Outcome: 0, AnswerDate: "2026-11-10"}
	cases := []struct {
		name                           string
		r                              core.DisclosureRequest
		section, handler, handlerSecOf int64
		code, field, msg               string
	}{
		{"section only", open, 3, 0, 0, "", "", ""},
		{"section and its person", open, 3, 9, 3, "", "", ""},
		{"person of another section", open, 3, 9, 4, core.EINVALID, "handlerId", "承办人不在所选承办科室，请重新选择"},
		{"no section", open, 0, 9, 3, core.EINVALID, "sectionId", "请选择承办科室"},
		{"answered", answered, 3, 0, 0, core.ECONFLICT, "", "该申请已于2026-11-10答复，不能再分办"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			testutil.Refusal(t, CheckAssign(c.r, c.section, c.handler, c.handlerSecOf), c.code, c.field, c.msg)
		})
	}
	if got := AssignNote("用途管制组", "周明远"); got != "承办科室：用途管制组；承办人：周明远" {
		t.Errorf("note %q", got)
	}
}

func TestCheckNote(t *testing.T) {
	r := core.DisclosureRequest{Outcome: -1, Received: "2026-11-02"}
	cases := []struct {
		name, kind, text, on string
		code, field, msg     string
	}{
		{"会商", "会商", " 规划科、法规科会商：出让价款部分不予公开 ", "2026-11-05", "", "", ""},
		{"法律顾问", "法律顾问意见", "属于商业秘密，可不予公开", "2026-11-06", "", "", ""},
		{"unknown kind", "闲聊", "…", "2026-11-06", core.EINVALID, "kind", "请选择会商或法律顾问意见"},
		{"empty 会商", "会商", " ", "2026-11-06", core.EINVALID, "text", "请填写会商意见（参加人员和结论）"},
		{"empty opinion", "法律顾问意见", "", "2026-11-06", core.EINVALID, "text", "请填写法律顾问意见"},
		{"before receipt", "会商", "x", "2026-11-01", core.EINVALID, "date", "日期不能早于收到申请之日（2026-11-02）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, err := CheckNote(r, c.kind, c.text, d(c.on))
			testutil.Refusal(t, err, c.code, c.field, c.msg)
			if c.code == "" && (text == "" || text[0] == ' ') {
				t.Errorf("text %q not trimmed", text)
			}
		})
	}
}

func TestCheckDraft(t *testing.T) {
	open := core.DisclosureRequest{Outcome: -1, Received: "2026-11-02"}
	signing := open
	signing.SignoffState = core.DraftSigning
	answered := core.DisclosureRequest{Outcome: 0, AnswerDate: "2026-11-10"}
	cases := []struct {
		name             string
		r                core.DisclosureRequest
		outcome          int
		text             string
		code, field, msg string
	}{
		{"部分公开", open, 1, "补偿方案予以公开，个人信息部分不予公开", "", "", ""},
		{"逾期未缴费 needs no text", open, OutcomeFeeUnpaid, "", "", "", ""},
		{"no result", open, -1, "x", core.EINVALID, "outcome", "请选择答复类型"},
		{"no text", open, 0, " ", core.EINVALID, "text", "请填写答复要点（答复书中告知申请人的内容）"},
		{"while signing", signing, 0, "x", core.ECONFLICT, "", "答复稿正在审签中，审签结束（或退回）后才能修改"},
		{"answered", answered, 0, "x", core.ECONFLICT, "", "该申请已于2026-11-10答复"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := CheckDraft(c.r, c.outcome, c.text)
			testutil.Refusal(t, err, c.code, c.field, c.msg)
		})
	}
	if DraftSnapshot(1, "a") == DraftSnapshot(1, "b") || DraftSnapshot(1, "a") == DraftSnapshot(2, "a") {
		t.Error("a snapshot must change with the draft")
	}
}
