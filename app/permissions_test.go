package app

import (
	"context"
	"time"

	"reflect"
	"testing"

	"policydesk/internal/core"
)

// boundServices are the types main binds.
var boundServices = []any{(*AuthService)(nil), (*CalendarService)(nil), (*ConsultationService)(nil), (*DashboardService)(nil), (*DisclosureService)(nil),
	(*InterpretationService)(nil), (*MailboxService)(nil), (*PolicyService)(nil), (*RecoveryService)(nil), (*RemoteService)(nil),
	(*RoutingService)(nil), (*SettingsService)(nil), (*SystemService)(nil)}

func TestPermissionsCoverEveryMethod(t *testing.T) {
	seen := map[string]bool{}
	for _, svc := range boundServices {
		typ := reflect.TypeOf(svc)
		name := typ.Elem().Name()
		for i := 0; i < typ.NumMethod(); i++ {
			key := name + "." + typ.Method(i).Name
			seen[key] = true
			if _, ok := Permissions[key]; !ok {
				t.Errorf("%s has no entry in Permissions: declare who may call it", key)
			}
		}
		if _, ok := svc.(scoped); !ok && name != "RecoveryService" && name != "RemoteService" {
			t.Errorf("%s cannot act per call (no withContext)", name)
		}
	}
	for key := range Permissions {
		if !seen[key] {
			t.Errorf("Permissions names %s, which no service has", key)
		}
	}
}

func TestPermissionTable(t *testing.T) {
	clerk := core.Actor{PersonID: 3, Name: "林雨桐", Role: core.RoleMailbox}
	drafter := core.Actor{PersonID: 5, Name: "李思雨", Role: core.RoleDrafter}
	handler := core.Actor{PersonID: 9, Name: "吴婷", Role: core.RoleHandler}
	approver := core.Actor{PersonID: 7, Name: "张卫东", Role: core.RoleApprover}
	officer := core.Actor{PersonID: 2, Name: "周明远", Role: core.RoleOfficer, Admin: true}
	sysadmin := core.Actor{PersonID: 1, Name: "管理员", Role: core.RoleAdmin}
	cases := []struct {
		who    core.Actor
		method string
		ok     bool
	}{
		// a mailbox clerk cannot change settings, sign, or manage accounts
		{clerk, "SettingsService.SaveBureau", false},
		{clerk, "DisclosureService.Register", false},
		{clerk, "DisclosureService.ListRequests", true},
		{approver, "DisclosureService.Answer", false},
		{clerk, "SettingsService.SavePerson", false},
		{clerk, "CalendarService.SetDay", false},
		{clerk, "InterpretationService.DecideSignoff", false},
		{clerk, "MailboxService.ApproveReply", false},
		{clerk, "AuthService.CreateAccount", false},
		{clerk, "AuthService.ResetPassword", false},
		{clerk, "SystemService.RestoreBackup", false},
		{clerk, "MailboxService.ListMessages", true},
		{clerk, "MailboxService.ApplyImportData", true},
		{clerk, "MailboxService.SubmitReply", true},
		{clerk, "MailboxService.Publish", true},
		// a drafter cannot approve or publish
		{drafter, "MailboxService.ApproveReply", false},
		{drafter, "InterpretationService.DecideSignoff", false},
		{drafter, "InterpretationService.PublishPolicy", false},
		{drafter, "ConsultationService.PublishReport", false},
		{drafter, "InterpretationService.SaveInterpretation", true},
		{drafter, "ConsultationService.Decide", true},
		// a handler answers messages only
		{handler, "MailboxService.SubmitReply", true},
		{handler, "MailboxService.CreateMessage", false},
		{handler, "PolicyService.SavePolicy", false},
		{approver, "MailboxService.ApproveReply", true},
		{approver, "InterpretationService.DecideSignoff", true},
		{approver, "SettingsService.SaveBureau", false},
		{approver, "AuthService.Accounts", false},
		{officer, "AuthService.CreateAccount", true},
		{officer, "SettingsService.SaveBureau", true},
		{officer, "SystemService.RestoreBackup", true},
		{sysadmin, "SettingsService.SaveBureau", true},
		{sysadmin, "AuthService.CreateAccount", false}, // managing accounts needs the account administrator flag
	}
	for _, c := range cases {
		a, ok := Permissions[c.method]
		if !ok {
			t.Fatalf("%s not declared", c.method)
		}
		if got := a.Allows(c.who); got != c.ok {
			t.Errorf("%s(%s) calling %s: allowed=%v, want %v", c.who.Name, c.who.Role, c.method, got, c.ok)
		}
	}
	// nothing that names a file on the machine, opens a dialog or rebinds the desk is reachable over the network
	for _, m := range []string{"ConsultationService.ApplyImportFile", "MailboxService.PreviewImportFile", "PolicyService.ImportVersionFile",
		"MailboxService.SaveAttachment", "SettingsService.SetCurrentUser", "RemoteService.Connect", "RecoveryService.RestoreAndQuit",
		"ConsultationService.ChooseFile", "PolicyService.ChooseFile"} {
		if !Permissions[m].DeskOnly {
			t.Errorf("%s must be DeskOnly", m)
		}
	}
}

func TestSignatureNeedsAFreshConfirmation(t *testing.T) {
	bg := context.Background()
	cases := []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"no person (a script)", bg, ""},
		{"系统", core.WithActor(bg, core.System), ""},
		{"signed in, not confirmed", core.WithActor(bg, core.Actor{PersonID: 4, Name: "张卫东"}), core.ECONFIRM},
		{"signed in, confirmed", core.WithActor(bg, core.Actor{PersonID: 4, Name: "张卫东", Confirmed: true}), ""},
	}
	for _, c := range cases {
		err := signature(c.ctx)
		if got := map[bool]string{true: "", false: core.ErrorCode(err)}[err == nil]; got != c.want {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// the desk decides freshness with its clock: five minutes after the confirmation it is stale
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 10, 0, 0, 0, core.Shanghai))
	desk := &DeskSession{Clock: clock}
	desk.set(&core.Session{PersonID: 4, Name: "张卫东", ConfirmedAt: clock.Now().Format(time.RFC3339)})
	ctx := core.WithActorSource(bg, desk)
	if err := signature(ctx); err != nil {
		t.Errorf("just confirmed: %v", err)
	}
	clock.Advance(6 * time.Minute)
	if err := signature(ctx); core.ErrorCode(err) != core.ECONFIRM {
		t.Errorf("six minutes later: %v", err)
	}
}
