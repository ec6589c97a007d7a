package core

import (
	"strings"
	"time"
)

// Kinds of published document a mailbox reply can cite.
const (
	RelatedPolicy         = "policy"
	RelatedInterpretation = "interpretation"
)

// RelatedDocument is a published policy or interpretation on the subject of a mailbox message, offered to the
// person replying so that the answer can point the citizen to the official text.
type RelatedDocument struct {
	Kind          string   `json:"kind"` // RelatedPolicy or RelatedInterpretation
	ID            int64    `json:"id"`
	Title         string   `json:"title"`
	DocNumber     string   `json:"docNumber"` // the policy's 文号; for an interpretation, that of the policy it explains
	PublishedDate string   `json:"publishedDate"`
	Form          string   `json:"form"` // the interpretation's form (文字解读, 问答 …); "" for a policy
	PolicyID      int64    `json:"policyId"`
	PolicyTitle   string   `json:"policyTitle"`
	Snippet       string   `json:"snippet"` // the passage that shares the most words with the message
	Words         []string `json:"words"`   // shared words, strongest first
	Score         float64  `json:"score"`   // cosine similarity in [0,1]
	Citation      string   `json:"citation"`
}

// PolicyCitation is the sentence a reply uses to refer to a published policy: its title in 书名号 followed by
// the 文号, or by the publication date when it has no 文号, as in “详见《XX办法》（X规〔2026〕3号）”.
func PolicyCitation(title, docNumber, publishedDate string) string {
	cite := "详见" + bookTitle(title)
	if n := strings.TrimSpace(docNumber); n != "" {
		return cite + "（" + n + "）"
	}
	return cite + publishedNote(publishedDate)
}

// InterpretationCitation refers to a published interpretation by its title and publication date. A title
// that names the policy in 书名号 nests it in single ones: 《〈XX办法〉政策解读》.
func InterpretationCitation(title, publishedDate string) string {
	return "详见" + bookTitle(title) + publishedNote(publishedDate)
}

// bookTitle puts a title in 书名号, turning the 书名号 inside it into single ones (the nesting rule of
// GB/T 15834) and not doubling those of a title already written 《XX》.
func bookTitle(title string) string {
	t := strings.TrimSpace(title)
	if inner, ok := strings.CutPrefix(t, "《"); ok {
		if inner, ok := strings.CutSuffix(inner, "》"); ok && !strings.ContainsAny(inner, "《》") {
			t = inner
		}
	}
	t = strings.NewReplacer("《", "〈", "》", "〉").Replace(t)
	return "《" + t + "》"
}

// publishedNote is “（2026年3月2日发布）” for a YYYY-MM-DD date, or "" when there is none.
func publishedNote(date string) string {
	d, err := time.Parse("2006-01-02", strings.TrimSpace(date))
	if err != nil {
		return ""
	}
	return "（" + d.Format("2006年1月2日") + "发布）"
}

// MessageText is a message's subject and body, as the 局长信箱's finders (similar replies, questions asked
// about a policy) read them.
type MessageText struct {
	ID      int64
	Subject string
	Body    string
}

// PublishedDocument is a published policy or interpretation as the related-documents finder reads it: the
// document offered, the text it is indexed by, and the text its passage is taken from (without the title).
type PublishedDocument struct {
	Doc     RelatedDocument
	Text    string
	Excerpt string
}
