package app

import (
	"os/exec"
	"runtime"

	"policydesk/internal/core"
)

// openInFileManager shows a folder in the desk's file manager. It does not wait: Windows' explorer reports
// failure even when it opened the folder, and a file manager may stay open for hours.
func openInFileManager(dir string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", dir)
	case "darwin":
		cmd = exec.Command("open", dir)
	default:
		cmd = exec.Command("xdg-open", dir)
	}
	if err := cmd.Start(); err != nil {
		return core.Errorf(core.EINVALID, "无法打开文件夹 %s：本机没有可用的文件管理器，请手动打开该文件夹", dir)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
