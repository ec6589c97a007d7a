package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"policydesk/internal/core"
)

// openableExports are the kinds of file PolicyDesk writes and offers to open: never a program.
var openableExports = []string{".docx", ".xlsx", ".html", ".htm", ".png", ".csv", ".zip", ".txt", ".pdf"}

// OpenExport opens an exported file with the desk's program for its kind (打开文件).
func (s *SystemService) OpenExport(path string) error {
	p, err := exportedFile(path)
	if err != nil {
		return err
	}
	return openWithDesktop(p, false)
}

// ShowExport shows the folder holding an exported file (打开所在文件夹); on Windows the file is selected.
func (s *SystemService) ShowExport(path string) error {
	p, err := exportedFile(path)
	if err != nil {
		return err
	}
	return openWithDesktop(p, true)
}

// exportedFile checks that path names an existing file of a kind PolicyDesk exports.
func exportedFile(path string) (string, error) {
	p := filepath.Clean(path)
	if !filepath.IsAbs(p) || !slices.Contains(openableExports, strings.ToLower(filepath.Ext(p))) {
		return "", core.FieldErrorf(core.EINVALID, "path", "只能打开本程序导出的文件")
	}
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return "", core.FieldErrorf(core.ENOTFOUND, "path", "文件 %s 不存在，可能已被移动或删除", p)
	}
	return p, nil
}

// openInFileManager shows a folder in the desk's file manager.
func openInFileManager(dir string) error {
	return start(opener(), dir, "无法打开文件夹 %s：本机没有可用的文件管理器，请手动打开该文件夹")
}

// openWithDesktop opens a file with its program, or (folder) shows the folder that holds it.
func openWithDesktop(path string, folder bool) error {
	if !folder {
		return start(opener(), path, "无法打开 %s：本机没有能打开这类文件的程序")
	}
	if runtime.GOOS == "windows" {
		return start("explorer", "/select,"+path, "无法打开 %s 所在的文件夹")
	}
	return start(opener(), filepath.Dir(path), "无法打开文件夹 %s：本机没有可用的文件管理器，请手动打开该文件夹")
}

func opener() string {
	switch runtime.GOOS {
	case "windows":
		return "explorer"
	case "darwin":
		return "open"
	}
	return "xdg-open"
}

// start runs the desktop's opener without waiting: Windows' explorer reports failure even when it opened the
// folder, and a file manager may stay open for hours.
func start(bin, arg, failure string) error {
	cmd := exec.Command(bin, arg)
	if err := cmd.Start(); err != nil {
		return core.Errorf(core.EINVALID, failure, arg)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
