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
}

// DeadlineSource is implemented by every module that has dates to watch.
type DeadlineSource interface {
	Deadlines(ctx context.Context, now time.Time) ([]Deadline, error)
}
