package dashboard

import (
	"reflect"
	"testing"

	"policydesk/internal/core"
)

var (
	officer  = core.Actor{PersonID: 1, Name: "周明远", Role: core.RoleOfficer, SectionID: 10}
	handler  = core.Actor{PersonID: 2, Name: "李娜", Role: core.RoleHandler, SectionID: 20}
	approver = core.Actor{PersonID: 3, Name: "王强", Role: core.RoleApprover, SectionID: 20}
)

func TestCheckScope(t *testing.T) {
	for _, tc := range []struct {
		name, scope string
		actor       core.Actor
		want, code  string
	}{
		{"officer opens on all", "", officer, core.ScopeAll, ""},
		{"section head opens on the section", "", approver, core.ScopeSection, ""},
		{"handler opens on their own", "", handler, core.ScopeMine, ""},
		{"a chosen scope is kept", core.ScopeSection, handler, core.ScopeSection, ""},
		{"mine for the office too", core.ScopeMine, officer, core.ScopeMine, ""},
		{"nobody signed in sees all", core.ScopeMine, core.System, core.ScopeAll, ""},
		{"unknown scope", "team", handler, "", core.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckScope(tc.scope, tc.actor)
			if code := core.ErrorCode(err); code != tc.code {
				t.Fatalf("code = %q, want %q (%v)", code, tc.code, err)
			}
			if got != tc.want {
				t.Errorf("scope = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGroup(t *testing.T) {
	all := []core.Deadline{
		{Kind: "calendar.reply_due", Due: "2026-12-09", Status: "info"},
		{Kind: "calendar.missing_year", Due: "2026-12-31", Status: "warning", Setup: true},
		{Kind: "mailbox.reply", Title: "mine overdue late", Due: "2026-12-03", Status: "overdue", PersonID: 2, SectionID: 20},
		{Kind: "mailbox.reply", Title: "mine overdue early", Due: "2026-12-01", Status: "overdue", PersonID: 2, SectionID: 20},
		{Kind: "mailbox.reply", Title: "section today", Due: "2026-12-04", Status: "due_today", PersonID: 4, SectionID: 20},
		{Kind: "interpretation.publish_due", Title: "other soon", Due: "2026-12-09", Status: "pending", Workdays: 3, SectionID: 30},
		{Kind: "disclosure.answer_due", Title: "mine later", Due: "2026-12-30", Status: "pending", Workdays: 18, PersonID: 2},
		{Kind: "mailbox.pending", Title: "nobody's warning", Due: "2026-12-04", Status: "warning"},
	}
	sign := []core.Deadline{{Kind: "signoff.waiting", Title: "b", Due: "2026-12-02"}, {Kind: "signoff.waiting", Title: "a", Due: "2026-12-01"}}
	titles := func(ds []core.Deadline) []string {
		out := []string{}
		for _, d := range ds {
			out = append(out, d.Title)
		}
		return out
	}
	for _, tc := range []struct {
		name, scope                 string
		actor                       core.Actor
		overdue, today, soon, later []string
	}{
		{"mine", core.ScopeMine, handler, []string{"mine overdue early", "mine overdue late"}, []string{}, []string{}, []string{"mine later"}},
		{"section", core.ScopeSection, handler, []string{"mine overdue early", "mine overdue late"}, []string{"section today"}, []string{},
			[]string{"mine later"}},
		{"all", core.ScopeAll, officer, []string{"mine overdue early", "mine overdue late"}, []string{"section today"}, []string{"other soon"},
			[]string{"nobody's warning", "mine later"}},
		{"the office's own section holds none of them", core.ScopeSection, officer, []string{}, []string{}, []string{}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Group(all, sign, tc.scope, tc.actor)
			for _, g := range []struct {
				name      string
				got, want []string
			}{{"overdue", titles(got.Overdue), tc.overdue}, {"today", titles(got.DueToday), tc.today}, {"soon", titles(got.Soon), tc.soon},
				{"later", titles(got.Later), tc.later}} {
				if !reflect.DeepEqual(g.got, g.want) {
					t.Errorf("%s = %q, want %q", g.name, g.got, g.want)
				}
			}
			if len(got.Setup) != 1 || got.Setup[0].Kind != "calendar.missing_year" {
				t.Errorf("setup = %+v, want the missing year whatever the scope", got.Setup)
			}
			if !reflect.DeepEqual(titles(got.Signoffs), []string{"a", "b"}) {
				t.Errorf("signoffs = %q", titles(got.Signoffs))
			}
			if got.Scope != tc.scope {
				t.Errorf("scope = %q", got.Scope)
			}
		})
	}
	if g := Group(nil, nil, core.ScopeAll, officer); g.Overdue == nil || g.Signoffs == nil || g.Setup == nil || g.Later == nil {
		t.Errorf("empty groups must be empty lists, not nil: %+v", g)
	}
}
