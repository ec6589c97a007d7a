//go:build server

package main

import "errors"

// run: a server-only build (go build -tags server) links no GTK or WebKit and has no window.
func run() error {
	return errors.New("此程序为服务器版本，没有桌面窗口：请运行 policydesk serve（policydesk help 查看用法）")
}
