package disclosure

import (
	"regexp"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

var (
	wholeNumber = regexp.MustCompile(`^[0-9]+$`)
	wanAmount   = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,4})?$`)
)

// CheckAnnualEdits checks what the office adds to year's report: counts as whole numbers and the fee amount in
// 万元 (up to four decimals), a source for any figure entered, and a publication (date and address together)
// after the year ended and not in the future.
func CheckAnnualEdits(e core.AnnualEdits, today time.Time) (core.AnnualEdits, error) {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&e.Licensing, &e.Penalty, &e.Enforcement, &e.FeesWan, &e.Source, &e.Overview, &e.PublishedDate, &e.PublishedURL} {
		trim(s)
	}
	if err := CheckYear(e.Year); err != nil {
		return e, err
	}
	counts := []struct{ field, label, v string }{
		{"licensing", "行政许可处理决定数量", e.Licensing}, {"penalty", "行政处罚处理决定数量", e.Penalty}, {"enforcement", "行政强制处理决定数量", e.Enforcement},
	}
	for _, c := range counts {
		if c.v != "" && !wholeNumber.MatchString(c.v) {
			return e, core.FieldErrorf(core.EINVALID, c.field, "%s请填写整数（件）", c.label)
		}
	}
	if e.FeesWan != "" && !wanAmount.MatchString(e.FeesWan) {
		return e, core.FieldErrorf(core.EINVALID, "feesWan", "行政事业性收费金额请填写万元数（最多四位小数），如 12.5")
	}
	if (e.Licensing != "" || e.Penalty != "" || e.Enforcement != "" || e.FeesWan != "") && e.Source == "" {
		return e, core.FieldErrorf(core.EINVALID, "source", "请注明第二十条第（五）（六）（八）项数据的来源（提供科室或系统）")
	}
	if (e.PublishedDate == "") != (e.PublishedURL == "") {
		if e.PublishedDate == "" {
			return e, core.FieldErrorf(core.EINVALID, "publishedDate", "请填写发布日期")
		}
		return e, core.FieldErrorf(core.EINVALID, "publishedUrl", "请填写报告在门户网站的发布地址")
	}
	if e.PublishedDate != "" {
		d, err := calendar.ParseDate(e.PublishedDate)
		switch {
		case err != nil:
			return e, core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期格式应如 %d-01-20", e.Year+1)
		case d.Year() <= e.Year:
			return e, core.FieldErrorf(core.EINVALID, "publishedDate", "%d年度报告应在%d年发布，发布日期不能早于%d-01-01", e.Year, e.Year+1, e.Year+1)
		case d.After(calendar.Day(today)):
			return e, core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期不能晚于今天")
		}
		e.PublishedDate = calendar.FormatDate(d)
		if !strings.HasPrefix(e.PublishedURL, "http://") && !strings.HasPrefix(e.PublishedURL, "https://") {
			return e, core.FieldErrorf(core.EINVALID, "publishedUrl", "发布地址应以 http:// 或 https:// 开头")
		}
	}
	return e, nil
}

// WithEdits puts the office's additions into a drafted report: an edited 总体情况 replaces the draft's
// paragraphs (one per line), and the figures entered by hand go into table 二 (AnnualReportDocument).
func WithEdits(r core.AnnualReport, e core.AnnualEdits) core.AnnualReport {
	r.Edits = e
	if strings.TrimSpace(e.Overview) == "" || len(r.Sections) == 0 {
		return r
	}
	var paras []string
	for _, p := range strings.Split(e.Overview, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	sections := append([]core.AnnualSection(nil), r.Sections...)
	sections[0] = core.AnnualSection{Title: sections[0].Title, Paragraphs: paras}
	r.Sections = sections
	return r
}
