package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func sampleDocument() Document {
	d := Document{Title: "关于《临江市既有住宅增设电梯规划管理办法》意见<收集>采纳情况的说明", Subtitle: "临江市规划和自然资源局"}
	d.Add(
		H1("一、征求意见基本情况"),
		P("2026年3月2日至4月1日，通过网站、电子邮件公开征求意见。 & <script>alert(1)</script>"),
		H2("（一）按提出主体统计"),
		T(Grid{Headers: []string{"类别", "条数"}, Rows: [][]string{{"自然人", "12"}, {"企业", "3"}}}),
		P("第一行\n第二行"),
		Sign("临江市规划和自然资源局"),
	)
	return d
}

func TestPlainText(t *testing.T) {
	got := sampleDocument().PlainText()
	for _, want := range []string{"一、征求意见基本情况\n", "类别 | 条数\n自然人 | 12\n", "    2026年3月2日"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain text lacks %q:\n%s", want, got)
		}
	}
}

// writeSample writes the sample document with write to name in dir and returns the file's path.
func writeSample(t *testing.T, dir, name string, write func(string, Document) error) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := write(path, sampleDocument()); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDOCXIsAValidPackage unzips the file, checks the parts Word needs and parses every XML part.
func TestDOCXIsAValidPackage(t *testing.T) {
	path := writeSample(t, t.TempDir(), "report.docx", WriteDOCX)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(body)
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml"} {
		if _, ok := parts[name]; !ok {
			t.Fatalf("missing part %s", name)
		}
	}
	doc := parts["word/document.xml"]
	text := documentText(t, doc)
	for _, want := range []string{"意见<收集>采纳", "& <script>alert(1)</script>", "自然人", "第一行", "第二行"} {
		if !strings.Contains(text, want) {
			t.Errorf("document text lacks %q: %s", want, text)
		}
	}
	if strings.Count(doc, "<w:tr>") != 3 || !strings.Contains(doc, `<w:pStyle w:val="Heading2"/>`) {
		t.Errorf("table rows or heading style missing")
	}
	styles := parts["word/styles.xml"]
	for _, want := range []string{`w:eastAsia="仿宋_GB2312"`, `w:eastAsia="黑体"`, `w:eastAsia="方正小标宋简体"`, `<w:sz w:val="44"/>`, `<w:sz w:val="32"/>`, `w:line="360"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles lack %s", want)
		}
	}
}

// documentText collects the w:t texts of document.xml, decoded.
func documentText(t *testing.T, doc string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		} else if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "t"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				b.Write(tk)
			}
		}
	}
}

// TestDOCXConvertsWithLibreOffice is the strongest validity check available: LibreOffice must open the
// file and render it to PDF. It is skipped where LibreOffice is not installed.
func TestDOCXConvertsWithLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	dir := t.TempDir()
	path := writeSample(t, dir, "report.docx", WriteDOCX)
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path)
	done := make(chan error, 1)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out.String())
		}
	case <-time.After(50 * time.Second):
		cmd.Process.Kill()
		t.Fatal("LibreOffice conversion timed out")
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatalf("no PDF produced: %v\n%s", err, out.String())
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
		t.Fatalf("implausible PDF (%d bytes)", len(pdf))
	}
}

func TestHTMLEscapesAndIsSelfContained(t *testing.T) {
	path := writeSample(t, t.TempDir(), "report.html", WriteHTML)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") {
		t.Error("text was not escaped")
	}
	if strings.Contains(page, "<link") || strings.Contains(page, "src=") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("page refers to external resources")
	}
	for _, want := range []string{"<h2>一、征求意见基本情况</h2>", "<h3>（一）按提出主体统计</h3>", "<td>自然人</td>", `<p class="closing">`, "<style>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
