package core

import "time"

// 依申请公开: the register of applications for government information and the annual report's table 三.

// Request statuses as the register shows them (derived, not stored).
const (
	DisclosureOpen       = "办理中"
	DisclosureCorrecting = "待补正"
	DisclosureAnswered   = "已答复"
	DisclosureLapsed     = "逾期未补正"
	DisclosureLate       = "逾期答复"
	DisclosureOnTime     = "按时答复"
	// The count is suspended (条例第三十二条, 国办函〔2020〕109号): waiting for a third party's opinion or for
	// the applicant's fee; a fee unpaid by its deadline closes the case as 其他处理.
	DisclosureConsulting = "征询第三方"
	DisclosureAwaitsFee  = "待缴费"
	DisclosureFeeLapsed  = "逾期未缴费"
)

// Where an answer draft's sign-off stands.
const (
	DraftSigning  = "审签中"
	DraftSigned   = "已审签"
	DraftReturned = "已退回"
	DraftChanged  = "稿已修改"
	// AnnualPublished is an annual report recorded as published: its sign-off is over.
	AnnualPublished = "已发布"
)

// Kinds of a suspension of the answer period.
const (
	PauseThirdParty = "第三方"
	PauseFee        = "收费"
)

// DisclosurePause is a time the answer period does not count: a third party consulted (第三十二条, 15 working
// days for its opinion) or a fee notice waiting for payment (109号).
type DisclosurePause struct {
	ID        int64  `json:"id"`
	RequestID int64  `json:"requestId"`
	Kind      string `json:"kind"`    // 第三方 / 收费
	Party     string `json:"party"`   // the third party consulted
	Started   string `json:"started"` // 征询函、收费通知书发出之日
	Due       string `json:"due"`     // 第三方意见期限 / 缴费期限
	Ended     string `json:"ended"`   // 收到第三方意见、缴费之日; "" while waiting
	Result    string `json:"result"`  // 同意公开 / 不同意公开 / 已缴费
	FeeBasis  string `json:"feeBasis"`
	FeeCount  int    `json:"feeCount"`  // items or pages of this application
	FeeBefore int    `json:"feeBefore"` // counted for the same applicant earlier in the month
	FeeAmount int    `json:"feeAmount"` // yuan
	Note      string `json:"note"`
}

// DisclosurePauseInput is what the officer records to start or end a suspension.
type DisclosurePauseInput struct {
	RequestID int64  `json:"requestId"`
	Date      string `json:"date"`
	Party     string `json:"party"`
	Result    string `json:"result"`
	FeeBasis  string `json:"feeBasis"`
	FeeCount  int    `json:"feeCount"`
	Note      string `json:"note"`
}

// DisclosureChannels are the ways an application may arrive; each has its own receipt-date rule.
var DisclosureChannels = []string{"当面", "邮寄", "信函", "网络", "传真"}

// DisclosureAnswerMethods are the ways the answer is delivered.
var DisclosureAnswerMethods = []string{"直接送达", "邮寄", "电子"}

// DisclosureIntake is what the officer records when an application is registered.
type DisclosureIntake struct {
	Channel       string `json:"channel"`
	Arrived       string `json:"arrived"`   // 提交、到达或签收之日
	Confirmed     string `json:"confirmed"` // 与申请人确认之日（信函、网络、传真）
	Applicant     string `json:"applicant"`
	ApplicantType string `json:"applicantType"`
	IDNumber      string `json:"idNumber"`
	Contact       string `json:"contact"`
	Content       string `json:"content"`
	Form          string `json:"form"`
	Delivery      string `json:"delivery"`
	SectionID     int64  `json:"sectionId"`
	HandlerID     int64  `json:"handlerId"`
}

// DisclosureRequest is one application with its clock worked out as of today.
type DisclosureRequest struct {
	ID             int64  `json:"id"`
	CaseNo         string `json:"caseNo"`
	Channel        string `json:"channel"`
	Arrived        string `json:"arrived"`
	Confirmed      string `json:"confirmed"`
	Received       string `json:"received"`
	Applicant      string `json:"applicant"`
	ApplicantType  string `json:"applicantType"`
	IDNumber       string `json:"idNumber"`
	Contact        string `json:"contact"`
	Content        string `json:"content"`
	Form           string `json:"form"`
	Delivery       string `json:"delivery"`
	SectionID      int64  `json:"sectionId"`
	SectionName    string `json:"sectionName"`
	HandlerID      int64  `json:"handlerId"`
	HandlerName    string `json:"handlerName"`
	CorrectionSent string `json:"correctionSent"`
	CorrectionBy   string `json:"correctionBy"`
	CorrectionDue  string `json:"correctionDue"` // last day to send a 补正告知书
	Corrected      string `json:"corrected"`
	Extended       bool   `json:"extended"`
	ExtensionBy    string `json:"extensionBy"`
	Outcome        int    `json:"outcome"` // index into DisclosureOutcomes, -1 while open
	OutcomeLabel   string `json:"outcomeLabel"`
	AnswerDate     string `json:"answerDate"`
	AnswerMethod   string `json:"answerMethod"`
	AnswerRef      string `json:"answerRef"`
	AnswerText     string `json:"answerText"`
	// The answer drafted for sign-off, and where its sign-off stands: "" (not submitted), 审签中, 已审签, 已退回,
	// 稿已修改 (changed after its round was signed). Only a signed draft may be sent.
	DraftOutcome int    `json:"draftOutcome"`
	DraftLabel   string `json:"draftLabel"`
	DraftText    string `json:"draftText"`
	SignoffState string `json:"signoffState"`
	// Pauses are the suspensions of the count, oldest first.
	Pauses []DisclosurePause `json:"pauses"`
	Due    string            `json:"due"`    // 答复期限 (empty while waiting for the 补正)
	Status string            `json:"status"` // 办理中 / 待补正 / 逾期未补正 / 按时答复 / 逾期答复
	// The countdown to the deadline that matters now (答复期限, or the 补正期限 while waiting for it).
	CountdownStatus string `json:"countdownStatus"`
	CountdownLabel  string `json:"countdownLabel"`
	Workdays        int    `json:"workdays"`
	UpdatedAt       string `json:"updatedAt"`
}

// DisclosureEvent is one procedural step of an application.
type DisclosureEvent struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Date      string `json:"date"`
	Note      string `json:"note"`
	ActorName string `json:"actorName"`
	CreatedAt string `json:"createdAt"`
}

// DisclosureDetail is an application with its history and the remedies brought over it.
type DisclosureDetail struct {
	Request  DisclosureRequest  `json:"request"`
	Events   []DisclosureEvent  `json:"events"`
	Remedies []DisclosureRemedy `json:"remedies"`
}

// DisclosureRemedy is a 行政复议 or 行政诉讼 brought over an answer (table 四).
type DisclosureRemedy struct {
	ID        int64  `json:"id"`
	RequestID int64  `json:"requestId"`
	Kind      string `json:"kind"`    // 行政复议 / 未经复议直接起诉 / 复议后起诉
	Filed     string `json:"filed"`   // 申请复议或起诉之日
	Forum     string `json:"forum"`   // 复议机关或人民法院
	Result    string `json:"result"`  // 结果维持 / 结果纠正 / 其他结果 / 尚未审结
	Decided   string `json:"decided"` // 复议决定或裁判之日
	Note      string `json:"note"`
}

// DisclosureTable4 is table 四 of the annual report: 3 groups × 5 results.
type DisclosureTable4 struct {
	Year    int      `json:"year"`
	Groups  []string `json:"groups"`
	Results []string `json:"results"`
	Cells   [][]int  `json:"cells"`
}

// DisclosureFilter selects applications for the register.
type DisclosureFilter struct {
	Year   int    `json:"year"`   // received in the year; 0 = all
	Status string `json:"status"` // "" / open / answered
	Query  string `json:"query"`
	// Offset and Limit page the list (Limit 0: every request).
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// DisclosurePage is one page of the register and how many requests the filter selects.
type DisclosurePage struct {
	Total    int                 `json:"total"`
	Requests []DisclosureRequest `json:"requests"`
}

// DisclosureAnswer is the answer given to an application.
type DisclosureAnswer struct {
	ID      int64  `json:"id"`
	Outcome int    `json:"outcome"`
	Date    string `json:"date"` // 答复书发出（交邮）之日
	Method  string `json:"method"`
	Ref     string `json:"ref"`
	Text    string `json:"text"`
}

// DisclosureTable is table 三 of the annual report for a year.
type DisclosureTable struct {
	Year    int      `json:"year"`
	Bureau  string   `json:"bureau"`
	Columns []string `json:"columns"`
	Labels  []string `json:"labels"`
	Cells   [][]int  `json:"cells"`
	Check   string   `json:"check"` // empty when the 勾稽关系 hold
	OnTime  int      `json:"onTime"`
	Late    int      `json:"late"`
	// CarrySource is where a 上年结转 entered by hand comes from ("" when row 二 is counted from the register).
	CarrySource string `json:"carrySource"`
}

// DisclosureRecord is one row of an existing 登记台账, checked, as it is imported into the register.
type DisclosureRecord struct {
	No        string
	Received  time.Time
	Answered  time.Time // zero while open
	Column    int       // table 三's applicant column
	Outcome   int       // -1 while open
	Applicant string
	Content   string
	Channel   string
}

// DocumentCounts are one row of table 二 (第二十条第（一）项): documents made, repealed and in force.
type DocumentCounts struct {
	Issued   int `json:"issued"`   // 本年制发件数
	Repealed int `json:"repealed"` // 本年废止件数
	InForce  int `json:"inForce"`  // 现行有效件数 at the year's end
}

// FormCount is how many interpretations of one form were published.
type FormCount struct {
	Form  string `json:"form"`
	Count int    `json:"count"`
}

// AnnualFacts are the year's records the 政府信息公开工作年度报告 is drafted from, read by the store.
type AnnualFacts struct {
	Year            int            `json:"year"`
	Bureau          Bureau         `json:"bureau"`
	Rules           DocumentCounts `json:"rules"`     // 规章
	Normative       DocumentCounts `json:"normative"` // 行政规范性文件
	Published       int            `json:"published"` // policy documents published in the year, any category
	Interpretations []FormCount    `json:"interpretations"`
	Consultations   int            `json:"consultations"` // 征求意见 opened in the year
	Comments        int            `json:"comments"`      // comments received in the year
	Adopted         int            `json:"adopted"`       // of them 采纳 or 部分采纳
	Messages        int            `json:"messages"`      // 局长信箱 messages received in the year
	Answered        int            `json:"answered"`      // of them answered
	AnsweredOnTime  int            `json:"answeredOnTime"`
	FeeNotices      int            `json:"feeNotices"` // 收费通知书 issued in the year
	FeesPaid        int            `json:"feesPaid"`   // of them paid
	FeeYuan         int            `json:"feeYuan"`    // 信息处理费 paid in the year, yuan
}

// AnnualSection is one of the report's six sections: its heading and paragraphs (tables follow in 二, 三, 四).
type AnnualSection struct {
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
}

// AnnualReport is the year's 政府信息公开工作年度报告 as drafted from the records, for the office to review.
type AnnualReport struct {
	Year     int              `json:"year"`
	Title    string           `json:"title"`
	Intro    string           `json:"intro"`
	Sections []AnnualSection  `json:"sections"`
	Facts    AnnualFacts      `json:"facts"`
	Table3   DisclosureTable  `json:"table3"`
	Table4   DisclosureTable4 `json:"table4"`
	Due      string           `json:"due"` // 31 January of the next year
	Edits    AnnualEdits      `json:"edits"`
}

// AnnualEdits are what the office adds to a year's report: table 二's figures the records do not hold, with
// their source, the 一、总体情况 as edited ("" keeps the draft), and its publication.
type AnnualEdits struct {
	Year          int    `json:"year"`
	Licensing     string `json:"licensing"`   // 行政许可 本年处理决定数量 ("" not entered)
	Penalty       string `json:"penalty"`     // 行政处罚
	Enforcement   string `json:"enforcement"` // 行政强制
	FeesWan       string `json:"feesWan"`     // 行政事业性收费 本年收费金额（万元）
	Source        string `json:"source"`
	Overview      string `json:"overview"`
	PublishedDate string `json:"publishedDate"`
	PublishedURL  string `json:"publishedUrl"`
	UpdatedAt     string `json:"updatedAt"`
	// CarryOver is table 三's row 二 (上年结转) entered by hand for a register that begins in the middle of
	// history: one count per applicant column (总计 left out), empty when the register's own count is used;
	// CarrySource says where the figures come from (e.g. the previous year's published report).
	CarryOver   []string `json:"carryOver"`
	CarrySource string   `json:"carrySource"`
	// SignoffState is where the report's sign-off stands (core.DraftSigning …; "" never submitted): only a
	// signed report may be recorded as published, and an edit after its round needs a new one.
	SignoffState string `json:"signoffState"`
}

// SignedText is what the approvers of a year's report sign of the office's additions: everything but its
// publication (recorded only once the report is signed), one field a line.
func (e AnnualEdits) SignedText() string {
	carry := ""
	for i, c := range e.CarryOver {
		if i > 0 {
			carry += ","
		}
		carry += c
	}
	return e.Licensing + "\n" + e.Penalty + "\n" + e.Enforcement + "\n" + e.FeesWan + "\n" + e.Source + "\n" + carry + "\n" +
		e.CarrySource + "\n" + e.Overview
}

// ProactiveSuggestion is information several disclosed requests asked for: a candidate for 主动公开 (条例第四十四条).
type ProactiveSuggestion struct {
	Content string   `json:"content"` // the wording of the first request
	Count   int      `json:"count"`
	CaseNos []string `json:"caseNos"`
}

// LetterTemplate is the text of one 依申请公开 letter (受理回执 … 答复书 by result group): one paragraph a line with
// placeholders such as {申请人}; Edited is false while it is the built-in text.
type LetterTemplate struct {
	Kind         string   `json:"kind"`
	Body         string   `json:"body"`
	Builtin      string   `json:"builtin"`
	Edited       bool     `json:"edited"`
	Placeholders []string `json:"placeholders"`
	UpdatedAt    string   `json:"updatedAt"`
	UpdatedBy    string   `json:"updatedBy"`
}
