package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/intake"
	"policydesk/internal/mailbox"
)

// MailboxStore is what the 局长信箱 bridge needs from storage (sqlite.MailboxStore).
type MailboxStore interface {
	Known(ctx context.Context, uidKey string) (bool, error)
	SaveMail(ctx context.Context, fm core.ArrivedMail, match *core.MatchResult) (bool, error)
	Messages(ctx context.Context, f core.MessageFilter) (core.MessagePage, error)
	Message(ctx context.Context, id int64) (core.MessageDetail, error)
	CreateMessage(ctx context.Context, in core.MessageInput, match *core.MatchResult) (core.Message, error)
	UpdateMessage(ctx context.Context, e core.MessageEdit) (core.Message, error)
	Reroute(ctx context.Context, in core.RerouteInput) (core.Message, error)
	Assign(ctx context.Context, messageID, personID int64) (core.Message, error)
	AssignMany(ctx context.Context, in core.BulkAssignInput) ([]core.Message, error)
	RequestClockStop(ctx context.Context, in core.ClockStopInput) (core.Message, error)
	DecideClockStop(ctx context.Context, d core.ClockStopDecision) (core.Message, error)
	ResumeClock(ctx context.Context, messageID int64) (core.Message, error)
	Remind(ctx context.Context, in core.RemindInput) (core.Message, error)
	RequestExtension(ctx context.Context, in core.ExtensionInput) (core.Message, error)
	DecideExtension(ctx context.Context, d core.ExtensionDecision) (core.Message, error)
	SubmitReply(ctx context.Context, in core.ReplySubmission) (core.Message, error)
	ApproveReply(ctx context.Context, messageID int64, opinion string) (core.Message, error)
	ReturnReply(ctx context.Context, messageID int64, opinion string) (core.Message, error)
	Forward(ctx context.Context, in core.ForwardInput) (core.Message, error)
	PublicationPreview(ctx context.Context, id int64) (core.PublicationPreview, error)
	Publish(ctx context.Context, id int64) (core.Message, error)
	KeepMasked(ctx context.Context, in core.MaskKeepInput) (core.PublicationPreview, error)
	UnkeepMasked(ctx context.Context, messageID, keepID int64) (core.PublicationPreview, error)
	ReplyTemplates(ctx context.Context) ([]core.ReplyTemplate, error)
	SaveReplyTemplate(ctx context.Context, t core.ReplyTemplate) (core.ReplyTemplate, error)
	DeleteReplyTemplate(ctx context.Context, id int64) error
	RenderTemplate(ctx context.Context, templateID, messageID int64) (core.RenderedReply, error)
	AnsweredKey(ctx context.Context) (string, error)
	AnsweredMessages(ctx context.Context) ([]core.MessageText, error)
	MessageText(ctx context.Context, id int64) (core.MessageText, error)
	SimilarMessage(ctx context.Context, id int64) (core.SimilarMessage, bool, error)
	RelatedQuery(ctx context.Context, id int64) (string, error)
	PublishedDocuments(ctx context.Context) ([]core.PublishedDocument, error)
	AskedMessages(ctx context.Context, policyID int64) (title, text string, msgs []core.MessageText, err error)
	Topics(ctx context.Context) ([]core.TopicRecord, error)
	MatcherTopics(ctx context.Context) ([]core.Topic, error)
	SaveTopic(ctx context.Context, t core.TopicRecord) (core.TopicRecord, error)
	MailboxSettings(ctx context.Context) (core.MailboxSettings, error)
	SaveMailboxSettings(ctx context.Context, s core.MailboxSettings) (core.MailboxSettings, error)
	MarkStored(ctx context.Context, rows []core.ImportedMessage) ([]core.ImportedMessage, error)
	ImportMessages(ctx context.Context, file core.ImportFile, rows []core.ImportedMessage, matches core.MatchStream) (core.MessageImportResult, error)
	IMAPConfig(ctx context.Context) (core.IMAPConfig, error)
	FetchConfig(ctx context.Context) (core.IMAPConfig, error)
	SaveFetchOutcome(ctx context.Context, result string) error
	SaveIMAPConfig(ctx context.Context, c core.IMAPConfig) (core.IMAPConfig, error)
	AttachmentContent(ctx context.Context, id int64) (string, []byte, error)
	Now() time.Time
	mailbox.StatsSource
	BureauName(ctx context.Context) (string, error)
}

// MailboxOptions are the fixed choices of the mailbox forms.
type MailboxOptions struct {
	States         []string `json:"states"`
	Types          []string `json:"types"`
	Channels       []string `json:"channels"`
	TemplateFields []string `json:"templateFields"`
}

// MailboxService is the 局长信箱 bridge: inbox, handling, replies, publication, statistics, import and mail.
type MailboxService struct {
	ctx   context.Context
	store MailboxStore
	// matcher routes messages on arrival (nil: they wait in 待分办)
	matcher core.TopicMatcher
	// finder finds similar replies, related documents and asked questions (nothing without a segmenter)
	finder *mailbox.Finder
	// exportDir receives the exports given no path and the chart images.
	exportDir string
	emit      Emitter
	log       *slog.Logger
	// topicsChanged, when set, hands the new topic list to the matcher.
	topicsChanged func([]core.Topic)

	fetches *jobRunner // the mail fetch; shared by the per-call copies (see Scoped)
	imports *jobRunner // a message file's import, likewise shared
}

// NewMailboxService wraps the mailbox store; exports given no path, and chart images, go to exportDir.
// topicsChanged may be nil.
func NewMailboxService(store MailboxStore, matcher core.TopicMatcher, seg core.Segmenter, exportDir string, emit Emitter, topicsChanged func([]core.Topic)) *MailboxService {
	return &MailboxService{ctx: context.Background(), store: store, matcher: matcher, finder: mailbox.NewFinder(seg), exportDir: exportDir, emit: emit, log: slog.Default(),
		topicsChanged: topicsChanged, fetches: &jobRunner{}, imports: &jobRunner{}}
}

func (s *MailboxService) startup(ctx context.Context) { s.ctx = ctx }

// StopMailbox cancels a running mail fetch and waits for it to stop; main calls it on shutdown. It is a
// function rather than a method so that Wails does not offer it to the frontend.
func StopMailbox(s *MailboxService) {
	for _, r := range []*jobRunner{s.fetches, s.imports} {
		r.stop()
		r.wait()
	}
}

// changed tells the frontend that messages changed, passing the result through.
func changed[T any](s *MailboxService, v T, err error) (T, error) {
	if err == nil {
		s.emit(EventMessagesChanged)
	}
	return v, err
}

// Options returns the states, types, channels and template fields for the forms.
func (s *MailboxService) Options() (MailboxOptions, error) {
	return nonNil(MailboxOptions{States: core.MessageStates, Types: core.MessageTypes, Channels: core.MessageChannels,
		TemplateFields: mailbox.TemplateFields}, nil)
}

// ListMessages returns one page of the inbox.
func (s *MailboxService) ListMessages(f core.MessageFilter) (core.MessagePage, error) {
	return nonNil(s.store.Messages(s.ctx, f))
}

// GetMessage returns a message with its history, attachments and sign-off steps.
func (s *MailboxService) GetMessage(id int64) (core.MessageDetail, error) {
	return nonNil(s.store.Message(s.ctx, id))
}

// SuggestType suggests a type for a message text (咨询, 建议, 投诉, 举报, 求助, 其他).
func (s *MailboxService) SuggestType(text string) (string, error) {
	return mailbox.SuggestType(text), nil
}

// CreateMessage registers a message entered by hand; it is matched and routed at once.
func (s *MailboxService) CreateMessage(in core.MessageInput) (core.Message, error) {
	valid, _, err := mailbox.ValidateInput(in, s.store.Now())
	if err != nil {
		return core.Message{}, err
	}
	m, err := s.store.CreateMessage(s.ctx, valid, mailbox.Match(s.matcher, valid))
	return nonNil(changed(s, m, err))
}

// mailSink stores fetched mails, each matched on arrival.
type mailSink struct{ s *MailboxService }

func (k mailSink) Known(ctx context.Context, uidKey string) (bool, error) {
	return k.s.store.Known(ctx, uidKey)
}

func (k mailSink) Save(ctx context.Context, fm mailbox.FetchedMail) (bool, error) {
	mail, err := mailbox.Arrived(fm, k.s.store.Now())
	if err != nil {
		return false, err
	}
	return k.s.store.SaveMail(ctx, mail, mailbox.Match(k.s.matcher, mail.Input))
}

// UpdateMessage corrects a message's sender, text, type or consent.
func (s *MailboxService) UpdateMessage(e core.MessageEdit) (core.Message, error) {
	m, err := s.store.UpdateMessage(s.ctx, e)
	return nonNil(changed(s, m, err))
}

// Reroute moves a message to another topic and section; the decision trains the matcher.
func (s *MailboxService) Reroute(in core.RerouteInput) (core.Message, error) {
	m, err := s.store.Reroute(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// Assign gives a message to a person of its section.
func (s *MailboxService) Assign(messageID, personID int64) (core.Message, error) {
	m, err := s.store.Assign(s.ctx, messageID, personID)
	return nonNil(changed(s, m, err))
}

// AssignMany gives the ticked messages to a section (and person) at once, 批量分办: every message through the
// same rules as one at a time, all or nothing, each audited.
func (s *MailboxService) AssignMany(in core.BulkAssignInput) ([]core.Message, error) {
	ms, err := s.store.AssignMany(s.ctx, in)
	return nonNil(changed(s, ms, err))
}

// RequestClockStop asks the named approver to stop a message's clock, with a reason; the clock runs on
// until they approve.
func (s *MailboxService) RequestClockStop(in core.ClockStopInput) (core.Message, error) {
	m, err := s.store.RequestClockStop(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// DecideClockStop approves or rejects a waiting clock stop; only its named approver may, with their
// electronic signature.
func (s *MailboxService) DecideClockStop(d core.ClockStopDecision) (core.Message, error) {
	if err := signature(s.ctx); err != nil {
		return core.Message{}, err
	}
	m, err := s.store.DecideClockStop(s.ctx, d)
	return nonNil(changed(s, m, err))
}

// Remind urges a message's handler to answer (催办); the reminder shows on the message and in its history.
func (s *MailboxService) Remind(in core.RemindInput) (core.Message, error) {
	m, err := s.store.Remind(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// RequestExtension asks the named approver for more working days to answer (延期申请); the due date stays
// until they approve.
func (s *MailboxService) RequestExtension(in core.ExtensionInput) (core.Message, error) {
	m, err := s.store.RequestExtension(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// DecideExtension approves or rejects a waiting 延期申请; only its named approver may, with their electronic
// signature. Approving moves the due date through the working-day calendar.
func (s *MailboxService) DecideExtension(d core.ExtensionDecision) (core.Message, error) {
	if err := signature(s.ctx); err != nil {
		return core.Message{}, err
	}
	m, err := s.store.DecideExtension(s.ctx, d)
	return nonNil(changed(s, m, err))
}

// ResumeClock restarts a stopped clock; the due date moves by the stopped working days.
func (s *MailboxService) ResumeClock(messageID int64) (core.Message, error) {
	m, err := s.store.ResumeClock(s.ctx, messageID)
	return nonNil(changed(s, m, err))
}

// SubmitReply sends a reply for sign-off.
func (s *MailboxService) SubmitReply(in core.ReplySubmission) (core.Message, error) {
	m, err := s.store.SubmitReply(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// ApproveReply signs a reply off; from now it counts as sent.
func (s *MailboxService) ApproveReply(messageID int64, opinion string) (core.Message, error) {
	if err := signature(s.ctx); err != nil {
		return core.Message{}, err
	}
	m, err := s.store.ApproveReply(s.ctx, messageID, opinion)
	return nonNil(changed(s, m, err))
}

// ReturnReply sends a reply back with the approver's opinion.
func (s *MailboxService) ReturnReply(messageID int64, opinion string) (core.Message, error) {
	if err := signature(s.ctx); err != nil {
		return core.Message{}, err
	}
	m, err := s.store.ReturnReply(s.ctx, messageID, opinion)
	return nonNil(changed(s, m, err))
}

// Forward closes a message as 转办, telling the citizen where to turn.
func (s *MailboxService) Forward(in core.ForwardInput) (core.Message, error) {
	m, err := s.store.Forward(s.ctx, in)
	return nonNil(changed(s, m, err))
}

// PublicationPreview shows exactly what publishing will put on the website, with every masked item.
func (s *MailboxService) PublicationPreview(id int64) (core.PublicationPreview, error) {
	return nonNil(s.store.PublicationPreview(s.ctx, id))
}

// KeepMasked publishes one masked item as written (a public figure, a shop's address), with the reason; the
// signed-in person is recorded as deciding it. It returns the preview as it now stands.
func (s *MailboxService) KeepMasked(in core.MaskKeepInput) (core.PublicationPreview, error) {
	p, err := s.store.KeepMasked(s.ctx, in)
	return nonNil(changed(s, p, err))
}

// UnkeepMasked withdraws a kept item: it is masked again.
func (s *MailboxService) UnkeepMasked(messageID, keepID int64) (core.PublicationPreview, error) {
	p, err := s.store.UnkeepMasked(s.ctx, messageID, keepID)
	return nonNil(changed(s, p, err))
}

// Publish publishes the masked message and reply.
func (s *MailboxService) Publish(id int64) (core.Message, error) {
	if err := signature(s.ctx); err != nil {
		return core.Message{}, err
	}
	m, err := s.store.Publish(s.ctx, id)
	return nonNil(changed(s, m, err))
}

// ListTemplates lists the reply templates.
func (s *MailboxService) ListTemplates() ([]core.ReplyTemplate, error) {
	return nonNil(s.store.ReplyTemplates(s.ctx))
}

// SaveTemplate creates or updates a reply template.
func (s *MailboxService) SaveTemplate(t core.ReplyTemplate) (core.ReplyTemplate, error) {
	out, err := s.store.SaveReplyTemplate(s.ctx, t)
	if err == nil {
		s.emit(EventMailboxSettingsChanged)
	}
	return out, err
}

// DeleteTemplate deletes a reply template.
func (s *MailboxService) DeleteTemplate(id int64) error {
	err := s.store.DeleteReplyTemplate(s.ctx, id)
	if err == nil {
		s.emit(EventMailboxSettingsChanged)
	}
	return err
}

// RenderTemplate fills a template's fields for a message.
func (s *MailboxService) RenderTemplate(templateID, messageID int64) (core.RenderedReply, error) {
	return nonNil(s.store.RenderTemplate(s.ctx, templateID, messageID))
}

// SimilarMessages lists up to n (5 by default) past answered messages most like this one, with their replies.
// It is empty while no segmenter is loaded.
func (s *MailboxService) SimilarMessages(id int64, n int) ([]core.SimilarMessage, error) {
	if n <= 0 || n > 20 {
		n = 5
	}
	m, err := s.store.MessageText(s.ctx, id)
	if err != nil {
		return nil, err
	}
	key, err := s.store.AnsweredKey(s.ctx)
	if err != nil {
		return nil, err
	}
	load := func() ([]core.MessageText, error) { return s.store.AnsweredMessages(s.ctx) }
	hits, err := s.finder.Similar(key, load, m.Subject+"\n"+m.Body, id, n)
	if err != nil {
		return nil, err
	}
	out := []core.SimilarMessage{}
	for _, h := range hits {
		sm, ok, err := s.store.SimilarMessage(s.ctx, h.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			sm.Score = h.Score
			out = append(out, sm)
		}
	}
	return nonNil(out, nil)
}

// ListTopics lists the routing topics.
func (s *MailboxService) ListTopics() ([]core.TopicRecord, error) {
	return nonNil(s.store.Topics(s.ctx))
}

// SaveTopic creates or updates a topic and hands the new list to the matcher.
func (s *MailboxService) SaveTopic(t core.TopicRecord) (core.TopicRecord, error) {
	out, err := s.store.SaveTopic(s.ctx, t)
	if err != nil {
		return nonNil(out, err)
	}
	if s.topicsChanged != nil {
		topics, err := s.store.MatcherTopics(s.ctx)
		if err != nil {
			return nonNil(out, err)
		}
		s.topicsChanged(topics)
	}
	s.emit(EventMailboxSettingsChanged)
	return nonNil(out, nil)
}

// GetSettings returns the reply limits per type and the routing threshold.
func (s *MailboxService) GetSettings() (core.MailboxSettings, error) {
	return nonNil(s.store.MailboxSettings(s.ctx))
}

// SaveSettings changes the reply limits and the routing threshold.
func (s *MailboxService) SaveSettings(in core.MailboxSettings) (core.MailboxSettings, error) {
	out, err := s.store.SaveMailboxSettings(s.ctx, in)
	if err == nil {
		s.emit(EventMailboxSettingsChanged)
	}
	return nonNil(out, err)
}

// PreviewImportFile shows what importing a file (.xlsx/.csv) would do. columns (field key → column index,
// -1 none) overrides the suggested mapping; pass null for the suggestion.
func (s *MailboxService) PreviewImportFile(path string, columns map[string]int) (core.MessageImportPreview, error) {
	name, data, err := readChosenFile(path)
	if err != nil {
		return core.MessageImportPreview{}, err
	}
	return nonNil(s.previewMessages(name, data, columns))
}

// ApplyImportFile imports a file; any row error imports nothing.
func (s *MailboxService) ApplyImportFile(path string, columns map[string]int) (core.MessageImportResult, error) {
	name, data, err := readChosenFile(path)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	return s.importMessages(name, data, columns)
}

// PreviewImportData is PreviewImportFile for a file picked in the browser (name and base64 content).
func (s *MailboxService) PreviewImportData(name, dataBase64 string, columns map[string]int) (core.MessageImportPreview, error) {
	data, err := decodeUpload(name, dataBase64)
	if err != nil {
		return core.MessageImportPreview{}, err
	}
	return nonNil(s.previewMessages(name, data, columns))
}

// ApplyImportData is ApplyImportFile for a file picked in the browser.
func (s *MailboxService) ApplyImportData(name, dataBase64 string, columns map[string]int) (core.MessageImportResult, error) {
	data, err := decodeUpload(name, dataBase64)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	return s.importMessages(name, data, columns)
}

// previewMessages reads a message file, checks its rows (internal/intake) and marks those already stored.
func (s *MailboxService) previewMessages(name string, data []byte, columns map[string]int) (core.MessageImportPreview, error) {
	m, err := intake.ReadMessages(name, data, columns, s.store.Now())
	if err != nil {
		return m.Preview, err
	}
	if m.Problem != "" {
		return m.Preview, m.Err()
	}
	rows, err := s.store.MarkStored(s.ctx, m.Rows)
	if err != nil {
		return m.Preview, err
	}
	m.Stored(rows)
	return m.Preview, nil
}

// importMessages stores a message file whose every row holds, or refuses it whole; duplicates are skipped. It
// runs on the import's job runner, reading the file included.
func (s *MailboxService) importMessages(name string, data []byte, columns map[string]int) (core.MessageImportResult, error) {
	var res core.MessageImportResult
	err := s.imports.runImport(s.ctx, s.emit, EventImportProgress, name, "留言",
		func(ctx context.Context, report func(core.ImportProgress)) (bool, error) {
			m, err := intake.ReadMessages(name, data, columns, s.store.Now())
			if err == nil {
				err = m.Err()
			}
			if err == nil {
				err = ctx.Err() // cancelled while the file was read
			}
			if err != nil {
				return false, err
			}
			matches := mailbox.StartMatching(ctx, s.matcher, m.Rows)
			defer matches.Close()
			res, err = s.store.ImportMessages(ctx, m.File(), m.Rows, progressStream{MatchStream: matches, total: len(m.Rows), report: report})
			return false, err // one transaction: nothing kept on error
		})
	return changed(s, res, err)
}

// CancelImport stops the message import that is running; nothing of its file is kept. It reports whether
// one was running.
func (s *MailboxService) CancelImport() bool { return s.imports.stop() }

// GetIMAPConfig returns the mail account (without its password).
func (s *MailboxService) GetIMAPConfig() (core.IMAPConfig, error) { return s.store.IMAPConfig(s.ctx) }

// SaveIMAPConfig stores the mail account; an empty password keeps the stored one.
func (s *MailboxService) SaveIMAPConfig(c core.IMAPConfig) (core.IMAPConfig, error) {
	out, err := s.store.SaveIMAPConfig(s.ctx, c)
	if err == nil {
		s.emit(EventMailboxSettingsChanged)
	}
	return out, err
}

// FetchMail starts taking new mail in the background and returns at once. Progress arrives as
// EventMailFetchProgress (core.FetchProgress), the end as EventMailFetched (core.FetchResult, or a
// BridgeError when the fetch failed). Only one fetch runs at a time.
func (s *MailboxService) FetchMail() error { return s.fetchNow(s.ctx) }

// fetchNow starts a fetch acting in ctx (the signed-in person, or 系统 for the scheduled fetch).
func (s *MailboxService) fetchNow(ctx context.Context) error {
	cfg, err := s.store.FetchConfig(ctx)
	if err != nil {
		return err
	}
	var res core.FetchResult
	fetch := func(ctx context.Context) (err error) {
		res, err = s.fetch(ctx, cfg)
		return err
	}
	if !s.fetches.start(ctx, fetch, func(ctx context.Context, err error) { s.fetched(ctx, res, err) }) {
		return core.Errorf(core.ECONFLICT, "正在收取邮件，请稍候")
	}
	return nil
}

// WatchMail fetches new mail in the background every FetchEveryMinutes of the mail account (checked each
// tick), as 系统, until ctx ends. A fetch already running, or one by hand, counts as the last fetch.
func WatchMail(ctx context.Context, s *MailboxService, clock core.Clock, tick time.Duration, active func() bool) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !active() {
			continue
		}
		sys := core.WithActor(s.ctx, core.System)
		cfg, err := s.store.IMAPConfig(sys)
		if err != nil || cfg.Host == "" || !cfg.HasPassword {
			continue
		}
		last, _ := time.Parse(time.RFC3339, cfg.LastFetchAt)
		if !mailbox.FetchDue(cfg.FetchEveryMinutes, last, clock.Now()) {
			continue
		}
		if err := s.fetchNow(sys); err != nil && core.ErrorCode(err) != core.ECONFLICT {
			s.log.Warn("scheduled mail fetch did not start", "err", err)
		}
	}
}

func (s *MailboxService) fetch(ctx context.Context, cfg core.IMAPConfig) (core.FetchResult, error) {
	// Mails taken before are recognised by their UID before download, so every fetch may safely look at the
	// whole mailbox; SinceUID stays what the user set, because a server may renumber (UIDVALIDITY).
	return mailbox.Fetch(ctx, cfg, mailSink{s}, func(p core.FetchProgress) {
		if s.fetches.throttle(p.Done >= p.Total) {
			s.emit(EventMailFetchProgress, p)
		}
	}, s.log)
}

// fetched records a fetch's outcome and tells the frontend.
func (s *MailboxService) fetched(ctx context.Context, res core.FetchResult, err error) {
	outcome := fmt.Sprintf("服务器上%d封，新收取%d条留言", res.Found, res.Added)
	if err != nil {
		outcome = "收取失败：" + core.ErrorMessage(err)
	}
	if serr := s.store.SaveFetchOutcome(core.WithActor(context.WithoutCancel(ctx), core.System), outcome); serr != nil {
		s.log.Error("recording the mail fetch failed", "err", serr)
	}
	if err != nil {
		s.emit(EventMailFetched, NewBridgeError(err))
		return
	}
	if res.Added > 0 {
		s.emit(EventMessagesChanged)
	}
	s.emit(EventMailFetched, filled(res))
}

// CancelFetch stops a running fetch after the current mail; what was taken stays. It reports whether a
// fetch was running.
func (s *MailboxService) CancelFetch() (bool, error) { return s.fetches.stop(), nil }

// Fetching reports whether a mail fetch is running.
func (s *MailboxService) Fetching() (bool, error) { return s.fetches.running(), nil }

// SaveAttachment writes an attachment to path.
func (s *MailboxService) SaveAttachment(id int64, path string) error {
	_, data, err := s.store.AttachmentContent(s.ctx, id)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return core.Errorf(core.EINVALID, "无法保存附件到%s：%v", path, err)
	}
	return nil
}

// Stats returns the statistics of messages received in [from, to] (dates; blank from = the month's first
// day, blank to = today).
func (s *MailboxService) Stats(from, to string) (core.MailboxStats, error) {
	st, _, err := s.stats(from, to)
	return nonNil(st, err)
}

// stats reads the period's statistics (internal/mailbox's rules over the store's facts).
func (s *MailboxService) stats(from, to string) (core.MailboxStats, []mailbox.StatsLine, error) {
	return mailbox.ReadStats(s.ctx, s.store, from, to)
}

// ExportStatsHTML writes the public table 留言受理反馈情况统计 as a self-contained HTML file and returns its
// path. A blank path means 留言受理反馈情况统计_<from>_<to>.html in the exports folder.
func (s *MailboxService) ExportStatsHTML(from, to, path string) (string, error) {
	from, to, path, err := s.exportTarget(from, to, path, "留言受理反馈情况统计", "html")
	if err != nil {
		return "", err
	}
	st, _, err := s.stats(from, to)
	if err != nil {
		return "", err
	}
	bureau, err := s.store.BureauName(s.ctx)
	if err != nil {
		return "", err
	}
	err = core.WriteFileAtomic(path, func(w io.Writer) error { return mailbox.WriteStatsHTML(w, bureau, st) })
	if err != nil {
		return "", core.Errorf(core.EINVALID, "无法写入%s：%v", path, err)
	}
	return path, nil
}

// ExportDetailXLSX writes the statistics and the message detail as an .xlsx workbook and returns its path.
// A blank path means 局长信箱留言明细_<from>_<to>.xlsx in the exports folder.
func (s *MailboxService) ExportDetailXLSX(from, to, path string) (string, error) {
	from, to, path, err := s.exportTarget(from, to, path, "局长信箱留言明细", "xlsx")
	if err != nil {
		return "", err
	}
	st, lines, err := s.stats(from, to)
	if err != nil {
		return "", err
	}
	summary := export.Table{Sheet: "统计", Title: "留言受理反馈情况统计(" + st.From + "至" + st.To + ")",
		Headers: mailbox.StatsHeaders, Rows: mailbox.SummaryRows(st)}
	detail := export.Table{Sheet: "明细", Headers: mailbox.DetailHeaders, Rows: mailbox.DetailRows(lines)}
	if err := export.WriteXLSX(path, summary, detail); err != nil {
		return "", core.Errorf(core.EINVALID, "无法写入%s：%v", path, err)
	}
	return path, nil
}

// exportTarget settles where an export goes. Given a path it changes nothing; given none it names the file
// after the period, so blank dates are first resolved to the days the statistics will actually cover.
func (s *MailboxService) exportTarget(from, to, path, title, ext string) (string, string, string, error) {
	if path != "" {
		return from, to, path, nil
	}
	if from == "" || to == "" {
		st, err := s.Stats(from, to)
		if err != nil {
			return "", "", "", err
		}
		from, to = st.From, st.To
	}
	dir, err := s.ensureExportDir()
	if err != nil {
		return "", "", "", err
	}
	return from, to, filepath.Join(dir, safeFileName(fmt.Sprintf("%s_%s_%s", title, from, to))+"."+ext), nil
}

func (s *MailboxService) ensureExportDir() (string, error) {
	if err := os.MkdirAll(s.exportDir, 0o700); err != nil {
		return "", core.Errorf(core.EINVALID, "无法创建导出文件夹%s", s.exportDir)
	}
	return s.exportDir, nil
}

// maxChartPNG bounds a chart image; a 2x trend chart is a few hundred kilobytes.
const maxChartPNG = 20 << 20

const pngDataURLPrefix = "data:image/png;base64,"

// pngSignature is the eight bytes every PNG file starts with.
var pngSignature = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}

// SaveChartPNG writes a chart image, given as a data:image/png;base64 URL (ECharts' getDataURL), to the
// exports folder as name and returns the path. The name is reduced to a plain file name, so it can never
// point outside the folder.
func (s *MailboxService) SaveChartPNG(dataURL string, name string) (string, error) {
	data, err := decodePNGDataURL(dataURL)
	if err != nil {
		return "", err
	}
	dir, err := s.ensureExportDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, chartFileName(name))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", core.Errorf(core.EINVALID, "无法保存图表到%s：%v", path, err)
	}
	return path, nil
}

// decodePNGDataURL checks and decodes a PNG data URL; the size is checked before decoding so that an
// oversized URL is refused without allocating its content.
func decodePNGDataURL(dataURL string) ([]byte, error) {
	payload, ok := strings.CutPrefix(dataURL, pngDataURLPrefix)
	if !ok {
		return nil, core.Errorf(core.EINVALID, "图表图片格式不对：应为PNG格式的data URL")
	}
	if base64.StdEncoding.DecodedLen(len(payload)) > maxChartPNG {
		return nil, core.Errorf(core.EINVALID, "图表图片过大：不能超过%dMB", maxChartPNG>>20)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "图表图片内容无法读取：base64编码有误")
	}
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, core.Errorf(core.EINVALID, "图表图片不是PNG图片")
	}
	return data, nil
}

// chartFileName makes a plain file name ending in .png: separators and characters file systems refuse become
// "_", and leading dots go, so neither "../x" nor a hidden file can result.
func chartFileName(name string) string {
	return export.SafeFileName(strings.TrimSuffix(strings.TrimSpace(name), ".png"), "局长信箱月度趋势") + ".png"
}
