package core

import (
	"context"
	"time"
)

// Deadline is one entry of the 工作台's deadline list. Each module (征求意见, 政策解读, 局长信箱, the calendar itself)
// implements DeadlineSource; the dashboard merges and sorts them.
type Deadline struct {
	Module   string `json:"module"`   // 征求意见 / 政策解读 / 局长信箱 / 工作日历
	Kind     string `json:"kind"`     // a stable key, e.g. "calendar.missing_year"
	Title    string `json:"title"`    // what is due, in Chinese
	Detail   string `json:"detail"`   // one line of context
	Due      string `json:"due"`      // civil date, 2006-01-02
	Status   string `json:"status"`   // pending / due_today / overdue / info / warning
	Label    string `json:"label"`    // 剩余N个工作日 / 今日到期 / 已超期N个工作日 / free text
	Workdays int    `json:"workdays"` // working days left (negative when overdue)
	Link     string `json:"link"`     // the frontend route that opens the record
	// Whose the entry is, for the 我的 / 本科室 switch: the person who handles the record and their section
	// (0 when the record has none, e.g. the annual report; such entries show under 全部 only).
	PersonID  int64 `json:"personId"`
	SectionID int64 `json:"sectionId"`
	// Setup marks a reminder about the desk's own set-up (next year's holiday calendar not imported) rather
	// than a record's deadline: the 工作台 shows it as a banner that leads to the fix.
	Setup bool `json:"setup"`
}

// SoonWorkdays is how many working days ahead the 工作台 counts as "soon" (3个工作日内): the mailbox's reply
// limit, so that every message received up to today is in sight.
const SoonWorkdays = 3

// The 工作台's scopes: the signed-in person's entries, their section's, everybody's.
const (
	ScopeMine    = "mine"
	ScopeSection = "section"
	ScopeAll     = "all"
)

// Today is the 工作台's "today": the deadlines of one scope grouped by urgency, the sign-off steps waiting
// for the signed-in person, and the set-up warnings.
type Today struct {
	Scope    string     `json:"scope"`    // the scope shown (mine / section / all)
	Overdue  []Deadline `json:"overdue"`  // 已超期
	DueToday []Deadline `json:"dueToday"` // 今日到期
	Soon     []Deadline `json:"soon"`     // 3个工作日内 (after today)
	Later    []Deadline `json:"later"`    // further off, and reminders without a date to meet (待分办, 未处理意见)
	Signoffs []Deadline `json:"signoffs"` // 待我审核: steps whose named signer is the signed-in person
	Setup    []Deadline `json:"setup"`    // set-up warnings, shown as a banner
}

// DeadlineSource is implemented by every module that has dates to watch.
type DeadlineSource interface {
	Deadlines(ctx context.Context, now time.Time) ([]Deadline, error)
}

// SignoffQueue lists the sign-off steps that wait for one person: the current step of a round whose named
// signer they are, and with anySigner the current steps that name nobody (any approver may sign them).
type SignoffQueue interface {
	WaitingSignoffs(ctx context.Context, personID int64, anySigner bool) ([]Deadline, error)
}
