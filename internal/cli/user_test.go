package cli

import (
	"bytes"
	"strings"
	"testing"
)

func runUser(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	handled, code := Run(append([]string{"--data-dir", dir, "user"}, args...), &out, &errOut)
	if !handled {
		t.Fatal("user not handled")
	}
	return code, out.String(), errOut.String()
}

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runUser(t, dir, "Zhou-2026a\n", "add", "zhoumy", "--name", "周明远", "--role", "政务公开专员", "--section", "办公室", "--admin")
	if code != 0 || !strings.Contains(out, "zhoumy") || !strings.Contains(out, "账号管理员") {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runUser(t, dir, "weak\n", "add", "qianxf", "--name", "钱晓峰", "--role", "mailbox", "--section", "办公室")
	if code != 1 || !strings.Contains(errOut, "密码") {
		t.Fatalf("weak password: %d %q", code, errOut)
	}
	code, _, errOut = runUser(t, dir, "Qian-2026a\n", "add", "qianxf", "--name", "钱晓峰", "--role", "园丁", "--section", "办公室")
	if code != 2 || !strings.Contains(errOut, "角色") {
		t.Fatalf("bad role: %d %q", code, errOut)
	}
	if code, _, errOut = runUser(t, dir, "Qian-2026a\n", "add", "qianxf", "--name", "钱晓峰", "--role", "mailbox", "--section", "办公室"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut = runUser(t, dir, "Qian-2027b\n", "passwd", "QIANXF"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut = runUser(t, dir, "", "disable", "qianxf"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ = runUser(t, dir, "", "list")
	if code != 0 || !strings.Contains(out, "钱晓峰") || !strings.Contains(out, "已停用") || !strings.Contains(out, "信箱管理员") {
		t.Fatalf("list: %q", out)
	}
	if code, _, errOut = runUser(t, dir, "", "disable", "nobody"); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Fatalf("unknown login: %d %q", code, errOut)
	}
	if code, _, _ = runUser(t, dir, "", "frobnicate"); code != 2 {
		t.Fatalf("unknown subcommand: %d", code)
	}
}
