// Package auth holds the rules of sign-in accounts: the password policy, password hashing (argon2id), lockout
// after repeated failures, the forced change after an administrator's reset and the freshness of the password
// confirmation that sensitive actions need. It touches no database: the store loads an account's facts, calls
// these rules and writes the result.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"policydesk/internal/core"
)

// Policy numbers. They are the bureau's 等保 baseline and not configurable on purpose.
const (
	MinPasswordLength = 8
	MinPasswordKinds  = 3                // of upper case, lower case, digits, other characters
	MaxPasswordLength = 128              // longer input is refused before hashing
	MaxFailures       = 5                // failed sign-ins in a row before the account locks
	LockDuration      = 15 * time.Minute // how long a locked account stays locked
	ConfirmValidFor   = 5 * time.Minute  // how long a password confirmation covers sensitive actions
)

// CheckPassword applies the password policy to a new password for the account login.
func CheckPassword(login, password string) error {
	if !utf8.ValidString(password) {
		return core.FieldErrorf(core.EINVALID, "password", "密码含有无法识别的字符，请重新输入")
	}
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLength {
		return core.FieldErrorf(core.EINVALID, "password", "密码至少需要%d位，当前只有%d位", MinPasswordLength, n)
	}
	if n > MaxPasswordLength {
		return core.FieldErrorf(core.EINVALID, "password", "密码不能超过%d位", MaxPasswordLength)
	}
	var upper, lower, digit, other bool
	for _, r := range password {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return core.FieldErrorf(core.EINVALID, "password", "密码不能包含空格或控制字符")
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, b := range []bool{upper, lower, digit, other} {
		if b {
			kinds++
		}
	}
	if kinds < MinPasswordKinds {
		return core.FieldErrorf(core.EINVALID, "password",
			"密码需包含大写字母、小写字母、数字、其他符号中的至少%d类，当前只有%d类", MinPasswordKinds, kinds)
	}
	if login != "" && strings.Contains(strings.ToLower(password), strings.ToLower(login)) {
		return core.FieldErrorf(core.EINVALID, "password", "密码不能包含账号名")
	}
	return nil
}

// CheckChange applies the policy to a password change: the old password was typed correctly (oldCorrect), the
// new one follows the policy and differs from the old.
func CheckChange(login string, oldCorrect bool, oldPassword, newPassword string) error {
	if !oldCorrect {
		return core.FieldErrorf(core.EINVALID, "oldPassword", "原密码不正确")
	}
	if oldPassword == newPassword {
		return core.FieldErrorf(core.EINVALID, "newPassword", "新密码不能与原密码相同")
	}
	if err := CheckPassword(login, newPassword); err != nil {
		err.(*core.Error).Field = "newPassword"
		return err
	}
	return nil
}

// Argon2id parameters (RFC 9106 second recommendation scaled to a shared office server: 19 MiB, 2 passes).
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

var b64 = base64.RawStdEncoding

// Hash returns the PHC-style encoding of password: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>.
func Hash(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	return encode(password, salt, argonMemory, argonTime, argonThreads), nil
}

func encode(password string, salt []byte, m uint32, t uint32, p uint8) string {
	key := argon2.IDKey([]byte(password), salt, t, m, p, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, m, t, p, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// Verify reports whether password matches the encoded hash. A malformed hash never matches.
// The comparison takes the same time wherever the first difference is.
func Verify(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return false
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 ||
		m > 1<<20 || t > 16 {
		return false
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < 16 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// NeedsRehash reports whether an encoded hash uses weaker parameters than today's (rehash at the next sign-in).
func NeedsRehash(encoded string) bool {
	return !strings.HasPrefix(encoded, fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$", argon2.Version, argonMemory, argonTime, argonThreads))
}

// State is what the sign-in rules need to know about an account.
type State = core.LoginState

// CanTry refuses a sign-in attempt on a disabled or locked account before the password is even checked.
func CanTry(s State, now time.Time) error {
	if s.Disabled {
		return core.Errorf(core.EFORBID, "该账号已停用，请联系系统管理员")
	}
	if !s.LockedUntil.IsZero() && now.Before(s.LockedUntil) {
		mins := int(s.LockedUntil.Sub(now).Minutes() + 0.999)
		return core.Errorf(core.EFORBID, "密码连续输错%d次，账号已锁定，请%d分钟后再试或请系统管理员解锁", MaxFailures, mins)
	}
	return nil
}

// Failed returns the state after a wrong password and whether this failure locked the account.
func Failed(s State, now time.Time) (State, bool) {
	if !s.LockedUntil.IsZero() && !now.Before(s.LockedUntil) {
		s.FailedCount, s.LockedUntil = 0, time.Time{} // an expired lock starts a fresh count
	}
	s.FailedCount++
	if s.FailedCount >= MaxFailures {
		s.LockedUntil = now.Add(LockDuration)
		return s, true
	}
	return s, false
}

// FailureMessage is the refusal after a wrong password: it never says whether the login exists.
func FailureMessage(s State, locked bool) error {
	if locked {
		return core.Errorf(core.ENOTAUTH, "密码连续输错%d次，账号已锁定%d分钟，请稍后再试或请系统管理员解锁", MaxFailures, int(LockDuration.Minutes()))
	}
	if left := MaxFailures - s.FailedCount; left > 0 && s.FailedCount >= 2 {
		return core.Errorf(core.ENOTAUTH, "账号或密码不正确，再输错%d次账号将被锁定", left)
	}
	return core.Errorf(core.ENOTAUTH, "账号或密码不正确")
}

// Succeeded returns the state after a correct password: the failure count and lock are cleared.
func Succeeded(s State) State {
	s.FailedCount, s.LockedUntil = 0, time.Time{}
	return s
}

// Reset is the state after an administrator sets a new password: unlocked, and changed at the next sign-in.
func Reset(s State) State {
	s.FailedCount, s.LockedUntil, s.MustChange = 0, time.Time{}, true
	return s
}

// RequireChanged refuses every action but changing the password while an administrator's reset is pending.
func RequireChanged(s State) error {
	if s.MustChange {
		return core.Errorf(core.EFORBID, "管理员已重置您的密码，请先修改密码再继续使用")
	}
	return nil
}

// RequireConfirmed refuses a sensitive action (审核/审签 decisions, 发布, account management) unless the password
// was confirmed less than ConfirmValidFor ago. confirmedAt is RFC 3339 or "".
func RequireConfirmed(confirmedAt string, now time.Time) error {
	if confirmedAt != "" {
		at, err := time.Parse(time.RFC3339, confirmedAt)
		if err == nil && !at.After(now.Add(time.Minute)) && now.Sub(at) < ConfirmValidFor {
			return nil
		}
	}
	return core.Errorf(core.ECONFIRM, "此操作需要电子签名确认，请输入您的登录密码")
}

// Rules are the account rules as the stores take them (core.AccountRules).
type Rules struct{}

var _ core.AccountRules = Rules{}

func (Rules) CheckManager(actor core.CurrentUser, admin bool) error {
	return CheckManager(actor, admin)
}
func (Rules) CheckLogin(login string) (string, error) { return CheckLogin(login) }
func (Rules) CheckHolder(p core.Person) error         { return CheckHolder(p) }
func (Rules) CheckDisable(actor core.CurrentUser, personID int64, disabled bool) error {
	return CheckDisable(actor, personID, disabled)
}
func (Rules) CheckAdminChange(actor core.CurrentUser, personID int64, admin bool) error {
	return CheckAdminChange(actor, personID, admin)
}
func (Rules) CheckPassword(login, password string) error { return CheckPassword(login, password) }
func (Rules) CheckChange(login string, oldCorrect bool, oldPassword, newPassword string) error {
	return CheckChange(login, oldCorrect, oldPassword, newPassword)
}
func (Rules) Hash(password string) (string, error)        { return Hash(password) }
func (Rules) Verify(encoded, password string) bool        { return Verify(encoded, password) }
func (Rules) NeedsRehash(encoded string) bool             { return NeedsRehash(encoded) }
func (Rules) CanTry(s State, now time.Time) error         { return CanTry(s, now) }
func (Rules) Failed(s State, now time.Time) (State, bool) { return Failed(s, now) }
func (Rules) FailureMessage(s State, locked bool) error   { return FailureMessage(s, locked) }
func (Rules) ConfirmFailure(s State, locked bool) error   { return ConfirmFailure(s, locked) }
func (Rules) Succeeded(s State) State                     { return Succeeded(s) }
func (Rules) Reset(s State) State                         { return Reset(s) }
