package docimport

import (
	"fmt"
	"os"
	"path/filepath"
	"policydesk/internal/testutil"
	"strings"
	"testing"
)

func BenchmarkReadCSV1000(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("提交人,提交时间,意见内容,类别\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "提交人%d,2026-03-%02d,\"第%d条意见：建议明确起算日，\n并增加线下座谈会。\",个人\n", i, i%28+1, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadTable("bench.csv", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractPDF(b *testing.B) {
	path := filepath.Join(testutil.Corpus(b, "pdf"), "01_hongze_2023_gov_info_disclosure_annual_report.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ExtractText("bench.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}
