package demo

import (
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

func TestSeedInterpretations(t *testing.T) {
	d := newDemoDB(t)
	ctx, clock, settings, db := d.ctx, d.clock, d.settings, d.db
	policies := sqlite.NewPolicyStore(db, d.cal)
	interps := sqlite.NewInterpretationStore(db, d.cal)
	// The policies SeedConsultations registers, without their consultations.
	tl := newTimeline(clock, d.cal())
	seed := demoSeeder{ctx: ctx, policies: policies, tl: tl}
	sections, _ := settings.Sections(ctx)
	sectionID := func(name string) int64 {
		for _, s := range sections {
			if s.Name == name {
				return s.ID
			}
		}
		return 0
	}
	for _, p := range []struct{ title, section, text string }{
		{"临江市不动产登记若干规定(征求意见稿)", "确权登记组", registrationDraft},
		{"临江市城市更新实施办法(征求意见稿)", "开发利用组", renewalDraft},
		{"临江市既有住宅增设电梯规划管理办法(征求意见稿)", "空间规划组", elevatorDraft},
	} {
		if _, err := seed.policy(core.Policy{Title: p.title, Category: "规范性文件", SectionID: sectionID(p.section), Disclosure: "主动公开",
			DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条"}, p.text, tl.workday(-70), tl.workday(-65)); err != nil {
			t.Fatal(err)
		}
	}
	tl.restore()
	if err := SeedInterpretations(ctx, settings, policies, interps, clock); err != nil {
		t.Fatal(err)
	}
	list, err := interps.Interpretations(ctx, core.InterpretationFilter{})
	if err != nil || len(list) != 6 {
		t.Fatalf("interpretations = %d, %v", len(list), err)
	}
	var approvedText, graphic6, overdue bool
	var textID int64
	for _, in := range list {
		if in.Form == core.FormText && in.Status == core.InterpApproved {
			approvedText, textID = true, in.ID
		}
		graphic6 = graphic6 || in.Form == core.FormGraphic && len(in.Graphic.Blocks) == 6
		overdue = overdue || in.DueStatus == calendar.StatusOverdue
	}
	if !approvedText || !graphic6 || !overdue {
		t.Errorf("approved text %v, 图解 with 6 blocks %v, overdue %v", approvedText, graphic6, overdue)
	}
	page, _ := policies.Policies(ctx, core.PolicyFilter{Status: core.PolicySigning})
	if page.Total != 1 || page.Policies[0].Title != "临江市不动产登记若干规定(征求意见稿)" {
		t.Errorf("policies in 审签: %+v", page.Policies)
	}
	so, err := interps.Signoff(ctx, core.SubjectInterpretation, textID)
	if err != nil || !so.Complete || so.Steps[1].PersonName != "张卫东" {
		t.Errorf("sign-off = %+v, %v", so, err)
	}
	if u, _ := settings.CurrentUser(ctx); u.Name != CurrentUserName {
		t.Errorf("current user after seeding = %s", u.Name)
	}
	ds, err := interps.Deadlines(ctx, clock.Now())
	if err != nil || len(ds) != 1 || ds[0].Status != calendar.StatusOverdue {
		t.Errorf("deadlines = %+v, %v", ds, err)
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK {
		t.Fatalf("audit: %+v %v", check, err)
	}
}
