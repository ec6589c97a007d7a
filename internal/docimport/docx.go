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

var errArchiveTooLarge = errors.New("archive too large")

// extractDOCX reads word/document.xml: paragraphs become lines, table rows become lines with
// cells separated by " | ", and manual line breaks stay line breaks.
func extractDOCX(name string, data []byte) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, importErrorf(name, "DOCX 文件已损坏或不完整，无法读取")
	}
	part, err := readZipPart(zr, "word/document.xml")
	switch {
	case errors.Is(err, errArchiveTooLarge):
		return Document{}, importErrorf(name, "DOCX 解压后超过 %d MB 或文件数超过 %d 个的上限", MaxDecompressed>>20, MaxZipEntries)
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrAlgorithm):
		return Document{}, importErrorf(name, "DOCX 文件已损坏或不完整，无法读取")
	case err != nil:
		return Document{}, importErrorf(name, "不是有效的 DOCX 文件（缺少正文部分 word/document.xml）")
	}
	w := &docxWriter{}
	if err := w.read(part); err != nil {
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

// readZipPart returns one part of an archive, refusing archives whose entry count or
// declared size is out of bounds and reading no more than the limit whatever the header says
// (a zip bomb can declare a small size).
func readZipPart(zr *zip.Reader, path string) ([]byte, error) {
	if len(zr.File) > MaxZipEntries {
		return nil, errArchiveTooLarge
	}
	var total uint64
	var part *zip.File
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.Name == path {
			part = f
		}
	}
	if total > MaxDecompressed {
		return nil, errArchiveTooLarge
	}
	if part == nil {
		return nil, errors.New("part not found: " + path)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out, err := io.ReadAll(io.LimitReader(rc, MaxDecompressed+1))
	if err != nil {
		return nil, err
	}
	if len(out) > MaxDecompressed {
		return nil, errArchiveTooLarge
	}
	return out, nil
}

// docxWriter accumulates text while walking document.xml.
type docxWriter struct {
	lines    []string
	paras    []*strings.Builder // open paragraphs; text boxes nest a paragraph inside another
	tables   []*docxTable       // open tables, innermost last
	inText   bool               // inside w:t
	skip     int                // depth inside ignored content (deleted text, mc:Fallback)
	numbered bool               // a paragraph used automatic numbering
}

// docxTable is an open table: the cells of the current row.
type docxTable struct {
	cells []string
	cell  *strings.Builder
}

func (w *docxWriter) read(part []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(part))
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
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inText && w.skip == 0 && len(w.paras) > 0 {
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
