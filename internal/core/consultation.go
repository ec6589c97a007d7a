package core

import (
	"context"
)

// Policy statuses: 起草 → 征求意见 (optional) → 审签 → 已发布 → 已废止/已修订 (DOMAIN.md §3).
const (
	PolicyDrafting   = "起草"
	PolicyConsulting = "征求意见"
	PolicySigning    = "审签"
	PolicyPublished  = "已发布"
	PolicyRepealed   = "已废止"
	PolicyRevised    = "已修订"

	DisclosureActive    = "主动公开"
	DisclosureOnRequest = "依申请公开"
	DisclosureNone      = "不予公开"
)

// Consultation statuses follow the dates.
const (
	ConsultationPending = "未开始"
	ConsultationOpen    = "征求中"
	ConsultationClosed  = "已截止"
)

// Decisions on a comment. DecisionNone is an undecided comment.
const (
	DecisionNone       = ""
	DecisionAdopted    = "采纳"
	DecisionPartly     = "部分采纳"
	DecisionRejected   = "不予采纳"
	DecisionOutOfScope = "不属于征求范围"
)

// Kinds of consultation notice, kept as the consultation's dated history.
const (
	NoticeOpened   = "开始征求"
	NoticeExtended = "延期"
	NoticeReopened = "重新开放"
)

// MinCommentDays is the comment period in natural days ("一般不少于30日", seed 001 五(一)).
const MinCommentDays = 30

// Value lists, in display order; the UI offers them as selects.
var (
	PolicyCategories    = []string{"规范性文件", "规章", "重大行政决策", "其他"}
	PolicyStatuses      = []string{PolicyDrafting, PolicyConsulting, PolicySigning, PolicyPublished, PolicyRepealed, PolicyRevised}
	DisclosureTypes     = []string{DisclosureActive, DisclosureOnRequest, DisclosureNone}
	VersionKinds        = []string{"征求意见稿", "送审稿", "正式文本"}
	Channels            = []string{"网站", "电子邮件", "信函", "传真", "座谈会", "听证会"}
	CommenterCategories = []string{"自然人", "企业", "行业协会商会", "专家学者", "人大代表政协委员", "政府部门", "其他"}
	Decisions           = []string{DecisionAdopted, DecisionPartly, DecisionRejected, DecisionOutOfScope}
)

// Policy is an entry of the policy register that every module shares.
type Policy struct {
	ID                int64  `json:"id"`
	Title             string `json:"title"`
	DocNumber         string `json:"docNumber"` // 文号
	Category          string `json:"category"`
	SectionID         int64  `json:"sectionId"` // drafting section
	SectionName       string `json:"sectionName"`
	DrafterID         int64  `json:"drafterId"`
	DrafterName       string `json:"drafterName"`
	Disclosure        string `json:"disclosure"`      // 公开属性
	DisclosureBasis   string `json:"disclosureBasis"` // 公开属性依据
	EnterpriseRelated bool   `json:"enterpriseRelated"`
	Status            string `json:"status"`
	PublishedDate     string `json:"publishedDate"`
	PublishedURL      string `json:"publishedUrl"`
	VersionCount      int    `json:"versionCount"`  // read-only
	Consultations     int    `json:"consultations"` // read-only
	CreatedAt         string `json:"createdAt"`
	UpdatedAt         string `json:"updatedAt"`
	Version           int64  `json:"version"` // counts changes; send it back with a save so a stale one is refused
}

// PolicyFilter selects policies for the register list. Query matches title or 文号.
type PolicyFilter struct {
	Status    string `json:"status"`
	Category  string `json:"category"`
	SectionID int64  `json:"sectionId"`
	Query     string `json:"query"`
	Limit     int    `json:"limit"`
	Offset    int    `json:"offset"`
}

// PolicyPage is one page of the register.
type PolicyPage struct {
	Total    int      `json:"total"`
	Policies []Policy `json:"policies"`
}

// PolicyDetail is the policy page: the record, its versions (without their text), its consultations and
// the statuses it may move to next.
type PolicyDetail struct {
	Policy        Policy          `json:"policy"`
	Versions      []PolicyVersion `json:"versions"`
	Consultations []Consultation  `json:"consultations"`
	NextStatuses  []string        `json:"nextStatuses"`
}

// PolicyStatusChange moves a policy along its life. PublishedDate and PublishedURL are required for 已发布.
type PolicyStatusChange struct {
	PolicyID      int64  `json:"policyId"`
	Status        string `json:"status"`
	PublishedDate string `json:"publishedDate"`
	PublishedURL  string `json:"publishedUrl"`
	Reason        string `json:"reason"` // why, for a return to 起草 or a repeal
}

// PolicyVersion is one text of a policy (征求意见稿, 送审稿, 正式文本). Body is filled only when one version is read.
type PolicyVersion struct {
	ID          int64    `json:"id"`
	PolicyID    int64    `json:"policyId"`
	Kind        string   `json:"kind"`
	VersionDate string   `json:"versionDate"`
	FileName    string   `json:"fileName"`
	Format      string   `json:"format"`
	Encoding    string   `json:"encoding"`
	Body        string   `json:"body"`
	ClauseCount int      `json:"clauseCount"`
	Warnings    []string `json:"warnings"` // from the text extraction, only right after importing
	CreatedAt   string   `json:"createdAt"`
}

// VersionInput is a version's text as a file to import (PDF, DOCX, TXT) or as pasted Text when Data is empty.
type VersionInput struct {
	PolicyID    int64  `json:"policyId"`
	Kind        string `json:"kind"`
	VersionDate string `json:"versionDate"`
	FileName    string `json:"fileName"`
	Data        []byte `json:"data"`
	Text        string `json:"text"`
}

// VersionText is a version's text as read from its file (or pasted), split into its clauses.
type VersionText struct {
	Format   string // "pdf", "docx" or "txt"
	Encoding string
	Text     string
	Warnings []string
	Clauses  []Clause // Path, Level, Number, Heading, Body, Start and End set
}

// Clause is one structural unit of a version's text (第X章, 第X条, 一、, （一）, 1.), so comments can point at it.
type Clause struct {
	ID        int64  `json:"id"`
	VersionID int64  `json:"versionId"`
	Path      string `json:"path"` // e.g. 第二章/第五条
	Level     int    `json:"level"`
	Number    string `json:"number"` // the marker as written: 第五条
	Heading   string `json:"heading"`
	Body      string `json:"body"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Seq       int    `json:"seq"`
}

// Consultation is a comment period on a draft (决策预公开).
type Consultation struct {
	ID                int64    `json:"id"`
	PolicyID          int64    `json:"policyId"`
	PolicyTitle       string   `json:"policyTitle"`     // read-only
	PolicyDocNumber   string   `json:"policyDocNumber"` // read-only
	EnterpriseRelated bool     `json:"enterpriseRelated"`
	VersionID         int64    `json:"versionId"` // the draft put out for comment
	OpenDate          string   `json:"openDate"`
	CloseDate         string   `json:"closeDate"`
	EarliestClose     string   `json:"earliestClose"` // read-only: the earliest lawful close date
	ShortReason       string   `json:"shortReason"`   // required when CloseDate is before EarliestClose
	Channels          []string `json:"channels"`
	Contact           string   `json:"contact"`
	Explanation       string   `json:"explanation"` // 起草说明
	SectionID         int64    `json:"sectionId"`
	SectionName       string   `json:"sectionName"`
	Status            string   `json:"status"`         // 未开始 / 征求中 / 已截止, from the dates and the clock
	CountdownLabel    string   `json:"countdownLabel"` // e.g. 剩余3个工作日 while open
	CommentCount      int      `json:"commentCount"`
	UndecidedCount    int      `json:"undecidedCount"`
	GroupCount        int      `json:"groupCount"` // distinct opinions after grouping
	ReportGenerated   bool     `json:"reportGenerated"`
	ReportChanged     bool     `json:"reportChanged"`   // regenerated since it was submitted for sign-off: sign it again
	ReportPublished   string   `json:"reportPublished"` // date the 采纳情况说明 went online
	// Read-only, once the period has closed and while the 采纳情况说明 is not online: the day it is due
	// (the setting's working days after the close) and its countdown (pending / due_today / overdue and
	// 剩余N个工作日 / 今日到期 / 已超期N个工作日), from the working-day calendar.
	ReportDue    string `json:"reportDue"`
	ReportStatus string `json:"reportStatus"`
	ReportLabel  string `json:"reportLabel"`
	ReportURL    string `json:"reportUrl"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
	Version      int64  `json:"version"` // counts changes; send it back with a save so a stale one is refused
}

// ConsultationFilter selects consultations. Status is one of the Consultation* statuses or "".
type ConsultationFilter struct {
	PolicyID int64  `json:"policyId"`
	Status   string `json:"status"`
	Query    string `json:"query"`
	Limit    int    `json:"limit"`
	Offset   int    `json:"offset"`
}

// ConsultationPage is one page of consultations.
type ConsultationPage struct {
	Total         int            `json:"total"`
	Consultations []Consultation `json:"consultations"`
}

// ConsultationDetail is a consultation with its dated history.
type ConsultationDetail struct {
	Consultation Consultation         `json:"consultation"`
	Notices      []ConsultationNotice `json:"notices"`
	Clauses      []Clause             `json:"clauses"` // of the draft put out for comment
}

// ConsultationNotice is one dated change of a consultation's period.
type ConsultationNotice struct {
	ID             int64  `json:"id"`
	ConsultationID int64  `json:"consultationId"`
	Kind           string `json:"kind"`
	NoticeDate     string `json:"noticeDate"`
	OldClose       string `json:"oldClose"`
	NewClose       string `json:"newClose"`
	Reason         string `json:"reason"`
	CreatedAt      string `json:"createdAt"`
	CreatedBy      string `json:"createdBy"`
}

// PeriodChange extends, reopens or shortens a consultation; the reason is required and kept as a notice.
type PeriodChange struct {
	ConsultationID int64  `json:"consultationId"`
	NewClose       string `json:"newClose"`
	Reason         string `json:"reason"`
}

// PeriodCheck is what the close-date picker shows for an open date and a proposed close date.
type PeriodCheck struct {
	OpenDate      string `json:"openDate"`
	CloseDate     string `json:"closeDate"`
	EarliestClose string `json:"earliestClose"`
	NaturalDays   int    `json:"naturalDays"` // days from the day after opening to the close date, both counted
	Short         bool   `json:"short"`       // the close date is earlier than the lawful one: a reason is required
	Message       string `json:"message"`
	// CalendarWarning says that a date above lies in a year whose holidays are not loaded: it was reckoned
	// on Monday to Friday alone and may fall on a public holiday ("" when every year is loaded).
	CalendarWarning string `json:"calendarWarning"`
}

// CalendarCoverage is a working-day calendar that knows which years' holiday notices it holds.
type CalendarCoverage interface {
	Covers(year int) bool
}

// Comment is one comment received during a consultation.
type Comment struct {
	ID             int64    `json:"id"`
	ConsultationID int64    `json:"consultationId"`
	ReceivedDate   string   `json:"receivedDate"`
	Channel        string   `json:"channel"`
	Commenter      string   `json:"commenter"` // name or organisation, optional
	Category       string   `json:"category"`
	Contact        string   `json:"contact"`
	Body           string   `json:"body"`
	Clauses        []string `json:"clauses"` // clause paths, e.g. 第三章/第十二条
	GroupID        int64    `json:"groupId"`
	GroupSize      int      `json:"groupSize"`
	Representative bool     `json:"representative"`
	Decision       string   `json:"decision"`
	Reason         string   `json:"reason"`
	Response       string   `json:"response"`
	DecidedBy      string   `json:"decidedBy"`
	DecidedAt      string   `json:"decidedAt"`
	BatchID        int64    `json:"batchId"`
	SourceRow      int      `json:"sourceRow"`
	CreatedAt      string   `json:"createdAt"`
	UpdatedAt      string   `json:"updatedAt"`
	Version        int64    `json:"version"` // counts changes; send it back with a save so a stale one is refused
}

// CommentFilter selects comments of one consultation. Decision "undecided" selects comments without one.
type CommentFilter struct {
	ConsultationID int64  `json:"consultationId"`
	Decision       string `json:"decision"`
	Category       string `json:"category"`
	Channel        string `json:"channel"`
	Clause         string `json:"clause"`
	GroupID        int64  `json:"groupId"`
	Query          string `json:"query"`
	Limit          int    `json:"limit"`
	Offset         int    `json:"offset"`
}

// CommentPage is one page of comments.
type CommentPage struct {
	Total    int       `json:"total"`
	Comments []Comment `json:"comments"`
}

// CommentGroup is a set of near-duplicate comments shown as one opinion with its supporters.
type CommentGroup struct {
	ID               int64     `json:"id"`
	ConsultationID   int64     `json:"consultationId"`
	RepresentativeID int64     `json:"representativeId"`
	Representative   Comment   `json:"representative"`
	Count            int       `json:"count"`
	Similarity       float64   `json:"similarity"` // lowest similarity of a member to the representative
	Manual           bool      `json:"manual"`     // staff split or merged it
	Decision         string    `json:"decision"`   // the members' common decision, "" if undecided, 不一致 if mixed
	Members          []Comment `json:"members"`
}

// GroupingResult is what regrouping found.
type GroupingResult struct {
	Comments   int            `json:"comments"`
	Groups     int            `json:"groups"`     // groups of two or more
	Duplicates int            `json:"duplicates"` // comments in those groups beyond their representatives
	List       []CommentGroup `json:"list"`       // groups of two or more, largest first
}

// GroupMerge joins groups and single comments of one consultation into one group (the first group given,
// or a new one when only comments are given).
type GroupMerge struct {
	ConsultationID int64   `json:"consultationId"`
	GroupIDs       []int64 `json:"groupIds"`
	CommentIDs     []int64 `json:"commentIds"`
}

// Decision answers a comment or a whole group (set exactly one of CommentID and GroupID).
type Decision struct {
	CommentID int64  `json:"commentId"`
	GroupID   int64  `json:"groupId"`
	Decision  string `json:"decision"`
	Reason    string `json:"reason"`
	Response  string `json:"response"`
}

// ImportField is a column an import understands.
type ImportField struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Required bool   `json:"required"`
}

// ImportRequest says which consultation a comment file goes to and how its columns map.
// Mapping is field key → column index; nil or empty means "as suggested". A missing date or channel
// takes DefaultDate (default: today) and DefaultChannel (default: 网站).
type ImportRequest struct {
	ConsultationID int64          `json:"consultationId"`
	FileName       string         `json:"fileName"`
	Mapping        map[string]int `json:"mapping"`
	DefaultDate    string         `json:"defaultDate"`
	DefaultChannel string         `json:"defaultChannel"`
}

// ImportRow is one row as it would be imported.
type ImportRow struct {
	Row          int      `json:"row"` // row number in the file
	ReceivedDate string   `json:"receivedDate"`
	Channel      string   `json:"channel"`
	Commenter    string   `json:"commenter"`
	Category     string   `json:"category"`
	Contact      string   `json:"contact"`
	Body         string   `json:"body"`
	Clauses      []string `json:"clauses"`
}

// RowError is a problem with one cell; Message is complete, e.g. "第12行: 缺少意见内容".
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ImportPreview is what importing a file would do. Nothing is written until Apply; Apply refuses a file with Errors.
type ImportPreview struct {
	FileName string         `json:"fileName"`
	Encoding string         `json:"encoding"`
	Sheet    string         `json:"sheet"`
	Headers  []string       `json:"headers"`
	Fields   []ImportField  `json:"fields"`
	Mapping  map[string]int `json:"mapping"`
	Rows     []ImportRow    `json:"rows"` // the first 20
	Errors   []RowError     `json:"errors"`
	Warnings []RowError     `json:"warnings"`
	Total    int            `json:"total"`
	Valid    int            `json:"valid"`
}

// ImportFile is what an import batch records of its file.
type ImportFile struct {
	Name     string
	Encoding string // a CSV file's encoding; "" for XLSX
	Total    int    // data rows in the file
}

// ImportResult is what an applied import did.
type ImportResult struct {
	BatchID  int64          `json:"batchId"`
	FileName string         `json:"fileName"`
	Added    int            `json:"added"`
	Grouping GroupingResult `json:"grouping"`
	Warnings []RowError     `json:"warnings"`
}

// CountRow is one line of a count table.
type CountRow struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// ClauseSummary counts the comments on one clause by decision.
type ClauseSummary struct {
	Path       string `json:"path"`
	Heading    string `json:"heading"`
	Total      int    `json:"total"`
	Adopted    int    `json:"adopted"`
	Partly     int    `json:"partly"`
	Rejected   int    `json:"rejected"`
	OutOfScope int    `json:"outOfScope"`
	Undecided  int    `json:"undecided"`
}

// ReportItem is one opinion (a comment or a group of near-duplicates) as the report lists it. It never
// names the commenter: personal information is not published.
type ReportItem struct {
	Clauses  []string `json:"clauses"`
	Summary  string   `json:"summary"`
	Count    int      `json:"count"`
	Category string   `json:"category"` // the categories of those who made it, e.g. 自然人、企业
	Decision string   `json:"decision"`
	Reason   string   `json:"reason"`
	Response string   `json:"response"`
}

// FeedbackReport is the 意见收集采纳情况说明, built from the ledger.
type FeedbackReport struct {
	ConsultationID  int64                `json:"consultationId"`
	BureauName      string               `json:"bureauName"`
	PolicyTitle     string               `json:"policyTitle"`
	DocNumber       string               `json:"docNumber"`
	SectionName     string               `json:"sectionName"`
	OpenDate        string               `json:"openDate"`
	CloseDate       string               `json:"closeDate"`
	NaturalDays     int                  `json:"naturalDays"`
	ShortReason     string               `json:"shortReason"`
	Channels        []string             `json:"channels"`
	Contact         string               `json:"contact"`
	Notices         []ConsultationNotice `json:"notices"` // extensions and reopenings
	Total           int                  `json:"total"`
	Opinions        int                  `json:"opinions"` // after merging near-duplicates
	Undecided       int                  `json:"undecided"`
	ByCategory      []CountRow           `json:"byCategory"`
	ByChannel       []CountRow           `json:"byChannel"`
	ByDecision      []CountRow           `json:"byDecision"`
	Clauses         []ClauseSummary      `json:"clauses"`
	Adopted         []ReportItem         `json:"adopted"`    // 采纳 and 部分采纳
	NotAdopted      []ReportItem         `json:"notAdopted"` // 不予采纳 and 不属于征求范围, with reasons
	Date            string               `json:"date"`       // date of the report (today)
	Text            string               `json:"text"`       // the report as plain text
	PublishedDate   string               `json:"publishedDate"`
	PublishedURL    string               `json:"publishedUrl"`
	EnterpriseHeard bool                 `json:"enterpriseHeard"` // a 企业 or 行业协会商会 commented
	Warnings        []string             `json:"warnings"`        // things to fix before publishing
}

// ReportPublication records when and where the 采纳情况说明 was published.
type ReportPublication struct {
	ConsultationID int64  `json:"consultationId"`
	PublishedDate  string `json:"publishedDate"`
	PublishedURL   string `json:"publishedUrl"`
}

// PolicyStore keeps the policy register.
type PolicyStore interface {
	Policies(ctx context.Context, f PolicyFilter) (PolicyPage, error)
	Policy(ctx context.Context, id int64) (PolicyDetail, error)
	SavePolicy(ctx context.Context, p Policy) (Policy, error)
	DeletePolicy(ctx context.Context, id int64) error
	SetPolicyStatus(ctx context.Context, c PolicyStatusChange) (Policy, error)
	AddVersion(ctx context.Context, in VersionInput, text VersionText) (PolicyVersion, error)
	Version(ctx context.Context, id int64) (PolicyVersion, error)
	Clauses(ctx context.Context, versionID int64) ([]Clause, error)
}

// ConsultationStore keeps consultations, their comments and decisions, and builds the feedback report.
type ConsultationStore interface {
	Consultations(ctx context.Context, f ConsultationFilter) (ConsultationPage, error)
	Consultation(ctx context.Context, id int64) (ConsultationDetail, error)
	CheckPeriod(ctx context.Context, openDate, closeDate string) (PeriodCheck, error)
	SaveConsultation(ctx context.Context, c Consultation) (Consultation, error)
	ExtendConsultation(ctx context.Context, c PeriodChange) (Consultation, error)
	ReopenConsultation(ctx context.Context, c PeriodChange) (Consultation, error)
	Comments(ctx context.Context, f CommentFilter) (CommentPage, error)
	SaveComment(ctx context.Context, c Comment) (Comment, error)
	DeleteComment(ctx context.Context, id int64) error
	CommentImportClauses(ctx context.Context, consultationID int64) ([]string, error)
	ImportComments(ctx context.Context, consultationID int64, file ImportFile, rows []ImportRow, progress func(ImportProgress)) (ImportResult, error)
	Regroup(ctx context.Context, consultationID int64) (GroupingResult, error)
	Groups(ctx context.Context, consultationID int64) ([]CommentGroup, error)
	SplitComment(ctx context.Context, commentID int64) (Comment, error)
	MergeGroups(ctx context.Context, m GroupMerge) (CommentGroup, error)
	Decide(ctx context.Context, d Decision) ([]Comment, error)
	Report(ctx context.Context, consultationID int64) (FeedbackReport, error)
	PublishReport(ctx context.Context, p ReportPublication) (Consultation, error)
}

// policyTransitions lists where each status may go. 审签 may return to 起草 (退回修改); a published policy
// ends as 已废止 or 已修订.
var policyTransitions = map[string][]string{
	PolicyDrafting:   {PolicyConsulting, PolicySigning},
	PolicyConsulting: {PolicyDrafting, PolicySigning},
	PolicySigning:    {PolicyDrafting, PolicyPublished},
	PolicyPublished:  {PolicyRepealed, PolicyRevised},
}

// NextPolicyStatuses lists the statuses a policy in status may move to.
func NextPolicyStatuses(status string) []string {
	return append([]string{}, policyTransitions[status]...)
}

// ConsultationStatus tells where a consultation stands on today's civil date (2006-01-02): before the open
// date it has not started, through the close date it is open, after it is closed. Dates in ISO form
// compare correctly as strings.
func ConsultationStatus(openDate, closeDate, today string) string {
	switch {
	case today < openDate:
		return ConsultationPending
	case today <= closeDate:
		return ConsultationOpen
	default:
		return ConsultationClosed
	}
}

// IsAdopted reports whether a decision counts as adopted (in full or in part) in the report.
func IsAdopted(decision string) bool {
	return decision == DecisionAdopted || decision == DecisionPartly
}

// CommentText is a comment's text as grouping reads it.
type CommentText struct {
	ID   int64
	Body string
}

// CommentCluster is a group of near-duplicate comments; a comment unlike any other is a cluster of one.
type CommentCluster struct {
	Representative int64   // the member most similar to the others
	Members        []int64 // the representative included
	Similarity     float64 // the lowest similarity of a member to the representative
}

// CommentGrouper finds near-duplicate comments (campaign letters, copied templates).
type CommentGrouper interface {
	Group(comments []CommentText) []CommentCluster
	Similarity(a, b CommentText) float64
}
