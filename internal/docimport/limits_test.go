//go:build linux

// Peak memory is measured from /proc and rusage, and process groups are Linux's: these tests
// run on Linux only.

package docimport

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"policydesk/internal/core"
)

// The test binary doubles as a probe and as a misbehaving extraction process, chosen by
// environment: a probe reads one file as the app would and reports the outcome, so that its
// peak memory is measured alone, in a process of its own.
const (
	probeEnv      = "DOCIMPORT_TEST_PROBE"      // "text" or "table": the file in probeFileEnv
	probeFileEnv  = "DOCIMPORT_TEST_PROBE_FILE" // the file to read
	fakeChildEnv  = "DOCIMPORT_TEST_FAKE_CHILD" // "spin": an extraction process that never answers
	grandchildEnv = "DOCIMPORT_TEST_GRANDCHILD" // where the spinning process writes its own child's pid
)

// Budgets every importer must keep at its limits (the words: 512 MB, 10 s per file).
const (
	maxPeakKB  = 512 << 10
	maxSeconds = 10
)

func TestMain(m *testing.M) {
	switch {
	case os.Getenv(probeEnv) != "":
		os.Exit(probe(os.Getenv(probeEnv), os.Getenv(probeFileEnv)))
	case os.Getenv(fakeChildEnv) == "spin":
		spin()
	}
	os.Exit(m.Run())
}

// probeResult is what a probe process reports.
type probeResult struct {
	Code      string  // "" on success, else the error code
	Message   string  // the error message
	Seconds   float64 // time spent reading
	PeakKB    int64   // the probe's own peak memory
	ChildKB   int64   // peak memory of the extraction process, if one ran (counting the probe's memory when it started)
	TextBytes int     // bytes of text or cells read
}

func probe(kind, file string) int {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	name := filepath.Base(file)
	start := time.Now()
	var size int
	if kind == "text" {
		var doc Document
		if doc, err = ExtractText(name, data); err == nil {
			size = len(doc.Text)
		}
	} else {
		var t Table
		if t, err = ReadTable(name, data); err == nil {
			size = len(t.Rows) * len(t.Headers)
		}
	}
	res := probeResult{Seconds: time.Since(start).Seconds(), TextBytes: size}
	if err != nil {
		res.Code, res.Message = core.ErrorCode(err), core.ErrorMessage(err)
	}
	res.PeakKB = peakRSS()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) == nil {
		res.ChildKB = ru.Maxrss
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		return 2
	}
	return 0
}

// peakRSS is the process's peak resident memory in KB (VmHWM). The rusage a parent receives
// would also count the parent's memory at the time of the fork.
func peakRSS() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}

// spin is an extraction process stuck in a loop, with a child of its own that would outlive
// it unless the whole process group is killed.
func spin() {
	sleeper := exec.Command("sleep", "60")
	if err := sleeper.Start(); err == nil {
		_ = os.WriteFile(os.Getenv(grandchildEnv), []byte(strconv.Itoa(sleeper.Process.Pid)), 0o600)
	}
	for i := 0; ; i++ {
		_ = i * i
	}
}

// runProbe reads one file in a probe process and returns its report and wall time.
// The probe's PATH is path, so that pdftotext is not found and the built-in parser's limits
// are what is measured.
func runProbe(t *testing.T, kind, file, path string) (probeResult, time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), probeEnv+"="+kind, probeFileEnv+"="+file, "PATH="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		t.Fatalf("probe failed: %v\n%s", err, stderr.String())
	}
	var res probeResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("probe output %q: %v", out, err)
	}
	return res, wall
}

// TestHostileFilesStayBounded reads hostile files and files at the documented limits, each in
// a process of its own, and checks the outcome, the time and the peak memory (the probe's and
// that of the PDF extraction process). Run with -v for the measurements.
func TestHostileFilesStayBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("generates files of tens of MB")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		file, kind string
		make       func() []byte
		refused    string // a part of the refusal's message; "" when the file must be read
	}{
		{"one-line.csv", "table", oneLineCSV, "第1行：一行内容超过"},
		{"wide.csv", "table", wideCSV, "超过 200 列的上限"},
		{"200k-rows.csv", "table", func() []byte { return rowsCSV(200000, 20) }, "个单元格的上限"},
		{"limit.csv", "table", func() []byte { return rowsCSV(MaxCells/20-1, 20) }, ""},
		{"200k-rows.xlsx", "table", func() []byte { return sheetXLSX(200000, 20, true) }, "超过 100000 行或 200 列"},
		{"300k-rows.xlsx", "table", func() []byte { return sheetXLSX(300000, 1, true) }, "超过 100000 行"},
		{"200k-rows-undeclared.xlsx", "table", func() []byte { return sheetXLSX(200000, 20, false) }, "个非空单元格"},
		{"limit.xlsx", "table", func() []byte { return sheetXLSX(MaxCells/20-1, 20, true) }, ""},
		{"bomb.xlsx", "table", zipBombXLSX, "解压后超过"},
		{"strings.xlsx", "table", func() []byte { return stringsXLSX(xlsxInMemoryPart - 1<<10) }, ""},
		{"styles.xlsx", "table", stylesXLSX, ""},
		{"strings-over.xlsx", "table", func() []byte { return stringsXLSX(xlsxInMemoryPart + 1<<10) }, "xl/sharedStrings.xml 超过 8 MB"},
		{"repeated.docx", "text", repeatedDOCX, "文字内容超过 4 MB"},
		{"one-run.docx", "text", oneRunDOCX, "连续内容"},
		{"bomb.docx", "text", zipBombDOCX, "解压后超过"},
		{"limit.docx", "text", limitDOCX, ""},
		{"big.txt", "text", func() []byte { return bytes.Repeat([]byte("政策文件正文。\n"), 50<<20/22) }, "文字内容超过"},
		{"glyphs.pdf", "text", glyphBombPDF, "内存超过|解析时间超过上限"}, // whichever limit it reaches first
		{"loop.pdf", "text", loopPDF, "解析时间超过上限"},
		{"pages.pdf", "text", manyPagesPDF, "超过 500 页"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			file := filepath.Join(dir, tc.file)
			data := tc.make()
			if len(data) > MaxFileSize {
				t.Fatalf("%s is %d bytes, over the file size limit", tc.file, len(data))
			}
			if err := os.WriteFile(file, data, 0o600); err != nil {
				t.Fatal(err)
			}
			res, wall := runProbe(t, tc.kind, file, dir)
			peak := res.PeakKB
			t.Logf("%s: %.1f MB file, peak %d MB (extraction process %d MB), %.2f s read, %.2f s wall; %s %s",
				tc.file, float64(len(data))/(1<<20), peak>>10, res.ChildKB>>10, res.Seconds, wall.Seconds(), res.Code, res.Message)
			switch {
			case tc.refused == "" && res.Code != "":
				t.Errorf("refused: %s", res.Message)
			case tc.refused != "" && (res.Code != core.EIMPORT || !containsAny(res.Message, tc.refused) || !strings.HasPrefix(res.Message, tc.file)):
				t.Errorf("got %q (%s), want a refusal naming the file and saying %q", res.Message, res.Code, tc.refused)
			}
			if peak > maxPeakKB || res.ChildKB > maxPeakKB {
				t.Errorf("peak memory %d MB, extraction process %d MB; budget %d MB", peak>>10, res.ChildKB>>10, maxPeakKB>>10)
			}
			if res.Seconds > maxSeconds {
				t.Errorf("took %.1f s, budget %d s", res.Seconds, maxSeconds)
			}
		})
	}
}

// containsAny reports whether s contains one of the "|"-separated alternatives.
func containsAny(s, alternatives string) bool {
	for _, a := range strings.Split(alternatives, "|") {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// TestPDFChildKilledOnTimeout runs an extraction process that never answers: the importer
// must refuse at its timeout and leave neither that process nor its children running.
func TestPDFChildKilledOnTimeout(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "grandchild")
	var child *exec.Cmd
	saved, savedTimeout := pdfCommand, pdfChildTimeout
	t.Cleanup(func() { pdfCommand, pdfChildTimeout = saved, savedTimeout })
	pdfChildTimeout = 2 * time.Second
	pdfCommand = func(ctx context.Context) (*exec.Cmd, error) {
		child = exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), fakeChildEnv+"=spin", grandchildEnv+"="+pidFile)
		return child, nil
	}
	start := time.Now()
	_, err := ExtractText("loop.pdf", tinyPDF())
	took := time.Since(start)
	wantCode(t, err, core.EIMPORT, "loop.pdf")
	if !strings.Contains(core.ErrorMessage(err), "解析时间超过上限") {
		t.Errorf("message %q does not say it timed out", core.ErrorMessage(err))
	}
	if took < pdfChildTimeout || took > pdfChildTimeout+3*time.Second {
		t.Errorf("refused after %v, want about %v", took, pdfChildTimeout)
	}
	if err := syscall.Kill(child.Process.Pid, 0); err != syscall.ESRCH {
		t.Errorf("extraction process %d still exists (%v)", child.Process.Pid, err)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the spinning process did not start its child: %v", err)
	}
	pid, _ := strconv.Atoi(string(b))
	deadline := time.Now().Add(2 * time.Second)
	for syscall.Kill(pid, 0) != syscall.ESRCH {
		if time.Now().After(deadline) {
			t.Fatalf("the extraction process's child %d outlived it", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// oneLineCSV is a 50 MB file with no line end: tens of millions of fields on one record.
func oneLineCSV() []byte { return bytes.Repeat([]byte("a,"), (MaxFileSize-1)/2) }

// wideCSV has a header of ten thousand columns.
func wideCSV() []byte {
	var b strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&b, "列%d,", i)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

func rowsCSV(rows, cols int) []byte {
	var b bytes.Buffer
	for c := range cols {
		fmt.Fprintf(&b, "列%d,", c)
	}
	b.WriteString("\n")
	for r := range rows {
		for c := range cols {
			fmt.Fprintf(&b, "%d,", r+c)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// zipParts writes an archive quickly (the fastest deflate level).
func zipParts(parts []struct {
	name string
	body func(io.Writer)
}) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			panic(err)
		}
		p.body(w)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

type part = struct {
	name string
	body func(io.Writer)
}

func fixed(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

// sheetXLSX is a minimal workbook with one sheet of rows × cols inline cells (text in the
// first row, numbers below), its range declared or not.
func sheetXLSX(rows, cols int, declared bool) []byte {
	return zipParts([]part{
		{"[Content_Types].xml", fixed(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)},
		{"_rels/.rels", fixed(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", fixed(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", fixed(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", func(w io.Writer) {
			bw := &bytes.Buffer{}
			bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			if declared {
				last, _ := cellName(cols, rows+1)
				fmt.Fprintf(bw, `<dimension ref="A1:%s"/>`, last)
			}
			bw.WriteString(`<sheetData>`)
			for r := 1; r <= rows+1; r++ {
				fmt.Fprintf(bw, `<row r="%d">`, r)
				for c := 1; c <= cols; c++ {
					if r == 1 {
						fmt.Fprintf(bw, `<c t="inlineStr"><is><t>列%d</t></is></c>`, c)
					} else {
						fmt.Fprintf(bw, `<c><v>%d</v></c>`, r*100+c)
					}
				}
				bw.WriteString(`</row>`)
				if bw.Len() > 1<<20 {
					w.Write(bw.Bytes())
					bw.Reset()
				}
			}
			bw.WriteString(`</sheetData></worksheet>`)
			w.Write(bw.Bytes())
		}},
	})
}

// sheetParts is the parts of an XLSX file, its first sheet rewritten by edit.
func sheetParts(data []byte, edit func(sheet []byte) []byte) []part {
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var parts []part
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		if f.Name == "xl/worksheets/sheet1.xml" {
			body = edit(body)
		}
		parts = append(parts, part{f.Name, fixed(string(body))})
	}
	return parts
}

// stringsXLSX is a two-row sheet whose shared-string table holds size bytes of empty strings:
// millions of entries.
func stringsXLSX(size int) []byte {
	const item = `<si><t>x</t></si>`
	count := (size - 200) / len(item)
	parts := sheetParts(sheetXLSX(1, 1, true), func([]byte) []byte {
		return []byte(fmt.Sprintf(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>%d</v></c></row></sheetData></worksheet>`, count-1))
	})
	parts = append(parts, part{"xl/sharedStrings.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		for i := 0; i < count; i++ {
			io.WriteString(w, item)
		}
		io.WriteString(w, `</sst>`)
	}})
	return zipParts(parts)
}

// stylesXLSX has a style table of just under 4 MB of empty formats, used by its cells.
func stylesXLSX() []byte {
	parts := sheetParts(sheetXLSX(1000, 5, true), func(sheet []byte) []byte {
		return bytes.ReplaceAll(sheet, []byte("<c><v>"), []byte(`<c s="200000"><v>`))
	})
	parts = append(parts, part{"xl/styles.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs>`)
		io.WriteString(w, strings.Repeat(`<xf numFmtId="164"/>`, (4<<20-400)/len(`<xf numFmtId="164"/>`)))
		io.WriteString(w, `</cellXfs></styleSheet>`)
	}})
	return zipParts(parts)
}

func cellName(col, row int) (string, error) {
	name := ""
	for ; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name + strconv.Itoa(row), nil
}

// zeros writes n zero bytes.
func zeros(n int) func(io.Writer) {
	return func(w io.Writer) {
		chunk := make([]byte, 1<<20)
		for ; n > 0; n -= len(chunk) {
			w.Write(chunk[:min(n, len(chunk))])
		}
	}
}

func zipBombXLSX() []byte {
	return zipParts([]part{{"xl/workbook.xml", fixed("<workbook/>")}, {"xl/worksheets/sheet1.xml", zeros(200 << 20)}})
}

func zipBombDOCX() []byte {
	return zipParts([]part{{"word/document.xml", zeros(200 << 20)}})
}

const docxHead = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`

// repeatedDOCX holds 90 MB of paragraphs, which compress to little.
func repeatedDOCX() []byte {
	para := `<w:p><w:r><w:t>第一条 为了规范政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，制定本办法。</w:t></w:r></w:p>`
	return zipParts([]part{{"word/document.xml", func(w io.Writer) {
		io.WriteString(w, docxHead)
		chunk := strings.Repeat(para, 1000)
		for n := 0; n < 90<<20; n += len(chunk) {
			io.WriteString(w, chunk)
		}
		io.WriteString(w, `</w:body></w:document>`)
	}}})
}

// oneRunDOCX holds 90 MB of text in a single run: one XML token.
func oneRunDOCX() []byte {
	return zipParts([]part{{"word/document.xml", func(w io.Writer) {
		io.WriteString(w, docxHead+`<w:p><w:r><w:t>`)
		chunk := strings.Repeat("政", 1<<18)
		for n := 0; n < 90<<20; n += len(chunk) {
			io.WriteString(w, chunk)
		}
		io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	}}})
}

// limitDOCX holds just under 4 MB of text.
func limitDOCX() []byte {
	para := `<w:p><w:r><w:t>第一条 为了规范政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，制定本办法。</w:t></w:r></w:p>`
	text := len("第一条 为了规范政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，制定本办法。")
	return zipParts([]part{{"word/document.xml", func(w io.Writer) {
		io.WriteString(w, docxHead)
		for n := 0; n+text < MaxTextSize; n += text {
			io.WriteString(w, para)
		}
		io.WriteString(w, `</w:body></w:document>`)
	}}})
}

// loopPDF is a tiny PDF whose trailer names its own cross-reference table as the previous
// one: the parser follows the chain for ever.
func loopPDF() []byte {
	data := tinyPDF()
	i := bytes.LastIndex(data, []byte("startxref\n"))
	xref, _ := strconv.Atoi(strings.Fields(string(data[i+len("startxref\n"):]))[0])
	return bytes.Replace(data, []byte("/Root 1 0 R >>"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d >>", xref)), 1)
}

// glyphBombPDF is a one-page PDF whose compressed content stream shows 40 million glyphs:
// small on disk, gigabytes as the parser's glyph records.
func glyphBombPDF() []byte {
	var content bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&content, zlib.BestCompression)
	io.WriteString(zw, "BT /F1 12 Tf 10 100 Td (")
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for range 40 {
		zw.Write(chunk)
	}
	io.WriteString(zw, ") Tj ET")
	zw.Close()
	return pdfOf("[3 0 R]", fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", content.Len(), content.String()))
}

// manyPagesPDF lists its one page more times than MaxPages.
func manyPagesPDF() []byte {
	content := "BT /F1 12 Tf 10 100 Td (Comments on the draft policy are welcome until March) Tj ET"
	return pdfOf("["+strings.Repeat("3 0 R ", MaxPages+1)+"]", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
}
