package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A register is imported whole or not at all, and table 三 holds its 勾稽关系: 一 + 二 = 三（七）+ 四.
func TestRequestsImportAndAnnualReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new") // does not exist yet: an empty database, no demo data
	write := func(name, text string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const header = "编号,收到日期,申请人,申请人类型,申请内容,申请方式,办理结果,答复日期\n"
	bad := write("bad.csv", header+
		"1,2026-03-03,张三,自然人,征地批复,信函,予以公开,2026-03-20\n"+
		"2,2026-03-05,李四,,规划许可,网络,予以公开,2026-03-20\n"+
		"3,2026-03-05,王五,自然人,补偿方案,当面,已办结,2026-03-20\n"+
		"4,2026-03-09,赵六,自然人,拆迁档案,当面,予以公开,2026-03-01\n")
	_, errs, code := run(t, "requests", "import", bad, "--data-dir", dir)
	for _, want := range []string{"第3行：缺少申请人类型", "第4行：办理结果“已办结”", "第5行：答复日期 2026-03-01 早于收到日期", "整个文件未导入"} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("bad register: code %d, stderr lacks %q:\n%s", code, want, errs)
		}
	}
	good := write("register.csv", header+
		"2025-9,2025-12-20,张三,自然人,征地批复,信函,予以公开,2026-01-10\n"+
		"2026-1,2026-03-03,某公司,商业企业,规划许可,网络,不予公开-保护第三方合法权益,2026-03-20\n"+
		"2026-2,2026-04-03,李四,公民,补偿方案,当面,无法提供：本机关不掌握相关政府信息,2026-04-20\n"+
		"2026-3,2026-12-28,王五,自然人,拆迁档案,当面,,\n")
	out, errs, code := run(t, "requests", "import", good, "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "导入4件") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if _, errs, code := run(t, "requests", "import", good, "--data-dir", dir); code != 1 || !strings.Contains(errs, "已在登记簿中") {
		t.Errorf("second import: %d %s", code, errs)
	}
	out, errs, code = run(t, "annual-report", "--year", "2026", "--table", "3", "--format", "csv", "--data-dir", dir)
	if code != 0 {
		t.Fatalf("annual-report: %d %s", code, errs)
	}
	for _, want := range []string{
		"项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n",
		"一、本年新收政府信息公开申请数量,2,1,0,0,0,0,3\n",
		"二、上年结转政府信息公开申请数量,1,0,0,0,0,0,1\n",
		"三、本年度办理结果/（一）予以公开,1,0,0,0,0,0,1\n",
		"三、本年度办理结果/（三）不予公开/4.保护第三方合法权益,0,1,0,0,0,0,1\n",
		"三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息,1,0,0,0,0,0,1\n",
		"三、本年度办理结果/（七）总计,2,1,0,0,0,0,3\n",
		"四、结转下年度继续办理,1,0,0,0,0,0,1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table 三 lacks %q:\n%s", want, out)
		}
	}
	if lines := strings.Count(out, "\n"); lines != 1+25 { // the header and the statutory 25 rows
		t.Errorf("table 三 has %d lines, want 26", lines)
	}
	if _, errs, code := run(t, "annual-report", "--year", "2026", "--format", "docx", "--data-dir", dir); code != 2 || !strings.Contains(errs, "--out") {
		t.Errorf("docx without --out: %d %s", code, errs)
	}
	// The whole report, from the same records: DOCX to file and HTML to publish.
	for _, format := range []string{"docx", "html"} {
		file := filepath.Join(t.TempDir(), "报告."+format)
		out, errs, code := run(t, "annual-report", "--year", "2026", "--format", format, "--out", file, "--data-dir", dir)
		if code != 0 || !strings.Contains(out, "2026年政府信息公开工作年度报告") {
			t.Fatalf("%s: %d %s %s", format, code, out, errs)
		}
		data, err := os.ReadFile(file)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "html" {
			for _, want := range []string{"一、总体情况", "六、其他需要报告的事项", "本年新收政府信息公开申请", "第二十条第（一）项"} {
				if !strings.Contains(string(data), want) {
					t.Errorf("html lacks %q", want)
				}
			}
		}
	}
}
