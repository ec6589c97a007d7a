package export

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"policydesk/internal/core"
	"strings"
)

// Fonts and sizes follow GB/T 9704 (党政机关公文格式): title in 方正小标宋 二号 (22pt) centred, body in 仿宋_GB2312
// 三号 (16pt), first-level headings in 黑体, second-level in 楷体_GB2312. Sizes are in half-points.
const (
	fontTitle    = "方正小标宋简体"
	fontBody     = "仿宋_GB2312"
	fontHeading1 = "黑体"
	fontHeading2 = "楷体_GB2312"
	fontLatin    = "Times New Roman"
	sizeTitle    = 44
	sizeBody     = 32
	sizeTable    = 24
	lineSpacing  = 360 // 1.5 lines, in 240ths of a line
)

// WriteDOCX writes doc as a Word document at path, atomically.
func WriteDOCX(path string, doc Document) error {
	return core.WriteFileAtomic(path, func(w io.Writer) error { return EncodeDOCX(w, doc) })
}

// EncodeDOCX writes doc as a DOCX package (Office Open XML, the parts Word and LibreOffice require).
func EncodeDOCX(w io.Writer, doc Document) error {
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", rootRelsXML},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/styles.xml", stylesXML()},
		{"word/document.xml", documentXML(doc)},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return z.Close()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypesXML = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`</Types>`

const rootRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const documentRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func fonts(eastAsia string) string {
	return `<w:rFonts w:ascii="` + fontLatin + `" w:hAnsi="` + fontLatin + `" w:eastAsia="` + eastAsia + `" w:cs="` + fontLatin + `"/>`
}

func size(halfPoints int) string {
	s := itoa(halfPoints)
	return `<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// stylesXML defines the paragraph styles the document uses, so that staff who edit the file before
// sign-off keep the official look by choosing a style.
func stylesXML() string {
	spacing := `<w:spacing w:line="` + itoa(lineSpacing) + `" w:lineRule="auto"/>`
	style := func(id, name, pPr, rPr string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
			`<w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	return xmlHeader + `<w:styles ` + wNS + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(fontBody) + size(sizeBody) + `<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr>` + spacing + `</w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:jc w:val="both"/>` + spacing + `</w:pPr><w:rPr>` + fonts(fontBody) + size(sizeBody) + `</w:rPr></w:style>` +
		style("Title", "Title", `<w:jc w:val="center"/><w:spacing w:before="0" w:after="240" w:line="`+itoa(lineSpacing)+`" w:lineRule="auto"/>`, fonts(fontTitle)+size(sizeTitle)) +
		style("Subtitle", "Subtitle", `<w:jc w:val="center"/>`, fonts(fontHeading2)+size(sizeBody)) +
		style("Heading1", "heading 1", `<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/>`, fonts(fontHeading1)+size(sizeBody)) +
		style("Heading2", "heading 2", `<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/>`, fonts(fontHeading2)+size(sizeBody)) +
		style("BodyText", "Body Text", `<w:ind w:firstLineChars="200" w:firstLine="640"/>`, fonts(fontBody)+size(sizeBody)) +
		style("Closing", "Closing", `<w:jc w:val="right"/>`, fonts(fontBody)+size(sizeBody)) +
		style("TableText", "Table Text", `<w:jc w:val="center"/><w:spacing w:line="240" w:lineRule="auto"/>`, fonts(fontBody)+size(sizeTable)) +
		`</w:styles>`
}

// esc escapes text for an XML text node or attribute.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a strings.Builder never fails
	return b.String()
}

// run writes text as runs, turning line breaks into <w:br/>.
func run(text string, bold bool) string {
	rPr := ""
	if bold {
		rPr = `<w:rPr><w:b/><w:bCs/></w:rPr>`
	}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		b.WriteString(`<w:r>` + rPr)
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(line) + `</w:t></w:r>`)
	}
	return b.String()
}

func para(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + run(text, false) + `</w:p>`
}

func documentXML(doc Document) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document ` + wNS + `><w:body>`)
	b.WriteString(para("Title", doc.Title))
	if doc.Subtitle != "" {
		b.WriteString(para("Subtitle", doc.Subtitle))
	}
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case Heading:
			style := "Heading1"
			if bl.Level >= 2 {
				style = "Heading2"
			}
			b.WriteString(para(style, bl.Text))
		case TableKind:
			b.WriteString(tableXML(bl.Table))
			b.WriteString(`<w:p/>`) // Word requires a paragraph between a table and what follows
		case Closing:
			b.WriteString(para("Closing", bl.Text))
		default:
			b.WriteString(para("BodyText", bl.Text))
		}
	}
	// A4 with the GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// tableXML writes a full-width bordered table whose header row repeats on every page.
func tableXML(g Grid) string {
	const border = `w:val="single" w:sz="4" w:space="0" w:color="000000"`
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` ` + border + `/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="autofit"/></w:tblPr><w:tblGrid>`)
	for range g.Headers {
		b.WriteString(`<w:gridCol/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		b.WriteString(`<w:tr>`)
		if header {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for i := range g.Headers {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			b.WriteString(`<w:tc><w:tcPr><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>` + run(text, header) + `</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	row(g.Headers, true)
	for _, r := range g.Rows {
		row(r, false)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}
