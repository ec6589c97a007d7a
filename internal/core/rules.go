package core

import "time"

// Rules are the decisions a store applies inside its transactions. Each area's rules live in its own package
// as pure functions over loaded facts (internal/signoff, …); the store is given them when it is made
// (internal/rules.All), so that every store — SQLite today, PostgreSQL next — applies the very same rules
// and imports none of their packages.
type Rules struct {
	Accounts       AccountRules
	Consultation   ConsultationRules
	Disclosure     DisclosureRules
	Interpretation InterpretationRules
	Mailbox        MailboxRules
	Privacy        PrivacyRules
	Settings       SettingsRules
	Signoff        SignoffRules
}

// InterpretationRules decide 政策解读 and the 三同步 rules a policy obeys (internal/interpret).
type InterpretationRules interface {
	// Validate checks what every interpretation needs before it is saved (谁起草、谁解读 or a reason).
	Validate(in Interpretation, policySection int64) error
	// CanEdit says whether an interpretation in status is still its drafter's; CheckUpdate also keeps it with
	// its policy.
	CanEdit(status string) error
	CheckUpdate(old, in Interpretation) error
	// CheckSyncDraft (同步起草), CheckSyncApproval (同步审签) and both as a policy's status changes.
	CheckSyncDraft(f SyncFacts) error
	CheckSyncApproval(f SyncFacts) error
	CheckPolicyStatusSync(from string, c PolicyStatusChange, f SyncFacts) error
	// Verdicts states which of the three rules hold for a policy's panel, and why not.
	Verdicts(p SyncPanel, f SyncFacts) SyncPanel
	// CheckPublish reads an interpretation's publication: date (not before the policy's) and address.
	CheckPublish(in Interpretation, policy Policy, p Publication) (time.Time, string, error)
	// CheckExemption checks a departure from a rule recorded with its reason.
	CheckExemption(e ExemptionInput) (ExemptionInput, error)
	// Due is rule 3 (同步发布): the day an interpretation of a policy published then is due ("" unpublished).
	Due(cal WorkdayAdder, policyPublished string) (string, error)
}

// PrivacyRules find personal data and 密级 marks in text about to be published (internal/privacy).
type PrivacyRules interface {
	// Scan lists what the pre-publication check finds, offsets in UTF-16 code units; keep lists public
	// items (the bureau's numbers and addresses) that are not findings where they stand whole.
	Scan(text string, keep []string) []PrepubFinding
	// CheckSubject refuses a pre-publication check of anything but a policy, an interpretation or a 采纳情况说明.
	CheckSubject(subjectType string) error
	// CheckAck refuses keeping a finding without a reason, or a 密级 mark at all; Clear refuses publishing
	// while a finding is open.
	CheckAck(f PrepubFinding, reason string) error
	Clear(findings []PrepubFinding) error
}

// DisclosureRules decide 依申请公开 requests on the statutory clock (internal/disclosure).
type DisclosureRules interface {
	// WithClock works out a request's deadlines, result label and status as of today, and the day its
	// countdown runs to (zero once answered).
	WithClock(r DisclosureRequest, cal WorkingDays, today time.Time) (DisclosureRequest, time.Time)
	// DateField reads a date the officer entered and refuses one after today.
	DateField(field, label, s string, today time.Time) (time.Time, error)
	// CheckIntake checks a new application and returns it with its arrival and legal receipt dates.
	CheckIntake(in DisclosureIntake, today time.Time) (DisclosureIntake, time.Time, time.Time, error)
	// CheckCorrection checks a 补正告知书 sent on sent and returns the 补正期限 it sets, read from by.
	CheckCorrection(cal WorkingDays, r DisclosureRequest, sent time.Time, by string) (time.Time, error)
	CheckCorrectionReceived(r DisclosureRequest, received time.Time) error
	CheckExtend(r DisclosureRequest, approver string) error
	CheckAnswer(r DisclosureRequest, a DisclosureAnswer, answered time.Time) (DisclosureAnswer, error)
	// AnswerNote is the register's line for an answer; OutcomeLabel names a result row of table 三.
	AnswerNote(r DisclosureRequest, a DisclosureAnswer, answered time.Time) string
	OutcomeLabel(outcome int) string
	// CheckConsult and CheckFeeNotice check a 第三方意见征询函 or a 收费通知书 and return the suspension it starts
	// (before: what the applicant was already charged for this month); CheckPauseEnd closes the running one
	// of a kind (the opinion, the payment); PauseNote is the register's line for either.
	CheckConsult(cal WorkingDays, r DisclosureRequest, in DisclosurePauseInput, sent, today time.Time) (DisclosurePause, error)
	CheckFeeNotice(cal WorkingDays, r DisclosureRequest, in DisclosurePauseInput, before int, sent, today time.Time) (DisclosurePause, error)
	CheckPauseEnd(r DisclosureRequest, kind string, in DisclosurePauseInput, ended time.Time) (DisclosurePause, error)
	PauseNote(p DisclosurePause) string
	// CheckAssign checks 分办 to a section and a person of it; CheckNote a 会商 record or the legal adviser's opinion.
	CheckAssign(r DisclosureRequest, sectionID, handlerID, handlerSection int64) error
	AssignNote(section, handler string) string
	CheckNote(r DisclosureRequest, kind, text string, on time.Time) (string, error)
	// CheckAnnualEdits checks what the office adds to a year's report (table 二's hand figures, 总体情况, publication).
	CheckAnnualEdits(e AnnualEdits, today time.Time) (AnnualEdits, error)
	// AnnualSignoffState says where the report's sign-off stands for the additions e (signed: as submitted);
	// CheckAnnualPublication refuses a publication before the report as it stands is signed.
	AnnualSignoffState(so Signoff, signed string, e AnnualEdits) string
	CheckAnnualPublication(old, e AnnualEdits, state string) error
	// CheckTemplate checks an edited letter (known kind, known placeholders, remedies in order) and tidies it.
	CheckTemplate(kind, body string) (string, error)
	// CheckDraft checks the answer drafted for sign-off.
	CheckDraft(r DisclosureRequest, outcome int, text string) (string, error)
	// CheckRemedy checks a 行政复议 or 行政诉讼 recorded against a request, which must have been answered.
	CheckRemedy(r DisclosureRequest, kind, result string, filed, decided, today time.Time) error
	// ColumnLabel names table 三's applicant column i.
	ColumnLabel(i int) string
	// AnnualReportDue says which year's report is due on which day while its countdown is shown.
	AnnualReportDue(today time.Time) (int, time.Time, bool)
}

// WorkingDays is the working-day calendar as the rules count with it (internal/calendar implements it).
type WorkingDays interface {
	AddWorkdays(d time.Time, n int) time.Time
	WorkdaysBetween(from, to time.Time) int
	PeriodEnd(start time.Time, days int) time.Time
	Countdown(today, due time.Time) Countdown
}

// Countdown is how a deadline stands on a day.
type Countdown struct {
	Status   string // "pending", "due_today", "overdue"
	Workdays int    // working days left (pending) or past the deadline (overdue)
	Label    string // "剩余N个工作日" / "今日到期" / "已超期N个工作日"
}

// MailboxRules decide the 局长信箱's messages: their input, routing, deadlines, clock stops, replies and
// templates (internal/mailbox).
type MailboxRules interface {
	ValidateInput(in MessageInput, now time.Time) (MessageInput, time.Time, error)
	DedupKey(sender, body string) string
	Settings(s MailboxSettings) MailboxSettings
	ValidateSettings(s MailboxSettings) error
	NormalizeIMAP(c IMAPConfig) (IMAPConfig, error)
	ValidType(t string) bool
	IsOpen(state string) bool
	CheckTransition(from, to string) error
	AnswerState(forwardTo string) string
	OnTime(replied, due time.Time) bool
	DueDate(cal WorkingDays, received time.Time, s MailboxSettings, msgType string) time.Time
	DueBadge(cal WorkingDays, state string, due, today time.Time, stopped bool, replied time.Time) DueBadge
	Route(m MatchResult, topics TopicSections, threshold float64) MessageRoute
	// The workflow's steps (mailbox.Edit, Reroute, …): each refuses with the office's reason or says what changes.
	Edit(m Message, e MessageEdit) (Message, error)
	Reroute(m Message, in RerouteInput, topic TopicRef) (Message, error)
	CheckAssign(state string) error
	CheckBulkAssign(in BulkAssignInput) (BulkAssignInput, error)
	BulkRefusal(messageID int64, subject string, err error) error
	CheckStopInput(in ClockStopInput) (ClockStopInput, error)
	CheckStopOpinion(d ClockStopDecision) (ClockStopDecision, error)
	CheckResume(stoppedSince string) error
	CheckSubmit(m Message) error
	CheckForwardInput(in ForwardInput) (ForwardInput, error)
	CheckForwardSubmit(m Message) error
	CheckChosenSigner(actor CurrentUser, p Person, f ReviewFacts, what, self string) error
	Approve(u CurrentUser, m Message, f ReviewFacts, due, today time.Time) (ReplyApproval, error)
	CheckReturn(u CurrentUser, m Message, f ReviewFacts, opinion string) (string, error)
	CheckPublish(p PublicationPreview) error
	// CheckFilter checks an inbox filter and fills its defaults; CheckTopic a routing topic about to be saved;
	// CheckFetchConfig refuses to fetch before a mail server is set.
	CheckFilter(f MessageFilter) (MessageFilter, error)
	CheckTopic(t TopicRecord) (TopicRecord, error)
	CheckFetchConfig(c IMAPConfig) error
	CheckStopRequest(state string, due, today time.Time, stoppedSince string, pending StopRequest) error
	CheckStopDecision(u CurrentUser, r StopRequest, approve bool, state string, due, today time.Time, stoppedSince string) error
	ResumeClock(cal WorkingDays, due, stoppedSince, today time.Time) (time.Time, int)
	// The overdue message's banner: 催办, 延期申请 and the 超期说明 a late reply carries.
	CheckRemind(u CurrentUser, m Message, due, today, lastReminded time.Time) error
	CheckRemindInput(in RemindInput) (RemindInput, error)
	CheckExtensionInput(in ExtensionInput) (ExtensionInput, error)
	CheckExtensionRequest(m Message, today time.Time) error
	CheckExtensionDecision(u CurrentUser, m Message, d ExtensionDecision, today time.Time) (ExtensionDecision, error)
	ExtendDue(cal WorkingDays, due time.Time, days int) time.Time
	CheckLateNote(note string, due, today time.Time) (string, error)
	CheckTemplate(t ReplyTemplate) (ReplyTemplate, error)
	CheckReply(in ReplySubmission) (ReplySubmission, error)
	RenderReply(body string, v TemplateValues) RenderedReply
	Salutation(name string) string
	// Publication is what publishing a replied message puts on the website (personal data masked, the
	// bureau's public numbers kept) and what stops it.
	Publication(m Message, officePhones []string, kept []MaskKeep, tagged []TaggedWord) PublicationPreview
	// CheckMaskKeep checks a request to publish a masked item as written against the current preview.
	CheckMaskKeep(in MaskKeepInput, p PublicationPreview) (MaskKeep, error)
}

// DueBadge is a message's deadline as the inbox shows it.
type DueBadge struct {
	Status   string // pending / due_today / overdue / stopped / done
	Label    string
	Workdays int
}

// MessageRoute is the routing decision for a new message.
type MessageRoute struct {
	TopicID   int64
	TopicName string
	Score     float64
	SectionID int64
	State     string // 办理中 when routed, 待分办 otherwise
}

// TopicSections maps a matcher's topic ids to stored topics and their sections.
type TopicSections map[string]TopicRef

// TopicRef is the stored side of a matcher topic.
type TopicRef struct {
	ID        int64
	Name      string
	SectionID int64
}

// TemplateValues are a reply template's values for one message.
type TemplateValues struct {
	Salutation string // 称呼, e.g. 张先生/女士 or 网友
	Received   string // 收件日期, e.g. 2026年11月20日
	Section    string // 承办科室
	Phone      string // 联系电话 of the section
}

// ArrivedMail is a fetched mail as it is stored: the message it becomes and what only a mail has.
type ArrivedMail struct {
	Input       MessageInput // the message (mailbox.MailInput)
	UIDKey      string       // mailbox/UIDVALIDITY/UID on the server
	MessageID   string
	Sent        time.Time // the sender's Date header, zero when missing; shown, never used for the clock
	Attachments []MailFile
}

// MailFile is a file attached to a mail.
type MailFile struct {
	FileName string
	MimeType string
	Data     []byte
}

// ConsultationRules decide 征求意见 and the policies they are about (internal/consult).
type ConsultationRules interface {
	// NormalizeChannel and NormalizeCategory read a comment's channel and category as offices write them.
	NormalizeChannel(s string) (string, bool)
	NormalizeCategory(s string) (string, bool)
	// EarliestClose is the first day a comment period opened on open may close (30 days, DOMAIN.md).
	EarliestClose(cal WorkingDays, open time.Time) time.Time
	// CheckPeriod checks a proposed period; ValidateConsultation a consultation about to be saved.
	CheckPeriod(cal WorkingDays, openDate, closeDate string) (PeriodCheck, error)
	ValidateConsultation(cal WorkingDays, c Consultation) (PeriodCheck, error)
	// CheckPeriodChange checks an extension or reopening and returns the new closing day.
	CheckPeriodChange(c PeriodChange, oldClose string, today time.Time) (time.Time, error)
	// Deadlines are what a consultation puts on the dashboard today (its report due reportDueDays working days
	// after the close; enterpriseComments counts the comments of 企业 and 行业协会商会).
	Deadlines(cal WorkingDays, today time.Time, c Consultation, reportDueDays, enterpriseComments int) []Deadline
	// ReportDue fills the 采纳情况说明's due date and countdown of a closed consultation whose report is not
	// yet published (reportDueDays working days after the close).
	ReportDue(cal WorkingDays, today time.Time, c Consultation, reportDueDays int) Consultation
	// ClauseCount is the number of 条款 a version's text shows (its articles, or its top-level units).
	ClauseCount(clauses []Clause) int
	// SameReport says whether two texts of a 采纳情况说明 differ only in what is regenerated daily.
	SameReport(a, b string) bool
	// CheckReportPublication refuses to publish a 采纳情况说明 that is not ready, not signed or not checked.
	CheckReportPublication(f ReportFacts, so Signoff, findings []PrepubFinding) error
	// CheckPolicyMove decides whether a policy may move from one status to another.
	CheckPolicyMove(from string, c PolicyStatusChange, f PublicationFacts) error
	// The steps (consult.CheckComment, CheckDecision, …): each refuses with the office's reason.
	CheckComment(c Comment) (Comment, error)
	CheckDecision(d Decision) (Decision, error)
	CheckSplit(c Comment) error
	CheckMerge(m GroupMerge, members []Comment) error
	CheckListStatus(status string) error
	CheckOpen(p Policy, versionID, versionOwner int64) error
	CheckEdit(old, c Consultation, p Policy, versionOwner int64) error
	CheckPeriodKind(kind string, old Consultation) error
	CheckReportInput(p ReportPublication, closeDate string) (time.Time, string, error)
	ValidatePolicy(p Policy) error
	CheckPolicyTransition(from string, c PolicyStatusChange) (time.Time, error)
	CheckDelete(p Policy, linked bool) error
	CheckVersionDate(s string) (time.Time, error)
	// BuildReport counts a consultation's ledger and lists its opinions for the 采纳情况说明.
	BuildReport(l ConsultationLedger) FeedbackReport
}

// PublicationFacts are what CheckPolicyMove decides on.
type PublicationFacts struct {
	Disclosure        string   // 公开属性 of the policy
	OpenConsultations []string // open or not yet started consultations, as "开始日期至截止日期"
	UndecidedComments int      // comments of closed consultations without a decision
	ConsultExemption  string   // reason recorded for entering 审签 before the consultation is done, "" when none
	SignoffRound      int      // the policy's latest sign-off round, 0 when never submitted
	SignoffSteps      int      // steps in that round
	SignoffApproved   int      // steps of that round decided 同意
	SignoffReturned   bool     // a step of that round was 退回
}

// ConsultationLedger is what the 采纳情况说明 is built from.
type ConsultationLedger struct {
	BureauName   string
	Consultation Consultation
	SectionName  string
	Notices      []ConsultationNotice
	Clauses      []Clause // of the draft, in order
	Comments     []Comment
	Today        time.Time
	// Tagger finds the names the report's quotes of comments mask wherever they stand (nil: the cue rules only).
	Tagger NameTagger
}

// AccountRules decide sign-in, lockout, passwords and who manages accounts (internal/auth).
type AccountRules interface {
	// CheckManager refuses account management to anybody but an account administrator (admin: the actor's
	// active account administers accounts); the command line (系统, no person) may.
	CheckManager(actor CurrentUser, admin bool) error
	// CheckLogin trims a new account's login and refuses one of the wrong form; CheckHolder refuses an
	// account for a disabled person.
	CheckLogin(login string) (string, error)
	CheckHolder(p Person) error
	// CheckDisable and CheckAdminChange refuse an administrator stopping their own account or withdrawing
	// their own administration.
	CheckDisable(actor CurrentUser, personID int64, disabled bool) error
	CheckAdminChange(actor CurrentUser, personID int64, admin bool) error
	// CheckPassword refuses a password too weak for the login; CheckChange refuses a change whose old
	// password was wrong (oldCorrect false) or whose new one is too weak or equal to the old.
	CheckPassword(login, password string) error
	CheckChange(login string, oldCorrect bool, oldPassword, newPassword string) error
	// Hash and Verify keep passwords only as salted hashes; NeedsRehash says a hash's parameters are outdated.
	Hash(password string) (string, error)
	Verify(encoded, password string) bool
	NeedsRehash(encoded string) bool
	// CanTry refuses an attempt on a disabled or locked account; Failed counts a wrong password (and whether
	// it locked the account), FailureMessage says so; Succeeded and Reset clear the count.
	CanTry(s LoginState, now time.Time) error
	Failed(s LoginState, now time.Time) (LoginState, bool)
	FailureMessage(s LoginState, locked bool) error
	// ConfirmFailure is the refusal of a wrong password at 电子签名确认 (the lockout message when it locked).
	ConfirmFailure(s LoginState, locked bool) error
	Succeeded(s LoginState) LoginState
	Reset(s LoginState) LoginState
}

// LoginState is an account's sign-in state.
type LoginState struct {
	Disabled    bool
	FailedCount int
	LockedUntil time.Time // zero when not locked
	MustChange  bool
}

// SignoffRules decide sign-off rounds (internal/signoff).
type SignoffRules interface {
	// CheckSubmit refuses a round that cannot start: one already running, a record in the wrong state, a
	// 采纳情况说明 not ready.
	CheckSubmit(subjectType string, subj SignoffSubject, current Signoff) error
	// Assign resolves each configured step to its signer for a new round.
	Assign(steps []SignoffStep, subj SignoffSubject) ([]SignoffStep, error)
	// CheckSigner refuses a decision by anyone but the step's signer, a second step by one person, the author.
	CheckSigner(u CurrentUser, f SignerFacts) error
	// CheckSubject refuses a sign-off of anything but a policy, an interpretation or a 采纳情况说明.
	CheckSubject(subjectType string) error
	// ValidateSteps checks a sign-off configuration; CheckAction a decision on a step.
	ValidateSteps(steps []SignoffStep) error
	CheckAction(a SignoffAction) error
	// PendingStep is the step of the latest round waiting for a decision and whether it is the round's last;
	// it refuses a decision when no step waits.
	PendingStep(subj SignoffSubject, current Signoff) (SignoffApproval, bool, error)
}

// SettingsRules decide what 设置 keeps: the bureau's details, its sections with their heads and 分管领导
// (who sign by rule), its people and who uses the desk (internal/org).
type SettingsRules interface {
	// CheckBureau trims the bureau's details and refuses them without a name.
	CheckBureau(b Bureau) (Bureau, error)
	// CheckNumber refuses a whole-number setting, named label, outside [min, max].
	CheckNumber(label string, n, min, max int) error
	// CheckSection trims a section about to be saved and checks its head and 分管领导 as stored.
	CheckSection(s Section, f SectionFacts) (Section, error)
	// CheckSectionDelete refuses to delete a section with people or records.
	CheckSectionDelete(f Deletion) error
	// CheckPerson trims a person about to be saved and refuses one without a name, section or role.
	CheckPerson(p Person) (Person, error)
	// CheckPersonDelete refuses to delete the desk's current user or a person named by records.
	CheckPersonDelete(f Deletion) error
	// CheckCurrentUser refuses a disabled person as the desk's current user.
	CheckCurrentUser(p Person) error
}

// SectionFacts are what CheckSection decides on: the chosen head and 分管领导 as stored.
type SectionFacts struct {
	HeadFound     bool  // the head (Section.HeadID, when set) exists
	HeadSectionID int64 // the head's own section, 0 when none
	LeaderFound   bool  // the 分管领导 (Section.LeaderID, when set) exists
}

// Deletion is what the rules of deleting a section or a person decide on.
type Deletion struct {
	Name    string
	People  int  // people of the section
	Current bool // the person is the desk's current user
	InUse   bool // records name it (the database refused the delete for them)
}

// SignerSection is what the sign-off rules need of a record's drafting section.
type SignerSection struct {
	Name       string
	HeadID     int64
	HeadName   string
	LeaderID   int64
	LeaderName string
}

// SignoffSubject is what the sign-off rules need of the record submitted: a policy, an interpretation or a
// 采纳情况说明.
type SignoffSubject struct {
	Title      string
	Status     string
	AuthorID   int64 // who wrote it: the policy's drafter, the interpretation's author (0 when unknown)
	AuthorName string
	SectionID  int64
	Section    SignerSection // the drafting section, whose head and 分管领导 sign by rule
	Report     ReportFacts   // for a 采纳情况说明
	// DraftChanged: a 依申请公开 answer draft differs from the one its last round signed.
	DraftChanged bool
}

// SignerFacts are what CheckSigner decides on.
type SignerFacts struct {
	Step     SignoffApproval   // the step waiting for a decision; PersonID names its signer when set
	Round    []SignoffApproval // every step of the same round
	AuthorID int64             // who wrote the subject, 0 when unknown
}

// ReportFacts are what the rules of a 采纳情况说明 need.
type ReportFacts struct {
	Status    string // the consultation's status today
	Undecided int    // comments without a decision
	Generated bool   // the report text has been generated from the ledger
	// Changed: the text differs from the one submitted for sign-off (regenerated after a decision changed).
	Changed bool
}

// Pending is the first undecided step of the latest round, whether it is the round's last, and whether
// there is one at all.
func (so Signoff) Pending() (SignoffApproval, bool, bool) {
	if so.Returned || so.Complete {
		return SignoffApproval{}, false, false
	}
	for i, st := range so.Steps {
		if st.Decision == "" {
			return st, i == len(so.Steps)-1, true
		}
	}
	return SignoffApproval{}, false, false
}
