package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"policydesk/internal/consult"
	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/intake"
)

// ConsultationStore is what the 征求意见 bridge needs from storage.
type ConsultationStore interface {
	core.ConsultationStore
	Now() time.Time
	AllComments(ctx context.Context, consultationID int64) ([]core.Comment, error)
	ReportDueWorkdays(ctx context.Context) (int, error)
	SetReportDueWorkdays(ctx context.Context, n int) (int, error)
}

// ConsultationService is the 征求意见 bridge: consultations, comments (entered, imported, grouped, decided)
// and the 意见收集采纳情况说明 with its exports.
type ConsultationService struct {
	ctx       context.Context
	store     ConsultationStore
	exportDir string
	emit      Emitter

	imports *jobRunner // a comment file's import; shared by the per-call copies (see Scoped)
}

// NewConsultationService wraps the consultation store; exports go to exportDir unless a directory is given.
func NewConsultationService(store ConsultationStore, exportDir string, emit Emitter) *ConsultationService {
	return &ConsultationService{ctx: context.Background(), store: store, exportDir: exportDir, emit: emit, imports: &jobRunner{}}
}

// StopConsultations cancels a running comment import and waits for it to end; main calls it on shutdown. It
// is a function rather than a method so that Wails does not offer it to the frontend.
func StopConsultations(s *ConsultationService) {
	s.imports.stop()
	s.imports.wait()
}

// startup keeps the Wails context.
func (s *ConsultationService) startup(ctx context.Context) { s.ctx = ctx }

// ConsultationOptions are the value lists of the 征求意见 forms.
type ConsultationOptions struct {
	Channels            []string `json:"channels"`
	CommenterCategories []string `json:"commenterCategories"`
	Decisions           []string `json:"decisions"`
	Statuses            []string `json:"statuses"`
	MinCommentDays      int      `json:"minCommentDays"`
}

// Options lists channels, commenter categories, decisions and statuses.
func (s *ConsultationService) Options() (ConsultationOptions, error) {
	return nonNil(ConsultationOptions{Channels: core.Channels, CommenterCategories: core.CommenterCategories, Decisions: core.Decisions,
		Statuses: []string{core.ConsultationPending, core.ConsultationOpen, core.ConsultationClosed}, MinCommentDays: core.MinCommentDays}, nil)
}

// consultationChanged passes a result through, announcing a successful change with the record's id.
func consultationChanged[T any](s *ConsultationService, event string, id int64, v T, err error) (T, error) {
	if err == nil {
		s.emit(event, id)
	}
	return v, err
}

// ListConsultations lists consultations, filtered and paged.
func (s *ConsultationService) ListConsultations(f core.ConsultationFilter) (core.ConsultationPage, error) {
	return nonNil(s.store.Consultations(s.ctx, f))
}

// GetConsultation returns a consultation with its history and the draft's clauses.
func (s *ConsultationService) GetConsultation(id int64) (core.ConsultationDetail, error) {
	return nonNil(s.store.Consultation(s.ctx, id))
}

// CheckPeriod gives the close-date picker the earliest lawful close date and whether a reason is needed.
func (s *ConsultationService) CheckPeriod(openDate, closeDate string) (core.PeriodCheck, error) {
	return s.store.CheckPeriod(s.ctx, openDate, closeDate)
}

// SaveConsultation opens (id 0) or edits a consultation.
func (s *ConsultationService) SaveConsultation(c core.Consultation) (core.Consultation, error) {
	out, err := s.store.SaveConsultation(s.ctx, c)
	if err == nil {
		s.emit(EventPoliciesChanged, out.PolicyID) // opening one moves the policy to 征求意见
	}
	return nonNil(consultationChanged(s, EventConsultationsChanged, out.ID, out, err))
}

// ExtendConsultation moves the close date later, with a reason kept as a notice.
func (s *ConsultationService) ExtendConsultation(c core.PeriodChange) (core.Consultation, error) {
	out, err := s.store.ExtendConsultation(s.ctx, c)
	return nonNil(consultationChanged(s, EventConsultationsChanged, c.ConsultationID, out, err))
}

// ReopenConsultation opens a closed consultation again, with a reason kept as a notice.
func (s *ConsultationService) ReopenConsultation(c core.PeriodChange) (core.Consultation, error) {
	out, err := s.store.ReopenConsultation(s.ctx, c)
	return nonNil(consultationChanged(s, EventConsultationsChanged, c.ConsultationID, out, err))
}

// ListComments lists a consultation's comments, filtered and paged.
func (s *ConsultationService) ListComments(f core.CommentFilter) (core.CommentPage, error) {
	return nonNil(s.store.Comments(s.ctx, f))
}

// SaveComment records (id 0) or corrects a comment entered by hand.
func (s *ConsultationService) SaveComment(c core.Comment) (core.Comment, error) {
	out, err := s.store.SaveComment(s.ctx, c)
	return nonNil(consultationChanged(s, EventCommentsChanged, c.ConsultationID, out, err))
}

// DeleteComment deletes a comment recorded by mistake.
func (s *ConsultationService) DeleteComment(consultationID, commentID int64) error {
	_, err := consultationChanged(s, EventCommentsChanged, consultationID, struct{}{}, s.store.DeleteComment(s.ctx, commentID))
	return err
}

// ChooseFile opens the native file dialog; "" means the user cancelled.
func (s *ConsultationService) ChooseFile(title string, filters []FileFilter) (string, error) {
	return chooseFile(s.ctx, title, filters)
}

// ChooseDirectory opens the native folder dialog for exports; "" means the user cancelled.
func (s *ConsultationService) ChooseDirectory(title string) (string, error) {
	dir, err := runtime.OpenDirectoryDialog(s.ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: s.exportDir, CanCreateDirectories: true})
	if err != nil {
		return "", fmt.Errorf("open directory dialog: %w", err)
	}
	return dir, nil
}

// PreviewImportFile shows what importing a comment sheet (.xlsx/.csv) would do; req.FileName is taken from the path.
func (s *ConsultationService) PreviewImportFile(req core.ImportRequest, path string) (core.ImportPreview, error) {
	name, data, err := readChosenFile(path)
	if err != nil {
		return core.ImportPreview{}, err
	}
	req.FileName = name
	c, err := s.readComments(req, data)
	return nonNil(c.Preview, err)
}

// ApplyImportFile imports every row of a comment sheet, or nothing if any row is invalid, then regroups.
func (s *ConsultationService) ApplyImportFile(req core.ImportRequest, path string) (core.ImportResult, error) {
	name, data, err := readChosenFile(path)
	if err != nil {
		return core.ImportResult{}, err
	}
	req.FileName = name
	return nonNil(s.importComments(req, data))
}

// PreviewImportData is PreviewImportFile for a file picked in the browser (req.FileName and base64 content).
func (s *ConsultationService) PreviewImportData(req core.ImportRequest, dataBase64 string) (core.ImportPreview, error) {
	data, err := decodeUpload(req.FileName, dataBase64)
	if err != nil {
		return core.ImportPreview{}, err
	}
	c, err := s.readComments(req, data)
	return nonNil(c.Preview, err)
}

// ApplyImportData is ApplyImportFile for a file picked in the browser (req.FileName and base64 content).
func (s *ConsultationService) ApplyImportData(req core.ImportRequest, dataBase64 string) (core.ImportResult, error) {
	data, err := decodeUpload(req.FileName, dataBase64)
	if err != nil {
		return core.ImportResult{}, err
	}
	return nonNil(s.importComments(req, data))
}

// readComments reads a comment file and checks its rows against the consultation's draft (internal/intake).
func (s *ConsultationService) readComments(req core.ImportRequest, data []byte) (intake.Comments, error) {
	paths, err := s.store.CommentImportClauses(s.ctx, req.ConsultationID)
	if err != nil {
		return intake.Comments{}, err
	}
	return intake.ReadComments(req, data, paths, s.store.Now())
}

// importComments stores a comment file whose every row holds, or refuses it whole. It runs on the import's
// job runner, reading the file included: progress arrives as EventCommentImportProgress and CancelImport ends
// it with nothing imported.
func (s *ConsultationService) importComments(req core.ImportRequest, data []byte) (core.ImportResult, error) {
	var c intake.Comments
	var out core.ImportResult
	err := s.imports.runImport(s.ctx, s.emit, EventCommentImportProgress, req.FileName, "意见",
		func(ctx context.Context, report func(core.ImportProgress)) (bool, error) {
			var err error
			if c, err = s.readComments(req, data); err == nil {
				err = c.Err()
			}
			if err == nil {
				err = ctx.Err() // cancelled while the file was read
			}
			if err != nil {
				return false, err
			}
			out, err = s.store.ImportComments(ctx, req.ConsultationID, c.File(), c.Rows, report)
			return out.BatchID != 0, err
		})
	out.Warnings = c.Preview.Warnings
	return nonNil(consultationChanged(s, EventCommentsChanged, req.ConsultationID, out, err))
}

// CancelImport stops the comment import that is running; nothing of its file is kept. It reports whether one
// was running.
func (s *ConsultationService) CancelImport() (bool, error) { return nonNil(s.imports.stop(), nil) }

// Regroup groups near-duplicate comments again (groups staff split or merged are kept).
func (s *ConsultationService) Regroup(consultationID int64) (core.GroupingResult, error) {
	out, err := s.store.Regroup(s.ctx, consultationID)
	return nonNil(consultationChanged(s, EventCommentsChanged, consultationID, out, err))
}

// ListGroups lists the groups of near-duplicate comments, largest first.
func (s *ConsultationService) ListGroups(consultationID int64) ([]core.CommentGroup, error) {
	return nonNil(s.store.Groups(s.ctx, consultationID))
}

// SplitComment takes a comment out of its group.
func (s *ConsultationService) SplitComment(commentID int64) (core.Comment, error) {
	out, err := s.store.SplitComment(s.ctx, commentID)
	return nonNil(consultationChanged(s, EventCommentsChanged, out.ConsultationID, out, err))
}

// MergeGroups joins groups and single comments into one group.
func (s *ConsultationService) MergeGroups(m core.GroupMerge) (core.CommentGroup, error) {
	out, err := s.store.MergeGroups(s.ctx, m)
	return nonNil(consultationChanged(s, EventCommentsChanged, m.ConsultationID, out, err))
}

// Decide records the decision on a comment or on every member of a group.
func (s *ConsultationService) Decide(d core.Decision) ([]core.Comment, error) {
	out, err := s.store.Decide(s.ctx, d)
	id := int64(0)
	if len(out) > 0 {
		id = out[0].ConsultationID
	}
	return nonNil(consultationChanged(s, EventCommentsChanged, id, out, err))
}

// GenerateReport builds the 意见收集采纳情况说明 from the ledger (Warnings lists what to fix before publishing).
func (s *ConsultationService) GenerateReport(consultationID int64) (core.FeedbackReport, error) {
	return nonNil(s.store.Report(s.ctx, consultationID))
}

// PublishReport records the report's publication date and website URL.
func (s *ConsultationService) PublishReport(p core.ReportPublication) (core.Consultation, error) {
	if err := signature(s.ctx); err != nil {
		return core.Consultation{}, err
	}
	out, err := s.store.PublishReport(s.ctx, p)
	return nonNil(consultationChanged(s, EventConsultationsChanged, p.ConsultationID, out, err))
}

// GetReportDueWorkdays is how many working days after closing the report should be published.
func (s *ConsultationService) GetReportDueWorkdays() (int, error) {
	return s.store.ReportDueWorkdays(s.ctx)
}

// SetReportDueWorkdays changes that number.
func (s *ConsultationService) SetReportDueWorkdays(n int) (int, error) {
	out, err := s.store.SetReportDueWorkdays(s.ctx, n)
	return consultationChanged(s, EventConsultationsChanged, 0, out, err)
}

// ExportedFile is a file an export wrote.
type ExportedFile struct {
	Kind string `json:"kind"` // docx / html / xlsx
	Name string `json:"name"`
	Path string `json:"path"`
}

// ExportReportDOCX writes the report as DOCX (for sign-off) into dir ("" = the export folder).
func (s *ConsultationService) ExportReportDOCX(consultationID int64, dir string) (ExportedFile, error) {
	return s.exportReport(consultationID, dir, "docx", export.WriteDOCX)
}

// ExportReportHTML writes the report as one self-contained HTML page (for the website) into dir.
func (s *ConsultationService) ExportReportHTML(consultationID int64, dir string) (ExportedFile, error) {
	return s.exportReport(consultationID, dir, "html", export.WriteHTML)
}

// ExportLedgerXLSX writes the full comment ledger (every comment with its decision) into dir.
func (s *ConsultationService) ExportLedgerXLSX(consultationID int64, dir string) (ExportedFile, error) {
	r, err := s.store.Report(s.ctx, consultationID)
	if err != nil {
		return ExportedFile{}, err
	}
	comments, err := s.store.AllComments(s.ctx, consultationID)
	if err != nil {
		return ExportedFile{}, err
	}
	path, err := s.exportPath(dir, r, "征求意见台账", "xlsx")
	if err != nil {
		return ExportedFile{}, err
	}
	if err := export.WriteXLSX(path, LedgerTables(r, comments)...); err != nil {
		return ExportedFile{}, exportFailed(path, err)
	}
	return ExportedFile{Kind: "xlsx", Name: filepath.Base(path), Path: path}, nil
}

// ExportAll writes the report as DOCX and HTML and the ledger as XLSX into dir.
func (s *ConsultationService) ExportAll(consultationID int64, dir string) ([]ExportedFile, error) {
	var out []ExportedFile
	for _, f := range []func(int64, string) (ExportedFile, error){s.ExportReportDOCX, s.ExportReportHTML, s.ExportLedgerXLSX} {
		file, err := f(consultationID, dir)
		if err != nil {
			return nonNil(out, err)
		}
		out = append(out, file)
	}
	return nonNil(out, nil)
}

func (s *ConsultationService) exportReport(id int64, dir, ext string, write func(string, export.Document) error) (ExportedFile, error) {
	r, err := s.store.Report(s.ctx, id)
	if err != nil {
		return ExportedFile{}, err
	}
	path, err := s.exportPath(dir, r, "意见收集采纳情况说明", ext)
	if err != nil {
		return ExportedFile{}, err
	}
	if err := write(path, consult.ReportDocument(r)); err != nil {
		return ExportedFile{}, exportFailed(path, err)
	}
	return ExportedFile{Kind: ext, Name: filepath.Base(path), Path: path}, nil
}

// exportPath names an export after the policy and the day: 《title》意见收集采纳情况说明-20261120.docx.
func (s *ConsultationService) exportPath(dir string, r core.FeedbackReport, what, ext string) (string, error) {
	if dir == "" {
		dir = s.exportDir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", core.Errorf(core.EINVALID, "无法创建导出文件夹%s", dir)
	}
	name := fmt.Sprintf("%s%s-%s.%s", safeFileName(strings.Trim(r.PolicyTitle, "《》")), what, strings.ReplaceAll(r.Date, "-", ""), ext)
	return filepath.Join(dir, name), nil
}

func exportFailed(path string, err error) error {
	return fmt.Errorf("export %s: %w", path, err)
}

// safeFileName makes a title a file name: no control or bidi characters, none that file systems refuse.
func safeFileName(s string) string { return export.SafeFileName(s, "未命名") }

// LedgerTables lays out the comment ledger: every comment with its decision, and the counts.
func LedgerTables(r core.FeedbackReport, comments []core.Comment) []export.Table {
	ledger := export.Table{Sheet: "意见台账", Title: "《" + strings.Trim(r.PolicyTitle, "《》") + "》征求意见台账(" + r.OpenDate + "至" + r.CloseDate + ")",
		Headers: []string{"序号", "收到日期", "反馈渠道", "提出人", "提出主体类别", "联系方式", "涉及条款", "意见内容", "归并组", "组内意见数",
			"处理结果", "理由", "答复", "处理人", "处理时间", "导入批次", "源文件行号"}}
	for i, c := range comments {
		group, batch, row := "", "", ""
		if c.GroupID != 0 {
			group = fmt.Sprint(c.GroupID)
		}
		if c.BatchID != 0 {
			batch, row = fmt.Sprint(c.BatchID), fmt.Sprint(c.SourceRow)
		}
		decision := c.Decision
		if decision == "" {
			decision = "尚未处理"
		}
		ledger.Rows = append(ledger.Rows, []string{fmt.Sprint(i + 1), c.ReceivedDate, c.Channel, c.Commenter, c.Category, c.Contact,
			strings.Join(c.Clauses, "、"), c.Body, group, fmt.Sprint(c.GroupSize), decision, c.Reason, c.Response, c.DecidedBy, c.DecidedAt, batch, row})
	}
	stats := export.Table{Sheet: "统计", Headers: []string{"分类", "项目", "意见数(条)"}}
	for _, part := range []struct {
		name string
		rows []core.CountRow
	}{{"提出主体", r.ByCategory}, {"反馈渠道", r.ByChannel}, {"处理结果", r.ByDecision}} {
		for _, row := range part.rows {
			stats.Rows = append(stats.Rows, []string{part.name, row.Label, fmt.Sprint(row.Count)})
		}
	}
	for _, c := range r.Clauses {
		stats.Rows = append(stats.Rows, []string{"涉及条款", c.Path, fmt.Sprint(c.Total)})
	}
	return []export.Table{ledger, stats}
}

// FileFilter is a file-type filter of the open dialog, e.g. {"表格文件", "*.xlsx;*.csv"}.
type FileFilter struct {
	DisplayName string `json:"displayName"`
	Pattern     string `json:"pattern"`
}

// chooseFile opens the native file dialog; "" means the user cancelled.
func chooseFile(ctx context.Context, title string, filters []FileFilter) (string, error) {
	opts := runtime.OpenDialogOptions{Title: title}
	for _, f := range filters {
		opts.Filters = append(opts.Filters, runtime.FileFilter{DisplayName: f.DisplayName, Pattern: f.Pattern})
	}
	path, err := runtime.OpenFileDialog(ctx, opts)
	if err != nil {
		return "", fmt.Errorf("open file dialog: %w", err)
	}
	return path, nil
}
