package app

import "policydesk/internal/core"

// RelatedDocuments lists up to n (5 by default) published policies and interpretations on the subject of a
// message, best first, each with the citation a reply can use.
func (s *MailboxService) RelatedDocuments(messageID int64, n int) ([]core.RelatedDocument, error) {
	return nonNil(s.store.RelatedDocuments(s.ctx, messageID, n))
}
