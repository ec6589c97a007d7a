package core

// The calendar's data as the UI sees it. Dates are civil dates written 2006-01-02.

// CalendarDay is one day of a year view.
type CalendarDay struct {
	Date    string `json:"date"`
	Weekday int    `json:"weekday"` // 0 = Sunday … 6 = Saturday
	Workday bool   `json:"workday"`
	Kind    string `json:"kind"` // 工作日 / 周末 / 法定节假日 / 调休上班
	Name    string `json:"name"` // holiday name, e.g. 春节
	Note    string `json:"note"`
	Edited  bool   `json:"edited"` // changed by a user rather than taken from the official notice
}

// CalendarYear is a whole year for the 设置 → 工作日历 page.
type CalendarYear struct {
	Year      int           `json:"year"`
	Covered   bool          `json:"covered"` // false: no holiday data for this year, only Mon–Fri
	Source    string        `json:"source"`
	SourceURL string        `json:"sourceUrl"`
	UpdatedAt string        `json:"updatedAt"`
	UpdatedBy string        `json:"updatedBy"`
	Days      []CalendarDay `json:"days"`
}

// CalendarYearInfo summarises a year whose holidays are recorded.
type CalendarYearInfo struct {
	Year           int    `json:"year"`
	Source         string `json:"source"`
	SourceURL      string `json:"sourceUrl"`
	RestDays       int    `json:"restDays"`       // holiday days, weekends inside holidays included
	MakeupWorkdays int    `json:"makeupWorkdays"` // 调休上班 days
	EditedDays     int    `json:"editedDays"`
	UpdatedAt      string `json:"updatedAt"`
	UpdatedBy      string `json:"updatedBy"`
}

// CalendarDayEdit changes one day. Kind is "holiday", "workday" or "default" (back to the Mon–Fri rule).
type CalendarDayEdit struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
	Name string `json:"name"`
	Note string `json:"note"`
}

// HolidaySpan is one holiday period, for "next holidays" lists.
type HolidaySpan struct {
	Name           string   `json:"name"`
	Start          string   `json:"start"`
	End            string   `json:"end"`
	Days           int      `json:"days"`
	MakeupWorkdays []string `json:"makeupWorkdays"`
}

// NoticeLine is one schedule line of a holiday notice as parsed.
type NoticeLine struct {
	Text     string   `json:"text"`
	Name     string   `json:"name"`
	RestDays []string `json:"restDays"`
	Workdays []string `json:"workdays"`
}

// DayChange is how applying a notice would change one day.
type DayChange struct {
	Date   string `json:"date"`
	Before string `json:"before"`
	After  string `json:"after"`
	Name   string `json:"name"`
}

// NoticePreview is what importing a notice would do, shown before it is applied.
type NoticePreview struct {
	Year      int          `json:"year"`
	Title     string       `json:"title"`
	DocNumber string       `json:"docNumber"`
	Lines     []NoticeLine `json:"lines"`
	Warnings  []string     `json:"warnings"`
	Changes   []DayChange  `json:"changes"`
	Replaces  bool         `json:"replaces"` // the year already has data, which the notice replaces
	RestDays  int          `json:"restDays"`
	Workdays  int          `json:"workdays"`
}

// TodayInfo is the dashboard's date panel.
type TodayInfo struct {
	Date         string        `json:"date"`
	WeekdayName  string        `json:"weekdayName"`
	Workday      bool          `json:"workday"`
	Kind         string        `json:"kind"`
	Name         string        `json:"name"`
	Due3         string        `json:"due3"` // 3 working days from today (a message received today is due then)
	Due3Weekday  string        `json:"due3Weekday"`
	NextHolidays []HolidaySpan `json:"nextHolidays"`
	YearCovered  bool          `json:"yearCovered"`
	NextCovered  bool          `json:"nextCovered"`
}

// DueResult answers "N working days after DATE".
type DueResult struct {
	From        string `json:"from"`
	Workdays    int    `json:"workdays"`
	Due         string `json:"due"`
	DueWeekday  string `json:"dueWeekday"`
	NaturalDays int    `json:"naturalDays"`
}

// MonthDay is a cell of the dashboard's month calendar.
type MonthDay struct {
	CalendarDay
	InMonth   bool `json:"inMonth"`
	Today     bool `json:"today"`
	Deadlines int  `json:"deadlines"`
}

// MonthView is a month laid out in weeks starting on Monday.
type MonthView struct {
	Year  int          `json:"year"`
	Month int          `json:"month"`
	Weeks [][]MonthDay `json:"weeks"`
}
