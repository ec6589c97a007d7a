package intake

import (
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
)

// RegisterFields are the columns of a 依申请公开 register, first the header names the report's own 登记台账
// uses; 编号, 收到日期, 申请人类型 and 办理结果 are required.
func RegisterFields() []Field {
	return []Field{
		{Key: "no", Label: "编号", Required: true, Synonyms: []string{"编号", "受理编号", "申请编号", "序号", "案号"}},
		{Key: "received", Label: "收到日期", Required: true, Synonyms: []string{"收到日期", "收到申请日期", "收到申请之日", "受理日期", "申请日期", "登记日期"}},
		{Key: "applicantType", Label: "申请人类型", Required: true, Synonyms: []string{"申请人类型", "申请人类别", "申请主体", "申请人性质"}},
		{Key: "result", Label: "办理结果", Required: true, Synonyms: []string{"办理结果", "处理结果", "答复结果", "答复类型"}},
		{Key: "applicant", Label: "申请人", Synonyms: []string{"申请人", "申请人姓名", "申请人名称"}},
		{Key: "content", Label: "申请内容", Synonyms: []string{"申请内容", "申请公开的信息", "所需信息", "申请事项"}},
		{Key: "channel", Label: "申请方式", Synonyms: []string{"申请方式", "申请渠道", "提交方式"}},
		{Key: "answered", Label: "答复日期", Synonyms: []string{"答复日期", "答复时间", "办结日期"}},
	}
}

// ReadRegister reads a register file (XLSX, or CSV in any of the encodings offices use) by its headers and
// checks every row by the 依申请公开 rules: the rows when all hold, else every row's error (the file is then
// not imported at all). err is a problem with the file itself or its columns.
func ReadRegister(name string, data []byte) (rows []disclosure.ParsedRow, rowErrs []error, err error) {
	table, problem, err := Read(name, data, RegisterFields(), nil)
	if err != nil {
		return nil, nil, err
	}
	if problem != "" {
		return nil, nil, &core.Error{Code: core.EIMPORT, Field: name, Message: name + "：" + problem}
	}
	if len(table.Rows) == 0 {
		return nil, nil, core.Errorf(core.EIMPORT, "%s：表格中没有数据行", name)
	}
	raw := make([]disclosure.RegisterRow, len(table.Rows))
	for i := range table.Rows {
		raw[i] = disclosure.RegisterRow{No: table.Cell(i, "no"), Received: table.Cell(i, "received"), Applicant: table.Cell(i, "applicant"),
			ApplicantType: table.Cell(i, "applicantType"), Content: table.Cell(i, "content"), Channel: table.Cell(i, "channel"),
			Result: table.Cell(i, "result"), Answered: table.Cell(i, "answered")}
	}
	// rows after a blank one keep their own line numbers in the messages
	var errs []error
	for i := range raw {
		if _, e := disclosure.ParseRegisterRow(table.Row(i), raw[i]); e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs, nil
	}
	rows, errs = disclosure.ParseRegister(raw, table.Row(0))
	return rows, errs, nil
}
