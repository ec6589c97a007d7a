package docimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// wordNS is the WordprocessingML namespace: elements from other namespaces (drawing,
// markup compatibility) are ignored except where noted.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

const mcNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

var (
	errArchiveTooLarge = errors.New("archive too large")
	errTextTooLarge    = errors.New("too much text")
	errTokenTooLarge   = errors.New("xml token too large")
)

// maxXMLToken bounds the bytes between two '<' in document.xml: encoding/xml holds a whole
// text run or attribute in memory, and a hostile file can make one as large as the archive.
const maxXMLToken = 2 * MaxTextSize

// maxDocxNesting bounds tables in tables and text boxes in paragraphs; Word itself stops far below.
const maxDocxNesting = 64

// extractDOCX streams word/document.xml: paragraphs become lines, table rows become lines with
// cells separated by " | ", and manual line breaks stay line breaks. It stops as soon as the
// text passes MaxTextSize.
func extractDOCX(name string, data []byte) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, importErrorf(name, "DOCX 文件已损坏或不完整，无法读取")
	}
	part, err := openZipPart(zr, "word/document.xml")
	if err == nil {
		defer part.Close()
	}
	w := &docxWriter{}
	if err == nil {
		lim := &tokenLimiter{r: part}
		if err = w.read(lim); lim.err != nil {
			err = lim.err // encoding/xml may report a cut token as a syntax error instead
		}
	}
	switch {
	case errors.Is(err, errArchiveTooLarge):
		return Document{}, importErrorf(name, "DOCX 解压后超过 %d MB 或文件数超过 %d 个的上限", MaxDecompressed>>20, MaxZipEntries)
	case errors.Is(err, errTextTooLarge):
		return Document{}, importErrorf(name, "DOCX 文字内容超过 %d MB 的上限", MaxTextSize>>20)
	case errors.Is(err, errTokenTooLarge):
		return Document{}, importErrorf(name, "DOCX 正文中有一段超过 %d MB 的连续内容，文件可能已损坏", maxXMLToken>>20)
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrAlgorithm):
		return Document{}, importErrorf(name, "DOCX 文件已损坏或不完整，无法读取")
	case errors.Is(err, errPartMissing):
		return Document{}, importErrorf(name, "不是有效的 DOCX 文件（缺少正文部分 word/document.xml）")
	case err != nil:
		return Document{}, importErrorf(name, "DOCX 正文格式错误，无法读取")
	}
	text := w.text()
	if strings.TrimSpace(text) == "" {
		return Document{}, importErrorf(name, "文档中没有文字")
	}
	doc := Document{Name: name, Format: formatDOCX, Encoding: EncUTF8, Text: text}
	if w.numbered {
		doc.Warnings = append(doc.Warnings, "文档中有自动编号的段落，编号（如“一、”“（一）”）不在提取的文字中，请核对条款层级")
	}
	return doc, nil
}

var errPartMissing = errors.New("part not found")

// checkArchive refuses archives whose entry count or declared size is out of bounds. The
// declared sizes can be trusted as bounds: archive/zip fails a read past an entry's size.
func checkArchive(zr *zip.Reader) error {
	if len(zr.File) > MaxZipEntries {
		return errArchiveTooLarge
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > MaxDecompressed {
		return errArchiveTooLarge
	}
	return nil
}

// openZipPart opens one part of an archive that passes checkArchive, for streaming.
func openZipPart(zr *zip.Reader, path string) (io.ReadCloser, error) {
	if err := checkArchive(zr); err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == path {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			return struct {
				io.Reader
				io.Closer
			}{io.LimitReader(rc, MaxDecompressed), rc}, nil
		}
	}
	return nil, errPartMissing
}

// tokenLimiter fails a read once more than maxXMLToken bytes have passed without a '<'.
type tokenLimiter struct {
	r   io.Reader
	run int   // bytes since the last '<'
	err error // errTokenTooLarge once returned
}

func (l *tokenLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if i := bytes.LastIndexByte(p[:n], '<'); i >= 0 {
		l.run = n - i - 1
	} else {
		l.run += n
	}
	if l.run > maxXMLToken {
		l.err = errTokenTooLarge
		return 0, l.err
	}
	return n, err
}

// docxWriter accumulates text while walking document.xml.
type docxWriter struct {
	lines    []string
	paras    []*strings.Builder // open paragraphs; text boxes nest a paragraph inside another
	tables   []*docxTable       // open tables, innermost last
	inText   bool               // inside w:t
	skip     int                // depth inside ignored content (deleted text, mc:Fallback)
	numbered bool               // a paragraph used automatic numbering
	size     int                // bytes of text taken so far
}

// docxTable is an open table: the cells of the current row.
type docxTable struct {
	cells []string
	cell  *strings.Builder
}

func (w *docxWriter) read(part io.Reader) error {
	dec := xml.NewDecoder(part)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.start(t); w.size > MaxTextSize {
				return errTextTooLarge
			}
			if len(w.paras)+len(w.tables) > maxDocxNesting {
				return errors.New("docx: nesting too deep") // each level copies the text inside it
			}
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inText && w.skip == 0 && len(w.paras) > 0 {
				if w.size += len(t); w.size > MaxTextSize {
					return errTextTooLarge
				}
				w.paras[len(w.paras)-1].Write(t)
			}
		}
	}
}

func (w *docxWriter) start(t xml.StartElement) {
	if w.skip > 0 || ignored(t.Name) {
		w.skip++
		return
	}
	if t.Name.Space != wordNS {
		return
	}
	switch t.Name.Local {
	case "p":
		w.paras = append(w.paras, &strings.Builder{})
	case "t":
		w.inText = true
	case "tab":
		w.write("\t")
	case "br", "cr":
		w.write("\n")
	case "numPr":
		w.numbered = true
	case "tbl":
		w.tables = append(w.tables, &docxTable{})
	case "tc":
		if tb := w.table(); tb != nil {
			tb.cell = &strings.Builder{}
		}
	}
}

func (w *docxWriter) end(t xml.EndElement) {
	if w.skip > 0 {
		w.skip--
		return
	}
	if t.Name.Space != wordNS {
		return
	}
	switch t.Name.Local {
	case "t":
		w.inText = false
	case "p":
		if n := len(w.paras); n > 0 {
			p := w.paras[n-1].String()
			w.paras = w.paras[:n-1]
			w.emit(p)
		}
	case "tc":
		if tb := w.table(); tb != nil && tb.cell != nil {
			tb.cells = append(tb.cells, strings.TrimSpace(tb.cell.String()))
			tb.cell = nil
		}
	case "tr":
		if tb := w.table(); tb != nil {
			row := strings.Join(tb.cells, " | ")
			tb.cells = nil
			w.tables = w.tables[:len(w.tables)-1] // the row belongs to the enclosing cell or the body
			w.emit(row)
			w.tables = append(w.tables, tb)
		}
	case "tbl":
		if n := len(w.tables); n > 0 {
			w.tables = w.tables[:n-1]
		}
	}
}

// ignored reports content whose text is not part of the document: deleted revisions and the
// fallback copy of a text box that Word stores twice.
func ignored(n xml.Name) bool {
	return (n.Space == wordNS && (n.Local == "delText" || n.Local == "instrText")) || (n.Space == mcNS && n.Local == "Fallback")
}

func (w *docxWriter) table() *docxTable {
	if n := len(w.tables); n > 0 {
		return w.tables[n-1]
	}
	return nil
}

func (w *docxWriter) write(s string) {
	if n := len(w.paras); n > 0 {
		w.size += len(s)
		w.paras[n-1].WriteString(s)
	}
}

// emit sends a finished paragraph or table row to the innermost open cell, an enclosing
// paragraph (text box), or the body.
func (w *docxWriter) emit(s string) {
	s = strings.TrimRight(s, " \t")
	switch tb := w.table(); {
	case tb != nil && tb.cell != nil:
		if tb.cell.Len() > 0 && s != "" {
			tb.cell.WriteByte(' ')
		}
		tb.cell.WriteString(strings.ReplaceAll(s, "\n", " "))
	case len(w.paras) > 0:
		w.paras[len(w.paras)-1].WriteString(s)
	default:
		w.lines = append(w.lines, s)
	}
}

// text joins the body's paragraphs one per line, like the other extractors; empty
// paragraphs used as spacing are dropped.
func (w *docxWriter) text() string {
	var b strings.Builder
	for _, l := range w.lines {
		for _, part := range strings.Split(l, "\n") {
			if strings.TrimSpace(part) != "" {
				b.WriteString(part)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}
