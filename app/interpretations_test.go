package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/export/graphic"
	"policydesk/internal/sqlite"
)

// failingSource stands for a 局长信箱 source that is not available: its failure must not hide the others.
type failingSource struct{}

func (failingSource) Questions(context.Context, int64) ([]core.QuestionSuggestion, error) {
	return nil, errors.New("mailbox index not ready")
}

type mailboxSource struct{}

func (mailboxSource) Questions(context.Context, int64) ([]core.QuestionSuggestion, error) {
	return []core.QuestionSuggestion{{Question: "加装电梯后一楼住户有补偿吗？", Source: "局长信箱"}}, nil
}

func TestInterpretationBridge(t *testing.T) {
	ctx := context.Background()
	clock := core.NewFixedClock(time.Date(2026, 9, 14, 9, 0, 0, 0, core.Shanghai))
	db := openTestDB(t, clock.Now())
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		t.Fatal(err)
	}
	sec, err := settings.SaveSection(ctx, core.Section{Name: "空间规划组", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	calFn := func() *calendar.Calendar { return cal }
	var events []string
	emit := func(name string, _ ...any) { events = append(events, name) }
	policies := NewPolicyService(sqlite.NewPolicyStore(db, calFn), emit)
	p, err := policies.SavePolicy(core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", Category: "规范性文件", SectionID: sec.ID,
		Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := policies.AddVersionText(p.ID, "送审稿", "2026-09-10", core.VersionInput{PolicyID: p.ID, Kind: "送审稿", VersionDate: "2026-09-10",
		Text: "临江市既有住宅加装电梯财政补助办法\n第一条 本办法适用于本市既有住宅加装电梯项目。\n第二条 每台电梯补助15万元。\n"}.Text); err != nil {
		t.Fatal(err)
	}
	exportDir := t.TempDir()
	svc := NewInterpretationService(sqlite.NewInterpretationStore(db, calFn), nil, exportDir, clock, emit, failingSource{}, mailboxSource{})

	// Sending the policy to 审签 without an interpretation is refused, in Chinese.
	if _, err := policies.SetPolicyStatus(core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning}); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("审签 without interpretation: %v", err)
	}
	in, err := svc.NewInterpretation(p.ID, core.FormGraphic)
	if err != nil || in.SectionID != sec.ID || len(in.Graphic.Blocks) != 2 || in.Graphic.Blocks[1].Date != "2026-09-14" {
		t.Fatalf("new 图解 = %+v, %v", in, err)
	}
	in.Graphic.Blocks = append(in.Graphic.Blocks[:1], core.GraphicBlock{Kind: core.BlockLead, Text: "每台电梯补助15万元。"},
		core.GraphicBlock{Kind: core.BlockFigures, Figures: []core.KeyFigure{{Value: "15", Unit: "万元", Label: "每台补助"}}},
		core.GraphicBlock{Kind: core.BlockBullets, Title: "申请材料", Items: []string{"申请表", "规划许可证"}},
		core.GraphicBlock{Kind: core.BlockSteps, Steps: []core.FlowStep{{Title: "申请"}, {Title: "审核"}}}, in.Graphic.Blocks[1])
	saved, err := svc.SaveInterpretation(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || events[len(events)-1] != EventInterpretationsChanged {
		t.Errorf("events = %v", events)
	}
	qs, err := svc.SuggestQuestions(p.ID)
	if err != nil || len(qs) < 2 || qs[len(qs)-1].Source != "局长信箱" {
		t.Fatalf("questions = %+v, %v", qs, err)
	}
	if _, err := svc.SuggestQuestions(9999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("questions of a missing policy: %v", err)
	}
	if _, err := svc.ExportSignoffDOCX(core.SubjectInterpretation, saved.ID, ""); err != nil {
		t.Fatalf("sign-off sheet: %v", err)
	}
	if _, err := graphic.LoadFonts(); err != nil {
		t.Skipf("no CJK font on this machine, PNG export not tested: %v", err)
	}
	f, err := svc.ExportGraphicPNG(saved.ID, "")
	if err != nil || filepath.Dir(f.Path) != exportDir || !strings.HasSuffix(f.Name, ".png") {
		t.Fatalf("PNG export = %+v, %v", f, err)
	}
	if _, err := os.Stat(f.Path); err != nil {
		t.Fatal(err)
	}
	b64, err := svc.GraphicPNGBase64(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := base64.StdEncoding.DecodeString(b64)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != graphic.Width {
		t.Fatalf("preview: %v", err)
	}
	pkg, err := svc.ExportPackage(p.ID, "")
	if err != nil || len(pkg.Files) != 2 || len(pkg.Skipped) != 1 {
		t.Fatalf("package = %+v, %v", pkg, err)
	}
}
