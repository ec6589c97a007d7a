package sqlite

import (
	"context"
	"encoding/json"
	"strings"

	"policydesk/internal/core"
)

// RelatedQuery is the text a message's related documents are found by: its subject and body, and the name and
// keywords of the topic it was routed to, which carry the office's own words for the subject.
func (s *MailboxStore) RelatedQuery(ctx context.Context, id int64) (string, error) {
	var subject, body, topic, keywords string
	err := s.db.db.QueryRowContext(ctx, `SELECT m.subject, m.body, COALESCE(t.name, ''), COALESCE(t.keywords, '[]')
		FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE m.id = ?`, id).Scan(&subject, &body, &topic, &keywords)
	if err != nil {
		return "", notFound(err, "留言不存在(编号%d)", id)
	}
	parts := []string{subject, body, topic}
	var kws []core.TopicKeyword
	if json.Unmarshal([]byte(keywords), &kws) == nil {
		for _, k := range kws {
			parts = append(parts, k.Word)
		}
	}
	return strings.Join(parts, "\n"), nil
}

// PublishedDocuments reads the published policies, each with the text of its current version, and the
// published interpretations of policies still in force.
func (s *MailboxStore) PublishedDocuments(ctx context.Context) ([]core.PublishedDocument, error) {
	// One snapshot of policies and interpretations.
	return inRead(ctx, s.db, func(tx *Tx) ([]core.PublishedDocument, error) {
		docs, err := publishedPolicies(ctx, tx)
		if err != nil {
			return nil, err
		}
		interps, err := publishedInterpretations(ctx, tx)
		return append(docs, interps...), err
	})
}

// publishedPolicies reads each published policy with its current version chosen as policyText chooses it.
func publishedPolicies(ctx context.Context, tx *Tx) ([]core.PublishedDocument, error) {
	return queryAll(ctx, tx, scanPublishedPolicy, `SELECT p.id, p.title, p.doc_number, COALESCE(p.published_date, ''),
		COALESCE((SELECT v.body FROM policy_versions v WHERE v.policy_id = p.id ORDER BY v.version_date DESC,
			CASE v.kind WHEN '正式文本' THEN 0 WHEN '送审稿' THEN 1 ELSE 2 END, v.id DESC LIMIT 1), '')
		FROM policies p WHERE p.status = ? ORDER BY p.id`, core.PolicyPublished)
}

func scanPublishedPolicy(sc scanner) (core.PublishedDocument, error) {
	d := core.RelatedDocument{Kind: core.RelatedPolicy, Words: []string{}}
	var body string
	if err := sc.Scan(&d.ID, &d.Title, &d.DocNumber, &d.PublishedDate, &body); err != nil {
		return core.PublishedDocument{}, err
	}
	d.PolicyID, d.PolicyTitle = d.ID, d.Title
	d.Citation = core.PolicyCitation(d.Title, d.DocNumber, d.PublishedDate)
	return core.PublishedDocument{Doc: d, Text: d.Title + "\n" + body, Excerpt: withoutTitle(body, d.Title)}, nil
}

// publishedInterpretations reads the published interpretations whose policy is still published (not
// repealed or revised), as plain text whatever their form.
func publishedInterpretations(ctx context.Context, tx *Tx) ([]core.PublishedDocument, error) {
	return queryAll(ctx, tx, scanPublishedInterpretation, `SELECT i.id, i.form, i.title, i.body, COALESCE(i.published_date, ''), p.id, p.title, p.doc_number
		FROM interpretations i JOIN policies p ON p.id = i.policy_id
		WHERE i.status = ? AND p.status = ? ORDER BY i.id`, core.InterpPublished, core.PolicyPublished)
}

func scanPublishedInterpretation(sc scanner) (core.PublishedDocument, error) {
	d := core.RelatedDocument{Kind: core.RelatedInterpretation, Words: []string{}}
	var body string
	if err := sc.Scan(&d.ID, &d.Form, &d.Title, &body, &d.PublishedDate, &d.PolicyID, &d.PolicyTitle, &d.DocNumber); err != nil {
		return core.PublishedDocument{}, err
	}
	in := core.Interpretation{ID: d.ID, Form: d.Form, Title: d.Title}
	if err := decodeBody(&in, body); err != nil {
		return core.PublishedDocument{}, err
	}
	d.Citation = core.InterpretationCitation(d.Title, d.PublishedDate)
	text := in.InterpretationText()
	return core.PublishedDocument{Doc: d, Text: text, Excerpt: withoutTitle(text, d.Title)}, nil
}

// withoutTitle drops the lines of text that only repeat the title.
func withoutTitle(text, title string) string {
	bare := strings.Trim(strings.TrimSpace(title), "《》")
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if strings.Trim(strings.TrimSpace(l), "《》") != bare {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// maxAskedMessages bounds the 咨询 messages read for a policy's questions: the newest, which say what people ask
// now.
const maxAskedMessages = 3000

// AskedMessages reads a policy's title and current text, and the newest 咨询 messages, which the questions
// citizens ask about it are found in.
func (s *MailboxStore) AskedMessages(ctx context.Context, policyID int64) (title, text string, msgs []core.MessageText, err error) {
	err = s.db.read(ctx, func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT p.title, COALESCE((SELECT v.body FROM policy_versions v WHERE v.policy_id = p.id
			ORDER BY v.version_date DESC, v.id DESC LIMIT 1), '') FROM policies p WHERE p.id = ?`, policyID).Scan(&title, &text)
		if err != nil {
			return notFound(err, "文件不存在(编号%d)", policyID)
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, subject, body FROM messages WHERE msg_type = '咨询'
			ORDER BY received_at DESC, id DESC LIMIT ?`, maxAskedMessages)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m core.MessageText
			if err := rows.Scan(&m.ID, &m.Subject, &m.Body); err != nil {
				return err
			}
			msgs = append(msgs, m)
		}
		return rows.Err()
	})
	return title, text, msgs, err
}
