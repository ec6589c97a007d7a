package disclosure

import (
	"regexp"
	"strconv"
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
	for _, s := range []*string{&e.Licensing, &e.Penalty, &e.Enforcement, &e.FeesWan, &e.Source, &e.Overview, &e.PublishedDate, &e.PublishedURL, &e.CarrySource} {
		trim(s)
	}
	if err := CheckYear(e.Year); err != nil {
		return e, err
	}
	var err error
	if e.CarryOver, err = checkCarryOver(e.CarryOver, e.CarrySource, e.Year); err != nil {
		return e, err
	}
	if e.CarryOver == nil {
		e.CarrySource = ""
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

// checkCarryOver reads a 上年结转 entered by hand: one whole number per applicant column (a blank column
// counts 0), with its source; all blank means the register's own count.
func checkCarryOver(in []string, source string, year int) ([]string, error) {
	applicants := Columns[:len(Columns)-1]
	if len(in) > len(applicants) {
		return nil, core.FieldErrorf(core.EINVALID, "carryOver", "上年结转只有%d列（%s）", len(applicants), strings.Join(applicants, "、"))
	}
	out := make([]string, len(applicants))
	entered := false
	for i := range applicants {
		v := ""
		if i < len(in) {
			v = strings.TrimSpace(in[i])
		}
		if v == "" {
			v = "0"
		} else {
			entered = true
		}
		if !wholeNumber.MatchString(v) || len(v) > 7 {
			return nil, core.FieldErrorf(core.EINVALID, "carryOver", "上年结转（%s）请填写整数（件）", applicants[i])
		}
		out[i] = strings.TrimLeft(v, "0")
		if out[i] == "" {
			out[i] = "0"
		}
	}
	if !entered {
		return nil, nil
	}
	if source == "" {
		return nil, core.FieldErrorf(core.EINVALID, "carrySource", "请注明上年结转数据的来源（如%d年度报告表三“四、结转下年度继续办理”）", year-1)
	}
	return out, nil
}

// WithCarryOver puts a 上年结转 entered by hand into table 三's row 二 (its 总计 summed again) and checks the
// 勾稽关系 again: carried-over applications the register does not hold have no result in it, which the check
// then names.
func WithCarryOver(t core.DisclosureTable, e core.AnnualEdits) core.DisclosureTable {
	if len(e.CarryOver) == 0 || len(t.Cells) < 2 {
		return t
	}
	cells := make([][]int, len(t.Cells))
	for i := range t.Cells {
		cells[i] = append([]int(nil), t.Cells[i]...)
	}
	row, total := cells[1], 0
	for c := 0; c < len(row)-1 && c < len(e.CarryOver); c++ {
		n, _ := strconv.Atoi(e.CarryOver[c])
		row[c] = n
		total += n
	}
	row[len(row)-1] = total
	t.Cells, t.CarrySource, t.Check = cells, e.CarrySource, ""
	if err := CheckTable(t); err != nil {
		t.Check = err.Error() + "（上年结转为手工填写，请核对上年结转申请的办理结果是否已在登记簿中）"
	}
	return t
}

// CheckTable verifies table 三's 勾稽关系 (一 + 二 = 三（七）+ 四 per column, 总计 the sum of the columns).
func CheckTable(t core.DisclosureTable) error {
	var t3 Table3
	t3.Labels = t.Labels
	for _, row := range t.Cells {
		var r [7]int
		copy(r[:], row)
		t3.Cells = append(t3.Cells, r)
	}
	if len(t3.Cells) < 4 {
		return nil
	}
	return t3.Check()
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

// SignoffState says where a year's report's sign-off stands for the additions e: signing, returned, signed
// (signed is what e holds) or changed since its round ("" never submitted).
func SignoffState(so core.Signoff, signed string, e core.AnnualEdits) string {
	switch {
	case so.Round == 0:
		return ""
	case so.Current != "":
		return core.DraftSigning
	case so.Returned:
		return core.DraftReturned
	case !so.Complete:
		return ""
	case signed != e.SignedText():
		return core.DraftChanged
	}
	return core.DraftSigned
}

// CheckAnnualPublication refuses recording a report's publication before the report as it stands is signed
// off (DOMAIN.md §6: the annual report goes online only after its round), and a change of a published
// report's content; state is SignoffState for e.
func CheckAnnualPublication(old, e core.AnnualEdits, state string) error {
	publishing := e.PublishedDate != "" && (e.PublishedDate != old.PublishedDate || e.PublishedURL != old.PublishedURL)
	switch {
	case old.PublishedDate != "" && e.PublishedDate != "" && old.SignedText() != e.SignedText():
		return core.FieldErrorf(core.EFORBID, "publishedDate", "%d年度报告已于%s发布，不能再修改内容；如需更正，请先清除发布日期和网址，修改后重新审签", e.Year, old.PublishedDate)
	case !publishing:
		return nil
	case state == core.DraftSigned:
		return nil
	case state == "":
		return core.FieldErrorf(core.EFORBID, "publishedDate", "%d年度报告尚未审签，不能登记发布；请先提交审签", e.Year)
	case state == core.DraftChanged:
		return core.FieldErrorf(core.EFORBID, "publishedDate", "%d年度报告审签后又作了修改，请重新提交审签后再登记发布", e.Year)
	}
	return core.FieldErrorf(core.EFORBID, "publishedDate", "%d年度报告%s，审签完成后才能登记发布", e.Year, state)
}
