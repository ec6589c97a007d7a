package app

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/export"
)

// OpenLogFolder opens the log folder in the desk's file manager (设置 → 关于 → 打开日志目录).
func (s *SystemService) OpenLogFolder() error {
	if err := os.MkdirAll(s.info.LogDir, 0o700); err != nil {
		return err
	}
	return openInFileManager(s.info.LogDir)
}

// ExportDiagnostics writes a 诊断包 for the administrator or the supplier: the log files (already masked when
// written), the installation's facts, the database's and the audit trail's checks and the list of backups. It
// carries no record of the bureau's work and no secret. Returns the zip's path in the exports folder.
func (s *SystemService) ExportDiagnostics() (string, error) {
	if err := os.MkdirAll(s.info.ExportDir, 0o700); err != nil {
		return "", err
	}
	name := export.SafeFileName("诊断包-"+s.clock.Now().Format("20060102-150405"), "诊断包") + ".zip"
	path := filepath.Join(s.info.ExportDir, name)
	summary := s.diagnosticSummary()
	logs, err := logFiles(s.info.LogDir)
	if err != nil {
		return "", err
	}
	err = core.WriteFileAtomic(path, func(w io.Writer) error {
		z := zip.NewWriter(w)
		if err := addZipText(z, "诊断信息.txt", summary); err != nil {
			return err
		}
		for _, f := range logs {
			if err := addZipFile(z, "日志/"+filepath.Base(f), f); err != nil {
				return err
			}
		}
		return z.Close()
	})
	if err != nil {
		return "", core.Errorf(core.EINTERNAL, "诊断包写入失败：%v", err)
	}
	return path, nil
}

// diagnosticSummary is the plain-text part of the 诊断包. A failing check is written down, not fatal: the
// package is asked for exactly when something is wrong.
func (s *SystemService) diagnosticSummary() string {
	var b strings.Builder
	line := func(label string, v any) { fmt.Fprintf(&b, "%s：%v\n", label, v) }
	line("软件版本", s.info.Version)
	line("构建提交", s.info.Commit)
	line("运行环境", fmt.Sprintf("%s/%s，%s，%d 核", runtime.GOOS, runtime.GOARCH, runtime.Version(), runtime.NumCPU()))
	line("本次启动", s.info.StartedAt)
	line("生成时间", s.clock.Now().Format(time.RFC3339))
	if s.info.FixedClock {
		line("时钟", "固定时钟（演示或测试用）")
	}
	if v, err := s.db.SchemaVersion(s.ctx); err != nil {
		line("结构版本", "读取失败："+err.Error())
	} else {
		line("结构版本", v)
	}
	if st, err := os.Stat(s.info.DBPath); err == nil {
		line("数据库大小", fmt.Sprintf("%.1f MB", float64(st.Size())/(1<<20)))
	}
	if problems, err := s.db.CheckIntegrity(s.ctx, false); err != nil {
		line("数据库检查", "无法完成："+err.Error())
	} else if len(problems) > 0 {
		line("数据库检查", fmt.Sprintf("未通过（%d 处）：%s", len(problems), strings.Join(problems[:min(len(problems), 5)], "；")))
	} else {
		line("数据库检查", "通过")
	}
	if c, err := s.db.VerifyAudit(s.ctx); err != nil {
		line("审计日志", "无法校验："+err.Error())
	} else if c.OK {
		line("审计日志", fmt.Sprintf("%d 条，校验通过", c.Entries))
	} else {
		line("审计日志", fmt.Sprintf("%d 条，校验未通过：%s", c.Entries, c.Problem))
	}
	b.WriteString("\n备份：\n")
	backups, err := s.backups(s.info.BackupDir)
	switch {
	case err != nil:
		b.WriteString("  无法列出：" + err.Error() + "\n")
	case len(backups) == 0:
		b.WriteString("  （没有备份）\n")
	}
	for _, k := range backups {
		fmt.Fprintf(&b, "  %s  %s  %.1f MB\n", k.CreatedAt, k.Name, float64(k.Size)/(1<<20))
	}
	return b.String()
}

// logFiles lists the log folder's files, current one last.
func logFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), "policydesk") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(files)
	return files, nil
}

func addZipText(z *zip.Writer, name, text string) error {
	w, err := z.Create(name)
	if err == nil {
		_, err = io.WriteString(w, text)
	}
	return err
}

// maxLogInBundle bounds what one log file adds to the package.
const maxLogInBundle = 64 << 20

func addZipFile(z *zip.Writer, name, path string) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) { // rotated away meanwhile
			return nil
		}
		return err
	}
	defer f.Close()
	var info fs.FileInfo
	if info, err = f.Stat(); err != nil {
		return err
	}
	h, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	h.Name, h.Method = name, zip.Deflate
	w, err := z.CreateHeader(h)
	if err == nil {
		_, err = io.Copy(w, io.LimitReader(f, maxLogInBundle))
	}
	return err
}
