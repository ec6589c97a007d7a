package docimport

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/core"
)

// TestPDFChildMissing refuses, in Chinese and naming the file, when no extraction process can
// be started, rather than parsing in the importer's own process.
func TestPDFChildMissing(t *testing.T) {
	saved := pdfCommand
	t.Cleanup(func() { pdfCommand = saved })
	pdfCommand = func(ctx context.Context) (*exec.Cmd, error) {
		return exec.CommandContext(ctx, filepath.Join(t.TempDir(), "missing")), nil
	}
	_, err := ExtractText("a.pdf", tinyPDF())
	wantCode(t, err, core.EIMPORT, "a.pdf")
	if !strings.Contains(core.ErrorMessage(err), "无法启动 PDF 解析进程") {
		t.Errorf("message %q", core.ErrorMessage(err))
	}
}

func TestCSVRecordLimits(t *testing.T) {
	for name, tc := range map[string]struct {
		data string
		want string
	}{
		"long.csv":  {"意见,姓名\n甲,乙\n" + strings.Repeat("长", MaxRecordSize/3+1) + ",丙\n", "第3行：一行内容超过"},
		"quote.csv": {"意见,姓名\n甲,乙\n\"" + strings.Repeat("长\n", MaxRecordSize/2), "第3行：一行内容超过"},
		"wide.csv":  {"意见,姓名\n甲,乙\n" + strings.Repeat("丙,", MaxColumns+1) + "\n", "第3行：有202列，超过 200 列的上限"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadTable(name, []byte(tc.data))
			wantCode(t, err, core.EIMPORT, name)
			if msg := core.ErrorMessage(err); !strings.Contains(msg, tc.want) {
				t.Errorf("message %q, want %q", msg, tc.want)
			}
		})
	}
	// Trailing empty columns, as spreadsheet programs export them, are no reason to refuse.
	tb, err := ReadTable("trailing.csv", []byte("意见,姓名"+strings.Repeat(",", MaxColumns+10)+"\n甲,乙"+strings.Repeat(",", MaxColumns+10)+"\n"))
	if err != nil || len(tb.Headers) != 2 || len(tb.Rows) != 1 {
		t.Fatalf("got %v, %v", tb.Headers, err)
	}
}

// TestPDFConcurrent reads more PDFs at once than there are extraction slots: each waits its
// turn and all succeed.
func TestPDFConcurrent(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	errs := make(chan error, 2*cap(pdfSlots)+1)
	for range cap(errs) {
		go func() {
			_, err := ExtractText("tiny.pdf", tinyPDF())
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
