// Package core holds PolicyDesk's domain types and the interfaces between its parts: the stores, and the
// rules each area's package implements (rules.go).
// It imports the standard library only: storage, UI and segmentation live in adapters.
package core

import (
	"errors"
	"fmt"
)

// Error codes cross the Wails bridge unchanged; the frontend switches on them.
const (
	ECONFLICT = "conflict"        // the record changed or a unique value is taken
	EINVALID  = "invalid"         // the input breaks a rule; Message says which in Chinese
	ENOTFOUND = "not_found"       // the record does not exist
	EFORBID   = "forbidden"       // a rule forbids the action in the record's current state
	EIMPORT   = "import"          // a file could not be imported; nothing was applied
	EINTERNAL = "internal"        // anything unexpected; details go to the log only
	ENOTAUTH  = "unauthenticated" // nobody is signed in, or the session expired: sign in (again)
	ECONFIRM  = "confirm"         // a sensitive action needs the password re-entered (电子签名确认)
)

// Error is a domain error with a code for programs and a Chinese message for people.
type Error struct {
	Code    string // one of the E* constants
	Message string // shown to the user as is (Simplified Chinese)
	Field   string // optional: the form field or file/row the message is about
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns a domain error with the given code and a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf is Errorf for a message about one input field.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of a domain error anywhere in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; unexpected errors get a generic one
// so that internal details never reach the screen.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "系统内部错误，请稍后重试；如多次出现，请联系管理员并提供日志。"
}

// ErrorField returns the field of a domain error, or "".
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
