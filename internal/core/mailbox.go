package core

import "time"

// 局长信箱: citizens' messages, their routing, handling, replies, publication and statistics.
// Dates are civil dates written 2006-01-02; timestamps are RFC 3339 in China time.

// Message states (DOMAIN.md §4).
const (
	MsgPending   = "待分办" // waiting for a person to route it
	MsgHandling  = "办理中" // assigned to a section (and person)
	MsgReview    = "待审核" // reply submitted for sign-off
	MsgReplied   = "已答复" // reply signed off: counts as sent
	MsgPublished = "已公开" // masked message and reply published on the website
	MsgForwarded = "转办"  // outside the bureau's remit; the reply says where to turn
)

// MessageStates lists the states in workflow order, for filters.
var MessageStates = []string{MsgPending, MsgHandling, MsgReview, MsgReplied, MsgPublished, MsgForwarded}

// MessageTypes lists the message types in display order; 其他 is the fallback.
var MessageTypes = []string{"咨询", "建议", "投诉", "举报", "求助", "其他"}

// MessageChannels lists where messages come from.
var MessageChannels = []string{"网站", "电子邮件", "信件", "电话", "12345转办"}

// Message is one citizen's message and everything done with it.
type Message struct {
	ID            int64  `json:"id"`
	ExternalID    string `json:"externalId"` // the website's number, if any
	Channel       string `json:"channel"`
	ReceivedAt    string `json:"receivedAt"`   // timestamp
	ReceivedDate  string `json:"receivedDate"` // civil date the deadline counts from
	SenderName    string `json:"senderName"`
	SenderPhone   string `json:"senderPhone"`
	SenderEmail   string `json:"senderEmail"`
	SenderAddress string `json:"senderAddress"`
	Subject       string `json:"subject"`
	Body          string `json:"body"`
	Type          string `json:"type"`
	AgreePublish  bool   `json:"agreePublish"`
	State         string `json:"state"`

	TopicID    int64   `json:"topicId"`
	TopicName  string  `json:"topicName"`
	TopicScore float64 `json:"topicScore"`
	// Match is the suggestion made on arrival with the words that matched. Its spans index the text that was
	// matched: Subject + "\n" + Body, or Body alone when there is no subject.
	Match        MatchResult `json:"match"`
	SectionID    int64       `json:"sectionId"`
	SectionName  string      `json:"sectionName"`
	AssigneeID   int64       `json:"assigneeId"`
	AssigneeName string      `json:"assigneeName"`

	DueDate      string `json:"dueDate"`
	StoppedDays  int    `json:"stoppedDays"`  // working days the clock was stopped so far
	StoppedSince string `json:"stoppedSince"` // date the clock stopped; "" while it runs
	// A clock stop asked for and waiting for its named approver; the clock runs until they approve.
	StopRequest StopRequest `json:"stopRequest"`
	// An extension (延期) asked for and waiting for its named approver; ExtendedDays the working days granted.
	Extension    ExtensionRequest `json:"extension"`
	ExtendedDays int              `json:"extendedDays"`
	// Reminder is the latest 催办 sent to the handler (zero when none).
	Reminder Reminder `json:"reminder"`
	// LateNote is the 超期说明 a reply given after the due date carries.
	LateNote    string `json:"lateNote"`
	DueStatus   string `json:"dueStatus"` // pending / due_today / overdue / stopped / done
	DueLabel    string `json:"dueLabel"`  // 剩余N个工作日 / 今日到期 / 已超期N个工作日 / 已停止计时 / 按时答复 / 超期答复
	DueWorkdays int    `json:"dueWorkdays"`

	ReplyBody        string `json:"replyBody"`
	RepliedAt        string `json:"repliedAt"` // when the reply was signed off (or the message forwarded)
	RepliedByID      int64  `json:"repliedById"`
	RepliedByName    string `json:"repliedByName"`
	OnTime           bool   `json:"onTime"` // replied on or before the due date (meaningful once RepliedAt is set)
	ForwardTo        string `json:"forwardTo"`
	PublishedAt      string `json:"publishedAt"`
	PublishedSubject string `json:"publishedSubject"` // the masked subject as published
	PublishedText    string `json:"publishedText"`    // the masked message as published
	PublishedReply   string `json:"publishedReply"`   // the masked reply as published

	AttachmentCount int    `json:"attachmentCount"`
	CreatedAt       string `json:"createdAt"`
	UpdatedAt       string `json:"updatedAt"`
	Version         int64  `json:"version"` // counts changes; send it back with an edit so a stale one is refused
	SentAt          string `json:"sentAt"`  // 发信时间: a mail's own Date header, shown only (the clock runs from ReceivedAt)
}

// MessageListItem is one row of the inbox: enough to scan, sort and open.
type MessageListItem struct {
	ID           int64   `json:"id"`
	ExternalID   string  `json:"externalId"`
	Channel      string  `json:"channel"`
	ReceivedAt   string  `json:"receivedAt"`
	SenderName   string  `json:"senderName"`
	Subject      string  `json:"subject"`
	Excerpt      string  `json:"excerpt"` // the start of the body
	Type         string  `json:"type"`
	State        string  `json:"state"`
	TopicID      int64   `json:"topicId"`
	TopicName    string  `json:"topicName"`
	TopicScore   float64 `json:"topicScore"`
	SectionID    int64   `json:"sectionId"`
	SectionName  string  `json:"sectionName"`
	AssigneeName string  `json:"assigneeName"`
	DueDate      string  `json:"dueDate"`
	DueStatus    string  `json:"dueStatus"`
	DueLabel     string  `json:"dueLabel"`
	DueWorkdays  int     `json:"dueWorkdays"`
	Reminders    int     `json:"reminders"` // how many times its handler was urged (催办)
}

// Inbox sort orders.
const (
	// SortUrgent (the default) lists the messages whose clock runs first, by due date so that the overdue
	// come first, then the others (stopped clocks, answered, forwarded) newest first.
	SortUrgent       = "urgent"
	SortReceivedDesc = "received_desc" // newest first
	SortReceivedAsc  = "received_asc"
	SortDueAsc       = "due_asc" // by due date, whatever the state
)

// Due filters.
const (
	DueOverdue = "overdue" // open and past the due date
	DueToday   = "today"   // open and due today
	DueSoon    = "soon"    // open and due within the next working day
)

// MessageFilter selects inbox rows. Zero values mean "any".
type MessageFilter struct {
	State     string `json:"state"`
	SectionID int64  `json:"sectionId"`
	// AssigneeID keeps the messages of one 承办人 (the inbox's 我的 is the signed-in person's).
	AssigneeID int64  `json:"assigneeId"`
	Type       string `json:"type"`
	TopicID    int64  `json:"topicId"`
	Channel    string `json:"channel"`
	Due        string `json:"due"`  // overdue / today / soon
	Text       string `json:"text"` // words in the subject or body, all required
	From       string `json:"from"` // received on or after (date)
	To         string `json:"to"`   // received on or before (date)
	Sort       string `json:"sort"`
	Page       int    `json:"page"`     // 1-based
	PageSize   int    `json:"pageSize"` // default 50, at most 200
}

// MessagePage is one page of the inbox.
type MessagePage struct {
	Total    int               `json:"total"`
	Page     int               `json:"page"`
	PageSize int               `json:"pageSize"`
	Items    []MessageListItem `json:"items"`
	// StateCounts counts, for each state, the messages that pass the filter with its state left out, so
	// the inbox's state tabs come with the page. Every state is present.
	StateCounts map[string]int `json:"stateCounts"`
	// OverdueCounts counts, for each state, the overdue messages (clock running, past the due date) that pass
	// the filter with its state and deadline filter left out: the tabs show them as 已超期 N. Every state is present.
	OverdueCounts map[string]int `json:"overdueCounts"`
}

// MessageEvent is one line of a message's history.
type MessageEvent struct {
	ID           int64  `json:"id"`
	Kind         string `json:"kind"` // 收件, 自动分办, 改派, 承办, 停止计时, 恢复计时, 提交审核, 退回, 答复, 公开, 转办
	From         string `json:"from"`
	To           string `json:"to"`
	Reason       string `json:"reason"`
	ApproverID   int64  `json:"approverId"`
	ApproverName string `json:"approverName"`
	PersonName   string `json:"personName"`
	At           string `json:"at"`
}

// Attachment is a file that came with a message (an e-mail attachment).
type Attachment struct {
	ID       int64  `json:"id"`
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
}

// Approval is one sign-off step of a reply.
type Approval struct {
	ID         int64  `json:"id"`
	Round      int    `json:"round"`
	StepName   string `json:"stepName"`
	PersonID   int64  `json:"personId"`
	PersonName string `json:"personName"`
	Decision   string `json:"decision"` // "" pending, 同意, 退回
	Opinion    string `json:"opinion"`
	ActedAt    string `json:"actedAt"`
}

// MessageDetail is a message with its history, attachments and sign-off steps.
type MessageDetail struct {
	Message     Message        `json:"message"`
	Events      []MessageEvent `json:"events"`
	Attachments []Attachment   `json:"attachments"`
	Approvals   []Approval     `json:"approvals"`
}

// MessageInput is what staff type in for a message entered by hand (letter, phone call).
// ReceivedAt accepts 2006-01-02 or 2006-01-02T15:04[:05]; empty means now. Type "" means "suggest one".
type MessageInput struct {
	ExternalID    string `json:"externalId"`
	Channel       string `json:"channel"`
	ReceivedAt    string `json:"receivedAt"`
	SenderName    string `json:"senderName"`
	SenderPhone   string `json:"senderPhone"`
	SenderEmail   string `json:"senderEmail"`
	SenderAddress string `json:"senderAddress"`
	Subject       string `json:"subject"`
	Body          string `json:"body"`
	Type          string `json:"type"`
	AgreePublish  bool   `json:"agreePublish"`
}

// MessageEdit changes the editable facts of a message (not its workflow state).
type MessageEdit struct {
	ID            int64  `json:"id"`
	SenderName    string `json:"senderName"`
	SenderPhone   string `json:"senderPhone"`
	SenderEmail   string `json:"senderEmail"`
	SenderAddress string `json:"senderAddress"`
	Subject       string `json:"subject"`
	Body          string `json:"body"`
	Type          string `json:"type"`
	AgreePublish  bool   `json:"agreePublish"`
	Version       int64  `json:"version"` // the version the edit is based on (0: not checked)
}

// RerouteInput moves a message to another topic and/or section; it becomes training data for the matcher.
type RerouteInput struct {
	MessageID  int64  `json:"messageId"`
	TopicID    int64  `json:"topicId"`
	SectionID  int64  `json:"sectionId"` // 0: the topic's section
	AssigneeID int64  `json:"assigneeId"`
	Reason     string `json:"reason"`
	Version    int64  `json:"version"` // the message version the decision is based on (0: not checked)
}

// BulkAssignInput gives several messages to a section (and a person of it) at once: 批量分办. With no
// section, only the person changes (指定承办人) on messages already with their section.
type BulkAssignInput struct {
	MessageIDs []int64 `json:"messageIds"`
	SectionID  int64   `json:"sectionId"`
	AssigneeID int64   `json:"assigneeId"`
	Reason     string  `json:"reason"`
}

// StopRequest is a clock stop waiting for its approver's decision (zero when none is waiting).
type StopRequest struct {
	Reason       string `json:"reason"`
	ByID         int64  `json:"byId"`
	ByName       string `json:"byName"`
	ApproverID   int64  `json:"approverId"`
	ApproverName string `json:"approverName"`
	At           string `json:"at"`
}

// Pending reports whether a request waits for a decision.
func (r StopRequest) Pending() bool { return r.ApproverID != 0 }

// ExtensionRequest is a 延期申请 waiting for its approver's decision (zero when none is waiting).
type ExtensionRequest struct {
	Days         int    `json:"days"` // working days asked for
	Reason       string `json:"reason"`
	ByID         int64  `json:"byId"`
	ByName       string `json:"byName"`
	ApproverID   int64  `json:"approverId"`
	ApproverName string `json:"approverName"`
	At           string `json:"at"`
}

// Pending reports whether a request waits for a decision.
func (r ExtensionRequest) Pending() bool { return r.ApproverID != 0 }

// ExtensionInput asks for N more working days to answer a message, with a reason and a named approver.
type ExtensionInput struct {
	MessageID  int64  `json:"messageId"`
	Days       int    `json:"days"`
	Reason     string `json:"reason"`
	ApproverID int64  `json:"approverId"`
}

// ExtensionDecision is the named approver's decision on a waiting 延期申请.
type ExtensionDecision struct {
	MessageID int64  `json:"messageId"`
	Approve   bool   `json:"approve"`
	Opinion   string `json:"opinion"` // required when rejecting
}

// Reminder is the latest 催办 of a message: who urged its handler, when, with what words, and how many so far.
type Reminder struct {
	Count  int    `json:"count"`
	At     string `json:"at"`
	ByID   int64  `json:"byId"`
	ByName string `json:"byName"`
	Note   string `json:"note"`
}

// RemindInput urges a message's handler to answer (催办); the note is optional.
type RemindInput struct {
	MessageID int64  `json:"messageId"`
	Note      string `json:"note"`
}

// ClockStopInput asks to stop a message's clock; both the reason and the approver are required.
type ClockStopInput struct {
	MessageID  int64  `json:"messageId"`
	Reason     string `json:"reason"`
	ApproverID int64  `json:"approverId"`
}

// ClockStopDecision is the named approver's decision on a waiting clock stop.
type ClockStopDecision struct {
	MessageID int64  `json:"messageId"`
	Approve   bool   `json:"approve"`
	Opinion   string `json:"opinion"` // required when rejecting
}

// ReplySubmission sends a reply to an approver for sign-off.
type ReplySubmission struct {
	MessageID  int64  `json:"messageId"`
	Body       string `json:"body"`
	ApproverID int64  `json:"approverId"`
	Version    int64  `json:"version"`  // the message version the reply is based on (0: not checked)
	LateNote   string `json:"lateNote"` // 超期说明: required once the due date has passed
}

// ForwardInput closes a message as 转办: ForwardTo names the competent body, Reply tells the citizen.
type ForwardInput struct {
	MessageID  int64  `json:"messageId"`
	ForwardTo  string `json:"forwardTo"`
	Reply      string `json:"reply"`
	ApproverID int64  `json:"approverId"` // who reviews the 转办告知 before the message is turned over
	Version    int64  `json:"version"`    // the message version the decision is based on (0: not checked)
	LateNote   string `json:"lateNote"`   // 超期说明: required once the due date has passed
}

// MaskedItem is one piece of personal data replaced for publication.
type MaskedItem struct {
	Kind        string `json:"kind"`
	Label       string `json:"label"`
	Original    string `json:"original"`
	Replacement string `json:"replacement"`
}

// PublicationPreview is exactly what publishing a message will put on the website.
type PublicationPreview struct {
	MessageID    int64        `json:"messageId"`
	Subject      string       `json:"subject"`
	Message      string       `json:"message"` // masked
	Reply        string       `json:"reply"`   // masked
	MessageItems []MaskedItem `json:"messageItems"`
	ReplyItems   []MaskedItem `json:"replyItems"`
	Problems     []string     `json:"problems"` // why it cannot be published yet; empty when it can
	CanPublish   bool         `json:"canPublish"`
	Kept         []MaskKeep   `json:"kept"` // items staff decided to publish as written
}

// MaskKeep is a masked item staff decided to publish as written, with the reason and who decided.
type MaskKeep struct {
	ID         int64  `json:"id"`
	MessageID  int64  `json:"messageId"`
	Original   string `json:"original"`
	Kind       string `json:"kind"`
	Label      string `json:"label"`
	Reason     string `json:"reason"`
	PersonName string `json:"personName"`
	At         string `json:"at"`
}

// MaskKeepInput asks to publish one masked item of a message's preview as written.
type MaskKeepInput struct {
	MessageID int64  `json:"messageId"`
	Original  string `json:"original"`
	Reason    string `json:"reason"`
}

// ReplyTemplate is a reusable reply text with fields {称呼} {收件日期} {承办科室} {联系电话}.
type ReplyTemplate struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"` // the message type it suits; "" for any
	Body      string `json:"body"`
	UpdatedAt string `json:"updatedAt"`
}

// RenderedReply is a template filled in for one message.
type RenderedReply struct {
	Body    string   `json:"body"`
	Missing []string `json:"missing"` // fields that had no value and were left as written
}

// SimilarMessage is a past replied message like the one being answered.
type SimilarMessage struct {
	ID        int64   `json:"id"`
	Subject   string  `json:"subject"`
	Excerpt   string  `json:"excerpt"`
	Reply     string  `json:"reply"`
	RepliedAt string  `json:"repliedAt"`
	TopicName string  `json:"topicName"`
	Score     float64 `json:"score"` // cosine similarity in [0,1]
}

// TopicRecord is a topic as stored and edited, with its section by id.
type TopicRecord struct {
	ID          int64          `json:"id"`
	Name        string         `json:"name"`
	SectionID   int64          `json:"sectionId"`
	SectionName string         `json:"sectionName"`
	Description string         `json:"description"`
	Keywords    []TopicKeyword `json:"keywords"`
	Examples    []string       `json:"examples"` // example messages, extra training data for the model
	Active      bool           `json:"active"`
}

// MailboxSettings are the rules an office may tune.
type MailboxSettings struct {
	DueDays        map[string]int `json:"dueDays"`        // working days to reply, per type (default 3)
	RouteThreshold float64        `json:"routeThreshold"` // confidence needed to route without a person (default 0.6)
}

// IMAPConfig says how to fetch mail. Security is "tls" (implicit TLS, port 993), "starttls" or "plain".
// The password is never returned to the UI: HasPassword tells whether one is stored, and saving an empty
// password keeps the stored one.
type IMAPConfig struct {
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Security    string `json:"security"`
	Username    string `json:"username"`
	Password    string `json:"password"`
	HasPassword bool   `json:"hasPassword"`
	Mailbox     string `json:"mailbox"`    // default INBOX
	OnlyUnseen  bool   `json:"onlyUnseen"` // fetch only mails without \Seen
	SinceUID    uint32 `json:"sinceUid"`   // fetch only UIDs above this
	InsecureTLS bool   `json:"insecureTls"`
	// FetchEveryMinutes: new mail is fetched in the background this often (0: only by hand).
	FetchEveryMinutes int `json:"fetchEveryMinutes"`
	// LastFetchAt and LastFetchResult say when the last fetch (by hand or scheduled) ended and what it did
	// (read-only; RFC 3339 and a Chinese sentence).
	LastFetchAt     string `json:"lastFetchAt"`
	LastFetchResult string `json:"lastFetchResult"`
}

// FetchResult is what one mail fetch did.
type FetchResult struct {
	Found     int      `json:"found"`     // mails the server offered
	Added     int      `json:"added"`     // new messages created
	Skipped   int      `json:"skipped"`   // mails taken before
	Failed    int      `json:"failed"`    // mails that could not be read
	Errors    []string `json:"errors"`    // one line per failed mail
	LastUID   uint32   `json:"lastUid"`   // highest UID seen
	Cancelled bool     `json:"cancelled"` // stopped by the user; what was taken stays
}

// FetchProgress is sent while mail is fetched.
type FetchProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// MessageImportField is one field a message import wants, with the column chosen for it (-1 = none).
type MessageImportField struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Required bool   `json:"required"`
	Column   int    `json:"column"`
}

// MessageImportRow is one previewed row: the message it becomes, or the error that stops it.
type MessageImportRow struct {
	Row       int          `json:"row"` // row number in the file
	Input     MessageInput `json:"input"`
	Duplicate bool         `json:"duplicate"`
	Error     string       `json:"error"`
}

// MessageImportPreview shows what importing a table would do, before anything is written.
type MessageImportPreview struct {
	FileName   string               `json:"fileName"`
	Encoding   string               `json:"encoding"`
	Sheet      string               `json:"sheet"`
	Headers    []string             `json:"headers"`
	Fields     []MessageImportField `json:"fields"`
	Rows       []MessageImportRow   `json:"rows"`   // the first 20 rows
	Errors     []string             `json:"errors"` // every row error, "第12行: 缺少留言内容"
	Warnings   []string             `json:"warnings"`
	Total      int                  `json:"total"`
	Duplicates int                  `json:"duplicates"`
}

// ImportedMessage is one row of a message file, checked: the message it becomes, or the error that stops it.
type ImportedMessage struct {
	Row       int // row number in the file
	Input     MessageInput
	Received  time.Time
	Key       string // the duplicate key of sender and text
	Duplicate bool   // repeats an earlier row of the file or a stored message: skipped
	Error     string
}

// MessageImportResult is what an applied import did.
type MessageImportResult struct {
	BatchID int64 `json:"batchId"`
	Total   int   `json:"total"`
	Added   int   `json:"added"`
	Skipped int   `json:"skipped"` // duplicates
	Routed  int   `json:"routed"`  // assigned to a section automatically
	Pending int   `json:"pending"` // left in 待分办
}

// StatsMessage is what the mailbox statistics read of one message.
type StatsMessage struct {
	ID                          int64
	Received, Due               time.Time // civil dates
	Type, Topic, Section, State string
	Channel, Subject            string
	Replied                     time.Time // when the reply was signed off or the message forwarded; zero when neither
	StoppedSince                string    // the day the clock stopped, "" while it runs
	StoppedDays                 int
}

// StatsRow is one line of the statistics table.
type StatsRow struct {
	Key         string  `json:"key"` // type, topic or section name; the month (2006-01) in the trend
	Received    int     `json:"received"`
	Answered    int     `json:"answered"`
	OnTime      int     `json:"onTime"`
	OnTimeRate  float64 `json:"onTimeRate"`  // OnTime / Answered, 0..1
	AvgWorkdays float64 `json:"avgWorkdays"` // average working days from receipt to reply, clock stops excluded
	Open        int     `json:"open"`
	Overdue     int     `json:"overdue"`
}

// MailboxStats are the statistics of messages received in [From, To].
type MailboxStats struct {
	From      string     `json:"from"`
	To        string     `json:"to"`
	AsOf      string     `json:"asOf"` // the day open and overdue are counted at: To, or today if earlier
	Total     StatsRow   `json:"total"`
	ByType    []StatsRow `json:"byType"`
	ByTopic   []StatsRow `json:"byTopic"`
	BySection []StatsRow `json:"bySection"`
	Monthly   []StatsRow `json:"monthly"`
}

// ReviewFacts are what deciding on a message's reply review needs: who may sign the reply off (approvers and
// administrators for every message, and the head of its handling section for that section's messages) and
// the review step waiting for a decision.
type ReviewFacts struct {
	Section  string // the handling section's name
	HeadID   int64  // its head (科室负责人), 0 when none
	HeadName string
	OpenStep int64 // the waiting review step, 0 when none
}

// ReplyApproval is what signing a reply off changes: the message's new state (已答复 or 转办), the history's
// action and its note (按时答复 / 超期答复).
type ReplyApproval struct {
	State string
	What  string
	Note  string
}

// ImportProgress is how far a running import has come: rows stored of the file's rows.
type ImportProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}
