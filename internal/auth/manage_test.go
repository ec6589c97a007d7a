package auth

import (
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// want is a refusal as the user sees it; the zero want is no refusal.
type want = testutil.Want

func TestCheckLogin(t *testing.T) {
	bad := want{core.EINVALID, "login", "账号需为2至32位字母、数字或 . _ -，且以字母或数字开头"}
	cases := []struct {
		name, in, out string
		want          want
	}{
		{"plain", "zhou", "zhou", want{}},
		{"trimmed", "  zhou.wei_2-a ", "zhou.wei_2-a", want{}},
		{"two characters", "z1", "z1", want{}},
		{"thirty-two characters", strings.Repeat("a", 32), strings.Repeat("a", 32), want{}},
		{"one character", "z", "", bad},
		{"thirty-three characters", strings.Repeat("a", 33), "", bad},
		{"starts with a dot", ".zhou", "", bad},
		{"Chinese", "周伟", "", bad},
		{"space inside", "zhou wei", "", bad},
		{"empty", "   ", "", bad},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckLogin(c.in)
			c.want.Result(t, err, got == c.out, got)
		})
	}
}

func TestAccountManagementRefusals(t *testing.T) {
	admin := core.CurrentUser{PersonID: 2, Name: "赵志强", Set: true}
	cli := core.CurrentUser{Name: "系统"} // the command line: no person
	notManager := want{core.EFORBID, "", "只有账号管理员可以管理登录账号，请联系系统管理员"}
	notSelf := want{core.EFORBID, "", "不能停用自己正在使用的账号"}
	keepAdmin := want{core.EFORBID, "", "不能取消自己的账号管理权限，请由另一位管理员操作"}
	cases := []struct {
		name string
		err  error
		want want
	}{
		{"an administrator manages", CheckManager(admin, true), want{}},
		{"the command line manages", CheckManager(cli, false), want{}},
		{"a person without administration", CheckManager(admin, false), notManager},
		{"an active person gets an account", CheckHolder(core.Person{Name: "王芳", Active: true}), want{}},
		{"a disabled person", CheckHolder(core.Person{Name: "王芳"}), want{core.EINVALID, "", "“王芳”已停用，不能开设登录账号"}},
		{"disable another", CheckDisable(admin, 3, true), want{}},
		{"enable oneself", CheckDisable(admin, 2, false), want{}},
		{"the command line disables", CheckDisable(cli, 3, true), want{}},
		{"disable oneself", CheckDisable(admin, 2, true), notSelf},
		{"withdraw another's administration", CheckAdminChange(admin, 3, false), want{}},
		{"grant oneself administration", CheckAdminChange(admin, 2, true), want{}},
		{"withdraw one's own administration", CheckAdminChange(admin, 2, false), keepAdmin},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.want.Check(t, c.err) })
	}
}

func TestConfirmFailure(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai)
	second, locked := Failed(State{FailedCount: 1}, now)
	if locked {
		t.Fatal("second failure locked")
	}
	fifth, locked := Failed(State{FailedCount: MaxFailures - 1}, now)
	if !locked {
		t.Fatal("fifth failure did not lock")
	}
	cases := []struct {
		name   string
		s      State
		locked bool
		want   want
	}{
		{"a wrong password", second, false, want{core.EINVALID, "password", "密码不正确，请重新输入"}},
		{"the failure that locks", fifth, true, want{core.ENOTAUTH, "", "密码连续输错5次，账号已锁定15分钟，请稍后再试或请系统管理员解锁"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.want.Check(t, ConfirmFailure(c.s, c.locked)) })
	}
}
