package intake

import (
	"strings"

	"policydesk/internal/consult"
	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// ReadVersion reads a version's text from its file (PDF, DOCX or TXT in any encoding offices use) or from the
// pasted text, and splits it into its clauses. A file that cannot be read, or holds no text, is refused.
func ReadVersion(in core.VersionInput) (core.VersionText, error) {
	if err := consult.CheckVersionInput(in); err != nil {
		return core.VersionText{}, err
	}
	doc := docimport.Document{Name: in.FileName, Format: "txt", Encoding: "UTF-8", Text: strings.ReplaceAll(in.Text, "\r\n", "\n")}
	if len(in.Data) > 0 {
		var err error
		if doc, err = docimport.ExtractText(in.FileName, in.Data); err != nil {
			return core.VersionText{}, err
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		name := in.FileName
		if name == "" {
			name = "粘贴的文本"
		}
		return core.VersionText{}, core.FieldErrorf(core.EIMPORT, "file", "%s：没有读到文字内容", name)
	}
	v := core.VersionText{Format: doc.Format, Encoding: doc.Encoding, Text: doc.Text, Warnings: doc.Warnings, Clauses: []core.Clause{}}
	for i, c := range docimport.SplitClauses(doc.Text) {
		v.Clauses = append(v.Clauses, core.Clause{Path: c.ID, Level: c.Level, Number: c.Label, Heading: c.Heading, Body: c.Text,
			Start: c.Start, End: c.End, Seq: i + 1})
	}
	return v, nil
}
