package docimport

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfParseTimeout bounds the pure-Go parse inside the extraction process, leaving time for
// pdftotext before pdfChildTimeout stops the process: a malformed content stream can keep a
// parser busy for long. Real documents at the limits parse in well under a second.
const pdfParseTimeout = 6 * time.Second

// minRunesPerPage is the average number of letters, digits and Han characters per page below
// which a PDF is treated as a scan: a scanned page often carries a caption or a stamp as text
// ("附件：…布局图") but never a body.
const minRunesPerPage = 40

// maxPageTreeNodes bounds the walk of the page tree, which a broken file can make cyclic.
const maxPageTreeNodes = 4 * MaxPages

var (
	errPDFCorrupt   = errors.New("pdf: corrupt")
	errPDFEncrypted = errors.New("pdf: encrypted")
	errPDFTooLong   = errors.New("pdf: too many pages")
	errPDFTooLarge  = errors.New("pdf: too much text")
	errPDFTimeout   = errors.New("pdf: timeout")
)

// pdfText is what one extractor read from a PDF.
type pdfText struct {
	lines    []textLine
	pages    int
	garbled  []int // pages whose text did not read as text (a font without a Unicode map)
	warnings []string
	err      error
}

// Reasons a PDF yields no document, as the extraction process reports them.
const (
	pdfFailEncrypted = "encrypted"
	pdfFailTooLong   = "too-long"
	pdfFailTooLarge  = "too-large"
	pdfFailTimeout   = "timeout"
	pdfFailMemory    = "memory"
	pdfFailCorrupt   = "corrupt"
	pdfFailScan      = "scan"
	pdfFailGarbled   = "garbled"
)

// pdfOutcome is the text of a PDF or the reason there is none: what the extraction process
// sends back to the importer.
type pdfOutcome struct {
	Text     string
	Pages    int
	Warnings []string
	Failure  string // "" on success, else one of the pdfFail reasons
}

// extractPDFInProcess reads a PDF in the calling process: the extraction process's work, and
// the fuzz target's, which would spend its time starting processes otherwise.
func extractPDFInProcess(name string, data []byte) (Document, error) {
	return pdfDocument(name, readPDFOutcome(data, time.Now().Add(pdfChildBudget)))
}

// pdfDocument turns an outcome into the document or the message naming the file.
func pdfDocument(name string, out pdfOutcome) (Document, error) {
	if out.Failure != "" {
		return Document{}, pdfError(name, out.Failure)
	}
	return Document{Name: name, Format: formatPDF, Encoding: EncUTF8, Text: out.Text, Pages: out.Pages, Warnings: out.Warnings}, nil
}

// readPDFOutcome reads a PDF's text layer with the pure-Go parser and falls back to poppler's
// pdftotext, when installed and time is left before deadline, for files the parser cannot
// read or reads as garbage (Type 3 CJK fonts decode to nonsense without any error).
func readPDFOutcome(data []byte, deadline time.Time) pdfOutcome {
	res := readPDF(data)
	text := joinLines(res.lines)
	if res.err == nil && len(res.garbled) == 0 && hasTextLayer(text, res.pages) {
		return pdfOutcome{Text: text, Pages: res.pages, Warnings: res.warnings}
	}
	if fb := pdftotext(data, deadline); fb.err == nil {
		fbText := joinLines(fb.lines)
		if len(fbText) > MaxTextSize {
			return pdfOutcome{Failure: pdfFailTooLarge}
		}
		if plausibleText(fbText) && hasTextLayer(fbText, fb.pages) {
			return pdfOutcome{Text: fbText, Pages: fb.pages, Warnings: []string{"内置解析器未能完整读取文字，已改用 pdftotext 提取，请核对"}}
		}
	}
	// Without a working fallback, the readable pages are better than nothing.
	if res.err == nil && len(res.garbled) < res.pages && hasTextLayer(text, res.pages-len(res.garbled)) {
		warnings := append(res.warnings, fmt.Sprintf("第%s页的文字无法正确识别（可能使用了特殊字体），已跳过", joinInts(res.garbled)))
		return pdfOutcome{Text: text, Pages: res.pages, Warnings: warnings}
	}
	return pdfOutcome{Failure: pdfFailure(res, text)}
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "、")
}

// pdfFailure says why neither extractor produced usable text.
func pdfFailure(res pdfText, text string) string {
	err := res.err
	switch {
	case errors.Is(err, errPDFEncrypted):
		return pdfFailEncrypted
	case errors.Is(err, errPDFTooLong):
		return pdfFailTooLong
	case errors.Is(err, errPDFTooLarge):
		return pdfFailTooLarge
	case errors.Is(err, errPDFTimeout):
		return pdfFailTimeout
	case err != nil:
		return pdfFailCorrupt
	case len(res.garbled) == 0 && !hasTextLayer(text, res.pages):
		return pdfFailScan
	default:
		return pdfFailGarbled
	}
}

// pdfError is the message for a failure reason.
func pdfError(name, failure string) error {
	switch failure {
	case pdfFailEncrypted:
		return importErrorf(name, "PDF 已加密，请提供未加密的文件")
	case pdfFailTooLong:
		return importErrorf(name, "PDF 超过 %d 页的上限", MaxPages)
	case pdfFailTooLarge:
		return importErrorf(name, "PDF 文字内容超过 %d MB 的上限", MaxTextSize>>20)
	case pdfFailTimeout:
		return importErrorf(name, "PDF 解析时间超过上限，已停止；文件可能页数过多、表格过于复杂或已损坏，请拆分文件或提供 Word 版本")
	case pdfFailMemory:
		return importErrorf(name, "PDF 解析所需内存超过 %d MB 的上限，已停止；文件可能已损坏或结构异常", pdfChildMemory>>20)
	case pdfFailScan:
		return importErrorf(name, "文件是扫描件或图片，没有可提取的文字层；请提供可复制文字的 PDF 或 Word 文件")
	case pdfFailGarbled:
		return importErrorf(name, "PDF 中的文字无法正确识别（可能使用了特殊字体）；请提供 Word 版本，或安装 pdftotext 后重试")
	default:
		return importErrorf(name, "PDF 文件已损坏或不完整，无法读取")
	}
}

// hasTextLayer reports whether the text is more than a caption on a scanned page.
func hasTextLayer(text string, pages int) bool {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n > 0 && n >= minRunesPerPage*max(pages, 1)
}

// readPDF runs the parser with a deadline. The parser cannot be interrupted, so on timeout
// its goroutine is left behind: it runs in the extraction process, which then exits (or is
// killed by the importer), so nothing keeps running.
func readPDF(data []byte) pdfText {
	done := make(chan pdfText, 1)
	go func() { done <- parsePDF(data) }()
	timer := time.NewTimer(pdfParseTimeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res
	case <-timer.C:
		return pdfText{err: errPDFTimeout}
	}
}

// parsePDF reads every page's glyphs. The parser panics on many kinds of corrupt input, so
// panics become errPDFCorrupt: for the whole file when opening fails, per page otherwise.
func parsePDF(data []byte) (res pdfText) {
	defer func() {
		if p := recover(); p != nil {
			res = pdfText{err: fmt.Errorf("%w: %v", errPDFCorrupt, p)}
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return pdfText{err: errPDFEncrypted}
		}
		return pdfText{err: fmt.Errorf("%w: %v", errPDFCorrupt, err)}
	}
	w := pageWalker{}
	if err := w.walk(r.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return pdfText{err: err}
	}
	if len(w.pages) == 0 {
		return pdfText{err: fmt.Errorf("%w: no pages", errPDFCorrupt)}
	}
	res.pages = len(w.pages)
	size := 0
	for i, p := range w.pages {
		lines, err := pageLines(p, i+1)
		if err != nil {
			res.warnings = append(res.warnings, fmt.Sprintf("第%d页无法读取，已跳过", i+1))
			continue
		}
		if !plausibleLines(lines) {
			res.garbled = append(res.garbled, i+1)
			continue
		}
		for _, l := range lines {
			size += len(l.text)
		}
		if size > MaxTextSize {
			return pdfText{err: errPDFTooLarge}
		}
		res.lines = append(res.lines, lines...)
	}
	if len(res.warnings) == res.pages {
		return pdfText{err: fmt.Errorf("%w: no readable page", errPDFCorrupt)}
	}
	return res
}

// pageWalker collects the pages of a page tree in order. It walks the tree itself instead of
// calling Reader.Page, which loops forever on a cyclic tree.
type pageWalker struct {
	pages []pdf.Page
	nodes int
}

func (w *pageWalker) walk(node pdf.Value, depth int) error {
	w.nodes++
	if depth > 64 || w.nodes > maxPageTreeNodes {
		return fmt.Errorf("%w: page tree too deep or cyclic", errPDFCorrupt)
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && node.Key("Contents").Kind() != pdf.Null) {
		if len(w.pages) >= MaxPages {
			return errPDFTooLong
		}
		w.pages = append(w.pages, pdf.Page{V: node})
		return nil
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// plausibleLines reports whether a page reads as text. A font without a Unicode map turns a
// whole page into control characters and Latin-1; a few odd glyphs (rotated table headers,
// symbol fonts) are tolerated. A page without text (blank, or a picture) passes here:
// hasTextLayer judges the document as a whole.
func plausibleLines(lines []textLine) bool {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
	}
	total, good, bad := textQuality(b.String())
	return total == 0 || (bad*20 <= total && good*10 >= total*8)
}

// glyph is one character placed on the page.
type glyph struct {
	x, y, size float64
	s          string
}

// pageLines rebuilds the visual lines of a page from its glyphs: the parser reports text in
// drawing order with a break at every font change, while people read by position.
func pageLines(p pdf.Page, page int) (lines []textLine, err error) {
	defer func() {
		if r := recover(); r != nil {
			lines, err = nil, fmt.Errorf("%w: page %d: %v", errPDFCorrupt, page, r)
		}
	}()
	var glyphs []glyph
	for _, t := range p.Content().Text {
		// Glyphs without a Unicode mapping (often the paragraph mark at a line end) carry
		// nothing readable; a page made of them fails plausibleLines via hasTextLayer.
		if t.S == "" || t.S == "\uFFFD" || !finite(t.X) || !finite(t.Y) || !utf8.ValidString(t.S) {
			continue
		}
		size := math.Abs(t.FontSize)
		if !finite(size) || size < 1 {
			size = 1
		}
		glyphs = append(glyphs, glyph{x: t.X, y: t.Y, size: size, s: t.S})
	}
	for _, row := range groupRows(glyphs) {
		if l, ok := rowLine(row, page); ok {
			lines = append(lines, l)
		}
	}
	return dropPageNumbers(lines), nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// groupRows clusters glyphs whose baselines lie within 40% of the font size, top to bottom,
// and orders each cluster left to right.
func groupRows(glyphs []glyph) [][]glyph {
	slices.SortStableFunc(glyphs, func(a, b glyph) int { return cmp.Compare(b.y, a.y) })
	var rows [][]glyph
	for start := 0; start < len(glyphs); {
		end := start + 1
		for end < len(glyphs) && glyphs[start].y-glyphs[end].y <= 0.4*glyphs[start].size {
			end++
		}
		row := glyphs[start:end]
		slices.SortStableFunc(row, func(a, b glyph) int { return cmp.Compare(a.x, b.x) })
		rows = append(rows, row)
		start = end
	}
	return rows
}

// advance estimates a glyph's width: the parser's own widths are wrong for two-byte CID
// fonts, and Chinese documents set Han full-width and Latin about half-width.
func advance(g glyph) float64 {
	if r, _ := utf8.DecodeRuneInString(g.s); isWide(r) {
		return g.size * float64(utf8.RuneCountInString(g.s))
	}
	return 0.55 * g.size * float64(utf8.RuneCountInString(g.s))
}

// rowLine joins a row's glyphs, putting a space where the gap is wider than a character
// (table columns, tab stops).
func rowLine(row []glyph, page int) (textLine, bool) {
	var b strings.Builder
	prevEnd, prevSpace := 0.0, true
	for i, g := range row {
		space := strings.TrimSpace(g.s) == ""
		if i > 0 && !space && !prevSpace && g.x-prevEnd > row[0].size {
			b.WriteByte(' ')
		}
		if space {
			if !prevSpace {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(g.s)
		}
		prevEnd, prevSpace = g.x+advance(g), space
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return textLine{}, false
	}
	first := 0
	for first < len(row) && strings.TrimSpace(row[first].s) == "" {
		first++
	}
	last := len(row) - 1
	for last > first && strings.TrimSpace(row[last].s) == "" {
		last--
	}
	return textLine{
		text:  text,
		left:  row[first].x,
		right: row[last].x + advance(row[last]),
		size:  row[first].size,
		y:     row[first].y,
		page:  page,
	}, true
}

// dropPageNumbers removes a page's first or last line when it is only a page number
// ("- 1 -", "—2—", "3", "第 4 页"), so that folios do not split a paragraph running over.
func dropPageNumbers(lines []textLine) []textLine {
	if n := len(lines); n > 0 && isPageNumber(lines[n-1].text) {
		lines = lines[:n-1]
	}
	if len(lines) > 0 && isPageNumber(lines[0].text) {
		lines = lines[1:]
	}
	return lines
}

func isPageNumber(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "第") && strings.HasSuffix(s, "页") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "第"), "页")
	}
	s = strings.Trim(s, "-—–－ ")
	if s == "" || len(s) > 4 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// pdftotext runs poppler's pdftotext on a temporary copy of the file, when it is installed,
// stopping it at deadline. It runs inside the extraction process, whose memory limit it inherits.
func pdftotext(data []byte, deadline time.Time) pdfText {
	if time.Until(deadline) < 500*time.Millisecond {
		return pdfText{err: errPDFTimeout}
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return pdfText{err: err}
	}
	dir, err := os.MkdirTemp("", "policydesk-pdf-")
	if err != nil {
		return pdfText{err: err}
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return pdfText{err: err}
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	out := &cappedBuffer{limit: 4 * MaxTextSize} // -layout pads columns with spaces
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", "-l", strconv.Itoa(MaxPages), in, "-")
	cmd.Stdout = out
	if err := cmd.Run(); err != nil {
		return pdfText{err: err}
	}
	pages := strings.Split(strings.TrimRight(strings.ToValidUTF8(out.String(), "\uFFFD"), "\f"), "\f")
	return pdfText{lines: layoutLines(pages), pages: len(pages)}
}

// cappedBuffer fails writes beyond its limit, which stops a runaway child process.
type cappedBuffer struct {
	bytes.Buffer
	limit int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.Len()+len(p) > c.limit {
		return 0, errPDFTooLarge
	}
	return c.Buffer.Write(p)
}
