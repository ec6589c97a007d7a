package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/export/graphic"
	"policydesk/internal/export/publication"
	"policydesk/internal/interpret"
)

// InterpretationStore is what the 政策解读 bridge needs from storage.
type InterpretationStore interface {
	core.InterpretationStore
	Issuer(ctx context.Context) (string, error)
	PolicyText(ctx context.Context, policyID int64) (core.Policy, core.PolicyVersion, error)
	ReportText(ctx context.Context, consultationID int64) (core.Consultation, string, error)
	// AnswerDraft and AnnualReportEdits are what the 审签单 of a 依申请公开 answer draft and of an annual report print.
	AnswerDraft(ctx context.Context, requestID int64) (core.DisclosureRequest, error)
	AnnualReportEdits(ctx context.Context, year int) (core.AnnualEdits, error)
}

// InterpretationService is the 政策解读 bridge: interpretations of each policy (text, 图解, 问答, media), their
// sign-off, the pre-publication check, publication in step with the policy (三同步) and the exports.
type InterpretationService struct {
	ctx       context.Context
	store     InterpretationStore
	seg       core.Segmenter // may be nil: the editor then lists no keywords
	sources   []core.QuestionSource
	exportDir string
	emit      Emitter
	clock     core.Clock

	fonts *fontCache // shared by the per-call copies (see Scoped)
}

// fontCache loads the 图解 fonts once.
type fontCache struct {
	once sync.Once
	f    *graphic.Fonts
	err  error
}

// NewInterpretationService wraps the store. seg (which may be nil) finds the editor's keywords. Questions are
// suggested from the policy's structure and from any extra sources (e.g. matched 局长信箱 messages); exports go
// to exportDir unless a folder is given.
func NewInterpretationService(store InterpretationStore, seg core.Segmenter, exportDir string, clock core.Clock, emit Emitter, extra ...core.QuestionSource) *InterpretationService {
	structure := interpret.StructureSource{Text: func(ctx context.Context, policyID int64) (string, string, error) {
		p, v, err := store.PolicyText(ctx, policyID)
		return p.Title, v.Body, err
	}}
	return &InterpretationService{ctx: context.Background(), store: store, seg: seg, exportDir: exportDir, clock: clock, emit: emit,
		fonts: &fontCache{}, sources: append([]core.QuestionSource{structure}, extra...)}
}

// startup keeps the Wails context.
func (s *InterpretationService) startup(ctx context.Context) { s.ctx = ctx }

// InterpretationOptions are the value lists of the 政策解读 forms.
type InterpretationOptions struct {
	Forms         []string      `json:"forms"`
	Statuses      []string      `json:"statuses"`
	TextHeadings  []string      `json:"textHeadings"`
	BlockKinds    []core.Option `json:"blockKinds"`
	MediaKinds    []string      `json:"mediaKinds"`
	Decisions     []string      `json:"decisions"`
	LagWorkdays   int           `json:"lagWorkdays"`
	ExemptionRule string        `json:"exemptionRule"` // the rule to cite when a policy needs no interpretation
	SignerRules   []core.Option `json:"signerRules"`   // who signs a sign-off step: 起草科室负责人, 分管领导, 指定人员, 任一审签人员
}

// Options lists forms, statuses, the seven headings, 图解 block kinds and sign-off decisions.
func (s *InterpretationService) Options() (InterpretationOptions, error) {
	return nonNil(InterpretationOptions{Forms: core.InterpretationForms, Statuses: core.InterpretationStatuses, TextHeadings: core.TextHeadings,
		BlockKinds: core.GraphicBlockKinds, MediaKinds: []string{"视频", "音频", "动画", "图片", "文稿", "其他"},
		Decisions: []string{core.DecisionApprove, core.DecisionReturn}, LagWorkdays: core.InterpretationLag, ExemptionRule: core.RuleSyncDraft,
		SignerRules: core.SignerRules}, nil)
}

// changed announces a change of a policy's interpretations (data: policy id).
func (s *InterpretationService) changed(policyID int64) {
	s.emit(EventInterpretationsChanged, policyID)
}

// changedSubject announces a change of a sign-off subject; a policy's own changes also refresh the register.
func (s *InterpretationService) changedSubject(subjectType string, id int64) {
	switch subjectType {
	case core.SubjectPolicy:
		s.emit(EventPoliciesChanged, id)
		s.changed(id)
		return
	case core.SubjectReport:
		s.emit(EventConsultationsChanged, id)
		return
	}
	if in, err := s.store.Interpretation(s.ctx, id); err == nil {
		s.changed(in.PolicyID)
	}
}

// ListInterpretations lists a policy's interpretations in creation order.
func (s *InterpretationService) ListInterpretations(policyID int64) ([]core.Interpretation, error) {
	return nonNil(s.store.Interpretations(s.ctx, core.InterpretationFilter{PolicyID: policyID}))
}

// FilterInterpretations lists interpretations across policies (by status, form or section).
func (s *InterpretationService) FilterInterpretations(f core.InterpretationFilter) ([]core.Interpretation, error) {
	return nonNil(s.store.Interpretations(s.ctx, f))
}

// GetInterpretation returns one interpretation.
func (s *InterpretationService) GetInterpretation(id int64) (core.Interpretation, error) {
	return nonNil(s.store.Interpretation(s.ctx, id))
}

// NewInterpretation returns an unsaved interpretation of the given form for a policy, pre-filled: the
// policy's drafting section (谁起草、谁解读), a title, the seven headings of a 文字解读 or the title and footer
// blocks of a 图解.
func (s *InterpretationService) NewInterpretation(policyID int64, form string) (core.Interpretation, error) {
	p, _, err := s.store.PolicyText(s.ctx, policyID)
	if err != nil {
		return core.Interpretation{}, err
	}
	issuer, err := s.store.Issuer(s.ctx)
	if err != nil {
		return core.Interpretation{}, err
	}
	in := core.NewInterpretationBody(form, p.Title, issuer)
	in.PolicyID, in.PolicyTitle, in.SectionID, in.SectionName = p.ID, p.Title, p.SectionID, p.SectionName
	in.Title = "《" + strings.Trim(p.Title, "《》") + "》" + titleSuffix(form)
	in.Status = core.InterpDrafting
	for i := range in.Graphic.Blocks {
		if in.Graphic.Blocks[i].Kind == core.BlockFooter {
			in.Graphic.Blocks[i].Date = s.clock.Now().Format("2006-01-02")
		}
	}
	return nonNil(in, nil)
}

func titleSuffix(form string) string {
	switch form {
	case core.FormGraphic:
		return "图解"
	case core.FormQA:
		return "政策问答"
	case core.FormLeader:
		return "负责人解读"
	case core.FormAudio:
		return "音频解读"
	case core.FormAnim:
		return "动画解读"
	}
	return "政策解读"
}

// SaveInterpretation creates (id 0) or saves an interpretation its drafter holds.
func (s *InterpretationService) SaveInterpretation(in core.Interpretation) (core.Interpretation, error) {
	out, err := s.store.SaveInterpretation(s.ctx, in)
	if err == nil {
		s.changed(out.PolicyID)
	}
	return nonNil(out, err)
}

// DeleteInterpretation deletes an interpretation its drafter holds.
func (s *InterpretationService) DeleteInterpretation(id int64) error {
	in, err := s.store.Interpretation(s.ctx, id)
	if err != nil {
		return err
	}
	if err := s.store.DeleteInterpretation(s.ctx, id); err != nil {
		return err
	}
	s.changed(in.PolicyID)
	return nil
}

// RecordExemption records an exemption with its reason, e.g. that a policy needs no interpretation (同步起草).
func (s *InterpretationService) RecordExemption(e core.ExemptionInput) (core.Exemption, error) {
	out, err := s.store.RecordExemption(s.ctx, e)
	if err == nil {
		s.changedSubject(e.SubjectType, e.SubjectID)
	}
	return out, err
}

// ListExemptions lists the exemptions recorded on a policy or interpretation.
func (s *InterpretationService) ListExemptions(subjectType string, subjectID int64) ([]core.Exemption, error) {
	return nonNil(s.store.Exemptions(s.ctx, subjectType, subjectID))
}

// SignoffSteps returns the configured sign-off steps.
func (s *InterpretationService) SignoffSteps() ([]core.SignoffStep, error) {
	return nonNil(s.store.SignoffSteps(s.ctx))
}

// SaveSignoffSteps replaces the configured sign-off steps.
func (s *InterpretationService) SaveSignoffSteps(steps []core.SignoffStep) ([]core.SignoffStep, error) {
	out, err := s.store.SaveSignoffSteps(s.ctx, steps)
	if err == nil {
		s.emit(EventSettingsChanged)
	}
	return nonNil(out, err)
}

// GetSignoff returns the sign-off of a policy or interpretation (subjectType "policy" / "interpretation").
func (s *InterpretationService) GetSignoff(subjectType string, subjectID int64) (core.Signoff, error) {
	return nonNil(s.store.Signoff(s.ctx, subjectType, subjectID))
}

// SubmitSignoff starts a sign-off round.
func (s *InterpretationService) SubmitSignoff(subjectType string, subjectID int64) (core.Signoff, error) {
	out, err := s.store.SubmitSignoff(s.ctx, subjectType, subjectID)
	if err == nil {
		s.changedSubject(subjectType, subjectID)
	}
	return nonNil(out, err)
}

// DecideSignoff records the current step's 同意 or 退回 (with opinion).
func (s *InterpretationService) DecideSignoff(a core.SignoffAction) (core.Signoff, error) {
	if err := signature(s.ctx); err != nil {
		return core.Signoff{}, err
	}
	out, err := s.store.DecideSignoff(s.ctx, a)
	if err == nil {
		s.changedSubject(a.SubjectType, a.SubjectID)
	}
	return nonNil(out, err)
}

// PrepubCheck runs the pre-publication check on a policy or interpretation and records its findings.
func (s *InterpretationService) PrepubCheck(subjectType string, subjectID int64) (core.PrepubReport, error) {
	return nonNil(s.store.PrepubCheck(s.ctx, subjectType, subjectID))
}

// AcknowledgeFinding keeps a (non-密级) finding with a reason.
func (s *InterpretationService) AcknowledgeFinding(a core.FindingAck) (core.PrepubReport, error) {
	return nonNil(s.store.AcknowledgeFinding(s.ctx, a))
}

// PublishPolicy records the policy's publication date and URL; the interpretations' deadlines start.
func (s *InterpretationService) PublishPolicy(p core.Publication) (core.Policy, error) {
	if err := signature(s.ctx); err != nil {
		return core.Policy{}, err
	}
	out, err := s.store.PublishPolicy(s.ctx, p)
	if err == nil {
		s.changedSubject(core.SubjectPolicy, out.ID)
	}
	return out, err
}

// PublishInterpretation records an interpretation's publication date and URL.
func (s *InterpretationService) PublishInterpretation(p core.Publication) (core.Interpretation, error) {
	if err := signature(s.ctx); err != nil {
		return core.Interpretation{}, err
	}
	out, err := s.store.PublishInterpretation(s.ctx, p)
	if err == nil {
		s.changed(out.PolicyID)
	}
	return nonNil(out, err)
}

// SyncPanel returns the 三同步 panel of a policy.
func (s *InterpretationService) SyncPanel(policyID int64) (core.SyncPanel, error) {
	return nonNil(s.store.SyncPanel(s.ctx, policyID))
}

// EditorHelp returns the editor's side panel: the policy's clauses, keywords and facts.
func (s *InterpretationService) EditorHelp(policyID int64) (core.EditorHelp, error) {
	_, v, err := s.store.PolicyText(s.ctx, policyID)
	if err != nil {
		return core.EditorHelp{}, err
	}
	help := core.EditorHelp{PolicyID: policyID, VersionID: v.ID, VersionKind: v.Kind, Headings: slices.Clone(core.TextHeadings)}
	help.Clauses, help.Keywords, help.Facts = interpret.Help(v.Body, s.seg, editorKeywords)
	return nonNil(help, nil)
}

// editorKeywords is how many keywords the editor's side panel lists.
const editorKeywords = 20

// SuggestQuestions gathers candidate 问答 questions from every source, each question once. A failing
// source is logged and skipped: suggestions are a help, never a blocker.
func (s *InterpretationService) SuggestQuestions(policyID int64) ([]core.QuestionSuggestion, error) {
	out := []core.QuestionSuggestion{}
	seen := map[string]bool{}
	for _, src := range s.sources {
		qs, err := src.Questions(s.ctx, policyID)
		if core.ErrorCode(err) == core.ENOTFOUND {
			return nil, err
		}
		if err != nil {
			slog.Error("question source failed", "source", fmt.Sprintf("%T", src), "err", err)
			continue
		}
		for _, q := range qs {
			if !seen[q.Question] {
				seen[q.Question] = true
				out = append(out, q)
			}
		}
	}
	return nonNil(out, nil)
}

// loadFonts finds the CJK font once; the search and parse take a moment and the result never changes.
func (s *InterpretationService) loadFonts() (*graphic.Fonts, error) {
	s.fonts.once.Do(func() { s.fonts.f, s.fonts.err = graphic.LoadFonts() })
	return s.fonts.f, s.fonts.err
}

// graphicOf returns a 图解 interpretation, refusing other forms.
func (s *InterpretationService) graphicOf(id int64) (core.Interpretation, error) {
	in, err := s.store.Interpretation(s.ctx, id)
	if err != nil {
		return in, err
	}
	if in.Form != core.FormGraphic {
		return in, core.Errorf(core.EINVALID, "“%s”是%s，不是图解，不能导出长图", in.Title, in.Form)
	}
	return in, nil
}

// PreviewGraphicPNG renders unsaved 图解 blocks as a PNG in base64, for the editor's live preview.
func (s *InterpretationService) PreviewGraphicPNG(g core.Graphic) (string, error) {
	fonts, err := s.loadFonts()
	if err != nil {
		return "", err
	}
	data, err := graphic.PNG(g, fonts)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(data), nil
}

// GraphicPNGBase64 renders a saved 图解 as a PNG in base64.
func (s *InterpretationService) GraphicPNGBase64(id int64) (string, error) {
	in, err := s.graphicOf(id)
	if err != nil {
		return "", err
	}
	return s.PreviewGraphicPNG(in.Graphic)
}

// PreviewGraphicHTML returns unsaved 图解 blocks as the self-contained HTML page.
func (s *InterpretationService) PreviewGraphicHTML(title string, g core.Graphic) (string, error) {
	var b strings.Builder
	err := graphic.EncodeHTML(&b, title, g)
	return b.String(), err
}

// ExportGraphicPNG writes a 图解 as a long PNG 750 px wide into dir ("" = the export folder) and returns it.
func (s *InterpretationService) ExportGraphicPNG(id int64, dir string) (ExportedFile, error) {
	in, err := s.graphicOf(id)
	if err != nil {
		return ExportedFile{}, err
	}
	fonts, err := s.loadFonts()
	if err != nil {
		return ExportedFile{}, err
	}
	return s.exportFile(dir, in.Title, "png", func(path string) error { return graphic.WritePNG(path, in.Graphic, fonts) })
}

// ExportGraphicHTML writes a 图解 as a self-contained HTML page into dir.
func (s *InterpretationService) ExportGraphicHTML(id int64, dir string) (ExportedFile, error) {
	in, err := s.graphicOf(id)
	if err != nil {
		return ExportedFile{}, err
	}
	return s.exportFile(dir, in.Title, "html", func(path string) error { return graphic.WriteHTML(path, in.Title, in.Graphic) })
}

// ExportSignoffDOCX writes the 审签单 of a policy, an interpretation, a 采纳情况说明, a 依申请公开 answer draft
// or an annual report as DOCX into dir.
func (s *InterpretationService) ExportSignoffDOCX(subjectType string, subjectID int64, dir string) (ExportedFile, error) {
	bureau, err := s.store.Issuer(s.ctx)
	if err != nil {
		return ExportedFile{}, err
	}
	so, err := s.store.Signoff(s.ctx, subjectType, subjectID)
	if err != nil {
		return ExportedFile{}, err
	}
	var doc export.Document
	var name string
	switch subjectType {
	case core.SubjectInterpretation:
		in, err := s.store.Interpretation(s.ctx, subjectID)
		if err != nil {
			return ExportedFile{}, err
		}
		p, _, err := s.store.PolicyText(s.ctx, in.PolicyID)
		if err != nil {
			return ExportedFile{}, err
		}
		doc, name = publication.SignoffSheet(bureau, p, in, so), in.Title+"审签单"
	case core.SubjectPolicy:
		panel, err := s.store.SyncPanel(s.ctx, subjectID)
		if err != nil {
			return ExportedFile{}, err
		}
		doc, name = publication.PolicySignoffSheet(bureau, panel, so), strings.Trim(panel.Policy.Title, "《》")+"审签单"
	case core.SubjectReport:
		c, text, err := s.store.ReportText(s.ctx, subjectID)
		if err != nil {
			return ExportedFile{}, err
		}
		doc, name = publication.ReportSignoffSheet(bureau, c, text, so), strings.Trim(c.PolicyTitle, "《》")+"意见采纳情况说明审签单"
	case core.SubjectDisclosure:
		r, err := s.store.AnswerDraft(s.ctx, subjectID)
		if err != nil {
			return ExportedFile{}, err
		}
		caseNo := strings.NewReplacer("〔", "", "〕", "").Replace(r.CaseNo)
		doc, name = publication.AnswerSignoffSheet(bureau, r, so), caseNo+"答复审签单"
	case core.SubjectAnnual:
		e, err := s.store.AnnualReportEdits(s.ctx, int(subjectID))
		if err != nil {
			return ExportedFile{}, err
		}
		doc, name = publication.AnnualSignoffSheet(bureau, e, so), fmt.Sprintf("%d年政府信息公开工作年度报告审签单", subjectID)
	default:
		return ExportedFile{}, core.FieldErrorf(core.EINVALID, "subjectType", "未知的审签对象“%s”", subjectType)
	}
	return s.exportFile(dir, name, "docx", func(path string) error { return export.WriteDOCX(path, doc) })
}

// PackageResult is a written publication package.
type PackageResult struct {
	Dir     string         `json:"dir"`
	Files   []ExportedFile `json:"files"`
	Skipped []string       `json:"skipped"`
}

// ExportPackage writes the publication package of a policy (its text and approved interpretations as HTML,
// each 图解 also as PNG, and a 发布清单) into a new folder under dir.
func (s *InterpretationService) ExportPackage(policyID int64, dir string) (PackageResult, error) {
	p, v, err := s.store.PolicyText(s.ctx, policyID)
	if err != nil {
		return PackageResult{}, err
	}
	list, err := s.store.Interpretations(s.ctx, core.InterpretationFilter{PolicyID: policyID})
	if err != nil {
		return PackageResult{}, err
	}
	bureau, err := s.store.Issuer(s.ctx)
	if err != nil {
		return PackageResult{}, err
	}
	fonts, fontErr := s.loadFonts()
	if fontErr != nil {
		slog.Warn("publication package without 图解 PNG", "err", fontErr)
	}
	if dir == "" {
		dir = s.exportDir
	}
	res, err := publication.WritePackage(dir, publication.Package{Bureau: bureau, Policy: p, PolicyText: v.Body, Interpretations: list},
		fonts, s.clock.Now().Format("20060102"))
	if err != nil {
		return PackageResult{}, exportFailed(res.Dir, err)
	}
	out := PackageResult{Dir: res.Dir, Files: []ExportedFile{}, Skipped: res.Skipped}
	for _, f := range res.Files {
		out.Files = append(out.Files, ExportedFile{Kind: strings.TrimPrefix(filepath.Ext(f), "."), Name: filepath.Base(f), Path: f})
	}
	return nonNil(out, nil)
}

// exportFile names an export after its title and the day, writes it and describes it.
func (s *InterpretationService) exportFile(dir, title, ext string, write func(path string) error) (ExportedFile, error) {
	if dir == "" {
		dir = s.exportDir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ExportedFile{}, core.Errorf(core.EINVALID, "无法创建导出文件夹%s", dir)
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.%s", safeFileName(title), s.clock.Now().Format("20060102"), ext))
	if err := write(path); err != nil {
		if core.ErrorCode(err) != core.EINTERNAL {
			return ExportedFile{}, err
		}
		return ExportedFile{}, exportFailed(path, err)
	}
	return ExportedFile{Kind: ext, Name: filepath.Base(path), Path: path}, nil
}
