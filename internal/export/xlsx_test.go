package export

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteXLSXRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "审计日志.xlsx")
	rows := [][]string{{"1", "2026-11-20T09:30:00+08:00", "周明远", "<script>alert(1)</script>"}, {"2", "x", "", "0571-88012345"}}
	err := WriteXLSX(path, Table{Sheet: "审计日志", Title: "审计日志(全部)", Headers: []string{"序号", "时间", "人员", "摘要"}, Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows("审计日志")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0][0] != "审计日志(全部)" || got[1][3] != "摘要" || got[2][3] != "<script>alert(1)</script>" || got[3][3] != "0571-88012345" {
		t.Fatalf("rows = %q", got)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".export-*")); len(matches) != 0 {
		t.Fatalf("temporary files left: %v", matches)
	}
}
