package auth

import (
	"regexp"
	"strings"

	"policydesk/internal/core"
)

// loginPattern: letters, digits and . _ - (a login is typed on every sign-in, often on a shared keyboard).
var loginPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$`)

// CheckLogin trims a new account's login and refuses one that is not 2 to 32 letters, digits or . _ -
// starting with a letter or digit.
func CheckLogin(login string) (string, error) {
	login = strings.TrimSpace(login)
	if !loginPattern.MatchString(login) {
		return login, core.FieldErrorf(core.EINVALID, "login", "账号需为2至32位字母、数字或 . _ -，且以字母或数字开头")
	}
	return login, nil
}

// CheckManager refuses account management to anybody but an account administrator: admin says the actor's
// active account administers accounts. The command line (系统, no person) manages accounts too.
func CheckManager(actor core.CurrentUser, admin bool) error {
	if actor.PersonID != 0 && !admin {
		return core.Errorf(core.EFORBID, "只有账号管理员可以管理登录账号，请联系系统管理员")
	}
	return nil
}

// CheckHolder refuses a sign-in account for a disabled person.
func CheckHolder(p core.Person) error {
	if !p.Active {
		return core.Errorf(core.EINVALID, "“%s”已停用，不能开设登录账号", p.Name)
	}
	return nil
}

// CheckDisable refuses an administrator stopping the account they are signed in with.
func CheckDisable(actor core.CurrentUser, personID int64, disabled bool) error {
	if disabled && personID == actor.PersonID {
		return core.Errorf(core.EFORBID, "不能停用自己正在使用的账号")
	}
	return nil
}

// CheckAdminChange refuses an administrator withdrawing their own administration (another one must).
func CheckAdminChange(actor core.CurrentUser, personID int64, admin bool) error {
	if !admin && personID == actor.PersonID {
		return core.Errorf(core.EFORBID, "不能取消自己的账号管理权限，请由另一位管理员操作")
	}
	return nil
}

// ConfirmFailure is the refusal of a wrong password at 电子签名确认: the lockout message when this failure
// locked the account, else a request to type it again.
func ConfirmFailure(s State, locked bool) error {
	if locked {
		return FailureMessage(s, true)
	}
	return core.FieldErrorf(core.EINVALID, "password", "密码不正确，请重新输入")
}
