package docimport

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"policydesk/internal/core"
)

// Each fuzz target checks that an importer never panics and fails only with a domain error;
// the limits and the PDF page-tree walker keep every input bounded.

// tinyPDF is a one-page PDF with a line of Latin text in a standard font, small enough for the
// fuzzer to mutate every structure in it.
func tinyPDF() []byte {
	content := "BT /F1 12 Tf 10 100 Td (Comments on the draft policy are welcome until March) Tj ET"
	return pdfOf("[3 0 R]", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
}

// pdfOf is a PDF with the given page list (pages 3 0 R, each drawing contents 4 0 R in Helvetica).
func pdfOf(kids, contents string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids " + kids + " /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		contents,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

func TestTinyPDF(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	doc, err := ExtractText("tiny.pdf", tinyPDF())
	if err != nil || doc.Text != "Comments on the draft policy are welcome until March\n" {
		t.Fatalf("got %q, %v", doc.Text, err)
	}
}

func wantImportError(t *testing.T, err error) {
	t.Helper()
	var e *core.Error
	if err != nil && (!errors.As(err, &e) || e.Code != core.EIMPORT) {
		t.Fatalf("error is not an import error: %v", err)
	}
}

func FuzzExtractPDF(f *testing.F) {
	f.Setenv("PATH", f.TempDir()) // exercise the pure-Go parser, not pdftotext
	f.Add(tinyPDF())
	f.Add(readFixture(f, "image_only.pdf"))
	f.Add(readFixture(f, "truncated.pdf")[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		// The extraction process's own work, in process: a process per input would leave the
		// fuzzer little time for inputs.
		doc, err := extractPDFInProcess("f.pdf", data)
		wantImportError(t, err)
		if err == nil && !utf8.ValidString(doc.Text) {
			t.Fatalf("invalid UTF-8 in text")
		}
	})
}

func FuzzExtractDOCX(f *testing.F) {
	f.Add(readFixture(f, "policy.docx"))
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ExtractText("f.docx", data)
		wantImportError(t, err)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add(readFixture(f, "comments-gbk.csv"))
	f.Add([]byte("意见\t姓名\n\"多\n行\"\t张三\n短\n"))
	f.Add([]byte("\xFF\xFEa\x00;\x00b\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadTable("f.csv", data)
		wantImportError(t, err)
		if err != nil {
			return
		}
		if len(tb.Rows) != len(tb.RowNumbers) {
			t.Fatalf("%d rows but %d row numbers", len(tb.Rows), len(tb.RowNumbers))
		}
		for _, r := range tb.Rows {
			if len(r) != len(tb.Headers) {
				t.Fatalf("row width %d, header width %d", len(r), len(tb.Headers))
			}
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(commentWorkbook(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadTable("f.xlsx", data)
		wantImportError(t, err)
		if err == nil && len(tb.Rows) != len(tb.RowNumbers) {
			t.Fatalf("%d rows but %d row numbers", len(tb.Rows), len(tb.RowNumbers))
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	for _, name := range []string{"policy-gbk.txt", "policy-gb18030.txt", "policy-utf16le.txt", "policy-utf16be.txt", "policy-utf8-bom.txt"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := DecodeText(data)
		wantImportError(t, err)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') || enc == "" {
			t.Fatalf("bad decode: %q (%s)", text, enc)
		}
	})
}

func FuzzSplitClauses(f *testing.F) {
	f.Add("序言\n第一章 总则\n第一条 目的。\n（一）甲；\n1.乙\n(1)丙\n附件1：表\n一、丁\n")
	f.Add("\u3000\u3000第十二条\n１．\n1.5\n附件\n\n二、\n")
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, SplitClauses(text))
	})
}
