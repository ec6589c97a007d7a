package sqlite_test

import (
	"context"

	"policydesk/internal/core"
	"policydesk/internal/intake"
	"policydesk/internal/mailbox"
	"policydesk/internal/sqlite"
)

// The imports as the services run them: the file is read and checked by internal/intake, the store stores
// the rows that hold.

type commentImport struct{ s *sqlite.ConsultationStore }

func comments(s *sqlite.ConsultationStore) commentImport { return commentImport{s} }

func (c commentImport) read(ctx context.Context, req core.ImportRequest, data []byte) (intake.Comments, error) {
	paths, err := c.s.CommentImportClauses(ctx, req.ConsultationID)
	if err != nil {
		return intake.Comments{}, err
	}
	return intake.ReadComments(req, data, paths, c.s.Now())
}

func (c commentImport) PreviewImport(ctx context.Context, req core.ImportRequest, data []byte) (core.ImportPreview, error) {
	file, err := c.read(ctx, req, data)
	return file.Preview, err
}

func (c commentImport) ApplyImport(ctx context.Context, req core.ImportRequest, data []byte) (core.ImportResult, error) {
	file, err := c.read(ctx, req, data)
	if err == nil {
		err = file.Err()
	}
	if err != nil {
		return core.ImportResult{}, err
	}
	res, err := c.s.ImportComments(ctx, req.ConsultationID, file.File(), file.Rows, nil)
	res.Warnings = file.Preview.Warnings
	return res, err
}

type messageImport struct {
	s       *sqlite.MailboxStore
	matcher core.TopicMatcher
}

func messages(s *sqlite.MailboxStore, matcher core.TopicMatcher) messageImport {
	return messageImport{s, matcher}
}

func (m messageImport) PreviewImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportPreview, error) {
	file, err := intake.ReadMessages(name, data, columns, m.s.Now())
	if err != nil {
		return file.Preview, err
	}
	if file.Problem != "" {
		return file.Preview, file.Err()
	}
	rows, err := m.s.MarkStored(ctx, file.Rows)
	if err != nil {
		return file.Preview, err
	}
	file.Stored(rows)
	return file.Preview, nil
}

func (m messageImport) ApplyImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportResult, error) {
	file, err := intake.ReadMessages(name, data, columns, m.s.Now())
	if err == nil {
		err = file.Err()
	}
	if err != nil {
		return core.MessageImportResult{}, err
	}
	matches := mailbox.StartMatching(ctx, m.matcher, file.Rows)
	defer matches.Close()
	return m.s.ImportMessages(ctx, file.File(), file.Rows, matches)
}

// addVersion reads a version's text as the policy service does and stores it.
func addVersion(ctx context.Context, policies *sqlite.PolicyStore, in core.VersionInput) (core.PolicyVersion, error) {
	text, err := intake.ReadVersion(in)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return policies.AddVersion(ctx, in, text)
}
