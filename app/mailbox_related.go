package app

import (
	"context"

	"policydesk/internal/core"
)

// RelatedDocuments lists up to n (5 by default) published policies and interpretations on the subject of a
// message, best first, each with the citation a reply can use. It is empty while no segmenter is loaded.
func (s *MailboxService) RelatedDocuments(messageID int64, n int) ([]core.RelatedDocument, error) {
	if n <= 0 || n > 20 {
		n = 5
	}
	query, err := s.store.RelatedQuery(s.ctx, messageID)
	if err != nil || !s.finder.Ready() {
		return []core.RelatedDocument{}, err
	}
	docs, err := s.store.PublishedDocuments(s.ctx)
	if err != nil {
		return nil, err
	}
	return nonNil(s.finder.Related(docs, query, n), nil)
}

// MailboxQuestions offers, for a policy's 问答, the questions citizens ask about it in the 局长信箱. It is a
// function rather than a method so that Wails does not offer it to the frontend.
func MailboxQuestions(s *MailboxService) core.QuestionSource { return askedQuestions{s} }

// maxAskedQuestions is how many questions the 局长信箱 suggests for a policy.
const maxAskedQuestions = 8

type askedQuestions struct{ s *MailboxService }

// Questions implements core.QuestionSource.
func (a askedQuestions) Questions(ctx context.Context, policyID int64) ([]core.QuestionSuggestion, error) {
	if !a.s.finder.Ready() {
		return []core.QuestionSuggestion{}, nil
	}
	title, text, msgs, err := a.s.store.AskedMessages(ctx, policyID)
	if err != nil {
		return nil, err
	}
	return a.s.finder.Questions(title, text, msgs, maxAskedQuestions), nil
}
