// Package docimport turns the files a 政务公开 office receives (policy drafts as PDF, DOCX or
// plain text; comment spreadsheets as CSV or XLSX) into plain text and tables, and splits
// policy text into clauses. It is pure Go apart from an optional pdftotext fallback and knows
// nothing of storage or UI: every failure is a *core.Error with code core.EIMPORT naming the file.
package docimport

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
)

// Limits keep a hostile or broken file from exhausting memory or time: at these limits every
// importer stays under 512 MB and 10 s, or refuses the file first. They are generous for real
// government documents (the largest 决算 PDFs run to a few dozen pages and a few MB; a policy
// document's text is a few hundred KB) and for comment sheets (thousands of rows, a dozen columns).
const (
	MaxFileSize     = 50 << 20  // bytes of any imported file
	MaxPages        = 500       // PDF pages (a long PDF of dense tables can still reach the PDF time limit)
	MaxDecompressed = 100 << 20 // bytes unpacked from a DOCX/XLSX archive
	MaxZipEntries   = 10000     // entries in a DOCX/XLSX archive
	MaxTextSize     = 4 << 20   // bytes of text extracted from a document (about 1.3 million Chinese characters)
	MaxRows         = 100000    // table rows
	MaxColumns      = 200       // table columns (cells in any row)
	MaxCells        = 500000    // table cells (rows × header columns; in XLSX also cells with a value)
	MaxRecordSize   = 1 << 20   // bytes of one CSV record
)

// Document is the text of an imported file.
type Document struct {
	Name     string   // the file name as given
	Format   string   // "pdf", "docx" or "txt"
	Encoding string   // the source encoding for text files ("UTF-8", "GBK", "GB18030", "UTF-16LE", "UTF-16BE"); "UTF-8" otherwise
	Text     string   // UTF-8 text, "\n" line ends, one paragraph per line
	Pages    int      // PDF pages; 0 for other formats
	Warnings []string // things the user should know (Chinese), e.g. that a fallback extractor was used
}

// Formats recognised by sniff.
const (
	formatPDF     = "pdf"
	formatDOCX    = "docx"
	formatXLSX    = "xlsx"
	formatTXT     = "txt"
	formatCSV     = "csv"
	formatOLE     = "ole" // legacy .doc/.xls
	formatZIP     = "zip" // a zip that is neither DOCX nor XLSX
	formatUnknown = ""
)

// ExtractText reads the text of a PDF, DOCX or plain-text file. The type is taken from the
// content (magic bytes) first and the extension second, because users rename files freely.
func ExtractText(name string, data []byte) (Document, error) {
	if err := checkSize(name, data); err != nil {
		return Document{}, err
	}
	switch format := sniff(name, data); format {
	case formatPDF:
		return extractPDF(name, data)
	case formatDOCX:
		return extractDOCX(name, data)
	case formatTXT, formatCSV:
		return extractTXT(name, data)
	case formatOLE:
		return Document{}, importErrorf(name, "旧版 Word/Excel 格式（.doc/.xls）不受支持，请另存为 .docx 后再导入")
	case formatXLSX:
		return Document{}, importErrorf(name, "这是 Excel 表格，请在表格导入中使用")
	default:
		return Document{}, importErrorf(name, "无法识别的文件类型，支持 PDF、DOCX 和 TXT")
	}
}

// checkSize rejects empty and oversized files before any parser sees them.
func checkSize(name string, data []byte) error {
	if len(data) == 0 {
		return importErrorf(name, "文件为空")
	}
	if len(data) > MaxFileSize {
		return importErrorf(name, "文件超过 %d MB 的上限", MaxFileSize>>20)
	}
	return nil
}

// sniff decides the format from magic bytes, then from the extension.
func sniff(name string, data []byte) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) || (ext == "pdf" && bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))):
		return formatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data, ext)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return formatOLE
	}
	switch ext {
	case "pdf":
		return formatPDF
	case "docx":
		return formatDOCX
	case "xlsx":
		return formatXLSX
	case "csv", "tsv":
		return formatCSV
	case "txt", "text":
		return formatTXT
	}
	return formatUnknown
}

// sniffZip tells DOCX from XLSX by the parts named in the archive's central directory, which
// sits at the end of the file; the extension decides when the directory cannot be found.
func sniffZip(data []byte, ext string) string {
	tail := data[max(0, len(data)-64<<10):]
	switch {
	case bytes.Contains(data, []byte("word/document.xml")) && !bytes.Contains(tail, []byte("xl/workbook.xml")):
		return formatDOCX
	case bytes.Contains(data, []byte("xl/workbook.xml")):
		return formatXLSX
	case ext == "docx":
		return formatDOCX
	case ext == "xlsx":
		return formatXLSX
	}
	return formatZIP
}

// importErrorf returns an EIMPORT error whose message starts with the file name, so that a
// message shown out of context (a toast, a log line) still says which file failed.
func importErrorf(name, format string, args ...any) *core.Error {
	return &core.Error{Code: core.EIMPORT, Field: name, Message: name + "：" + fmt.Sprintf(format, args...)}
}
