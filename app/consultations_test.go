package app

import (
	"archive/zip"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/dedup"
	"policydesk/internal/sqlite"
)

// hanBigrams stands in for jieba in these tests: overlapping pairs of Chinese characters.
type hanBigrams struct{}

func (hanBigrams) Cut(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i+1 < len(rs); i++ {
		if unicode.Is(unicode.Han, rs[i]) && unicode.Is(unicode.Han, rs[i+1]) {
			out = append(out, string(rs[i:i+2]))
		}
	}
	return out
}

func (hanBigrams) Keywords(string, int) []core.Keyword { return nil }

func TestConsultationBridgeImportDecideAndExport(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t, time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		t.Fatal(err)
	}
	sec, err := settings.SaveSection(ctx, core.Section{Name: "开发利用组", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	calFn := func() *calendar.Calendar { return cal }
	var events []string
	emit := func(name string, _ ...any) { events = append(events, name) }
	policies := NewPolicyService(sqlite.NewPolicyStore(db, calFn), emit)
	exportDir := filepath.Join(t.TempDir(), "exports")
	svc := NewConsultationService(sqlite.NewConsultationStore(db, calFn, dedup.Grouper{Seg: hanBigrams{}}, nil), exportDir, emit)

	p, err := policies.SavePolicy(core.Policy{Title: "临江市城市更新实施办法(征求意见稿)", Category: "规范性文件", SectionID: sec.ID,
		Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"})
	if err != nil {
		t.Fatal(err)
	}
	text := "第一条 为推进城市更新，制定本办法。\n第二条 城市更新应当坚持规划引领。\n"
	if _, err := policies.ImportVersionData(p.ID, "征求意见稿", "2026-10-01", "draft.txt", base64.StdEncoding.EncodeToString([]byte(text))); err != nil {
		t.Fatal(err)
	}
	c, err := svc.SaveConsultation(core.Consultation{PolicyID: p.ID, OpenDate: "2026-10-09", CloseDate: "2026-11-10", Channels: []string{"网站"}, Contact: "0571-88012341"})
	if err != nil || c.Status != core.ConsultationClosed {
		t.Fatalf("consultation: %+v %v", c, err)
	}
	csv := "意见内容,类别\n建议第二条增加历史文化保护的要求。,专家\n建议第二条增加历史文化保护的要求！,专家学者\n"
	data := "data:text/csv;base64," + base64.StdEncoding.EncodeToString([]byte(csv))
	req := core.ImportRequest{ConsultationID: c.ID, FileName: "意见.csv", DefaultDate: "2026-11-01"}
	if pv, err := svc.PreviewImportData(req, data); err != nil || pv.Valid != 2 {
		t.Fatalf("preview: %+v %v", pv, err)
	}
	res, err := svc.ApplyImportData(req, data)
	if err != nil || res.Added != 2 || res.Grouping.Groups != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if _, err := svc.ApplyImportData(req, "%%%"); core.ErrorCode(err) != core.EIMPORT {
		t.Fatalf("bad base64: %v", err)
	}
	if _, err := svc.Decide(core.Decision{GroupID: res.Grouping.List[0].ID, Decision: core.DecisionPartly, Reason: "已在第二条中增加原则性规定"}); err != nil {
		t.Fatal(err)
	}
	files, err := svc.ExportAll(c.ID, "")
	if err != nil || len(files) != 3 {
		t.Fatalf("exports: %+v %v", files, err)
	}
	for _, f := range files {
		if filepath.Dir(f.Path) != exportDir || !strings.HasPrefix(f.Name, "临江市城市更新实施办法(征求意见稿)") {
			t.Errorf("export %+v", f)
		}
	}
	if z, err := zip.OpenReader(files[0].Path); err != nil {
		t.Fatalf("docx: %v", err)
	} else {
		z.Close()
	}
	page, err := os.ReadFile(files[1].Path)
	if err != nil || !strings.Contains(string(page), "已在第二条中增加原则性规定") {
		t.Fatalf("html lacks the reason: %v", err)
	}
	x, err := excelize.OpenFile(files[2].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("意见台账")
	if err != nil || len(rows) != 4 || rows[2][10] != core.DecisionPartly {
		t.Fatalf("ledger rows = %q, %v", rows, err)
	}
	// The report is published only after its sign-off: the section's head, its 分管领导 and a third approver.
	var signers []core.Person
	for _, name := range []string{"郑海涛", "张卫东", "梁红"} {
		who, err := settings.SavePerson(ctx, core.Person{Name: name, SectionID: sec.ID, Role: core.RoleApprover, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		signers = append(signers, who)
	}
	sec.HeadID, sec.LeaderID = signers[0].ID, signers[1].ID
	if _, err := settings.SaveSection(ctx, sec); err != nil {
		t.Fatal(err)
	}
	interps := sqlite.NewInterpretationStore(db, calFn)
	so, err := interps.SubmitSignoff(ctx, core.SubjectReport, c.ID)
	if err != nil || so.Steps[0].PersonName != "郑海涛" || so.Steps[1].PersonName != "张卫东" || so.Steps[2].PersonID != 0 {
		t.Fatalf("report sign-off steps: %+v %v", so.Steps, err)
	}
	for _, who := range signers {
		if _, err := settings.SetCurrentUser(ctx, who.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := interps.DecideSignoff(ctx, core.SignoffAction{SubjectType: core.SubjectReport, SubjectID: c.ID, Decision: core.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
	}
	sheet, err := NewInterpretationService(interps, hanBigrams{}, exportDir, db.Clock, nil).ExportSignoffDOCX(core.SubjectReport, c.ID, "")
	if err != nil || !strings.Contains(sheet.Name, "意见采纳情况说明审签单") {
		t.Fatalf("report sign-off sheet: %+v %v", sheet, err)
	}
	if _, err := svc.PublishReport(core.ReportPublication{ConsultationID: c.ID, PublishedDate: "2026-11-20", PublishedURL: "https://ghzy.linjiang.gov.cn/zqyj/2"}); err != nil {
		t.Fatal(err)
	}
	want := []string{EventPoliciesChanged, EventPoliciesChanged, EventPoliciesChanged, EventConsultationsChanged, EventCommentImportProgress, EventCommentsChanged,
		EventCommentsChanged, EventConsultationsChanged}
	if strings.Join(events, ",") != strings.Join(want, ",") {
		t.Fatalf("events = %v", events)
	}
}

// gatedComments holds a comment import after its first chunk until the test lets it go on.
type gatedComments struct {
	ConsultationStore
	gate *progressGate
}

func (g gatedComments) ImportComments(ctx context.Context, id int64, file core.ImportFile, rows []core.ImportRow,
	progress func(core.ImportProgress)) (core.ImportResult, error) {
	return g.ConsultationStore.ImportComments(ctx, id, file, rows, g.gate.hold(progress))
}

func TestConsultationImportReportsProgressAndCancels(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t, time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	settings := sqlite.NewSettingsStore(db)
	sec, err := settings.SaveSection(ctx, core.Section{Name: "开发利用组", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	calFn := func() *calendar.Calendar { return cal }
	rec := newRecorder()
	policies := NewPolicyService(sqlite.NewPolicyStore(db, calFn), func(string, ...any) {})
	store := gatedComments{ConsultationStore: sqlite.NewConsultationStore(db, calFn, dedup.Grouper{Seg: hanBigrams{}}, nil), gate: newProgressGate()}
	svc := NewConsultationService(store, t.TempDir(), rec.emit)
	p, err := policies.SavePolicy(core.Policy{Title: "临江市城市更新实施办法(征求意见稿)", Category: "规范性文件", SectionID: sec.ID,
		Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := svc.SaveConsultation(core.Consultation{PolicyID: p.ID, OpenDate: "2026-10-09", CloseDate: "2026-11-10", Channels: []string{"网站"}, Contact: "0571-88012341"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("意见内容,类别\n")
	for range 5000 {
		b.WriteString("反对第二条的表决比例，建议改为四分之三以上业主同意。,个人\n")
	}
	data := base64.StdEncoding.EncodeToString([]byte(b.String()))
	req := core.ImportRequest{ConsultationID: c.ID, FileName: "意见.csv", DefaultDate: "2026-11-01"}
	checkProgressAndCancel(t, cancellableImport{
		rec: rec, event: EventCommentImportProgress, gate: store.gate,
		run: func() error {
			_, err := svc.ApplyImportData(req, data)
			return err
		},
		cancel: func() bool {
			running, err := svc.CancelImport()
			return err == nil && running
		},
		right: func(p core.ImportProgress) bool { return p == core.ImportProgress{Done: 2000, Total: 5000} },
		kept: func() int {
			page, err := svc.ListComments(core.CommentFilter{ConsultationID: c.ID, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			return page.Total
		},
	})
}
