package intake

import (
	"strings"
	"testing"

	"policydesk/internal/core"
)

func TestReadRegisterByHeader(t *testing.T) {
	file := "受理编号,申请日期,申请人,申请人类型,申请内容,处理结果,答复时间\n" +
		"2025-001,2025-03-03,张三,自然人,征地批复,予以公开,2025-03-20\n"
	rows, errs, err := ReadRegister("台账.csv", []byte(file))
	if err != nil || len(errs) != 0 || len(rows) != 1 || rows[0].No != "2025-001" || rows[0].Applicant != "张三" || rows[0].Channel != "" {
		t.Fatalf("rows = %+v, %v, %v", rows, errs, err)
	}
	_, _, err = ReadRegister("台账.csv", []byte("编号,申请人,办理结果\n1,张三,予以公开\n"))
	if core.ErrorCode(err) != core.EIMPORT || !strings.Contains(core.ErrorMessage(err), "收到日期") || !strings.Contains(core.ErrorMessage(err), "申请人类型") {
		t.Fatalf("missing columns: %v", err)
	}
	// every faulty row is named by its own line, nothing is read
	bad := "编号,收到日期,申请人类型,办理结果,答复日期\n" +
		"1,2025-03-03,自然人,予以公开,2025-03-01\n" +
		"2,2025-03-03,个体户,予以公开,2025-03-10\n" +
		"3,2025-03-03,自然人,予以公开,2025-03-10\n"
	rows, errs, err = ReadRegister("台账.csv", []byte(bad))
	if err != nil || rows != nil || len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "第2行：答复日期") || !strings.HasPrefix(errs[1].Error(), "第3行：申请人类型“个体户”") {
		t.Fatalf("rows %v errs %v err %v", rows, errs, err)
	}
	if _, _, err := ReadRegister("台账.csv", []byte("编号,收到日期,申请人类型,办理结果\n")); core.ErrorCode(err) != core.EIMPORT {
		t.Fatalf("a header only: %v", err)
	}
}
