package sqlite_test

import (
	"context"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

func TestSettingsRoundTripAndAudit(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	s := sqlite.NewSettingsStore(db)

	if _, err := s.SaveBureau(ctx, core.Bureau{Name: "  "}); err == nil {
		t.Fatal("empty bureau name accepted")
	} else {
		wantCode(t, err, core.EINVALID)
	}
	b, err := s.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局", Phone: "0571-1"})
	if err != nil || b.Name != "临江市规划和自然资源局" || b.UpdatedAt == "" {
		t.Fatalf("SaveBureau = %+v, %v", b, err)
	}

	sec, err := s.SaveSection(ctx, core.Section{Name: "综合组", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSection(ctx, core.Section{Name: "综合组"}); err == nil {
		t.Fatal("duplicate section accepted")
	} else {
		wantCode(t, err, core.ECONFLICT)
	}
	if _, err := s.SavePerson(ctx, core.Person{Name: "周明远", SectionID: sec.ID, Role: "nobody"}); err == nil {
		t.Fatal("bad role accepted")
	} else {
		wantCode(t, err, core.EINVALID)
	}
	p, err := s.SavePerson(ctx, core.Person{Name: "周明远", SectionID: sec.ID, Role: core.RoleOfficer, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	sec.HeadID = p.ID
	if sec, err = s.SaveSection(ctx, sec); err != nil || sec.HeadName != "周明远" || sec.PeopleCount != 1 {
		t.Fatalf("head: %+v, %v", sec, err)
	}
	cu, err := s.SetCurrentUser(ctx, p.ID)
	if err != nil || !cu.Set || cu.SectionName != "综合组" {
		t.Fatalf("SetCurrentUser = %+v, %v", cu, err)
	}

	// Writes after choosing the current user are stamped with their name.
	if _, err := s.SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局", Phone: "0571-2"}); err != nil {
		t.Fatal(err)
	}
	page, err := db.AuditLog(ctx, core.AuditFilter{Entity: "bureau"})
	if err != nil || len(page.Entries) != 2 {
		t.Fatalf("audit entries: %+v, %v", page, err)
	}
	if page.Entries[0].PersonName != "周明远" || page.Entries[1].PersonName != "系统" {
		t.Errorf("audit actors = %q, %q", page.Entries[0].PersonName, page.Entries[1].PersonName)
	}

	// Guarded deletes.
	wantCode(t, s.DeleteSection(ctx, sec.ID), core.EFORBID)
	wantCode(t, s.DeletePerson(ctx, p.ID), core.EFORBID) // the current user
	wantCode(t, s.DeletePerson(ctx, 424242), core.ENOTFOUND)

	// Everything survives a reopen.
	db = reopen(t, db)
	s = sqlite.NewSettingsStore(db)
	cu, err = s.CurrentUser(ctx)
	if err != nil || cu.Name != "周明远" {
		t.Fatalf("after reopen current user = %+v, %v", cu, err)
	}
	b, _ = s.Bureau(ctx)
	if b.Phone != "0571-2" {
		t.Errorf("after reopen bureau = %+v", b)
	}
}
