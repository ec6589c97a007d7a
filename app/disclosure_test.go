package app

import (
	"archive/zip"
	"encoding/base64"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// A register picked in the browser is previewed row by row and imported whole; a bad row imports nothing.
func TestDisclosureRegisterImportAndLetters(t *testing.T) {
	var events []string
	svc, _ := newDisclosureService(t, func(name string, _ ...any) { events = append(events, name) })
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	const header = "编号,收到日期,申请人,申请人类型,申请内容,申请方式,办理结果,答复日期\n"
	bad := b64(header + "1,2026-03-03,张三,自然人,征地批复,信函,予以公开,2026-03-20\n2,2026-03-05,李四,个体户,规划许可,网络,,\n")
	p, err := svc.PreviewRegisterData("台账.csv", bad)
	if err != nil || len(p.Errors) != 1 || !strings.Contains(p.Errors[0], "第3行") || !strings.Contains(p.Errors[0], "个体户") {
		t.Fatalf("preview of a bad register: %+v %v", p, err)
	}
	if _, err := svc.ImportRegisterData("台账.csv", bad); core.ErrorCode(err) != core.EIMPORT {
		t.Fatalf("import of a bad register: %v", err)
	}
	good := b64(header + "1,2026-03-03,张三,自然人,征地批复,信函,予以公开,2026-03-20\n2,2026-03-05,李四,商业企业,规划许可,网络,,\n")
	if p, err = svc.PreviewRegisterData("台账.csv", good); err != nil || p.Rows != 2 || p.Answered != 1 || p.Open != 1 || p.From != "2026-03-03" {
		t.Fatalf("preview: %+v %v", p, err)
	}
	if n, err := svc.ImportRegisterData("台账.csv", good); err != nil || n != 2 {
		t.Fatalf("import: %d %v", n, err)
	}
	page, err := svc.ListRequests(core.DisclosureFilter{})
	list := page.Requests
	if err != nil || len(list) != 2 || page.Total != 2 {
		t.Fatalf("register: %+v %v", page, err)
	}
	if one, err := svc.ListRequests(core.DisclosureFilter{Limit: 1, Offset: 1}); err != nil || one.Total != 2 || len(one.Requests) != 1 ||
		one.Requests[0].ID != list[1].ID {
		t.Fatalf("second page: %+v %v", one, err)
	}
	// the imported open case's 受理回执 is written; an 答复书 for it is refused until it is answered
	var open core.DisclosureRequest
	for _, r := range list {
		if r.Outcome < 0 {
			open = r
		}
	}
	f, err := svc.ExportLetter(open.ID, "受理回执", "")
	if err != nil || !strings.HasSuffix(f.Name, "受理回执.docx") {
		t.Fatalf("receipt: %+v %v", f, err)
	}
	if _, err := svc.ExportLetter(open.ID, "答复书", ""); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("答复书 before the answer: %v", err)
	}
	if len(events) != 1 || events[0] != EventDisclosureChanged {
		t.Fatalf("events = %v", events)
	}

	// 复议 and 诉讼 over an answer count in table 四 of the year they were filed, with their result then.
	var answered core.DisclosureRequest
	for _, r := range list {
		if r.Outcome >= 0 {
			answered = r
		}
	}
	if _, err := svc.SaveRemedy(core.DisclosureRemedy{RequestID: open.ID, Kind: "行政复议", Filed: "2026-04-01"}); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("remedy on an open application: %v", err)
	}
	if _, err := svc.SaveRemedy(core.DisclosureRemedy{RequestID: answered.ID, Kind: "行政复议", Filed: "2026-03-01"}); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("remedy filed before the answer: %v", err)
	}
	d, err := svc.SaveRemedy(core.DisclosureRemedy{RequestID: answered.ID, Kind: "行政复议", Filed: "2026-04-01", Forum: "临江市人民政府"})
	if err != nil || len(d.Remedies) != 1 || d.Remedies[0].Result != "尚未审结" {
		t.Fatalf("remedy: %+v %v", d.Remedies, err)
	}
	t4, err := svc.AnnualTable4(2026)
	if err != nil || t4.Cells[0][3] != 1 || t4.Cells[0][4] != 1 {
		t.Fatalf("table 四 pending: %+v %v", t4, err)
	}
	m := d.Remedies[0]
	m.Result, m.Decided = "结果纠正", "2026-06-01"
	if _, err := svc.SaveRemedy(m); err != nil {
		t.Fatal(err)
	}
	if t4, _ = svc.AnnualTable4(2026); t4.Cells[0][1] != 1 || t4.Cells[0][3] != 0 || t4.Cells[0][4] != 1 {
		t.Fatalf("table 四 decided: %+v", t4)
	}
}

// The letters' texts are edited in 设置: an unknown placeholder is refused naming it, generation uses the edited
// text, and a reset brings back the built-in one.
func TestLetterTemplates(t *testing.T) {
	svc, store := newDisclosureService(t, func(string, ...any) {})
	list, err := svc.LetterTemplates()
	if err != nil || len(list) != 11 || list[0].Kind != "受理回执" || list[0].Edited || list[0].Body != list[0].Builtin || len(list[0].Placeholders) == 0 {
		t.Fatalf("templates: %+v %v", list, err)
	}
	_, err = svc.SaveLetterTemplate("受理回执", "{申请人}：您的申请已由{承办人}受理。")
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "{承办人}") {
		t.Fatalf("unknown placeholder: %v", err)
	}
	saved, err := svc.SaveLetterTemplate("受理回执", "本局已于{收到日期}收到您的申请，将于{答复期限}前答复。")
	if err != nil || !saved.Edited || saved.Builtin == saved.Body {
		t.Fatalf("saved %+v %v", saved, err)
	}
	d, err := store.RegisterDisclosure(t.Context(), core.DisclosureIntake{Channel: "当面", Arrived: "2026-11-20", Applicant: "陈立平", ApplicantType: "自然人", Content: "征收补偿方案"})
	if err != nil {
		t.Fatal(err)
	}
	receipt := func() string {
		f, err := svc.ExportLetter(d.Request.ID, "受理回执", "")
		if err != nil {
			t.Fatal(err)
		}
		return docxText(t, f.Path)
	}
	if text := receipt(); !strings.Contains(text, "本局已于2026年11月20日收到您的申请") || strings.Contains(text, "第三十三条") {
		t.Fatalf("receipt not from the edited text: %s", text)
	}
	back, err := svc.ResetLetterTemplate("受理回执")
	if err != nil || back.Edited || back.Body != back.Builtin {
		t.Fatalf("reset %+v %v", back, err)
	}
	if text := receipt(); !strings.Contains(text, "第三十三条") {
		t.Fatalf("receipt not back to the built-in text: %s", text)
	}
	if _, err := svc.ResetLetterTemplate("通知书"); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("reset of an unknown letter: %v", err)
	}
}

// docxText is the text of a DOCX's body, its XML tags dropped.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), "")
		}
	}
	t.Fatal("no document.xml")
	return ""
}

// newDisclosureService is the 依申请公开 service over a fresh database on 2026-11-20 with the built-in calendar.
func newDisclosureService(t *testing.T, emit func(string, ...any)) (*DisclosureService, *sqlite.DisclosureStore) {
	t.Helper()
	db := openTestDB(t, time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	cal := calendar.New(calendar.Builtin())
	store := sqlite.NewDisclosureStore(db, func() *calendar.Calendar { return cal })
	return NewDisclosureService(store, t.TempDir(), db.Clock, emit), store
}
