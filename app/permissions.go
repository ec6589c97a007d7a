package app

import (
	"slices"

	"policydesk/internal/core"
)

// Access says who may call one bound method. It is declared once per method (Permissions) and enforced by the
// server for every call; the stores add the rules that depend on the record (the named signer of a step, the
// writer of a reply, the account administrator).
type Access struct {
	Public   bool     // answered before sign-in (the 登录 page)
	Roles    []string // the roles that may call it; nil: anybody signed in
	Admin    bool     // account administrators only
	DeskOnly bool     // native dialogs, files on the desk, the desk's own connection: never over the network
	// LocalDir is the 1-based index of an argument naming a folder or file on the machine the service runs on;
	// over the network it is always emptied, so exports land in the server's exports folder and are downloaded.
	LocalDir int
	// Endpoint: the server answers it with its own endpoint (/api/login, /api/logout, /api/me).
	Endpoint bool
}

// Allows reports whether a signed-in actor passes the role part of the rule.
func (a Access) Allows(actor core.Actor) bool {
	if a.Admin && !actor.Admin {
		return false
	}
	if a.Roles == nil {
		return true
	}
	return actor.Role == core.RoleAdmin || slices.Contains(a.Roles, actor.Role)
}

// The roles of each kind of work. A system administrator (RoleAdmin) passes every role check.
var (
	anyone     = Access{}
	public     = Access{Public: true}
	deskOnly   = Access{DeskOnly: true}
	endpoint   = Access{Endpoint: true}
	accountAdm = Access{Admin: true}
	// restoring a backup or changing retention: an openness officer who is also an account administrator.
	sysAdmin = Access{Roles: []string{core.RoleOfficer}, Admin: true}

	// 设置, calendar, backups: the openness office.
	officeWork = Access{Roles: []string{core.RoleOfficer}}
	// drafting policies, consultations and interpretations: drafting sections and their heads, the office.
	drafting = Access{Roles: []string{core.RoleDrafter, core.RoleOfficer, core.RoleApprover}}
	// deciding a sign-off step (the store checks that the actor is the step's named person).
	signing = Access{Roles: []string{core.RoleApprover, core.RoleOfficer}}
	// publishing on the website: the openness office.
	publishing = Access{Roles: []string{core.RoleOfficer}}
	// 局长信箱 registration, routing, templates and mail: mailbox staff and the office.
	mailboxDesk = Access{Roles: []string{core.RoleMailbox, core.RoleOfficer}}
	// answering a message: its handlers, mailbox staff, the office, section heads.
	answering = Access{Roles: []string{core.RoleHandler, core.RoleMailbox, core.RoleOfficer, core.RoleApprover}}
	// approving a reply (never its writer: the store checks).
	approving = Access{Roles: []string{core.RoleApprover, core.RoleOfficer}}
)

func withDir(a Access, i int) Access {
	a.LocalDir = i
	return a
}

// Permissions is the access rule of every bound method, "Service.Method". A method without an entry is refused
// (and TestPermissionsCoverEveryMethod fails), so a new method is never reachable by accident.
var Permissions = map[string]Access{
	"AuthService.Login":              endpoint,
	"AuthService.Logout":             endpoint,
	"AuthService.Me":                 endpoint,
	"AuthService.LoginPage":          public,
	"AuthService.ChangePassword":     anyone,
	"AuthService.ConfirmPassword":    anyone,
	"AuthService.Accounts":           accountAdm,
	"AuthService.CreateAccount":      accountAdm,
	"AuthService.ResetPassword":      accountAdm,
	"AuthService.SetAccountDisabled": accountAdm,
	"AuthService.UnlockAccount":      accountAdm,

	"CalendarService.AddWorkdays":   anyone,
	"CalendarService.GetYear":       anyone,
	"CalendarService.ListYears":     anyone,
	"CalendarService.PeriodEnd":     anyone,
	"CalendarService.Today":         anyone,
	"CalendarService.PreviewNotice": officeWork,
	"CalendarService.ApplyNotice":   officeWork,
	"CalendarService.SetDay":        officeWork,

	"ConsultationService.Options":              anyone,
	"ConsultationService.CheckPeriod":          anyone,
	"ConsultationService.GetConsultation":      anyone,
	"ConsultationService.ListConsultations":    anyone,
	"ConsultationService.ListComments":         anyone,
	"ConsultationService.ListGroups":           anyone,
	"ConsultationService.GetReportDueWorkdays": anyone,
	"ConsultationService.ChooseDirectory":      deskOnly,
	"ConsultationService.ChooseFile":           deskOnly,
	"ConsultationService.PreviewImportFile":    deskOnly,
	"ConsultationService.ApplyImportFile":      deskOnly,
	"ConsultationService.PreviewImportData":    drafting,
	"ConsultationService.ApplyImportData":      drafting,
	"ConsultationService.CancelImport":         drafting,
	"ConsultationService.SaveConsultation":     drafting,
	"ConsultationService.ExtendConsultation":   drafting,
	"ConsultationService.ReopenConsultation":   drafting,
	"ConsultationService.SaveComment":          drafting,
	"ConsultationService.DeleteComment":        drafting,
	"ConsultationService.SplitComment":         drafting,
	"ConsultationService.MergeGroups":          drafting,
	"ConsultationService.Regroup":              drafting,
	"ConsultationService.Decide":               drafting,
	"ConsultationService.GenerateReport":       drafting,
	"ConsultationService.SetReportDueWorkdays": officeWork,

	// 依申请公开: the openness office keeps the register; every desk may look something up in it.
	"DisclosureService.Options":                   anyone,
	"DisclosureService.ListRequests":              anyone,
	"DisclosureService.GetRequest":                anyone,
	"DisclosureService.AnnualTable":               anyone,
	"DisclosureService.AnnualReport":              anyone,
	"DisclosureService.ExportAnnualReport":        withDir(anyone, 3),
	"DisclosureService.Register":                  officeWork,
	"DisclosureService.SendCorrection":            officeWork,
	"DisclosureService.ReceiveCorrection":         officeWork,
	"DisclosureService.Extend":                    officeWork,
	"DisclosureService.Answer":                    officeWork,
	"DisclosureService.PreviewRegisterData":       officeWork,
	"DisclosureService.ImportRegisterData":        officeWork,
	"DisclosureService.SaveRemedy":                officeWork,
	"DisclosureService.ConsultThirdParty":         officeWork,
	"DisclosureService.RecordOpinion":             officeWork,
	"DisclosureService.SendFeeNotice":             officeWork,
	"DisclosureService.RecordPayment":             officeWork,
	"DisclosureService.Assign":                    officeWork,
	"DisclosureService.AddNote":                   officeWork,
	"DisclosureService.SaveDraft":                 officeWork,
	"DisclosureService.ProactiveSuggestions":      anyone,
	"DisclosureService.SaveAnnualEdits":           officeWork,
	"DisclosureService.AnnualTable4":              anyone,
	"DisclosureService.ExportLetter":              withDir(anyone, 2),
	"DisclosureService.LetterTemplates":           anyone,
	"DisclosureService.SaveLetterTemplate":        officeWork,
	"DisclosureService.ResetLetterTemplate":       officeWork,
	"ConsultationService.PublishReport":           publishing,
	"ConsultationService.ExportAll":               withDir(anyone, 2),
	"ConsultationService.ExportLedgerXLSX":        withDir(anyone, 2),
	"ConsultationService.ExportReportDOCX":        withDir(anyone, 2),
	"ConsultationService.ExportReportHTML":        withDir(anyone, 2),
	"DashboardService.Deadlines":                  anyone,
	"DashboardService.MonthView":                  anyone,
	"DashboardService.Today":                      anyone,
	"InterpretationService.Options":               anyone,
	"InterpretationService.EditorHelp":            anyone,
	"InterpretationService.FilterInterpretations": anyone,
	"InterpretationService.GetInterpretation":     anyone,
	"InterpretationService.GetSignoff":            anyone,
	"InterpretationService.ListExemptions":        anyone,
	"InterpretationService.ListInterpretations":   anyone,
	"InterpretationService.PrepubCheck":           anyone,
	"InterpretationService.SignoffSteps":          anyone,
	"InterpretationService.SuggestQuestions":      anyone,
	"InterpretationService.SyncPanel":             anyone,
	"InterpretationService.GraphicPNGBase64":      anyone,
	"InterpretationService.PreviewGraphicHTML":    anyone,
	"InterpretationService.PreviewGraphicPNG":     anyone,
	"InterpretationService.NewInterpretation":     drafting,
	"InterpretationService.SaveInterpretation":    drafting,
	"InterpretationService.DeleteInterpretation":  drafting,
	"InterpretationService.AcknowledgeFinding":    drafting,
	"InterpretationService.RecordExemption":       drafting,
	"InterpretationService.SaveSignoffSteps":      drafting,
	"InterpretationService.SubmitSignoff":         drafting,
	"InterpretationService.DecideSignoff":         signing,
	"InterpretationService.PublishInterpretation": publishing,
	"InterpretationService.PublishPolicy":         publishing,
	"InterpretationService.ExportGraphicHTML":     withDir(anyone, 2),
	"InterpretationService.ExportGraphicPNG":      withDir(anyone, 2),
	"InterpretationService.ExportPackage":         withDir(anyone, 2),
	"InterpretationService.ExportSignoffDOCX":     withDir(anyone, 3),

	"MailboxService.Options":            anyone,
	"MailboxService.ListMessages":       anyone,
	"MailboxService.GetMessage":         anyone,
	"MailboxService.SuggestType":        anyone,
	"MailboxService.ListTemplates":      anyone,
	"MailboxService.ListTopics":         anyone,
	"MailboxService.GetSettings":        anyone,
	"MailboxService.RelatedDocuments":   anyone,
	"MailboxService.RenderTemplate":     anyone,
	"MailboxService.SimilarMessages":    anyone,
	"MailboxService.Stats":              anyone,
	"MailboxService.Fetching":           anyone,
	"MailboxService.PublicationPreview": anyone,
	"MailboxService.ExportStatsHTML":    withDir(anyone, 3),
	"MailboxService.ExportDetailXLSX":   withDir(anyone, 3),
	"MailboxService.SaveChartPNG":       anyone,
	"MailboxService.SaveAttachment":     deskOnly,
	"MailboxService.PreviewImportFile":  deskOnly,
	"MailboxService.ApplyImportFile":    deskOnly,
	"MailboxService.PreviewImportData":  mailboxDesk,
	"MailboxService.ApplyImportData":    mailboxDesk,
	"MailboxService.CreateMessage":      mailboxDesk,
	"MailboxService.UpdateMessage":      answering,
	"MailboxService.Reroute":            mailboxDesk,
	"MailboxService.Assign":             answering,
	"MailboxService.AssignMany":         mailboxDesk,
	"MailboxService.Forward":            mailboxDesk,
	"MailboxService.RequestClockStop":   answering,
	"MailboxService.DecideClockStop":    approving,
	"MailboxService.ResumeClock":        answering,
	"MailboxService.Remind":             answering,
	"MailboxService.RequestExtension":   answering,
	"MailboxService.DecideExtension":    approving,
	"MailboxService.SubmitReply":        answering,
	"MailboxService.ApproveReply":       approving,
	"MailboxService.ReturnReply":        approving,
	"MailboxService.Publish":            mailboxDesk,
	"MailboxService.KeepMasked":         mailboxDesk,
	"MailboxService.UnkeepMasked":       mailboxDesk,
	"MailboxService.SaveTemplate":       mailboxDesk,
	"MailboxService.DeleteTemplate":     mailboxDesk,
	"MailboxService.SaveTopic":          mailboxDesk,
	"MailboxService.SaveSettings":       mailboxDesk,
	"MailboxService.GetIMAPConfig":      mailboxDesk,
	"MailboxService.SaveIMAPConfig":     mailboxDesk,
	"MailboxService.FetchMail":          mailboxDesk,
	"MailboxService.CancelImport":       mailboxDesk,
	"MailboxService.CancelFetch":        mailboxDesk,

	"PolicyService.Options":           anyone,
	"PolicyService.GetPolicy":         anyone,
	"PolicyService.GetVersion":        anyone,
	"PolicyService.ListClauses":       anyone,
	"PolicyService.ListPolicies":      anyone,
	"PolicyService.ChooseFile":        deskOnly,
	"PolicyService.ImportVersionFile": deskOnly,
	"PolicyService.ImportVersionData": drafting,
	"PolicyService.AddVersionText":    drafting,
	"PolicyService.SavePolicy":        drafting,
	"PolicyService.DeletePolicy":      drafting,
	"PolicyService.SetPolicyStatus":   drafting,

	"RecoveryService.RestoreAndQuit": deskOnly,
	"RecoveryService.Status":         deskOnly,
	"RemoteService.Call":             deskOnly,
	"RemoteService.Connect":          deskOnly,
	"RemoteService.Disconnect":       deskOnly,
	"RemoteService.Download":         deskOnly,
	"RemoteService.Probe":            deskOnly,
	"RemoteService.Status":           deskOnly,

	"RoutingService.Job":                    anyone,
	"RoutingService.History":                anyone,
	"RoutingService.LastEvaluation":         anyone,
	"RoutingService.ListDictionary":         anyone,
	"RoutingService.ModelInfo":              anyone,
	"RoutingService.PreviewExamples":        mailboxDesk,
	"RoutingService.ImportExamples":         mailboxDesk,
	"RoutingService.CancelExampleImport":    mailboxDesk,
	"RoutingService.DeleteImportedExamples": mailboxDesk,
	"RoutingService.SaveUserWord":           mailboxDesk,
	"RoutingService.DeleteUserWord":         mailboxDesk,
	"RoutingService.StartEvaluation":        mailboxDesk,
	"RoutingService.StartTraining":          mailboxDesk,
	"RoutingService.CancelJob":              mailboxDesk,

	"SettingsService.GetBureau":      anyone,
	"SettingsService.ListPeople":     anyone,
	"SettingsService.ListSections":   anyone,
	"SettingsService.Roles":          anyone,
	"SettingsService.GetCurrentUser": anyone,
	"SettingsService.SetCurrentUser": deskOnly,
	"SettingsService.SaveBureau":     officeWork,
	"SettingsService.SaveSection":    officeWork,
	"SettingsService.DeleteSection":  officeWork,
	"SettingsService.SavePerson":     officeWork,
	"SettingsService.DeletePerson":   officeWork,

	"SystemService.Info":              anyone,
	"SystemService.AuditLog":          officeWork,
	"SystemService.VerifyAudit":       officeWork,
	"SystemService.ExportAudit":       officeWork,
	"SystemService.ListBackups":       officeWork,
	"SystemService.BackupKeep":        officeWork,
	"SystemService.SetBackupKeep":     sysAdmin,
	"SystemService.BackupNow":         officeWork,
	"SystemService.RestoreBackup":     sysAdmin,
	"SystemService.OpenLogFolder":     deskOnly,
	"SystemService.OpenExport":        deskOnly,
	"SystemService.ShowExport":        deskOnly,
	"SystemService.ExportDiagnostics": officeWork,
}
