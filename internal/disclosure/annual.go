package disclosure

import (
	"context"
	"policydesk/internal/core"
)

// CheckYear refuses a report year outside the 条例's time (reports exist since 2008).
func CheckYear(year int) error {
	if year < 2008 || year > 2100 {
		return core.FieldErrorf(core.EINVALID, "year", "请填写报告年度")
	}
	return nil
}

// AnnualTable is table 三 of a year's 政府信息公开工作年度报告, built from every application received by the
// year's end (RequestsForYear: the year's new applications, the carry-over from earlier years and the
// carry-forward of those still open at its end), with the year's answers counted on time or late.
func AnnualTable(year int, bureau string, rs []core.DisclosureRequest) (core.DisclosureTable, error) {
	out := core.DisclosureTable{Year: year, Bureau: bureau, Columns: Columns}
	if err := CheckYear(year); err != nil {
		return out, err
	}
	parsed := make([]ParsedRow, 0, len(rs))
	for _, r := range rs {
		col, _ := ColumnOf(r.ApplicantType)
		parsed = append(parsed, ParsedRow{No: r.CaseNo, Received: day(r.Received), Answered: day(r.AnswerDate),
			Column: col, Outcome: r.Outcome, Applicant: r.Applicant, Content: r.Content, Channel: r.Channel})
		if r.Outcome >= 0 && day(r.AnswerDate).Year() == year {
			if r.Status == core.DisclosureLate {
				out.Late++
			} else {
				out.OnTime++
			}
		}
	}
	t, err := BuildTable3(RequestsForYear(parsed, year))
	if err != nil {
		return out, err
	}
	out.Labels = t.Labels
	for _, c := range t.Cells {
		out.Cells = append(out.Cells, c[:])
	}
	if err := t.Check(); err != nil {
		out.Check = err.Error()
	}
	return out, nil
}

// AnnualTable4 is table 四 of a year's report, built from the remedies filed in it with their result at the
// year's end.
func AnnualTable4(year int, ms []core.DisclosureRemedy) (core.DisclosureTable4, error) {
	out := core.DisclosureTable4{Year: year, Groups: Table4Groups, Results: Table4Results}
	if err := CheckYear(year); err != nil {
		return out, err
	}
	var rs []Remedy
	for _, m := range ms {
		if r, ok := RemedyInYear(m.Kind, m.Result, day(m.Filed), day(m.Decided), year); ok {
			rs = append(rs, r)
		}
	}
	t, err := BuildTable4(rs)
	if err != nil {
		return out, err
	}
	for _, row := range t {
		out.Cells = append(out.Cells, row[:])
	}
	return out, nil
}

// Register is what the annual tables read from the register (the disclosure store).
type Register interface {
	RequestsUpTo(ctx context.Context, year int) ([]core.DisclosureRequest, error)
	RemediesFiled(ctx context.Context, year int) ([]core.DisclosureRemedy, error)
	Issuer(ctx context.Context) (core.Bureau, error)
	// AnnualEdits holds a 上年结转 entered by hand (WithCarryOver).
	AnnualEdits(ctx context.Context, year int) (core.AnnualEdits, error)
}

// ReadAnnualTable builds table 三 of a year from the register.
func ReadAnnualTable(ctx context.Context, reg Register, year int) (core.DisclosureTable, error) {
	if err := CheckYear(year); err != nil {
		return core.DisclosureTable{}, err
	}
	b, err := reg.Issuer(ctx)
	if err != nil {
		return core.DisclosureTable{}, err
	}
	rs, err := reg.RequestsUpTo(ctx, year)
	if err != nil {
		return core.DisclosureTable{}, err
	}
	e, err := reg.AnnualEdits(ctx, year)
	if err != nil {
		return core.DisclosureTable{}, err
	}
	t, err := AnnualTable(year, b.Name, rs)
	return WithCarryOver(t, e), err
}

// ReadAnnualTable4 builds table 四 of a year from the register.
func ReadAnnualTable4(ctx context.Context, reg Register, year int) (core.DisclosureTable4, error) {
	if err := CheckYear(year); err != nil {
		return core.DisclosureTable4{}, err
	}
	ms, err := reg.RemediesFiled(ctx, year)
	if err != nil {
		return core.DisclosureTable4{}, err
	}
	return AnnualTable4(year, ms)
}
