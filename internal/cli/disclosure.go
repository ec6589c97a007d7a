package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/export"
	"policydesk/internal/intake"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// maxRegisterFile bounds a register read from the command line (the importers' limit).
const maxRegisterFile = 50 << 20

// withRegister runs fn on the register of the data directory in args and closes the database after; a
// database that cannot be opened is reported and fails the command.
func withRegister(args []string, stderr io.Writer, fn func(*sqlite.DisclosureStore) int) int {
	db, store, err := openRegister(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return 1
	}
	defer db.Close()
	return fn(store)
}

// openRegister opens the data directory's database for the 依申请公开 commands: a directory that does not
// exist yet gets an empty database (no demo data), so a script can start from a clean slate.
func openRegister(args []string) (*sqlite.DB, *sqlite.DisclosureStore, error) {
	paths, err := preparedDataDir(args)
	if err != nil {
		return nil, nil, err
	}
	db := sqlite.NewDB(paths.DB, rules.All())
	db.BackupDir = paths.Backups
	if err := db.Open(); err != nil {
		return nil, nil, fmt.Errorf("打开数据库 %s 失败：%w", paths.DB, err)
	}
	cals := sqlite.NewCalendarStore(db)
	if err := cals.Load(context.Background()); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("读取工作日历失败：%w", err)
	}
	return db, sqlite.NewDisclosureStore(db, cals.Calendar), nil
}

// requests imports an existing 依申请公开 登记台账: `policydesk requests import FILE`.
func requests(args, rest []string, stdout, stderr io.Writer) int {
	if len(rest) != 2 || rest[0] != "import" {
		fmt.Fprintln(stderr, "用法：policydesk requests import FILE.xlsx|FILE.csv [--data-dir DIR]")
		fmt.Fprintln(stderr, "表头：编号、收到日期、申请人、申请人类型、申请内容、申请方式、办理结果、答复日期(日期写成 YYYY-MM-DD；办理结果为空表示尚在办理)")
		return 2
	}
	file := rest[1]
	name := filepath.Base(file)
	info, err := os.Stat(file)
	if err != nil {
		fmt.Fprintf(stderr, "错误：无法读取 %s：%v\n", file, err)
		return 1
	}
	if info.Size() > maxRegisterFile {
		fmt.Fprintf(stderr, "错误：%s 超过50MB，请分成几个文件导入\n", name)
		return 1
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "错误：无法读取 %s：%v\n", file, err)
		return 1
	}
	parsed, errs, err := intake.ReadRegister(name, data)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
		return 1
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "错误：%s 有%d行不符合要求，整个文件未导入：\n", name, len(errs))
		for i, e := range errs {
			if i == 50 {
				fmt.Fprintf(stderr, "……另有%d行\n", len(errs)-50)
				break
			}
			fmt.Fprintln(stderr, "  "+e.Error())
		}
		return 1
	}
	return withRegister(args, stderr, func(store *sqlite.DisclosureStore) int {
		n, err := store.ImportRegister(core.WithActor(context.Background(), core.System), name, parsed)
		if err != nil {
			fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
			return 1
		}
		fmt.Fprintf(stdout, "已从 %s 导入%d件依申请公开记录\n", name, n)
		return 0
	})
}

// annualReport prints a table of the 政府信息公开工作年度报告 as CSV, or writes the whole report:
// `policydesk annual-report --year YYYY --table 3|4 --format csv` and `--format docx|html --out FILE`.
func annualReport(args, rest []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("annual-report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("year", 0, "报告年度")
	table := fs.Int("table", 3, "表格：3(收到和处理政府信息公开申请情况)或 4(行政复议、行政诉讼情况)")
	format := fs.String("format", "csv", "输出格式：csv(表三或表四)、docx 或 html(整份报告)")
	out := fs.String("out", "", "整份报告的输出文件(--format docx|html 时必填)")
	if err := fs.Parse(rest); err != nil {
		return 2
	}
	if *year == 0 {
		fmt.Fprintln(stderr, "用法：policydesk annual-report --year YYYY --table 3|4 --format csv [--data-dir DIR]")
		fmt.Fprintln(stderr, "      policydesk annual-report --year YYYY --format docx|html --out FILE [--data-dir DIR]")
		return 2
	}
	switch *format {
	case "csv":
	case "docx", "html":
		if *out == "" {
			fmt.Fprintf(stderr, "错误：--format %s 需要用 --out 指定输出文件\n", *format)
			return 2
		}
		return withRegister(args, stderr, func(store *sqlite.DisclosureStore) int {
			return writeAnnualReport(store, *year, *format, *out, stdout, stderr)
		})
	default:
		fmt.Fprintf(stderr, "错误：--format 只能是 csv、docx 或 html，不能是 %s\n", *format)
		return 2
	}
	if *table != 3 && *table != 4 {
		fmt.Fprintln(stderr, "错误：--table 只能是 3 或 4")
		return 2
	}
	return withRegister(args, stderr, func(store *sqlite.DisclosureStore) int {
		if *table == 4 {
			t4, err := disclosure.ReadAnnualTable4(core.WithActor(context.Background(), core.System), store, *year)
			if err != nil {
				fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
				return 1
			}
			var cells [3][5]int
			for g := range cells {
				copy(cells[g][:], t4.Cells[g])
			}
			fmt.Fprint(stdout, disclosure.Table4CSV(cells))
			return 0
		}
		t, err := disclosure.ReadAnnualTable(core.WithActor(context.Background(), core.System), store, *year)
		if err != nil {
			fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
			return 1
		}
		var b strings.Builder
		b.WriteString("项目," + strings.Join(t.Columns, ",") + "\n")
		for i, l := range t.Labels {
			b.WriteString(l)
			for _, v := range t.Cells[i] {
				fmt.Fprintf(&b, ",%d", v)
			}
			b.WriteString("\n")
		}
		fmt.Fprint(stdout, b.String())
		if t.Check != "" {
			fmt.Fprintln(stderr, "警告：勾稽关系不符：", t.Check)
			return 1
		}
		return 0
	})
}

// writeAnnualReport drafts the year's report from the records and writes it as DOCX or HTML.
func writeAnnualReport(store *sqlite.DisclosureStore, year int, format, out string, stdout, stderr io.Writer) int {
	r, err := disclosure.ReadAnnualReport(core.WithActor(context.Background(), core.System), store, year)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
		return 1
	}
	write := export.WriteHTML
	if format == "docx" {
		write = export.WriteDOCX
	}
	if err := write(out, disclosure.AnnualReportDocument(r)); err != nil {
		fmt.Fprintf(stderr, "错误：无法写入 %s：%v\n", out, err)
		return 1
	}
	fmt.Fprintf(stdout, "已生成《%s》：%s\n", r.Title, out)
	if r.Table3.Check != "" {
		fmt.Fprintln(stderr, "警告：表三勾稽关系不符：", r.Table3.Check)
		return 1
	}
	return 0
}
