// Package buildinfo holds the version and the commit PolicyDesk was built from, for `policydesk --version`
// and 设置 → 关于. The version has one source, wails.json's info.productVersion: main embeds that file and calls
// SetVersionFromConfig. The commit is injected by build/package.sh (-ldflags -X policydesk/internal/buildinfo.Commit=…)
// or, for a plain `go build` inside the repository, read from the VCS stamp Go writes into the binary.
package buildinfo

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
)

// Version is the product version ("0.1.0"); "" until main sets it.
var Version string

// Commit is the git commit, set at link time; empty means "ask the Go build stamp".
var Commit string

// SetVersionFromConfig reads info.productVersion from wails.json's content and makes it the Version.
func SetVersionFromConfig(wailsJSON []byte) error {
	v, err := ProductVersion(wailsJSON)
	if err != nil {
		return err
	}
	Version = v
	return nil
}

// ProductVersion returns info.productVersion of a wails.json.
func ProductVersion(wailsJSON []byte) (string, error) {
	var cfg struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	if err := json.Unmarshal(wailsJSON, &cfg); err != nil {
		return "", fmt.Errorf("wails.json 无法解析：%w", err)
	}
	v := strings.TrimSpace(cfg.Info.ProductVersion)
	if v == "" {
		return "", fmt.Errorf("wails.json 缺少 info.productVersion")
	}
	return v, nil
}

// CommitID returns the commit: the injected one, else the VCS revision stamped by `go build` (shortened,
// "-dirty" when the work tree had changes), else "unknown".
func CommitID() string {
	if Commit != "" {
		return Commit
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return fromSettings(bi.Settings)
}

func fromSettings(settings []debug.BuildSetting) string {
	rev, dirty := "", false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// Line is what `policydesk --version` prints.
func Line() string {
	v := Version
	if v == "" {
		v = "unknown"
	}
	return fmt.Sprintf("policydesk %s (commit %s)", v, CommitID())
}
