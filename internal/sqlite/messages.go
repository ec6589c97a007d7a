package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"

	"golang.org/x/sync/singleflight"
)

// MailboxStore keeps 局长信箱 messages and runs their workflow. Messages arrive with their match to topics
// (the mailbox service matches them); it keeps no matcher, segmenter or text index of its own beyond the
// inbox's searches.
type MailboxStore struct {
	db     *DB
	cal    func() *calendar.Calendar
	sealer core.Sealer     // seals the mail account's password
	tagger core.NameTagger // tags the words of a message before publication (nil: the cue rules alone)

	countsMu     sync.Mutex
	counts       map[string]cachedCounts // the inbox's state counts per filter, valid while the inbox is unchanged
	countsRead   atomic.Int64            // how many times the counts were read from the database (tests)
	countsFlight singleflight.Group      // the counts being read now, shared by the requests that wait for them
	texts        textIndex               // the inbox's text searches, following the writes
	plans        searchPlans             // the inbox's text searches' plans, as of the change feed
}

// cachedCounts are the state counts of one filter as of at.
type cachedCounts struct {
	at     countsAt
	counts map[string]int
}

// countsAt is when counts were read: the inbox revision, for a search its set of matches (textSearch's gen
// or feed; 0 without text), and the database's restore count.
type countsAt struct {
	rev, feed, gen, era int64
}

var _ core.DeadlineSource = (*MailboxStore)(nil)

// NewMailboxStore returns the mailbox store over db, dating everything with cal; sealer (seal.KeyFile) keeps
// the mail account's password sealed.
func NewMailboxStore(db *DB, cal func() *calendar.Calendar, sealer core.Sealer, tagger core.NameTagger) *MailboxStore {
	return &MailboxStore{db: db, cal: cal, sealer: sealer, tagger: tagger}
}

// today is the civil date of the store's clock.
func (s *MailboxStore) today() time.Time { return calendar.Day(s.db.Clock.Now().In(core.Shanghai)) }

// Today is the civil date of the store's clock: the day every legal time is counted from.
func (s *MailboxStore) Today() time.Time { return s.today() }

// Calendar is the working-day calendar the store dates messages with.
func (s *MailboxStore) Calendar() *calendar.Calendar { return s.cal() }

// BureauName is the bureau's name as set in 设置.
func (s *MailboxStore) BureauName(ctx context.Context) (string, error) {
	return s.db.Setting(ctx, "bureau.name")
}

const messageCols = `m.id, COALESCE(m.external_id, ''), m.channel, m.received_at, m.received_date, m.sender_name, m.sender_phone,
	m.sender_email, m.sender_address, m.subject, m.body, m.msg_type, m.agree_publish, m.state,
	COALESCE(m.topic_id, 0), COALESCE(t.name, ''), COALESCE(m.topic_score, 0), m.match_json,
	COALESCE(m.section_id, 0), COALESCE(sec.name, ''), COALESCE(m.assignee_id, 0), COALESCE(a.name, ''),
	m.due_date, m.stopped_days, COALESCE(m.stopped_since, ''), m.stop_request_reason, COALESCE(m.stop_request_by, 0),
	COALESCE((SELECT name FROM people WHERE id = m.stop_request_by), ''), COALESCE(m.stop_request_approver, 0),
	COALESCE((SELECT name FROM people WHERE id = m.stop_request_approver), ''), m.stop_requested_at, m.reply_body, COALESCE(m.replied_at, ''),
	COALESCE(m.replied_by, 0), COALESCE(r.name, ''), m.forward_to, COALESCE(m.published_at, ''), m.published_subject,
	m.published_text, m.published_reply, (SELECT COUNT(*) FROM attachments x WHERE x.subject_type = 'message' AND x.subject_id = m.id),
	m.created_at, m.updated_at, m.version, COALESCE(m.sent_at, ''),
	m.remind_count, m.reminded_at, COALESCE(m.reminded_by, 0), COALESCE((SELECT name FROM people WHERE id = m.reminded_by), ''), m.remind_note,
	m.ext_request_days, m.ext_request_reason, COALESCE(m.ext_request_by, 0), COALESCE((SELECT name FROM people WHERE id = m.ext_request_by), ''),
	COALESCE(m.ext_request_approver, 0), COALESCE((SELECT name FROM people WHERE id = m.ext_request_approver), ''), m.ext_requested_at,
	m.extended_days, m.late_note`

const messageJoins = ` FROM messages m` + messageLookups

// messageLookups joins the names a message row refers to.
const messageLookups = `
	LEFT JOIN topics t ON t.id = m.topic_id
	LEFT JOIN sections sec ON sec.id = m.section_id
	LEFT JOIN people a ON a.id = m.assignee_id
	LEFT JOIN people r ON r.id = m.replied_by`

func scanMessage(sc interface{ Scan(...any) error }) (core.Message, error) {
	var m core.Message
	var matchJSON string
	err := sc.Scan(&m.ID, &m.ExternalID, &m.Channel, &m.ReceivedAt, &m.ReceivedDate, &m.SenderName, &m.SenderPhone,
		&m.SenderEmail, &m.SenderAddress, &m.Subject, &m.Body, &m.Type, &m.AgreePublish, &m.State,
		&m.TopicID, &m.TopicName, &m.TopicScore, &matchJSON,
		&m.SectionID, &m.SectionName, &m.AssigneeID, &m.AssigneeName,
		&m.DueDate, &m.StoppedDays, &m.StoppedSince, &m.StopRequest.Reason, &m.StopRequest.ByID, &m.StopRequest.ByName,
		&m.StopRequest.ApproverID, &m.StopRequest.ApproverName, &m.StopRequest.At, &m.ReplyBody, &m.RepliedAt,
		&m.RepliedByID, &m.RepliedByName, &m.ForwardTo, &m.PublishedAt, &m.PublishedSubject, &m.PublishedText,
		&m.PublishedReply, &m.AttachmentCount, &m.CreatedAt, &m.UpdatedAt, &m.Version, &m.SentAt,
		&m.Reminder.Count, &m.Reminder.At, &m.Reminder.ByID, &m.Reminder.ByName, &m.Reminder.Note,
		&m.Extension.Days, &m.Extension.Reason, &m.Extension.ByID, &m.Extension.ByName,
		&m.Extension.ApproverID, &m.Extension.ApproverName, &m.Extension.At, &m.ExtendedDays, &m.LateNote)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal([]byte(matchJSON), &m.Match); err != nil {
		m.Match = core.MatchResult{}
	}
	if m.Match.Top == nil {
		m.Match.Top = []core.TopicScore{}
	}
	return m, nil
}

// badge fills the deadline fields of m as seen on today.
func msgBadge(rules core.MailboxRules, cal *calendar.Calendar, m *core.Message, today time.Time) {
	due, _ := calendar.ParseDate(m.DueDate)
	var replied time.Time
	if m.RepliedAt != "" {
		replied, _ = time.Parse(TimeLayout, m.RepliedAt)
		m.OnTime = rules.OnTime(replied.In(core.Shanghai), due)
	}
	b := rules.DueBadge(cal, m.State, due, today, m.StoppedSince != "", replied.In(core.Shanghai))
	m.DueStatus, m.DueLabel, m.DueWorkdays = b.Status, b.Label, b.Workdays
}

func findMessage(ctx context.Context, tx *Tx, id int64) (core.Message, error) {
	m, err := scanMessage(tx.QueryRowContext(ctx, `SELECT `+messageCols+messageJoins+` WHERE m.id = ?`, id))
	return m, notFound(err, "留言不存在(编号%d)", id)
}

// Message returns one message with its history, attachments and sign-off steps.
func (s *MailboxStore) Message(ctx context.Context, id int64) (core.MessageDetail, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.MessageDetail, error) {
		m, err := findMessage(ctx, tx, id)
		if err != nil {
			return core.MessageDetail{}, err
		}
		msgBadge(s.db.rules.Mailbox, s.cal(), &m, s.today())
		d := core.MessageDetail{Message: m}
		if d.Events, err = messageEvents(ctx, tx, id); err != nil {
			return d, err
		}
		if d.Attachments, err = messageAttachments(ctx, tx, id); err != nil {
			return d, err
		}
		d.Approvals, err = messageApprovals(ctx, tx, id)
		return d, err
	})
}

func messageEvents(ctx context.Context, tx *Tx, id int64) ([]core.MessageEvent, error) {
	return queryAll(ctx, tx, func(r scanner) (e core.MessageEvent, err error) {
		err = r.Scan(&e.ID, &e.Kind, &e.From, &e.To, &e.Reason, &e.ApproverID, &e.ApproverName, &e.PersonName, &e.At)
		return
	}, `SELECT e.id, e.kind, e.from_value, e.to_value, e.reason, COALESCE(e.approver_id, 0),
		COALESCE(p.name, ''), e.person_name, e.at FROM message_events e LEFT JOIN people p ON p.id = e.approver_id
		WHERE e.message_id = ? ORDER BY e.id`, id)
}

func messageAttachments(ctx context.Context, tx *Tx, id int64) ([]core.Attachment, error) {
	return queryAll(ctx, tx, func(r scanner) (a core.Attachment, err error) {
		err = r.Scan(&a.ID, &a.FileName, &a.MimeType, &a.Size, &a.SHA256)
		return
	}, `SELECT id, file_name, mime_type, size, sha256 FROM attachments
		WHERE subject_type = 'message' AND subject_id = ? ORDER BY id`, id)
}

func messageApprovals(ctx context.Context, tx *Tx, id int64) ([]core.Approval, error) {
	return queryAll(ctx, tx, func(r scanner) (a core.Approval, err error) {
		err = r.Scan(&a.ID, &a.Round, &a.StepName, &a.PersonID, &a.PersonName, &a.Decision, &a.Opinion, &a.ActedAt)
		return
	}, `SELECT id, round, step_name, COALESCE(person_id, 0), person_name, decision, opinion,
		COALESCE(acted_at, '') FROM approvals WHERE subject_type = 'message' AND subject_id = ? ORDER BY round, step_order, id`, id)
}

// AttachmentContent returns an attachment's file name and bytes, for saving it to disk.
func (s *MailboxStore) AttachmentContent(ctx context.Context, id int64) (string, []byte, error) {
	var name string
	var data []byte
	err := s.db.db.QueryRowContext(ctx, `SELECT file_name, content FROM attachments WHERE id = ? AND subject_type = 'message'`, id).Scan(&name, &data)
	return name, data, notFound(err, "附件不存在(编号%d)", id)
}

// newMessage is a validated message about to be inserted.
type newMessage struct {
	in       core.MessageInput
	received time.Time
	batchID  int64
	mailUID  string
	msgID    string
	match    *core.MatchResult // nil: not matched, the message waits in 待分办
}

// routingContext is what routing a batch of messages needs, read once per transaction.
type routingContext struct {
	settings core.MailboxSettings
	topics   core.TopicSections
	cal      *calendar.Calendar
}

func (s *MailboxStore) routing(ctx context.Context, tx *Tx) (routingContext, error) {
	rc := routingContext{cal: s.cal()}
	var err error
	if rc.settings, err = readMailboxSettings(tx); err != nil {
		return rc, err
	}
	rc.topics, err = topicSections(ctx, tx)
	return rc, err
}

func topicSections(ctx context.Context, tx *Tx) (core.TopicSections, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, COALESCE(section_id, 0) FROM topics WHERE active = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := core.TopicSections{}
	for rows.Next() {
		var r core.TopicRef
		if err := rows.Scan(&r.ID, &r.Name, &r.SectionID); err != nil {
			return nil, err
		}
		out[msgItoa(r.ID)] = r
	}
	return out, rows.Err()
}

// insertMessage routes (by its match; none: 待分办) and stores one validated message with its arrival events. It returns the
// new id and whether the message was routed to a section.
func (tx *Tx) insertMessage(ctx context.Context, rc routingContext, nm newMessage) (int64, bool, error) {
	in := nm.in
	match := core.MatchResult{Top: []core.TopicScore{}}
	if nm.match != nil {
		match = *nm.match
	}
	route := tx.db.rules.Mailbox.Route(match, rc.topics, rc.settings.RouteThreshold)
	matchJSON, err := json.Marshal(match)
	if err != nil {
		return 0, false, err
	}
	due := tx.db.rules.Mailbox.DueDate(rc.cal, nm.received, rc.settings, in.Type)
	var score any
	if route.TopicID != 0 {
		score = route.Score
	}
	id, err := tx.insertPrepared(ctx, `INSERT INTO messages (external_id, channel, received_at, received_date, sender_name, sender_phone,
		sender_email, sender_address, subject, body, msg_type, agree_publish, state, topic_id, topic_score, section_id, due_date,
		match_json, dedup_key, mail_uid, message_id, batch_id, created_at, created_by, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullString(in.ExternalID), in.Channel, in.ReceivedAt, calendar.FormatDate(nm.received), in.SenderName, in.SenderPhone,
		in.SenderEmail, in.SenderAddress, in.Subject, in.Body, in.Type, in.AgreePublish, route.State, nullID(route.TopicID), score,
		nullID(route.SectionID), calendar.FormatDate(due), string(matchJSON), tx.db.rules.Mailbox.DedupKey(in.SenderName, in.Body),
		nullString(nm.mailUID), nullString(nm.msgID), nullID(nm.batchID), tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())
	if err != nil {
		return 0, false, err
	}
	if err := tx.indexText(ctx, id, in.Subject, in.Body, true); err != nil {
		return 0, false, err
	}
	if err := tx.messageEvent(ctx, id, "收件", "", in.Channel, "", 0); err != nil {
		return 0, false, err
	}
	routed := route.State == core.MsgHandling
	if routed {
		if err := tx.messageEvent(ctx, id, "自动分办", "", route.TopicName, confidenceNote(route.Score), 0); err != nil {
			return 0, false, err
		}
	}
	return id, routed, nil
}

func confidenceNote(score float64) string {
	return "匹配置信度" + strings.TrimRight(strings.TrimRight(msgFloat(score*100, 1), "0"), ".") + "%"
}

// messageEvent appends a line to a message's history.
func (tx *Tx) messageEvent(ctx context.Context, id int64, kind, from, to, reason string, approverID int64) error {
	_, err := tx.execPrepared(ctx, `INSERT INTO message_events (message_id, kind, from_value, to_value, reason, approver_id, person_id, person_name, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, kind, from, to, reason, nullID(approverID), tx.actorID(), tx.actorName(), tx.Stamp())
	return err
}

// isDuplicate reports whether a message with the same external id, or the same sender and text, exists.
func isDuplicateMessage(ctx context.Context, tx *Tx, in core.MessageInput) (bool, error) {
	var n int
	if in.ExternalID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE external_id = ?`, in.ExternalID).Scan(&n); err != nil || n > 0 {
			return n > 0, err
		}
	}
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE dedup_key = ?`, tx.db.rules.Mailbox.DedupKey(in.SenderName, in.Body)).Scan(&n)
	return n > 0, err
}

// CreateMessage stores a message entered by hand, routed by its match like any other (nil: 待分办).
func (s *MailboxStore) CreateMessage(ctx context.Context, in core.MessageInput, match *core.MatchResult) (core.Message, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Message, error) {
		in, received, err := s.db.rules.Mailbox.ValidateInput(in, tx.Now())
		if err != nil {
			return core.Message{}, err
		}
		if dup, err := isDuplicateMessage(ctx, tx, in); err != nil {
			return core.Message{}, err
		} else if dup {
			return core.Message{}, core.Errorf(core.ECONFLICT, "已有相同的留言(同一编号，或同一留言人的相同内容)")
		}
		rc, err := s.routing(ctx, tx)
		if err != nil {
			return core.Message{}, err
		}
		id, _, err := tx.insertMessage(ctx, rc, newMessage{in: in, received: received, match: match})
		if err != nil {
			return core.Message{}, err
		}
		m, err := findMessage(ctx, tx, id)
		if err != nil {
			return m, err
		}
		if err := tx.audit("create", "message", id, "登记留言 "+msgSummary(m), nil); err != nil {
			return m, err
		}
		msgBadge(s.db.rules.Mailbox, rc.cal, &m, calendar.Day(tx.Now()))
		return m, nil
	})
}

// summaryOf names a message in audit summaries: its subject, or the start of its body.
func msgSummary(m core.Message) string {
	if m.Subject != "" {
		return "“" + m.Subject + "”"
	}
	return "“" + msgExcerpt(m.Body, 20) + "”"
}

func msgExcerpt(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs)
	}
	return string(rs[:n]) + "…"
}

// Now is the store's clock in China time.
func (s *MailboxStore) Now() time.Time { return s.db.Now() }

// indexText writes a message's entry in the inbox's text index: its grams, and on PostgreSQL their terms
// (IndexTerms), which its GIN index holds. fresh is true for a new message.
func (tx *Tx) indexText(ctx context.Context, id int64, subject, body string, fresh bool) error {
	grams := IndexGrams(subject + "\n" + body)
	var err error
	switch {
	case fresh && tx.pg():
		_, err = tx.execPrepared(ctx, `INSERT INTO messages_fts (rowid, grams, terms) VALUES (?, ?, ?)`, id, grams, IndexTerms(grams))
	case fresh:
		_, err = tx.execPrepared(ctx, `INSERT INTO messages_fts (rowid, grams) VALUES (?, ?)`, id, grams)
	case tx.pg():
		_, err = tx.ExecContext(ctx, `UPDATE messages_fts SET grams = ?, terms = ? WHERE rowid = ?`, grams, IndexTerms(grams), id)
	default:
		_, err = tx.ExecContext(ctx, `UPDATE messages_fts SET grams = ? WHERE rowid = ?`, grams, id)
	}
	return err
}
