package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"strings"
	"sync"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
)

// relatedMinScore is the cosine below which a document shares too little with a message to be worth citing:
// a common word or two such as 申请 or 规划 scores about 0.02 against a policy of a few thousand characters,
// while a document on the message's subject scores 0.06 and more.
const relatedMinScore = 0.04

// relatedSnippetRunes is the length of the passage shown for each document.
const relatedSnippetRunes = 90

// RelatedDocuments lists up to n (5 by default) published policies and interpretations on the subject of
// message id, best first: those sharing the most characteristic words with the message's subject and body
// and its topic's name and keywords. It is empty until the segmenter is ready.
func (s *MailboxStore) RelatedDocuments(ctx context.Context, id int64, n int) ([]core.RelatedDocument, error) {
	if n <= 0 || n > 20 {
		n = 5
	}
	query, err := s.relatedQuery(ctx, id)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	seg := s.seg
	s.mu.RUnlock()
	if seg == nil {
		return []core.RelatedDocument{}, nil
	}
	docs, err := s.publishedDocuments(ctx)
	if err != nil {
		return nil, err
	}
	out := []core.RelatedDocument{}
	for _, h := range relatedIndexFor(seg, docs).Query(query, n, relatedMinScore) {
		d := docs[h.Doc]
		d.doc.Score, d.doc.Words = h.Score, h.Words
		d.doc.Snippet = mailbox.Snippet(d.excerpt, h.Words, relatedSnippetRunes)
		out = append(out, d.doc)
	}
	return out, nil
}

// relatedQuery is the text a message is matched by: its subject and body, and the name and keywords of the
// topic it was routed to, which carry the office's own words for the subject.
func (s *MailboxStore) relatedQuery(ctx context.Context, id int64) (string, error) {
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

// publishedDocument is a document as indexed (text) and as offered (doc), with the text its passage is
// taken from (excerpt: the text without its title, which the panel shows anyway).
type publishedDocument struct {
	doc     core.RelatedDocument
	text    string
	excerpt string
}

// publishedDocuments reads the published policies, each with the text of its current version, and the
// published interpretations of policies still in force.
func (s *MailboxStore) publishedDocuments(ctx context.Context) ([]publishedDocument, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // one snapshot of policies and interpretations
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	docs, err := publishedPolicies(ctx, tx)
	if err != nil {
		return nil, err
	}
	interps, err := publishedInterpretations(ctx, tx)
	return append(docs, interps...), err
}

// publishedPolicies reads each published policy with its current version chosen as policyText chooses it.
func publishedPolicies(ctx context.Context, tx *Tx) ([]publishedDocument, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.title, p.doc_number, COALESCE(p.published_date, ''),
		COALESCE((SELECT v.body FROM policy_versions v WHERE v.policy_id = p.id ORDER BY v.version_date DESC,
			CASE v.kind WHEN '正式文本' THEN 0 WHEN '送审稿' THEN 1 ELSE 2 END, v.id DESC LIMIT 1), '')
		FROM policies p WHERE p.status = ? ORDER BY p.id`, core.PolicyPublished)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []publishedDocument
	for rows.Next() {
		d := core.RelatedDocument{Kind: core.RelatedPolicy, Words: []string{}}
		var body string
		if err := rows.Scan(&d.ID, &d.Title, &d.DocNumber, &d.PublishedDate, &body); err != nil {
			return nil, err
		}
		d.PolicyID, d.PolicyTitle = d.ID, d.Title
		d.Citation = core.PolicyCitation(d.Title, d.DocNumber, d.PublishedDate)
		out = append(out, publishedDocument{doc: d, text: d.Title + "\n" + body, excerpt: withoutTitle(body, d.Title)})
	}
	return out, rows.Err()
}

// publishedInterpretations reads the published interpretations whose policy is still published (not
// repealed or revised), as plain text whatever their form.
func publishedInterpretations(ctx context.Context, tx *Tx) ([]publishedDocument, error) {
	rows, err := tx.QueryContext(ctx, `SELECT i.id, i.form, i.title, i.body, COALESCE(i.published_date, ''), p.id, p.title, p.doc_number
		FROM interpretations i JOIN policies p ON p.id = i.policy_id
		WHERE i.status = ? AND p.status = ? ORDER BY i.id`, core.InterpPublished, core.PolicyPublished)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []publishedDocument
	for rows.Next() {
		d := core.RelatedDocument{Kind: core.RelatedInterpretation, Words: []string{}}
		var body string
		if err := rows.Scan(&d.ID, &d.Form, &d.Title, &body, &d.PublishedDate, &d.PolicyID, &d.PolicyTitle, &d.DocNumber); err != nil {
			return nil, err
		}
		in := core.Interpretation{ID: d.ID, Form: d.Form, Title: d.Title}
		if err := decodeBody(&in, body); err != nil {
			return nil, err
		}
		d.Citation = core.InterpretationCitation(d.Title, d.PublishedDate)
		text := in.InterpretationText()
		out = append(out, publishedDocument{doc: d, text: text, excerpt: withoutTitle(text, d.Title)})
	}
	return out, rows.Err()
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

// relatedIndexes remembers the indexes built last, keyed by segmenter and by a hash of every indexed text in
// order, so that an index is reused only while the published documents read exactly as when it was built:
// publishing, revising or repealing a policy, or publishing an interpretation, changes the key and the next
// query re-segments. Keying by content rather than by store lets any store share an index and needs no
// notice from the policy and interpretation stores; keeping only a few bounds the memory.
var relatedIndexes struct {
	sync.Mutex
	recent []relatedEntry // most recent first
}

const relatedIndexesKept = 2

type relatedEntry struct {
	seg core.Segmenter
	sig uint64
	ix  *mailbox.RelatedIndex
}

var relatedSeed = maphash.MakeSeed()

// relatedIndexFor returns the index of docs for seg, building it unless one is remembered.
func relatedIndexFor(seg core.Segmenter, docs []publishedDocument) *mailbox.RelatedIndex {
	sig := signature(docs)
	relatedIndexes.Lock()
	for _, e := range relatedIndexes.recent {
		if e.seg == seg && e.sig == sig {
			relatedIndexes.Unlock()
			return e.ix
		}
	}
	relatedIndexes.Unlock()

	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.text
	}
	ix := mailbox.NewRelatedIndex(seg, texts) // outside the lock: segmenting takes a while
	relatedIndexes.Lock()
	defer relatedIndexes.Unlock()
	kept := append([]relatedEntry{{seg: seg, sig: sig, ix: ix}}, relatedIndexes.recent...)
	relatedIndexes.recent = kept[:min(len(kept), relatedIndexesKept)]
	return ix
}

// signature hashes the indexed texts in order, each prefixed by its length so that no two lists collide
// by moving text across a boundary.
func signature(docs []publishedDocument) uint64 {
	var h maphash.Hash
	h.SetSeed(relatedSeed)
	var n [8]byte
	for _, d := range docs {
		binary.LittleEndian.PutUint64(n[:], uint64(len(d.text)))
		h.Write(n[:])
		h.WriteString(d.text)
	}
	return h.Sum64()
}

// maxAskedMessages bounds the 咨询 messages read for a policy's questions: the newest, which say what people ask
// now.
const maxAskedMessages = 3000

// askedQuestions is the 局长信箱's core.QuestionSource.
type askedQuestions struct{ s *MailboxStore }

// QuestionSource offers, for a policy's 问答, the questions citizens ask about it in the 局长信箱.
func (s *MailboxStore) QuestionSource() core.QuestionSource { return askedQuestions{s} }

// Questions implements core.QuestionSource.
func (a askedQuestions) Questions(ctx context.Context, policyID int64) ([]core.QuestionSuggestion, error) {
	a.s.mu.RLock()
	seg := a.s.seg
	a.s.mu.RUnlock()
	if seg == nil {
		return []core.QuestionSuggestion{}, nil
	}
	tx, err := a.s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var title, text string
	err = tx.QueryRowContext(ctx, `SELECT p.title, COALESCE((SELECT v.body FROM policy_versions v WHERE v.policy_id = p.id
		ORDER BY v.version_date DESC, v.id DESC LIMIT 1), '') FROM policies p WHERE p.id = ?`, policyID).Scan(&title, &text)
	if err != nil {
		return nil, notFound(err, "文件不存在(编号%d)", policyID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, subject, body FROM messages WHERE msg_type = '咨询'
		ORDER BY received_at DESC, id DESC LIMIT ?`, maxAskedMessages)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var msgs []mailbox.AskedMessage
	for rows.Next() {
		var m mailbox.AskedMessage
		if err := rows.Scan(&m.ID, &m.Subject, &m.Body); err != nil {
			return nil, err
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return mailbox.PolicyQuestions(seg, title, text, msgs, 8), nil
}
