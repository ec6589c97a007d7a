package core

import (
	"context"
	"strings"
	"time"
)

// Interpretation forms (DOMAIN.md §1; seed 003 counts them by form in the annual report).
const (
	FormText    = "文字解读"
	FormGraphic = "图解"
	FormQA      = "问答"
	FormLeader  = "负责人解读"
	FormVideo   = "视频"
	FormAudio   = "音频" // a recorded explanation (广播、音频解读), kept as file references like 视频
	FormAnim    = "动画" // an animated explainer (动漫、H5 动画), kept as file references like 视频
	FormPress   = "新闻发布会(政策吹风会)"
)

// Interpretation statuses: 起草 → 审核中 → 已审签 → 已发布; a returned one (已退回) goes back to its drafter.
const (
	InterpDrafting  = "起草"
	InterpReviewing = "审核中"
	InterpReturned  = "已退回"
	InterpApproved  = "已审签"
	InterpPublished = "已发布"
)

// Sign-off subjects and decisions. The same approval machinery serves policies and interpretations.
const (
	SubjectPolicy         = "policy"
	SubjectInterpretation = "interpretation"
	SubjectReport         = "report"     // a consultation's 意见收集采纳情况说明 (subject id: the consultation)
	SubjectDisclosure     = "disclosure" // the answer drafted for a 依申请公开 request (subject id: the request)
	SubjectAnnual         = "annual"     // the 政府信息公开工作年度报告 (subject id: the year)

	DecisionApprove = "同意"
	DecisionReturn  = "退回"
)

// CheckSubject refuses an act (审签, 检查) on anything but a policy, an interpretation or a 采纳情况说明; act
// names it in the refusal.
func CheckSubject(subjectType, act string) error {
	switch subjectType {
	case SubjectPolicy, SubjectInterpretation, SubjectReport:
		return nil
	}
	return FieldErrorf(EINVALID, "subjectType", "未知的%s对象“%s”", act, subjectType)
}

// Exemption rules, recorded with a reason as evidence.
const (
	RuleSyncDraft     = "同步起草"    // the policy goes to 审签 without an interpretation
	RuleOtherSection  = "非起草科室解读" // the interpretation is written by another section than the policy's
	RuleConsultOpen   = "征求意见未结束" // the policy goes to 审签 before its consultation ends or its comments are decided
	InterpretationLag = 3         // working days after the policy's publication (seeds 001, 004)
)

// Pre-publication finding resolutions.
const (
	FindingOpen         = ""             // seen, not yet dealt with
	FindingFixed        = "fixed"        // gone from the text on a later check
	FindingAcknowledged = "acknowledged" // kept, with a reason, by a named person
)

// Value lists in display order.
var (
	InterpretationForms    = []string{FormText, FormGraphic, FormQA, FormLeader, FormVideo, FormAudio, FormAnim, FormPress}
	InterpretationStatuses = []string{InterpDrafting, InterpReviewing, InterpReturned, InterpApproved, InterpPublished}
	// TextHeadings are the seven parts a 文字解读 covers (seed 003 一(一)2).
	TextHeadings = []string{"决策背景和依据", "制定意义和总体考虑", "研判和起草过程", "工作目标", "主要任务", "创新举措", "保障措施"}
	// DefaultSignoffSteps is the bureau's usual sign-off: 三审 ending with the 保密审查 (涉密不上网).
	DefaultSignoffSteps = []SignoffStep{{Order: 1, Name: "科室负责人审核", Rule: SignerSectionHead}, {Order: 2, Name: "分管领导审签", Rule: SignerSectionLeader}, {Order: 3, Name: "保密审查", Rule: SignerAny}}
)

// Interpretation is one 政策解读 of a policy. Exactly one body part is used, chosen by Form: Sections for
// 文字解读, QA for 问答, Graphic for 图解, Media for 负责人解读, 视频, 音频, 动画 and 新闻发布会.
type Interpretation struct {
	ID            int64         `json:"id"`
	PolicyID      int64         `json:"policyId"`
	PolicyTitle   string        `json:"policyTitle"` // read-only
	Form          string        `json:"form"`
	Title         string        `json:"title"`
	SectionID     int64         `json:"sectionId"`
	SectionName   string        `json:"sectionName"`   // read-only
	SectionReason string        `json:"sectionReason"` // required when SectionID is not the policy's drafting section
	AuthorID      int64         `json:"authorId"`
	AuthorName    string        `json:"authorName"` // read-only
	Status        string        `json:"status"`     // read-only: changes through sign-off and publication
	Sections      []TextSection `json:"sections"`
	QA            []QAPair      `json:"qa"`
	Graphic       Graphic       `json:"graphic"`
	Media         Media         `json:"media"`
	ApprovedAt    string        `json:"approvedAt"`
	PublishedDate string        `json:"publishedDate"`
	PublishedURL  string        `json:"publishedUrl"`
	Due           string        `json:"due"`       // read-only: policy publication + 3 working days, "" before
	DueLabel      string        `json:"dueLabel"`  // 剩余N个工作日 / 今日到期 / 已超期N个工作日 / 按时发布 / 逾期发布
	DueStatus     string        `json:"dueStatus"` // pending / due_today / overdue / done / late
	CreatedAt     string        `json:"createdAt"`
	UpdatedAt     string        `json:"updatedAt"`
	Version       int64         `json:"version"` // counts changes; send it back with a save so a stale one is refused
}

// TextSection is one headed part of a 文字解读.
type TextSection struct {
	Heading string `json:"heading"`
	Text    string `json:"text"`
}

// QAPair is one question and its answer; the order of the list is the order of publication.
type QAPair struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Graphic block kinds of a 图解, drawn from top to bottom.
const (
	BlockTitle   = "title"   // Title and Text (a subtitle)
	BlockLead    = "lead"    // an introductory paragraph
	BlockFigures = "figures" // key-figure cards
	BlockSteps   = "steps"   // a step flow with arrows
	BlockBullets = "bullets" // a titled group of bullet points
	BlockQA      = "qa"      // highlighted questions and answers
	BlockFooter  = "footer"  // issuing body and date
)

// GraphicBlockKinds lists the block kinds with their Chinese names, for the block editor's menu.
var GraphicBlockKinds = []Option{
	{Value: BlockTitle, Label: "标题"}, {Value: BlockLead, Label: "导语"}, {Value: BlockFigures, Label: "数字卡片"},
	{Value: BlockSteps, Label: "流程步骤"}, {Value: BlockBullets, Label: "要点列表"}, {Value: BlockQA, Label: "重点问答"},
	{Value: BlockFooter, Label: "落款"},
}

// Graphic is a 图解: blocks drawn one under the other as a long image or page.
type Graphic struct {
	Blocks []GraphicBlock `json:"blocks"`
}

// GraphicBlock is one block of a 图解; the fields used depend on Kind.
type GraphicBlock struct {
	Kind    string      `json:"kind"`
	Title   string      `json:"title"`   // title, group and section headings
	Text    string      `json:"text"`    // subtitle of a title block, lead paragraph
	Figures []KeyFigure `json:"figures"` // figures
	Steps   []FlowStep  `json:"steps"`   // steps
	Items   []string    `json:"items"`   // bullets
	QA      []QAPair    `json:"qa"`      // qa
	Issuer  string      `json:"issuer"`  // footer
	Date    string      `json:"date"`    // footer, 2006-01-02
}

// KeyFigure is a number a reader should remember, e.g. "20 个工作日 办结时限".
type KeyFigure struct {
	Value string `json:"value"`
	Unit  string `json:"unit"`
	Label string `json:"label"`
}

// FlowStep is one step of a procedure.
type FlowStep struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Media describes a 负责人解读, 视频 or 新闻发布会: who spoke, when, what was said, and where the files are.
type Media struct {
	Speaker      string     `json:"speaker"`
	SpeakerTitle string     `json:"speakerTitle"`
	Occasion     string     `json:"occasion"` // e.g. 市政府新闻发布会
	HeldAt       string     `json:"heldAt"`   // 2006-01-02 or 2006-01-02 15:04
	Transcript   string     `json:"transcript"`
	Files        []MediaRef `json:"files"`
}

// MediaRef points at a recording, slide deck or photo kept elsewhere (a path on the shared drive or a URL).
type MediaRef struct {
	Name     string `json:"name"`
	Location string `json:"location"`
	Kind     string `json:"kind"` // 视频 / 音频 / 图片 / 文稿 / 其他
}

// InterpretationText is the interpretation as plain text: what the pre-publication check scans and what the
// exports print.
func (in Interpretation) InterpretationText() string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString(p)
				b.WriteString("\n")
			}
		}
	}
	line(in.Title)
	switch in.Form {
	case FormText:
		for _, s := range in.Sections {
			line(s.Heading, s.Text)
		}
	case FormQA:
		for _, q := range in.QA {
			line(q.Question, q.Answer)
		}
	case FormGraphic:
		for _, bl := range in.Graphic.Blocks {
			line(bl.Title, bl.Text)
			for _, f := range bl.Figures {
				line(f.Value + f.Unit + " " + f.Label)
			}
			for _, s := range bl.Steps {
				line(s.Title, s.Text)
			}
			line(bl.Items...)
			for _, q := range bl.QA {
				line(q.Question, q.Answer)
			}
			line(bl.Issuer, bl.Date)
		}
	default:
		m := in.Media
		line(strings.TrimSpace(m.Speaker+" "+m.SpeakerTitle), m.Occasion, m.HeldAt, m.Transcript)
		for _, f := range m.Files {
			line(f.Name + " " + f.Location)
		}
	}
	return b.String()
}

// NewInterpretationBody pre-fills a new interpretation of the given form: a 文字解读 gets the seven headings,
// a 图解 a title and a footer so that the block editor starts from a valid page.
func NewInterpretationBody(form, policyTitle, issuer string) Interpretation {
	in := Interpretation{Form: form, Sections: []TextSection{}, QA: []QAPair{}, Graphic: Graphic{Blocks: []GraphicBlock{}}}
	switch form {
	case FormText:
		for _, h := range TextHeadings {
			in.Sections = append(in.Sections, TextSection{Heading: h})
		}
	case FormGraphic:
		in.Graphic.Blocks = []GraphicBlock{
			{Kind: BlockTitle, Title: "一图读懂" + strings.Trim(policyTitle, "《》")},
			{Kind: BlockFooter, Issuer: issuer},
		}
	}
	return in
}

// SyncFacts is what the three 三同步 rules look at: a policy's interpretations and recorded exemptions.
type SyncFacts struct {
	Interpretations []Interpretation
	DraftExemption  string // reason recorded for 同步起草, "" when none
}

// WorkdayAdder counts working days; the calendar adapter implements it.
type WorkdayAdder interface {
	AddWorkdays(d time.Time, n int) time.Time
}

// Who signs a sign-off step: a named person, or a rule resolved against the subject's drafting section
// when the round is submitted, or any approver.
const (
	SignerPerson        = "person"         // the step's PersonID (e.g. the bureau's 保密审查员)
	SignerSectionHead   = "section_head"   // the 科室负责人 of the drafting section
	SignerSectionLeader = "section_leader" // the 分管领导 of the drafting section
	SignerAny           = "any"            // any 审核审签人员
)

// SignerRules are the rules offered in the sign-off configuration, in display order.
var SignerRules = []Option{
	{Value: SignerSectionHead, Label: "起草科室负责人"},
	{Value: SignerSectionLeader, Label: "起草科室分管领导"},
	{Value: SignerPerson, Label: "指定人员"},
	{Value: SignerAny, Label: "任一审签人员"},
}

// SignoffStep is one configured step of the sign-off: its name and who signs it (Rule; PersonID for a
// named person).
type SignoffStep struct {
	Order      int    `json:"order"`
	Name       string `json:"name"`
	Rule       string `json:"rule"`
	PersonID   int64  `json:"personId"`
	PersonName string `json:"personName"` // read-only
}

// SignerRule is the step's rule; a configuration saved before rules existed names a person or nobody.
func (s SignoffStep) SignerRule() string {
	switch {
	case s.Rule != "":
		return s.Rule
	case s.PersonID != 0:
		return SignerPerson
	}
	return SignerAny
}

// SignerRuleLabel is how a rule reads in the configuration and on the 审签单.
func SignerRuleLabel(rule string) string {
	for _, o := range SignerRules {
		if o.Value == rule {
			return o.Label
		}
	}
	return rule
}

// SignoffApproval is one step of one sign-off round, pending until someone decides.
type SignoffApproval struct {
	ID          int64  `json:"id"`
	SubjectType string `json:"subjectType"`
	SubjectID   int64  `json:"subjectId"`
	Round       int    `json:"round"`
	StepOrder   int    `json:"stepOrder"`
	StepName    string `json:"stepName"`
	PersonID    int64  `json:"personId"`
	PersonName  string `json:"personName"`
	Decision    string `json:"decision"` // "" pending, 同意, 退回
	Opinion     string `json:"opinion"`
	ActedAt     string `json:"actedAt"`
}

// Signoff is the sign-off of one subject: its latest round and every earlier decision.
type Signoff struct {
	SubjectType string            `json:"subjectType"`
	SubjectID   int64             `json:"subjectId"`
	Round       int               `json:"round"`    // 0 when never submitted
	Steps       []SignoffApproval `json:"steps"`    // the latest round
	History     []SignoffApproval `json:"history"`  // decisions of earlier rounds
	Current     string            `json:"current"`  // the step waiting for a decision, "" when none
	Complete    bool              `json:"complete"` // every step of the latest round agreed
	Returned    bool              `json:"returned"` // the latest round ended with 退回
	CompletedAt string            `json:"completedAt"`
}

// SignoffAction is one approver's decision on the current step.
type SignoffAction struct {
	SubjectType string `json:"subjectType"`
	SubjectID   int64  `json:"subjectId"`
	Decision    string `json:"decision"` // 同意 or 退回
	Opinion     string `json:"opinion"`
}

// Exemption is a recorded departure from a rule, with who decided and why.
type Exemption struct {
	ID          int64  `json:"id"`
	SubjectType string `json:"subjectType"`
	SubjectID   int64  `json:"subjectId"`
	Rule        string `json:"rule"`
	Reason      string `json:"reason"`
	PersonName  string `json:"personName"`
	CreatedAt   string `json:"createdAt"`
}

// PrepubFinding is one finding of the pre-publication check (密级标志, personal data) and what was done.
type PrepubFinding struct {
	Kind       string `json:"kind"`
	Label      string `json:"label"`
	Match      string `json:"match"`
	Context    string `json:"context"`
	Severity   string `json:"severity"` // block: only fixing the text clears it; warn: may be acknowledged
	Start      int    `json:"start"`    // UTF-16 offsets in PrepubReport.Text, for highlighting
	End        int    `json:"end"`
	Resolution string `json:"resolution"` // "" open, fixed, acknowledged
	Reason     string `json:"reason"`
	PersonName string `json:"personName"`
	ResolvedAt string `json:"resolvedAt"`
}

// PrepubReport is the result of a pre-publication check of one subject.
type PrepubReport struct {
	SubjectType string          `json:"subjectType"`
	SubjectID   int64           `json:"subjectId"`
	Text        string          `json:"text"`     // what was scanned
	Findings    []PrepubFinding `json:"findings"` // present in the text now
	Fixed       []PrepubFinding `json:"fixed"`    // found earlier, gone now
	Clear       bool            `json:"clear"`    // nothing open: publication may go ahead
	CheckedAt   string          `json:"checkedAt"`
}

// FindingAck acknowledges a finding that is meant to stay (e.g. the bureau's own service hotline).
type FindingAck struct {
	SubjectType string `json:"subjectType"`
	SubjectID   int64  `json:"subjectId"`
	Kind        string `json:"kind"`
	Match       string `json:"match"`
	Reason      string `json:"reason"`
}

// Severities of a pre-publication finding.
const (
	SeverityBlock = "block" // the text must not be published as it is
	SeverityWarn  = "warn"  // a reviewer must look at it
)

// Publication records when and where a policy or interpretation went online.
type Publication struct {
	ID            int64  `json:"id"`
	PublishedDate string `json:"publishedDate"`
	PublishedURL  string `json:"publishedUrl"`
	// Reason: why a 依申请公开 policy is now published on the website (required for it, recorded in the audit log).
	Reason string `json:"reason"`
}

// ExemptionInput records an exemption.
type ExemptionInput struct {
	SubjectType string `json:"subjectType"`
	SubjectID   int64  `json:"subjectId"`
	Rule        string `json:"rule"`
	Reason      string `json:"reason"`
}

// SyncRow is one line of the 三同步 panel: the policy or one interpretation, with its dates.
type SyncRow struct {
	Kind          string `json:"kind"` // policy / interpretation
	ID            int64  `json:"id"`
	Title         string `json:"title"`
	Form          string `json:"form"`
	Status        string `json:"status"`
	Drafted       string `json:"drafted"`  // date the record was created
	Approved      string `json:"approved"` // date sign-off completed
	Published     string `json:"published"`
	PublishedURL  string `json:"publishedUrl"`
	Due           string `json:"due"`
	DueLabel      string `json:"dueLabel"`
	DueStatus     string `json:"dueStatus"`
	SectionName   string `json:"sectionName"`
	SectionReason string `json:"sectionReason"`
	// Disclosure and DisclosureBasis: the policy row's 公开属性 and its basis ("" for interpretations).
	Disclosure      string `json:"disclosure"`
	DisclosureBasis string `json:"disclosureBasis"`
}

// SyncPanel is the per-policy 三同步 panel: whether each rule holds, and each row's dates.
type SyncPanel struct {
	Policy          SyncRow     `json:"policy"`
	Interpretations []SyncRow   `json:"interpretations"`
	Exemptions      []Exemption `json:"exemptions"`
	DraftOK         bool        `json:"draftOk"`    // 同步起草
	ApprovalOK      bool        `json:"approvalOk"` // 同步审签
	PublishOK       bool        `json:"publishOk"`  // 同步发布: every interpretation published by its due date
	Problems        []string    `json:"problems"`   // in Chinese, one per unmet rule
}

// PolicyFact is something a reader asks about, found in the policy text: a date, a deadline, an amount …
type PolicyFact struct {
	Kind   string `json:"kind"`   // date / deadline / amount / percentage / scope / process / materials
	Label  string `json:"label"`  // 日期 / 期限 / 金额 / 比例 / 适用范围 / 办理流程 / 申请材料
	Text   string `json:"text"`   // the fact as written
	Clause string `json:"clause"` // the clause path it comes from, e.g. 第三章/第九条
	Start  int    `json:"start"`  // UTF-16 offsets in the policy text
	End    int    `json:"end"`
}

// QuestionSuggestion is a candidate question for a 问答, with where it comes from.
type QuestionSuggestion struct {
	Question string `json:"question"`
	Answer   string `json:"answer"` // a draft answer quoted from the text, to be rewritten
	Source   string `json:"source"` // 文件结构 / 局长信箱 …
	Clause   string `json:"clause"` // clause path, when from the text
	Reason   string `json:"reason"` // why it is suggested
	// MessageIDs are the 局长信箱 messages that ask it (source 局长信箱), newest first.
	MessageIDs []int64 `json:"messageIds"`
}

// QuestionSource suggests questions for a policy's 问答: from the policy's structure, and from the 局长信箱
// messages that ask about it.
type QuestionSource interface {
	Questions(ctx context.Context, policyID int64) ([]QuestionSuggestion, error)
}

// EditorHelp is the side panel of the interpretation editor: the policy text's clauses, keywords and facts.
type EditorHelp struct {
	PolicyID    int64        `json:"policyId"`
	VersionID   int64        `json:"versionId"`
	VersionKind string       `json:"versionKind"`
	Headings    []string     `json:"headings"`
	Clauses     []Clause     `json:"clauses"`
	Keywords    []Keyword    `json:"keywords"`
	Facts       []PolicyFact `json:"facts"`
}

// InterpretationFilter selects interpretations for the list page.
type InterpretationFilter struct {
	PolicyID  int64  `json:"policyId"`
	Status    string `json:"status"`
	Form      string `json:"form"`
	SectionID int64  `json:"sectionId"`
}

// InterpretationStore keeps interpretations, their sign-off, the pre-publication check and publication.
type InterpretationStore interface {
	Interpretations(ctx context.Context, f InterpretationFilter) ([]Interpretation, error)
	Interpretation(ctx context.Context, id int64) (Interpretation, error)
	SaveInterpretation(ctx context.Context, in Interpretation) (Interpretation, error)
	DeleteInterpretation(ctx context.Context, id int64) error
	RecordExemption(ctx context.Context, e ExemptionInput) (Exemption, error)
	Exemptions(ctx context.Context, subjectType string, subjectID int64) ([]Exemption, error)
	SignoffSteps(ctx context.Context) ([]SignoffStep, error)
	SaveSignoffSteps(ctx context.Context, steps []SignoffStep) ([]SignoffStep, error)
	Signoff(ctx context.Context, subjectType string, subjectID int64) (Signoff, error)
	SubmitSignoff(ctx context.Context, subjectType string, subjectID int64) (Signoff, error)
	DecideSignoff(ctx context.Context, a SignoffAction) (Signoff, error)
	PrepubCheck(ctx context.Context, subjectType string, subjectID int64) (PrepubReport, error)
	AcknowledgeFinding(ctx context.Context, a FindingAck) (PrepubReport, error)
	PublishPolicy(ctx context.Context, p Publication) (Policy, error)
	PublishInterpretation(ctx context.Context, p Publication) (Interpretation, error)
	SyncPanel(ctx context.Context, policyID int64) (SyncPanel, error)
}
