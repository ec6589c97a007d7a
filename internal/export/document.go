package export

import (
	"strings"
	"unicode/utf8"
)

// Document is a simple official document: a title, an optional subtitle line and blocks in order.
// One Document is written as DOCX (for sign-off), HTML (for the website) or plain text (for review and
// golden tests), so the three never disagree.
type Document struct {
	Title    string
	Subtitle string // e.g. the issuing body and date, centred under the title
	Blocks   []Block
}

// BlockKind says how a block is laid out.
type BlockKind string

// Block kinds.
const (
	Heading   BlockKind = "heading"   // Level 1 (黑体) or 2 (楷体)
	Paragraph BlockKind = "paragraph" // body text, first line indented two characters
	TableKind BlockKind = "table"     // a grid with a header row
	Closing   BlockKind = "closing"   // right-aligned lines at the end: signer and date
)

// Block is one heading, paragraph, table or closing line.
type Block struct {
	Kind  BlockKind
	Level int    // headings only: 1 or 2
	Text  string // headings, paragraphs and closing lines
	Table Grid   // tables only
}

// Grid is a table with a header row.
type Grid struct {
	Headers []string
	Rows    [][]string
}

// H1, H2, P, T and Sign build blocks tersely.
func H1(text string) Block          { return Block{Kind: Heading, Level: 1, Text: text} }
func H2(text string) Block          { return Block{Kind: Heading, Level: 2, Text: text} }
func P(text string) Block           { return Block{Kind: Paragraph, Text: text} }
func T(g Grid) Block                { return Block{Kind: TableKind, Table: g} }
func Sign(text string) Block        { return Block{Kind: Closing, Text: text} }
func (d *Document) Add(bs ...Block) { d.Blocks = append(d.Blocks, bs...) }

// PlainText renders the document as text: the title, blank-line separated blocks, tables as
// " | "-separated rows. It is what reviewers diff and what golden files hold.
func (d Document) PlainText() string {
	var b strings.Builder
	b.WriteString(d.Title)
	b.WriteString("\n")
	if d.Subtitle != "" {
		b.WriteString(d.Subtitle)
		b.WriteString("\n")
	}
	for _, bl := range d.Blocks {
		b.WriteString("\n")
		switch bl.Kind {
		case TableKind:
			b.WriteString(strings.Join(bl.Table.Headers, " | "))
			b.WriteString("\n")
			for _, r := range bl.Table.Rows {
				b.WriteString(strings.Join(r, " | "))
				b.WriteString("\n")
			}
		case Paragraph:
			b.WriteString("    ")
			b.WriteString(bl.Text)
			b.WriteString("\n")
		case Closing:
			b.WriteString(strings.Repeat(" ", max(0, 40-utf8.RuneCountInString(bl.Text))))
			b.WriteString(bl.Text)
			b.WriteString("\n")
		default:
			b.WriteString(bl.Text)
			b.WriteString("\n")
		}
	}
	return b.String()
}
