package docimport

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// TestExtractTextGolden extracts each good fixture and compares the text with its golden file.
func TestExtractTextGolden(t *testing.T) {
	for _, tc := range []struct {
		file, format, encoding string
		pages                  int
	}{
		{"policy.pdf", "pdf", EncUTF8, 1},
		{"policy.docx", "docx", EncUTF8, 0},
		{"policy-utf8.txt", "txt", EncUTF8, 0},
		{"policy-gb18030.txt", "txt", EncGB18030, 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc, err := ExtractText(tc.file, readFixture(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Name != tc.file || doc.Format != tc.format || doc.Encoding != tc.encoding || doc.Pages != tc.pages {
				t.Errorf("got name %q format %q encoding %q pages %d, want %q %q %q %d",
					doc.Name, doc.Format, doc.Encoding, doc.Pages, tc.file, tc.format, tc.encoding, tc.pages)
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("unexpected warnings: %v", doc.Warnings)
			}
			testutil.Golden(t, testutil.Testdata(t, "docimport", tc.file+".golden"), doc.Text)
		})
	}
}

// TestExtractTextEncodings reads the same text saved in each encoding a Windows office produces.
func TestExtractTextEncodings(t *testing.T) {
	want := string(readFixture(t, "policy-utf8.txt"))
	for file, enc := range map[string]string{
		"policy-utf8.txt":     EncUTF8,
		"policy-utf8-bom.txt": EncUTF8,
		"policy-gbk.txt":      EncGBK,
		"policy-utf16le.txt":  EncUTF16LE,
		"policy-utf16be.txt":  EncUTF16BE,
	} {
		t.Run(file, func(t *testing.T) {
			doc, err := ExtractText(file, readFixture(t, file))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != enc {
				t.Errorf("encoding = %s, want %s", doc.Encoding, enc)
			}
			if doc.Text != want {
				t.Errorf("text differs from policy-utf8.txt:\n%s", doc.Text)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		name, in, text, enc string
	}{
		{"crlf", "第一条\r\n第二条\r\n", "第一条\n第二条\n", EncUTF8},
		{"bom", "\xEF\xBB\xBF意见", "意见", EncUTF8},
		{"gbk", "\xd2\xe2\xbc\xfb", "意见", EncGBK},
		{"gb18030 four-byte", "\x81\x39\xEE\x39", "\u3400", EncGB18030},
		{"utf16le", "\xFF\xFE\x0F\x61\xC1\x89", "意见", EncUTF16LE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := DecodeText([]byte(tc.in))
			if err != nil || text != tc.text || enc != tc.enc {
				t.Errorf("DecodeText = %q, %q, %v; want %q, %q", text, enc, err, tc.text, tc.enc)
			}
		})
	}
	for name, in := range map[string][]byte{
		"binary":      {0x00, 0x01, 0x02, 0xFF, 0x00, 0x10},
		"nul in utf8": []byte("abc\x00\x00\x00def"),
		"latin-1":     []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"),
		"empty":       nil,
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := DecodeText(in)
			wantCode(t, err, core.EIMPORT, "")
		})
	}
}

// TestExtractTextErrors checks that every bad input gives an import error naming the file.
func TestExtractTextErrors(t *testing.T) {
	cases := map[string][]byte{
		"empty.txt":      readFixture(t, "empty.txt"),
		"truncated.pdf":  readFixture(t, "truncated.pdf"),
		"corrupted.pdf":  readFixture(t, "corrupted.pdf"),
		"image_only.pdf": readFixture(t, "image_only.pdf"),
		"unknown.bin":    {0x7F, 'E', 'L', 'F', 2, 1, 1, 0},
		"legacy.doc":     []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an OLE file"),
		"spaces.txt":     []byte(" \n\t\r\n"),
		"binary.txt":     {0x00, 0x9F, 0x92, 0x96, 0x00},
		"no-body.docx":   zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>"}),
		"bad-xml.docx":   zipOf(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}),
		"not-a-zip.docx": []byte("PK\x03\x04 not really a zip"),
		"huge.txt":       make([]byte, MaxFileSize+1),
		"sheet.xlsx":     zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ExtractText(name, data)
			wantCode(t, err, core.EIMPORT, name)
			if !strings.HasPrefix(core.ErrorMessage(err), name+"：") {
				t.Errorf("message %q does not start with the file name", core.ErrorMessage(err))
			}
		})
	}
}

func TestExtractPDFImageOnlyMessage(t *testing.T) {
	_, err := ExtractText("scan.pdf", readFixture(t, "image_only.pdf"))
	wantCode(t, err, core.EIMPORT, "scan.pdf")
	if msg := core.ErrorMessage(err); !strings.Contains(msg, "是扫描件或图片，没有可提取的文字层") {
		t.Errorf("message %q does not explain the missing text layer", msg)
	}
}

func TestExtractDOCXStructure(t *testing.T) {
	const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>
<w:p><w:r><w:delText>删除的文字</w:delText><w:t>保留</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外层</w:t></w:r></w:p>
  <w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
 </w:tc><w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p><w:p><w:r><w:t>两段</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
<mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>
<w:p/></w:body></w:document>`
	doc, err := ExtractText("s.docx", zipOf(t, map[string]string{"word/document.xml": body}))
	if err != nil {
		t.Fatal(err)
	}
	want := "总体要求\n第一行\n第二行\t制表\n保留\n外层 内1 | 内2 | 右 两段\n文本框正文\n"
	if doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "自动编号") {
		t.Errorf("warnings = %v, want one about automatic numbering", doc.Warnings)
	}
}

// TestExtractDOCXZipBomb checks the archive limits before anything is decompressed.
func TestExtractDOCXZipBomb(t *testing.T) {
	many := map[string]string{"word/document.xml": "<document/>"}
	for i := range MaxZipEntries {
		many[fmt.Sprintf("media/%d", i)] = ""
	}
	// The header declares more than the limit; the data never has to exist.
	var big bytes.Buffer
	zw := zip.NewWriter(&big)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
		CompressedSize64: 4, UncompressedSize64: MaxDecompressed + 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("<w:p")); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"many.docx": zipOf(t, many), "big.docx": big.Bytes()} {
		t.Run(name, func(t *testing.T) {
			_, err := ExtractText(name, data)
			wantCode(t, err, core.EIMPORT, name)
			if !strings.Contains(core.ErrorMessage(err), "上限") {
				t.Errorf("message %q does not name the limit", core.ErrorMessage(err))
			}
		})
	}
}

func TestSniffByContent(t *testing.T) {
	// A PDF renamed to .txt is still read as a PDF.
	doc, err := ExtractText("renamed.txt", readFixture(t, "policy.pdf"))
	if err != nil || doc.Format != "pdf" {
		t.Fatalf("got format %q, err %v; want pdf", doc.Format, err)
	}
}

// TestCorpusPDFs reads the public government PDFs: text PDFs give plausible text with known
// phrases, the image-only one a clear error.
func TestCorpusPDFs(t *testing.T) {
	dir := testutil.Corpus(t, "pdf")
	phrases := map[string][]string{
		"01_": {"政府信息公开", "主动公开", "依申请公开"},
		"03_": {"政府信息公开", "政策解读"},
		"04_": {"部门预算", "预算"},
		"06_": {"单位预算", "预算"},
		"07_": {"部门决算", "决算", "国土空间规划"},
		"09_": {"部门决算", "决算"},
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no PDFs in %s", dir)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ExtractText(name, data)
			if strings.HasPrefix(name, "10_") {
				if err == nil {
					t.Skip("pdftotext found text in the image-only PDF")
				}
				wantCode(t, err, core.EIMPORT, name)
				if !strings.Contains(core.ErrorMessage(err), "没有可提取的文字层") {
					t.Errorf("message %q does not explain the missing text layer", core.ErrorMessage(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !plausibleText(doc.Text) || doc.Pages < 1 {
				t.Errorf("implausible text or no pages (%d): %.200s", doc.Pages, doc.Text)
			}
			for _, p := range phrases[name[:3]] {
				if !strings.Contains(doc.Text, p) {
					t.Errorf("text lacks %q", p)
				}
			}
		})
	}
}

// TestCorpusPDFWithoutFallback reads the 决算 PDF whose table page uses a font without a
// Unicode map when pdftotext is not installed: the readable pages come back with a warning.
func TestCorpusPDFWithoutFallback(t *testing.T) {
	path := filepath.Join(testutil.Corpus(t, "pdf"), "07_putuo_planning_resources_bureau_2024_final_accounts.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	t.Setenv("PATH", t.TempDir())
	doc, err := ExtractText("07.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "第7页") {
		t.Errorf("warnings = %v, want one naming page 7", doc.Warnings)
	}
	if !plausibleText(doc.Text) || !strings.Contains(doc.Text, "部门决算") {
		t.Errorf("implausible text: %.200s", doc.Text)
	}
}

// zipOf builds an archive with the given parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
