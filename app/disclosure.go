package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/export"
	"policydesk/internal/intake"
)

// DisclosureStore is what the 依申请公开 register needs of the store.
type DisclosureStore interface {
	DisclosureRequests(ctx context.Context, f core.DisclosureFilter) ([]core.DisclosureRequest, error)
	DisclosurePage(ctx context.Context, f core.DisclosureFilter) (core.DisclosurePage, error)
	DisclosureRequest(ctx context.Context, id int64) (core.DisclosureDetail, error)
	RegisterDisclosure(ctx context.Context, in core.DisclosureIntake) (core.DisclosureDetail, error)
	SendCorrection(ctx context.Context, id int64, sent, by, note string) (core.DisclosureDetail, error)
	ReceiveCorrection(ctx context.Context, id int64, date string) (core.DisclosureDetail, error)
	ExtendDisclosure(ctx context.Context, id int64, approver, reason string) (core.DisclosureDetail, error)
	AnswerDisclosure(ctx context.Context, a core.DisclosureAnswer) (core.DisclosureDetail, error)
	disclosure.AnnualSource
	ImportRegister(ctx context.Context, file string, rows []core.DisclosureRecord) (int, error)
	SaveRemedy(ctx context.Context, m core.DisclosureRemedy) (core.DisclosureDetail, error)
	ConsultThirdParty(ctx context.Context, in core.DisclosurePauseInput) (core.DisclosureDetail, error)
	SendFeeNotice(ctx context.Context, in core.DisclosurePauseInput) (core.DisclosureDetail, error)
	EndPause(ctx context.Context, kind string, in core.DisclosurePauseInput) (core.DisclosureDetail, error)
	AssignDisclosure(ctx context.Context, id, sectionID, handlerID int64) (core.DisclosureDetail, error)
	AddDisclosureNote(ctx context.Context, id int64, kind, date, text string) (core.DisclosureDetail, error)
	SaveAnswerDraft(ctx context.Context, id int64, outcome int, text string) (core.DisclosureDetail, error)
	SaveAnnualEdits(ctx context.Context, e core.AnnualEdits) (core.AnnualEdits, error)
	LetterTemplates(ctx context.Context) (map[string]core.LetterTemplate, error)
	SaveLetterTemplate(ctx context.Context, kind, body string) (core.LetterTemplate, error)
	ResetLetterTemplate(ctx context.Context, kind string) error
}

// DisclosureService is the 依申请公开 register's bridge: intake with the channel's receipt-date rule, the
// statutory clock (补正, extension, answer) and table 三 of the annual report. The rules live in
// internal/disclosure; the store applies them in its transactions.
type DisclosureService struct {
	ctx       context.Context
	store     DisclosureStore
	exportDir string
	clock     core.Clock
	emit      Emitter
}

// NewDisclosureService returns the register's service; letters are written into exportDir.
func NewDisclosureService(store DisclosureStore, exportDir string, clock core.Clock, emit Emitter) *DisclosureService {
	return &DisclosureService{ctx: context.Background(), store: store, exportDir: exportDir, clock: clock, emit: emit}
}

// startup keeps the Wails context.
func (s *DisclosureService) startup(ctx context.Context) { s.ctx = ctx }

// DisclosureOptions are the register's value lists.
type DisclosureOptions struct {
	Channels       []string `json:"channels"`
	ApplicantTypes []string `json:"applicantTypes"` // the report's columns, 总计 left out
	Outcomes       []string `json:"outcomes"`       // the report's rows of 三、本年度办理结果, in statutory order
	AnswerMethods  []string `json:"answerMethods"`
	Letters        []string `json:"letters"` // the procedural letters that can be generated
	RemedyKinds    []string `json:"remedyKinds"`
	RemedyResults  []string `json:"remedyResults"`
	OpinionResults []string `json:"opinionResults"` // a third party's opinion
	FeeBases       []string `json:"feeBases"`       // 按件 / 按量
	NoteKinds      []string `json:"noteKinds"`      // 会商 / 法律顾问意见
}

// Options lists channels, applicant types, the statutory outcomes and the ways of delivery.
func (s *DisclosureService) Options() (DisclosureOptions, error) {
	return nonNil(DisclosureOptions{Channels: core.DisclosureChannels, ApplicantTypes: disclosure.Columns[:len(disclosure.Columns)-1],
		Outcomes: disclosure.Outcomes, AnswerMethods: core.DisclosureAnswerMethods, Letters: disclosure.Letters,
		RemedyKinds: disclosure.RemedyKinds, RemedyResults: disclosure.Table4Results[:4], OpinionResults: disclosure.ThirdPartyResults,
		FeeBases: disclosure.FeeBases, NoteKinds: disclosure.NoteKinds}, nil)
}

// ListRequests lists one page of the register (f.Offset, f.Limit; at most 200 rows a page), newest receipt
// first, with the number of requests the filter selects.
func (s *DisclosureService) ListRequests(f core.DisclosureFilter) (core.DisclosurePage, error) {
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 200
	}
	return nonNil(s.store.DisclosurePage(s.ctx, f))
}

// GetRequest returns one application with its history.
func (s *DisclosureService) GetRequest(id int64) (core.DisclosureDetail, error) {
	return nonNil(s.store.DisclosureRequest(s.ctx, id))
}

// Register records a new application and gives it its case number.
func (s *DisclosureService) Register(in core.DisclosureIntake) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.RegisterDisclosure(s.ctx, in)))
}

// SendCorrection records the 补正告知书 sent on sent, with the applicant's deadline by.
func (s *DisclosureService) SendCorrection(id int64, sent, by, note string) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.SendCorrection(s.ctx, id, sent, by, note)))
}

// ReceiveCorrection records the day the applicant's correction arrived: the clock starts again from it.
func (s *DisclosureService) ReceiveCorrection(id int64, date string) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.ReceiveCorrection(s.ctx, id, date)))
}

// Extend records the extension of at most 20 working days approved by the office's head; it is an
// approval, so it asks for the electronic signature.
func (s *DisclosureService) Extend(id int64, approver, reason string) (core.DisclosureDetail, error) {
	if err := signature(s.ctx); err != nil {
		return core.DisclosureDetail{}, err
	}
	return nonNil(s.changed(s.store.ExtendDisclosure(s.ctx, id, approver, reason)))
}

// Answer records the answer: its statutory outcome, date, way of delivery and reference.
func (s *DisclosureService) Answer(a core.DisclosureAnswer) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.AnswerDisclosure(s.ctx, a)))
}

// ConsultThirdParty records the 第三方意见征询函 sent: the answer period stops until the opinion arrives (15
// working days at most).
func (s *DisclosureService) ConsultThirdParty(in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.ConsultThirdParty(s.ctx, in)))
}

// RecordOpinion records the third party's opinion: the answer period resumes.
func (s *DisclosureService) RecordOpinion(in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.EndPause(s.ctx, core.PauseThirdParty, in)))
}

// SendFeeNotice records the 收费通知书 sent with the fee by the tiers of 109号: the answer period stops until
// payment.
func (s *DisclosureService) SendFeeNotice(in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.SendFeeNotice(s.ctx, in)))
}

// RecordPayment records the applicant's payment of the fee: the answer period resumes.
func (s *DisclosureService) RecordPayment(in core.DisclosurePauseInput) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.EndPause(s.ctx, core.PauseFee, in)))
}

// Assign gives the request to a section and, optionally, a person of it (分办).
func (s *DisclosureService) Assign(id, sectionID, handlerID int64) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.AssignDisclosure(s.ctx, id, sectionID, handlerID)))
}

// AddNote records a 会商 or the legal adviser's opinion on the request.
func (s *DisclosureService) AddNote(id int64, kind, date, text string) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.AddDisclosureNote(s.ctx, id, kind, date, text)))
}

// SaveDraft records the answer drafted for sign-off (答复类型 and 答复要点); only a signed draft is sent.
func (s *DisclosureService) SaveDraft(id int64, outcome int, text string) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.SaveAnswerDraft(s.ctx, id, outcome, text)))
}

// ProactiveSuggestions lists information that several disclosed requests received in the year (all years
// when 0) asked for: candidates for 主动公开 (条例第四十四条).
func (s *DisclosureService) ProactiveSuggestions(year int) ([]core.ProactiveSuggestion, error) {
	rs, err := s.store.DisclosureRequests(s.ctx, core.DisclosureFilter{Year: year})
	if err != nil {
		return []core.ProactiveSuggestion{}, err
	}
	return nonNil(disclosure.SuggestFromRegister(rs), nil)
}

// SaveRemedy records or updates a 行政复议 or 行政诉讼 brought over an answer, for table 四.
func (s *DisclosureService) SaveRemedy(m core.DisclosureRemedy) (core.DisclosureDetail, error) {
	return nonNil(s.changed(s.store.SaveRemedy(s.ctx, m)))
}

// AnnualTable4 builds table 四 of the year's report from the remedies filed in it.
func (s *DisclosureService) AnnualTable4(year int) (core.DisclosureTable4, error) {
	return nonNil(disclosure.ReadAnnualTable4(s.ctx, s.store, year))
}

// AnnualTable builds table 三 of the year's 政府信息公开工作年度报告 from the register.
func (s *DisclosureService) AnnualTable(year int) (core.DisclosureTable, error) {
	return nonNil(disclosure.ReadAnnualTable(s.ctx, s.store, year))
}

// AnnualReport drafts the year's 政府信息公开工作年度报告 from the records: the six sections' text and tables
// 二（第二十条第（一）项）, 三 and 四.
func (s *DisclosureService) AnnualReport(year int) (core.AnnualReport, error) {
	return nonNil(disclosure.ReadAnnualReport(s.ctx, s.store, year))
}

// SaveAnnualEdits records what the office adds to a year's report: table 二's figures the records do not hold
// with their source, the 总体情况 as edited, and when and where the report was published.
func (s *DisclosureService) SaveAnnualEdits(e core.AnnualEdits) (core.AnnualEdits, error) {
	out, err := s.store.SaveAnnualEdits(s.ctx, e)
	if err == nil {
		s.emit(EventDisclosureChanged, 0)
	}
	return nonNil(out, err)
}

// ExportAnnualReport writes the year's report as DOCX (to file and sign off) or self-contained HTML (for the
// website) into dir (the exports folder when empty).
func (s *DisclosureService) ExportAnnualReport(year int, format, dir string) (ExportedFile, error) {
	write, ok := map[string]func(string, export.Document) error{"docx": export.WriteDOCX, "html": export.WriteHTML}[format]
	if !ok {
		return ExportedFile{}, core.FieldErrorf(core.EINVALID, "format", "导出格式只能是 DOCX 或 HTML")
	}
	r, err := disclosure.ReadAnnualReport(s.ctx, s.store, year)
	if err != nil {
		return ExportedFile{}, err
	}
	if dir == "" {
		dir = s.exportDir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ExportedFile{}, core.Errorf(core.EINVALID, "无法创建导出文件夹%s", dir)
	}
	path := filepath.Join(dir, safeFileName(r.Title)+"."+format)
	if err := write(path, disclosure.AnnualReportDocument(r)); err != nil {
		return ExportedFile{}, exportFailed(path, err)
	}
	return ExportedFile{Kind: format, Name: filepath.Base(path), Path: path}, nil
}

// ExportLetter writes one procedural letter of an application (受理回执, 补正告知书, 延期答复告知书, 答复书) as
// DOCX into dir (the exports folder when empty).
func (s *DisclosureService) ExportLetter(id int64, kind, dir string) (ExportedFile, error) {
	d, err := s.store.DisclosureRequest(s.ctx, id)
	if err != nil {
		return ExportedFile{}, err
	}
	b, err := s.store.Issuer(s.ctx)
	if err != nil {
		return ExportedFile{}, err
	}
	r := d.Request
	note := ""
	reason := ""
	// the events' notes read "补正期限…；事项" and "经…同意延长20个工作日；理由"
	after := func(note string) string {
		_, rest, _ := strings.Cut(note, "；")
		return strings.TrimSpace(rest)
	}
	for _, e := range d.Events {
		switch e.Kind {
		case "补正告知":
			note = after(e.Note)
		case "延期":
			reason = after(e.Note)
		}
	}
	if r.Extended && reason == "" {
		reason = "情况复杂，需要进一步核实"
	}
	facts := disclosure.LetterFacts{}
	// the latest consultation and fee notice are the ones their letters state
	for _, p := range r.Pauses {
		switch p.Kind {
		case core.PauseThirdParty:
			facts.ThirdParty, facts.ThirdPartyDue = p.Party, p.Due
			if kind == disclosure.LetterThirdParty {
				facts.SentOn = p.Started
			}
		case core.PauseFee:
			facts.FeeBasis, facts.FeeCount, facts.FeeBefore, facts.FeeAmount, facts.FeeDue = p.FeeBasis, p.FeeCount, p.FeeBefore, p.FeeAmount, p.Due
			if kind == disclosure.LetterFee {
				facts.SentOn = p.Started
			}
		}
	}
	contact := strings.TrimSpace(strings.Join([]string{b.Address, b.Phone}, "　"))
	facts.Bureau, facts.Contact, facts.CaseNo, facts.Applicant, facts.Content = b.Name, contact, r.CaseNo, r.Applicant, r.Content
	facts.Received, facts.Due, facts.CorrectionNote, facts.CorrectionBy, facts.ExtensionReason = r.Received, r.Due, note, r.CorrectionBy, reason
	facts.Outcome, facts.AnswerText, facts.AnswerDate, facts.Method = r.Outcome, r.AnswerText, r.AnswerDate, r.AnswerMethod
	facts.Today = s.clock.Now().In(core.Shanghai).Format("2006-01-02")
	templates, err := s.letterTexts()
	if err != nil {
		return ExportedFile{}, err
	}
	doc, err := disclosure.LetterFrom(kind, facts, templates)
	if err != nil {
		return ExportedFile{}, core.Errorf(core.EFORBID, "%s", err.Error())
	}
	if dir == "" {
		dir = s.exportDir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ExportedFile{}, core.Errorf(core.EINVALID, "无法创建导出文件夹%s", dir)
	}
	path := filepath.Join(dir, safeFileName(strings.NewReplacer("〔", "", "〕", "").Replace(r.CaseNo)+kind)+".docx")
	if err := export.WriteDOCX(path, doc); err != nil {
		return ExportedFile{}, exportFailed(path, err)
	}
	return ExportedFile{Kind: "docx", Name: filepath.Base(path), Path: path}, nil
}

// LetterTemplates lists the letters' texts in procedural order, each as the office edited it or built in, with
// the placeholders it may use.
func (s *DisclosureService) LetterTemplates() ([]core.LetterTemplate, error) {
	stored, err := s.store.LetterTemplates(s.ctx)
	if err != nil {
		return []core.LetterTemplate{}, err
	}
	out := []core.LetterTemplate{}
	for _, kind := range disclosure.TemplateKinds {
		out = append(out, withBuiltin(kind, stored[kind]))
	}
	return nonNil(out, nil)
}

// SaveLetterTemplate records the office's text of a letter; an unknown placeholder, or a refusal that names
// 行政诉讼 before 行政复议, is refused.
func (s *DisclosureService) SaveLetterTemplate(kind, body string) (core.LetterTemplate, error) {
	t, err := s.store.SaveLetterTemplate(s.ctx, kind, body)
	if err != nil {
		return core.LetterTemplate{}, err
	}
	return nonNil(withBuiltin(kind, t), nil)
}

// ResetLetterTemplate returns a letter to its built-in text.
func (s *DisclosureService) ResetLetterTemplate(kind string) (core.LetterTemplate, error) {
	if _, err := disclosure.CheckTemplate(kind, disclosure.BuiltinTemplate(kind)); err != nil {
		return core.LetterTemplate{}, err
	}
	if err := s.store.ResetLetterTemplate(s.ctx, kind); err != nil {
		return core.LetterTemplate{}, err
	}
	return nonNil(withBuiltin(kind, core.LetterTemplate{}), nil)
}

func withBuiltin(kind string, t core.LetterTemplate) core.LetterTemplate {
	t.Kind, t.Builtin, t.Placeholders = kind, disclosure.BuiltinTemplate(kind), disclosure.Placeholders(kind)
	if !t.Edited {
		t.Body = t.Builtin
	}
	return t
}

// letterTexts are the edited letters by kind, for LetterFrom.
func (s *DisclosureService) letterTexts() (map[string]string, error) {
	stored, err := s.store.LetterTemplates(s.ctx)
	out := map[string]string{}
	for k, t := range stored {
		out[k] = t.Body
	}
	return out, err
}

// RegisterPreview is what an imported 登记台账 holds, or why it cannot be imported.
type RegisterPreview struct {
	FileName string           `json:"fileName"`
	Rows     int              `json:"rows"`
	Answered int              `json:"answered"`
	Open     int              `json:"open"`
	From     string           `json:"from"` // the earliest 收到日期
	To       string           `json:"to"`
	Errors   []string         `json:"errors"` // every row's problem; the file is imported only without any
	Sample   []RegisterSample `json:"sample"` // the first rows as they will be recorded
}

// RegisterSample is one row of a register as it will be recorded.
type RegisterSample struct {
	No            string `json:"no"`
	Received      string `json:"received"`
	Applicant     string `json:"applicant"`
	ApplicantType string `json:"applicantType"`
	Outcome       string `json:"outcome"`
	Answered      string `json:"answered"`
}

// PreviewRegisterData reads an existing 登记台账 picked in the browser (base64) and says what it holds or,
// row by row, what is wrong with it.
func (s *DisclosureService) PreviewRegisterData(fileName, dataBase64 string) (RegisterPreview, error) {
	rows, errs, err := s.readRegister(fileName, dataBase64)
	if err != nil {
		return RegisterPreview{}, err
	}
	p := RegisterPreview{FileName: fileName, Errors: []string{}, Sample: []RegisterSample{}}
	for _, e := range errs {
		p.Errors = append(p.Errors, e.Error())
	}
	for _, r := range rows {
		p.Rows++
		day := r.Received.Format("2006-01-02")
		if p.From == "" || day < p.From {
			p.From = day
		}
		if day > p.To {
			p.To = day
		}
		sample := RegisterSample{No: r.No, Received: day, Applicant: r.Applicant, ApplicantType: disclosure.Columns[r.Column], Outcome: "办理中"}
		if r.Outcome >= 0 {
			p.Answered++
			sample.Outcome, sample.Answered = disclosure.Outcomes[r.Outcome], r.Answered.Format("2006-01-02")
		} else {
			p.Open++
		}
		if len(p.Sample) < 10 {
			p.Sample = append(p.Sample, sample)
		}
	}
	return nonNil(p, nil)
}

// ImportRegisterData imports an existing 登记台账 whole, or nothing when any row is wrong.
func (s *DisclosureService) ImportRegisterData(fileName, dataBase64 string) (int, error) {
	rows, errs, err := s.readRegister(fileName, dataBase64)
	if err != nil {
		return 0, err
	}
	if len(errs) > 0 {
		return 0, core.Errorf(core.EIMPORT, "%s 有%d行不符合要求（%s），整个文件未导入", fileName, len(errs), errs[0].Error())
	}
	n, err := s.store.ImportRegister(s.ctx, fileName, rows)
	if err == nil {
		s.emit(EventDisclosureChanged, 0)
	}
	return n, err
}

func (s *DisclosureService) readRegister(fileName, dataBase64 string) ([]disclosure.ParsedRow, []error, error) {
	data, err := decodeUpload(fileName, dataBase64)
	if err != nil {
		return nil, nil, err
	}
	rows, errs, err := intake.ReadRegister(fileName, data)
	if err != nil && core.ErrorCode(err) == core.EINTERNAL {
		err = core.Errorf(core.EIMPORT, "%s", err.Error())
	}
	return rows, errs, err
}

func (s *DisclosureService) changed(d core.DisclosureDetail, err error) (core.DisclosureDetail, error) {
	if err == nil {
		s.emit(EventDisclosureChanged, d.Request.ID)
	}
	return d, err
}
