package sqlite_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"policydesk/internal/core"
)

func gbk(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

const importHeader = "留言编号,留言时间,留言人,联系电话,留言标题,留言内容,是否同意公开\n"

func TestMessageImportPreviewErrorsAndAllOrNothing(t *testing.T) {
	f := newMailboxFixture(t)
	bad := importHeader +
		"W001,2026-11-18 09:12,张伟,13812345678,不动产证,请问不动产证加名怎么办理,是\n" +
		"W002,2026-11-18 10:00,李娜,,,,否\n" +
		"W003,昨天,王芳,,违建,举报小区顶楼违建,否\n"
	p, err := messages(f.store, f.matcher).PreviewImport(f.ctx, "留言.csv", gbk(t, bad), nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != "GBK" && p.Encoding != "GB18030" {
		t.Errorf("encoding = %s", p.Encoding)
	}
	wantErrors := []string{"第3行: 缺少留言内容", "第4行: 留言时间“昨天”无法识别(应为2026-11-20 09:30这样的格式)"}
	if strings.Join(p.Errors, "|") != strings.Join(wantErrors, "|") {
		t.Errorf("errors = %q", p.Errors)
	}
	if p.Total != 3 || len(p.Rows) != 3 || p.Rows[0].Input.SenderName != "张伟" || !p.Rows[0].Input.AgreePublish {
		t.Errorf("preview = %+v", p)
	}
	_, err = messages(f.store, f.matcher).ApplyImport(f.ctx, "留言.csv", gbk(t, bad), nil)
	mbMustCode(t, err, core.EIMPORT)
	if !strings.Contains(core.ErrorMessage(err), "第3行: 缺少留言内容") {
		t.Errorf("message = %s", core.ErrorMessage(err))
	}
	if n := f.count(t, `SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM import_batches) + (SELECT COUNT(*) FROM messages_fts)`); n != 0 {
		t.Errorf("a failed import left %d rows behind", n)
	}

	_, err = messages(f.store, f.matcher).PreviewImport(f.ctx, "留言.csv", []byte("编号,姓名\n1,张三\n"), nil)
	mbMustCode(t, err, core.EIMPORT)
}

func TestMessageImportSkipsDuplicatesAndRoutes(t *testing.T) {
	f := newMailboxFixture(t)
	f.create(t, core.MessageInput{SenderName: "赵敏", Body: "我家宅基地确权什么时候开始？", ReceivedAt: "2026-11-10 08:00"})
	file := importHeader +
		"W001,2026/11/18 9:12,张伟,13812345678,不动产证,请问不动产证加名怎么办理,是\n" +
		"W002,2026年11月18日,李娜,,,举报河道边违建,否\n" +
		"W001,2026-11-18 09:12,张伟,13812345678,不动产证,同一编号再次出现,是\n" +
		"W004,2026-11-19,赵敏,,,我家宅基地确权什么时候开始？,否\n" +
		"W005,2026-11-19,钱进,,,举报河道边违建,否\n" +
		"W006,2026-11-19,钱进,,,举报河道边违建,否\n"
	res, err := messages(f.store, f.matcher).ApplyImport(f.ctx, "留言.csv", []byte(file), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := core.MessageImportResult{BatchID: res.BatchID, Total: 6, Added: 3, Skipped: 3, Routed: 3, Pending: 0}
	if res != want {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	again, err := messages(f.store, f.matcher).ApplyImport(f.ctx, "留言.csv", []byte(file), nil)
	if err != nil || again.Added != 0 || again.Skipped != 6 {
		t.Errorf("second import = %+v %v", again, err)
	}
	page, err := f.store.Messages(f.ctx, core.MessageFilter{Text: "加名"})
	if err != nil || page.Total != 1 || page.Items[0].ExternalID != "W001" || page.Items[0].ReceivedAt != "2026-11-18T09:12:00+08:00" {
		t.Errorf("imported message = %+v %v", page, err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'import_batch'`); n != 2 {
		t.Errorf("import audit entries = %d", n)
	}
}

func TestMessageImportColumnChoice(t *testing.T) {
	f := newMailboxFixture(t)
	file := "A,B,C\n2026-11-18,周杰,请问不动产登记周末上班吗\n"
	_, err := messages(f.store, f.matcher).PreviewImport(f.ctx, "x.csv", []byte(file), nil)
	mbMustCode(t, err, core.EIMPORT)
	cols := map[string]int{"receivedAt": 0, "senderName": 1, "body": 2}
	p, err := messages(f.store, f.matcher).PreviewImport(f.ctx, "x.csv", []byte(file), cols)
	if err != nil || len(p.Errors) != 0 || p.Rows[0].Input.SenderName != "周杰" {
		t.Fatalf("preview = %+v %v", p, err)
	}
	res, err := messages(f.store, f.matcher).ApplyImport(f.ctx, "x.csv", []byte(file), cols)
	if err != nil || res.Added != 1 {
		t.Errorf("apply = %+v %v", res, err)
	}
}
