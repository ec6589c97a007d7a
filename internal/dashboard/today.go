// Package dashboard holds the 工作台's rules: whose deadlines a person sees and how they are grouped.
package dashboard

import (
	"sort"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// DefaultScope is the scope the 工作台 opens on: the openness office (and the system administrator) watch
// every module, a section head watches the section, everybody else their own records.
func DefaultScope(a core.Actor) string {
	switch {
	case a.IsSystem(), a.Role == core.RoleOfficer, a.Role == core.RoleAdmin:
		return core.ScopeAll
	case a.Role == core.RoleApprover:
		return core.ScopeSection
	}
	return core.ScopeMine
}

// CheckScope fills the default scope and refuses an unknown one. Without a signed-in person only 全部 exists.
func CheckScope(scope string, a core.Actor) (string, error) {
	switch {
	case a.IsSystem():
		return core.ScopeAll, nil
	case scope == "":
		return DefaultScope(a), nil
	case scope == core.ScopeMine, scope == core.ScopeSection, scope == core.ScopeAll:
		return scope, nil
	}
	return "", core.FieldErrorf(core.EINVALID, "scope", "未知的范围“%s”", scope)
}

// SignsAnyStep reports whether a sign-off step that names nobody waits for a: it does for the roles that sign
// (审核/审签人员, the openness office, the system administrator).
func SignsAnyStep(a core.Actor) bool {
	return !a.IsSystem() && (a.Role == core.RoleApprover || a.Role == core.RoleOfficer || a.Role == core.RoleAdmin)
}

// InScope reports whether a deadline belongs to the scope of a: 我的 is what the person handles, 本科室 what
// their section handles (their own included); entries without an owner show under 全部 only.
func InScope(d core.Deadline, scope string, a core.Actor) bool {
	mine := a.PersonID != 0 && d.PersonID == a.PersonID
	switch scope {
	case core.ScopeMine:
		return mine
	case core.ScopeSection:
		return mine || (a.SectionID != 0 && d.SectionID == a.SectionID)
	}
	return true
}

// Group builds the 工作台's today from the merged deadlines of every module and the sign-off steps waiting for
// the person: set-up warnings apart whatever the scope, the scope's deadlines under 已超期, 今日到期,
// 3个工作日内 and 其他待办, each most urgent first. Plain information (the next holiday, today's reply date)
// is left out: the today card and the month calendar show it.
func Group(all, signoffs []core.Deadline, scope string, a core.Actor) core.Today {
	t := core.Today{Scope: scope, Overdue: []core.Deadline{}, DueToday: []core.Deadline{}, Soon: []core.Deadline{},
		Later: []core.Deadline{}, Signoffs: append([]core.Deadline{}, signoffs...), Setup: []core.Deadline{}}
	for _, d := range all {
		if d.Setup {
			t.Setup = append(t.Setup, d)
			continue
		}
		if !InScope(d, scope, a) {
			continue
		}
		switch {
		case d.Status == calendar.StatusOverdue:
			t.Overdue = append(t.Overdue, d)
		case d.Status == calendar.StatusDueToday:
			t.DueToday = append(t.DueToday, d)
		case d.Status == calendar.StatusPending && d.Workdays <= core.SoonWorkdays:
			t.Soon = append(t.Soon, d)
		case d.Status == calendar.StatusPending, d.Status == "warning":
			t.Later = append(t.Later, d)
		}
	}
	for _, g := range [][]core.Deadline{t.Overdue, t.DueToday, t.Soon, t.Later, t.Signoffs} {
		byDue(g)
	}
	return t
}

// byDue sorts the entries by due date, the longest overdue first; ties keep their order.
func byDue(ds []core.Deadline) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Due < ds[j].Due })
}
