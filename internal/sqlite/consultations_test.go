package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/dedup"
	"policydesk/internal/export"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
	"policydesk/internal/testutil"
)

// bigramSegmenter stands in for jieba: overlapping pairs of Chinese characters, runs of letters or digits.
type bigramSegmenter struct{}

func (bigramSegmenter) Cut(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		switch {
		case unicode.Is(unicode.Han, rs[i]):
			if i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1]) {
				out = append(out, string(rs[i:i+2]))
			}
		case unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) && !unicode.Is(unicode.Han, rs[j]) {
				j++
			}
			out = append(out, string(rs[i:j]))
			i = j - 1
		}
	}
	return out
}

func (bigramSegmenter) Keywords(string, int) []core.Keyword { return nil }

// consultFixture is a database with a section, a drafter as current user, and the two stores.
type consultFixture struct {
	db        *sqlite.DB
	policies  *sqlite.PolicyStore
	store     *sqlite.ConsultationStore
	sectionID int64
	personID  int64
}

func newConsultFixture(tb testing.TB) *consultFixture {
	tb.Helper()
	db := mustOpen(tb)
	ctx := context.Background()
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		tb.Fatal(err)
	}
	anySigners(tb, db)
	sec := mustSection(tb, ctx, settings, "空间规划组")
	p := mustPerson(tb, ctx, settings, "孙佳怡", sec.ID, core.RoleDrafter)
	if _, err := settings.SetCurrentUser(ctx, p.ID); err != nil {
		tb.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	calFn := func() *calendar.Calendar { return cal }
	return &consultFixture{db: db, policies: sqlite.NewPolicyStore(db, calFn), store: sqlite.NewConsultationStore(db, calFn, dedup.Grouper{Seg: bigramSegmenter{}}, nil),
		sectionID: sec.ID, personID: p.ID}
}

const draftText = `临江市既有住宅增设电梯规划管理办法(征求意见稿)
第一章 总则
第一条 为规范既有住宅增设电梯工作，方便居民出行，制定本办法。
第二条 本办法适用于本市行政区域内既有住宅增设电梯的规划管理。
第二章 申请与审批
第十二条 增设电梯应当经本单元专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决。
第十三条 规划资源部门应当自受理之日起二十个工作日内作出决定。
`

// policyWithDraft registers a policy and imports its 征求意见稿.
func (f *consultFixture) policyWithDraft(tb testing.TB, enterprise bool) (core.Policy, core.PolicyVersion) {
	tb.Helper()
	ctx := context.Background()
	p, err := f.policies.SavePolicy(ctx, core.Policy{Title: "临江市既有住宅增设电梯规划管理办法(征求意见稿)", Category: "规范性文件",
		SectionID: f.sectionID, DrafterID: f.personID, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条", EnterpriseRelated: enterprise})
	if err != nil {
		tb.Fatal(err)
	}
	v, err := addVersion(ctx, f.policies, core.VersionInput{PolicyID: p.ID, Kind: "征求意见稿", VersionDate: "2026-09-01", FileName: "draft.txt", Data: []byte(draftText)})
	if err != nil {
		tb.Fatal(err)
	}
	return p, v
}

// consultation opens a consultation on a fresh policy: 2026-11-02 to 2026-12-02, open on the fixture's today (2026-11-20).
func (f *consultFixture) consultation(tb testing.TB, enterprise bool) core.Consultation {
	tb.Helper()
	p, _ := f.policyWithDraft(tb, enterprise)
	c, err := f.store.SaveConsultation(context.Background(), core.Consultation{PolicyID: p.ID, OpenDate: "2026-11-02", CloseDate: "2026-12-02",
		Channels: []string{"网站", "电子邮件"}, Contact: "0571-88012322", Explanation: "起草说明"})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// counts returns the number of rows of the tables an import or a failed write could touch.
func counts(tb testing.TB, db *sqlite.DB) string {
	tb.Helper()
	var parts []string
	for _, table := range []string{"policies", "policy_versions", "clauses", "consultations", "consultation_notices", "import_batches", "comments", "comment_groups", "audit_log"} {
		var n int
		if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(parts, " ")
}

func lastAudit(tb testing.TB, db *sqlite.DB) core.AuditEntry {
	tb.Helper()
	page, err := db.AuditLog(context.Background(), core.AuditFilter{Limit: 1})
	if err != nil || len(page.Entries) == 0 {
		tb.Fatalf("audit log: %v", err)
	}
	return page.Entries[0]
}

func TestPolicyRegister(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	_, err := f.policies.SavePolicy(ctx, core.Policy{Title: "无公开属性", Category: "其他", SectionID: f.sectionID})
	wantCode(t, err, core.EINVALID)
	p, v := f.policyWithDraft(t, false)
	if p.Status != core.PolicyDrafting || p.SectionName != "空间规划组" || p.DrafterName != "孙佳怡" {
		t.Fatalf("policy = %+v", p)
	}
	if a := lastAudit(t, f.db); a.Entity != "policy_version" || a.PersonName != "孙佳怡" {
		t.Fatalf("version import not audited: %+v", a)
	}
	clauses, err := f.policies.Clauses(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, c := range clauses {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths, ","); !strings.Contains(got, "第二章/第十二条") || v.ClauseCount != 4 { // the four 第X条, not the chapters or the preamble
		t.Fatalf("clauses = %s (count %d)", got, v.ClauseCount)
	}
	full, err := f.policies.Version(ctx, v.ID)
	if err != nil || !strings.Contains(full.Body, "第十三条") || full.ClauseCount != 4 {
		t.Fatalf("version body: %v (count %d)", err, full.ClauseCount)
	}

	p.DocNumber = "临规划资源规〔2026〕3号"
	p.EnterpriseRelated = true
	if p, err = f.policies.SavePolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	if a := lastAudit(t, f.db); a.Action != "update" || !strings.Contains(a.Changes, "doc_number") || !strings.Contains(a.Changes, "enterprise_related") {
		t.Fatalf("update audit = %+v", a)
	}
	if _, err := f.policies.SavePolicy(ctx, core.Policy{Title: "临江市城市更新实施办法", Category: "重大行政决策", SectionID: f.sectionID, Disclosure: "主动公开", DisclosureBasis: "依法主动公开"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    core.PolicyFilter
		want int
	}{
		{core.PolicyFilter{}, 2},
		{core.PolicyFilter{Query: "〔2026〕3号"}, 1},
		{core.PolicyFilter{Query: "城市更新"}, 1},
		{core.PolicyFilter{Query: "100%"}, 0},
		{core.PolicyFilter{Category: "重大行政决策"}, 1},
		{core.PolicyFilter{Status: core.PolicyPublished}, 0},
		{core.PolicyFilter{SectionID: f.sectionID, Limit: 1}, 2},
	} {
		page, err := f.policies.Policies(ctx, tc.f)
		if err != nil || page.Total != tc.want {
			t.Errorf("filter %+v: total %d, %v", tc.f, page.Total, err)
		}
		if tc.f.Limit == 1 && len(page.Policies) != 1 {
			t.Errorf("limit ignored: %d rows", len(page.Policies))
		}
	}

	// Status moves are checked and audited; publication needs its date and URL.
	_, err = f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicyPublished, PublishedDate: "2026-11-20", PublishedURL: "https://x"})
	wantCode(t, err, core.EFORBID)
	// 同步起草: without an interpretation the policy enters 审签 only with a recorded exemption.
	_, err = f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning})
	wantCode(t, err, core.EFORBID)
	interpretations := sqlite.NewInterpretationStore(f.db, func() *calendar.Calendar { return calendar.New(calendar.Builtin()) })
	if _, err := interpretations.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: p.ID, Rule: core.RuleSyncDraft, Reason: "内部管理制度，无需解读"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning}); err != nil {
		t.Fatal(err)
	}
	// A policy is published only after its own sign-off round is complete.
	publish := core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicyPublished, PublishedDate: "2026年11月20日", PublishedURL: "https://ghzy.linjiang.gov.cn/zcwj/3"}
	_, err = f.policies.SetPolicyStatus(ctx, publish)
	wantCode(t, err, core.EFORBID)
	so, err := interpretations.SubmitSignoff(ctx, core.SubjectPolicy, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	settings := sqlite.NewSettingsStore(f.db)
	for i := range so.Steps {
		approver := mustPerson(t, ctx, settings, fmt.Sprintf("审签人%d", i+1), f.sectionID, core.RoleApprover)
		if _, err := settings.SetCurrentUser(ctx, approver.ID); err != nil {
			t.Fatal(err)
		}
		if _, err = f.policies.SetPolicyStatus(ctx, publish); core.ErrorCode(err) != core.EFORBID {
			t.Fatalf("publish before the round is complete: %v", err)
		}
		if _, err := interpretations.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectPolicy, SubjectID: p.ID, Decision: core.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
	}
	p, err = f.policies.SetPolicyStatus(ctx, publish)
	if err != nil || p.PublishedDate != "2026-11-20" || p.Status != core.PolicyPublished {
		t.Fatalf("publish: %+v %v", p, err)
	}
	if a := lastAudit(t, f.db); a.Action != "state" || !strings.Contains(a.Changes, "published_url") {
		t.Fatalf("status audit = %+v", a)
	}
	wantCode(t, f.policies.DeletePolicy(ctx, p.ID), core.EFORBID)
	d, err := f.policies.Policy(ctx, p.ID)
	if err != nil || len(d.Versions) != 1 || strings.Join(d.NextStatuses, ",") != "已废止,已修订" {
		t.Fatalf("detail = %+v, %v", d, err)
	}
}

func TestPolicyVersionImportErrorsLeaveDatabaseUnchanged(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	p, _ := f.policyWithDraft(t, false)
	fixtures := testutil.Testdata(t, "docimport")
	for _, tc := range []struct {
		name string
		file string
		data []byte
		code string
	}{
		{"empty file", "empty.txt", nil, core.EIMPORT},
		{"corrupted pdf", "corrupted.pdf", nil, core.EIMPORT},
		{"truncated pdf", "truncated.pdf", nil, core.EIMPORT},
		{"spreadsheet", "comments.xlsx", xlsxBytes(t, []string{"意见内容"}, [][]string{{"x"}}), core.EIMPORT},
		{"nothing given", "", []byte{}, core.EIMPORT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if data == nil && tc.file != "" {
				var err error
				if data, err = os.ReadFile(filepath.Join(fixtures, tc.file)); err != nil {
					t.Fatal(err)
				}
			}
			before := counts(t, f.db)
			_, err := addVersion(ctx, f.policies, core.VersionInput{PolicyID: p.ID, Kind: "送审稿", VersionDate: "2026-11-20", FileName: tc.file, Data: data})
			wantCode(t, err, tc.code)
			if core.ErrorMessage(err) == "" {
				t.Fatal("no message")
			}
			if after := counts(t, f.db); after != before {
				t.Fatalf("database changed:\n%s\n%s", before, after)
			}
		})
	}
	v, err := addVersion(ctx, f.policies, core.VersionInput{PolicyID: p.ID, Kind: "送审稿", VersionDate: "2026-11-20", FileName: "policy.pdf",
		Data: mustRead(t, filepath.Join(fixtures, "policy.pdf"))})
	if err != nil || v.Format != "pdf" || v.ClauseCount == 0 {
		t.Fatalf("pdf import: %+v, %v", v, err)
	}
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func xlsxBytes(tb testing.TB, headers []string, rows [][]string) []byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "t.xlsx")
	if err := export.WriteXLSX(path, export.Table{Headers: headers, Rows: rows}); err != nil {
		tb.Fatal(err)
	}
	return mustRead(tb, path)
}

func TestConsultationLifecycle(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	p, v := f.policyWithDraft(t, true)
	base := core.Consultation{PolicyID: p.ID, OpenDate: "2026-11-02", CloseDate: "2026-11-20", Channels: []string{"网站"}, Contact: "0571-88012322"}
	before := counts(t, f.db)
	_, err := f.store.SaveConsultation(ctx, base)
	if core.ErrorField(err) != "shortReason" {
		t.Fatalf("short period without a reason: %v", err)
	}
	if after := counts(t, f.db); after != before {
		t.Fatalf("refused consultation changed the database")
	}
	pc, err := f.store.CheckPeriod(ctx, "2026-09-01", "")
	if err != nil || pc.EarliestClose != "2026-10-08" {
		t.Fatalf("earliest close across 国庆节 = %+v, %v", pc, err)
	}
	base.ShortReason = "省厅限期出台"
	c, err := f.store.SaveConsultation(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != core.ConsultationOpen || c.VersionID != v.ID || c.EarliestClose != "2026-12-02" || c.CountdownLabel != "今日到期" {
		t.Fatalf("consultation = %+v", c)
	}
	d, err := f.policies.Policy(ctx, p.ID)
	if err != nil || d.Policy.Status != core.PolicyConsulting || len(d.Consultations) != 1 {
		t.Fatalf("policy after opening: %+v %v", d.Policy, err)
	}
	// Dates of a started consultation change only by extending it.
	c.CloseDate = "2026-12-31"
	_, err = f.store.SaveConsultation(ctx, c)
	wantCode(t, err, core.EFORBID)
	_, err = f.store.ReopenConsultation(ctx, core.PeriodChange{ConsultationID: c.ID, NewClose: "2026-12-31", Reason: "x"})
	wantCode(t, err, core.EFORBID)
	_, err = f.store.ExtendConsultation(ctx, core.PeriodChange{ConsultationID: c.ID, NewClose: "2026-12-31"})
	wantCode(t, err, core.EINVALID)
	c, err = f.store.ExtendConsultation(ctx, core.PeriodChange{ConsultationID: c.ID, NewClose: "2026-11-27", Reason: "应企业请求延长"})
	if err != nil || c.CloseDate != "2026-11-27" || c.CountdownLabel != "剩余5个工作日" {
		t.Fatalf("extend: %+v %v", c, err)
	}
	detail, err := f.store.Consultation(ctx, c.ID)
	if err != nil || len(detail.Notices) != 2 || detail.Notices[1].Kind != core.NoticeExtended || detail.Notices[1].OldClose != "2026-11-20" || len(detail.Clauses) == 0 {
		t.Fatalf("notices = %+v, %v", detail.Notices, err)
	}
	for status, want := range map[string]int{core.ConsultationOpen: 1, core.ConsultationClosed: 0, core.ConsultationPending: 0, "": 1} {
		page, err := f.store.Consultations(ctx, core.ConsultationFilter{Status: status})
		if err != nil || page.Total != want {
			t.Errorf("status %q: %d, %v", status, page.Total, err)
		}
	}
	// 涉企 and nothing from enterprises yet; closing within three working days.
	ds, err := f.store.Deadlines(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	kinds := deadlineKinds(ds)
	if kinds != "consultation.enterprise_unheard" {
		t.Fatalf("deadlines = %s", kinds)
	}
	ds, _ = f.store.Deadlines(ctx, now.AddDate(0, 0, 4)) // Tuesday 24th: closes Friday
	if kinds := deadlineKinds(ds); kinds != "consultation.closing,consultation.enterprise_unheard" {
		t.Fatalf("deadlines on the 24th = %s", kinds)
	}
}

func deadlineKinds(ds []core.Deadline) string {
	var ks []string
	for _, d := range ds {
		ks = append(ks, d.Kind)
	}
	return strings.Join(ks, ",")
}

const goodCSV = "提交人,提交时间,意见内容,类别,渠道,涉及条款\n" +
	"张三,2026-11-05,建议第十二条的同意比例降低为过半数。,个人,网站,第十二条\n" +
	"临江电梯公司,2026/11/6,建议将审批时限压缩到十个工作日。,企业,邮件,\n" +
	"王五,2026年11月7日,\"建议第十二条的同意比例降低为过半数！\",市民,来信,\n" +
	"某协会,2026-11-08 10:30,总体支持。,社会组织,网站,第九十九条\n"

func TestCommentImportPreviewAndApply(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	c := f.consultation(t, true)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(goodCSV)
	if err != nil {
		t.Fatal(err)
	}
	before := counts(t, f.db)
	req := core.ImportRequest{ConsultationID: c.ID, FileName: "意见.csv"}
	pv, err := comments(f.store).PreviewImport(ctx, req, []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if counts(t, f.db) != before {
		t.Fatal("preview wrote to the database")
	}
	if pv.Encoding != "GBK" || pv.Total != 4 || pv.Valid != 4 || len(pv.Errors) != 0 || len(pv.Rows) != 4 {
		t.Fatalf("preview = %+v", pv)
	}
	r := pv.Rows
	if r[0].Category != "自然人" || strings.Join(r[0].Clauses, ",") != "第二章/第十二条" || r[1].Channel != "电子邮件" || r[1].ReceivedDate != "2026-11-06" ||
		r[2].Channel != "信函" || r[2].Category != "自然人" || r[3].ReceivedDate != "2026-11-08" || r[3].Category != "其他" {
		t.Fatalf("rows = %+v", r)
	}
	warnings := fmt.Sprint(pv.Warnings)
	if !strings.Contains(warnings, "第5行: 类别“社会组织”无法识别") || !strings.Contains(warnings, "第九十九条") {
		t.Fatalf("warnings = %s", warnings)
	}
	res, err := comments(f.store).ApplyImport(ctx, req, []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 4 || res.Grouping.Groups != 1 || res.Grouping.Duplicates != 1 {
		t.Fatalf("result = %+v", res)
	}
	var imports int
	if err := f.db.SQL().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'comment_batch'`).Scan(&imports); err != nil || imports != 1 {
		t.Fatalf("import audit entries = %d, %v", imports, err)
	}
	page, err := f.store.Comments(ctx, core.CommentFilter{ConsultationID: c.ID, Clause: "第二章/第十二条"})
	if err != nil || page.Total != 2 {
		t.Fatalf("comments on 第十二条 = %d, %v", page.Total, err)
	}
	got, err := f.store.Consultation(ctx, c.ID)
	if err != nil || got.Consultation.CommentCount != 4 || got.Consultation.GroupCount != 3 || got.Consultation.UndecidedCount != 4 {
		t.Fatalf("counts = %+v, %v", got.Consultation, err)
	}
	// An xlsx with a user's explicit mapping.
	data := xlsxBytes(t, []string{"序号", "反馈意见", "日期"}, [][]string{{"1", "建议增加加装电梯的财政补贴。", "2026-11-10"}})
	res, err = comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "a.xlsx", Mapping: map[string]int{"text": 1, "received": 2}, DefaultChannel: "电子邮件"}, data)
	if err != nil || res.Added != 1 {
		t.Fatalf("xlsx import: %+v %v", res, err)
	}
}

func TestCommentImportErrorsLeaveDatabaseUnchanged(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	c := f.consultation(t, false)
	for _, tc := range []struct {
		name, file string
		data       []byte
		req        core.ImportRequest
		want       string
	}{
		{"missing text", "a.csv", []byte("提交人,意见内容\n张三,有内容\n李四,\n"), core.ImportRequest{}, "第3行: 缺少意见内容"},
		{"bad date", "a.csv", []byte("意见内容,提交时间\n有内容,2026-13-45\n"), core.ImportRequest{}, "第2行: 提交日期“2026-13-45”无法识别"},
		{"unknown channel", "a.csv", []byte("意见内容,渠道\n有内容,微博\n"), core.ImportRequest{}, "第2行: 无法识别的反馈渠道“微博”"},
		{"wrong columns", "a.csv", []byte("姓名,电话\n张三,123\n"), core.ImportRequest{}, "缺少必需的列"},
		{"mapping out of range", "a.csv", []byte("意见内容\n有内容\n"), core.ImportRequest{Mapping: map[string]int{"text": 5}}, "对应的列不存在"},
		{"empty file", "a.csv", []byte{}, core.ImportRequest{}, "文件为空"},
		{"header only", "a.csv", []byte("意见内容\n"), core.ImportRequest{}, "没有意见数据"},
		{"legacy xls", "a.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), core.ImportRequest{}, ".xls"},
		{"a pdf", "a.pdf", mustRead(t, testutil.Testdata(t, "docimport", "policy.pdf")), core.ImportRequest{}, "不是表格"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.ConsultationID, tc.req.FileName = c.ID, tc.file
			before := counts(t, f.db)
			_, err := comments(f.store).ApplyImport(ctx, tc.req, tc.data)
			wantCode(t, err, core.EIMPORT)
			if !strings.Contains(core.ErrorMessage(err), tc.want) {
				t.Fatalf("message %q lacks %q", core.ErrorMessage(err), tc.want)
			}
			if after := counts(t, f.db); after != before {
				t.Fatalf("database changed:\n%s\n%s", before, after)
			}
			pv, err := comments(f.store).PreviewImport(ctx, tc.req, tc.data)
			if err == nil && !strings.Contains(fmt.Sprint(pv.Errors), tc.want) {
				t.Fatalf("preview errors %v lack %q", pv.Errors, tc.want)
			}
		})
	}
	_, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: 999, FileName: "a.csv"}, []byte("意见内容\nx\n"))
	wantCode(t, err, core.ENOTFOUND)
}

func TestCommentGroupingDecisionsAndReport(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	c := f.consultation(t, true)
	var b strings.Builder
	b.WriteString("意见内容,类别,提交时间\n")
	campaign := "我是一楼住户，坚决反对第十二条三分之二同意即可加装的规定，加装电梯影响一楼采光通风，建议必须取得一楼业主书面同意。"
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "%s%s,自然人,2026-11-1%d\n", campaign, strings.Repeat("请采纳。", i%2), i)
	}
	b.WriteString("建议第十三条审批时限压缩为十个工作日。,企业,2026-11-12\n")
	b.WriteString("希望加大老旧小区加装电梯的财政补贴力度，每台补贴不低于二十万元。,自然人,2026-11-13\n")
	res, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "b.csv"}, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if res.Grouping.Groups != 1 || res.Grouping.Duplicates != 4 {
		t.Fatalf("grouping = %+v", res.Grouping)
	}
	g := res.Grouping.List[0]
	if g.Count != 5 || g.Representative.ID == 0 || g.Similarity < 0.5 {
		t.Fatalf("group = %+v", g)
	}
	// Split one out; regrouping keeps the staff's decision.
	split, err := f.store.SplitComment(ctx, g.Members[4].ID)
	if err != nil || split.GroupSize != 1 {
		t.Fatalf("split: %+v %v", split, err)
	}
	if _, err := f.store.Regroup(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	groups, err := f.store.Groups(ctx, c.ID)
	if err != nil || len(groups) != 1 || groups[0].Count != 4 {
		t.Fatalf("groups after split and regroup = %+v, %v", groups, err)
	}
	// Merge the split comment back with another single comment into the group.
	merged, err := f.store.MergeGroups(ctx, core.GroupMerge{ConsultationID: c.ID, GroupIDs: []int64{groups[0].ID}, CommentIDs: []int64{split.ID}})
	if err != nil || merged.Count != 5 || !merged.Manual {
		t.Fatalf("merge: %+v %v", merged, err)
	}
	// Decide the group at once, the rest one by one.
	_, err = f.store.Decide(ctx, core.Decision{GroupID: merged.ID, Decision: core.DecisionRejected})
	wantCode(t, err, core.EINVALID)
	decided, err := f.store.Decide(ctx, core.Decision{GroupID: merged.ID, Decision: core.DecisionRejected, Reason: "表决比例依据《民法典》第二百七十八条", Response: "感谢您的意见"})
	if err != nil || len(decided) != 5 || decided[0].DecidedBy != "孙佳怡" || decided[0].DecidedAt == "" {
		t.Fatalf("group decision: %+v %v", decided, err)
	}
	if a := lastAudit(t, f.db); a.Entity != "comment_group" || !strings.Contains(a.Summary, "整组5条") || !strings.Contains(a.Changes, `"comments"`) {
		t.Fatalf("group decision audit = %+v", a)
	}
	rest, err := f.store.Comments(ctx, core.CommentFilter{ConsultationID: c.ID, Decision: "undecided"})
	if err != nil || rest.Total != 2 {
		t.Fatalf("undecided = %d, %v", rest.Total, err)
	}
	for _, cm := range rest.Comments {
		if _, err := f.store.Decide(ctx, core.Decision{CommentID: cm.ID, Decision: core.DecisionAdopted}); err != nil {
			t.Fatal(err)
		}
	}
	// The report cannot be published while the consultation is open.
	r, err := f.store.Report(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 7 || r.Opinions != 3 || len(r.NotAdopted) != 1 || r.NotAdopted[0].Count != 5 || !r.EnterpriseHeard || !strings.Contains(r.Text, "共5条相同或相近意见") {
		t.Fatalf("report = %+v", r)
	}
	_, err = f.store.PublishReport(ctx, core.ReportPublication{ConsultationID: c.ID, PublishedDate: "2026-12-10", PublishedURL: "https://x"})
	wantCode(t, err, core.EFORBID)

	// After closing: the report is due within 10 working days of the close date.
	later := sqlite.NewDB(f.db.Path, rules.All())
	later.Clock, later.DataDir = core.NewFixedClock(now.AddDate(0, 0, 30)), f.db.DataDir // 2026-12-20, a Sunday
	if err := later.Open(); err != nil {
		t.Fatal(err)
	}
	defer later.Close()
	cal := calendar.New(calendar.Builtin())
	store := sqlite.NewConsultationStore(later, func() *calendar.Calendar { return cal }, dedup.Grouper{Seg: bigramSegmenter{}}, nil)
	ds, err := store.Deadlines(ctx, later.Clock.Now())
	if err != nil || deadlineKinds(ds) != "consultation.report_due" || ds[0].Due != "2026-12-16" || ds[0].Status != "overdue" {
		t.Fatalf("deadlines after closing = %+v, %v", ds, err)
	}
	if _, err := store.SetReportDueWorkdays(ctx, 15); err != nil {
		t.Fatal(err)
	}
	if ds, _ = store.Deadlines(ctx, later.Clock.Now()); ds[0].Due != "2026-12-23" || ds[0].Status != "pending" {
		t.Fatalf("deadline with 15 working days = %+v", ds[0])
	}
	if _, err := store.Report(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	// The report goes out only after its own sign-off round is complete.
	publication := core.ReportPublication{ConsultationID: c.ID, PublishedDate: "2026-12-18", PublishedURL: "https://ghzy.linjiang.gov.cn/zqyj/1"}
	_, err = store.PublishReport(ctx, publication)
	if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "尚未提交审签") {
		t.Fatalf("publish before sign-off: %v", err)
	}
	interps := sqlite.NewInterpretationStore(later, func() *calendar.Calendar { return cal })
	if _, err := interps.SubmitSignoff(ctx, core.SubjectReport, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = store.PublishReport(ctx, publication)
	if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "正在审签") {
		t.Fatalf("publish during sign-off: %v", err)
	}
	settings := sqlite.NewSettingsStore(later)
	var approvers []int64
	for i := 0; i < 3; i++ {
		approver := mustPerson(t, ctx, settings, fmt.Sprintf("审签人%d", i+1), f.sectionID, core.RoleApprover)
		approvers = append(approvers, approver.ID)
	}
	signAll := func() {
		t.Helper()
		for _, id := range approvers {
			if _, err := settings.SetCurrentUser(ctx, id); err != nil {
				t.Fatal(err)
			}
			if _, err := interps.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectReport, SubjectID: c.ID, Decision: core.DecisionApprove}); err != nil {
				t.Fatal(err)
			}
		}
	}
	signAll()
	// Opened again the next day, the report is regenerated with that day's date: the sign-off still holds.
	nextDay := sqlite.NewDB(f.db.Path, rules.All())
	nextDay.Clock, nextDay.DataDir = core.NewFixedClock(now.AddDate(0, 0, 31)), f.db.DataDir
	if err := nextDay.Open(); err != nil {
		t.Fatal(err)
	}
	defer nextDay.Close()
	nextStore := sqlite.NewConsultationStore(nextDay, func() *calendar.Calendar { return cal }, dedup.Grouper{Seg: bigramSegmenter{}}, nil)
	if r, err := nextStore.Report(ctx, c.ID); err != nil || !strings.Contains(r.Text, "2026年12月21日") {
		t.Fatalf("next day's report: %v", err)
	}
	if d, err := nextStore.Consultation(ctx, c.ID); err != nil || d.Consultation.ReportChanged {
		t.Fatalf("a new date alone invalidates the sign-off: %+v %v", d.Consultation.ReportChanged, err)
	}
	// A decision changed after the sign-off changes the report: what was signed is not what would go out.
	if _, err := store.Decide(ctx, core.Decision{CommentID: rest.Comments[0].ID, Decision: core.DecisionPartly, Reason: "部分采纳，在第二条中体现"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Report(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = store.PublishReport(ctx, publication)
	if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "重新提交审签") {
		t.Fatalf("publish a changed report: %v", err)
	}
	if _, err := interps.SubmitSignoff(ctx, core.SubjectReport, c.ID); err != nil {
		t.Fatal(err)
	}
	signAll()
	pub, err := store.PublishReport(ctx, publication)
	if err != nil || pub.ReportPublished != "2026-12-18" {
		t.Fatalf("publish report: %+v %v", pub, err)
	}
	if ds, _ = store.Deadlines(ctx, later.Clock.Now()); len(ds) != 0 {
		t.Fatalf("deadlines after publishing = %+v", ds)
	}
	if check, err := later.VerifyAudit(ctx); err != nil || !check.OK {
		t.Fatalf("audit chain: %+v %v", check, err)
	}
}

func TestCommentHandEntry(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	c := f.consultation(t, false)
	_, err := f.store.SaveComment(ctx, core.Comment{ConsultationID: c.ID, ReceivedDate: "2026-11-10", Channel: "网站", Category: "自然人"})
	if core.ErrorField(err) != "body" {
		t.Fatalf("empty body: %v", err)
	}
	cm, err := f.store.SaveComment(ctx, core.Comment{ConsultationID: c.ID, ReceivedDate: "2026/11/10", Channel: "座谈会", Category: "行业协会商会",
		Commenter: "临江市房地产业协会", Body: "建议明确加装电梯的消防间距要求。", Clauses: []string{"第二章/第十三条"}})
	if err != nil || cm.ReceivedDate != "2026-11-10" || cm.Category != "行业协会商会" {
		t.Fatalf("save: %+v %v", cm, err)
	}
	cm.Body = "建议明确加装电梯井道与消防车道的最小间距。"
	if cm, err = f.store.SaveComment(ctx, cm); err != nil {
		t.Fatal(err)
	}
	if a := lastAudit(t, f.db); a.Entity != "comment" || !strings.Contains(a.Changes, "最小间距") {
		t.Fatalf("edit audit = %+v", a)
	}
	if err := f.store.DeleteComment(ctx, cm.ID); err != nil {
		t.Fatal(err)
	}
	if a := lastAudit(t, f.db); a.Action != "delete" {
		t.Fatalf("delete audit = %+v", a)
	}
	all, err := f.store.AllComments(ctx, c.ID)
	if err != nil || len(all) != 0 {
		t.Fatalf("comments after delete = %d %v", len(all), err)
	}
}

// BenchmarkImportComments1000 measures ApplyImport of a 1,000-row CSV, grouping included (the fake
// segmenter is cheap; jieba adds about 1 ms per comment).
func BenchmarkImportComments1000(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("提交人,提交时间,意见内容,类别,渠道\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&buf, "市民%d,2026-11-%02d,建议第十二条增加老旧小区加装电梯的资金补助标准，第%d号楼居民反映上下楼困难。,个人,网站\n", i, i%18+2, i%40)
	}
	data := buf.Bytes()
	for b.Loop() {
		b.StopTimer()
		f := newConsultFixture(b)
		c := f.consultation(b, false)
		b.StartTimer()
		res, err := comments(f.store).ApplyImport(context.Background(), core.ImportRequest{ConsultationID: c.ID, FileName: "bench.csv"}, data)
		if err != nil || res.Added != 1000 {
			b.Fatal(res.Added, err)
		}
	}
}
