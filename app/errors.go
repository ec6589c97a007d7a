// Package app adapts PolicyDesk's services to the Wails bridge: one small struct per area, built by
// constructors in main.go, each method returning (T, error) with concrete types so the generated
// TypeScript is typed.
package app

import (
	"encoding/json"
	"log/slog"

	"policydesk/internal/core"
)

// BridgeError is how an error reaches the frontend, as JSON text: Wails rejects the call's promise with
// new Error(text), so the text must be a string for the code and Chinese message to survive; the frontend's
// api/errors.ts parses it back.
type BridgeError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// FormatError is the Wails ErrorFormatter: domain errors keep their code and Chinese message; anything
// unexpected is logged in full and shown to the user as a plain "internal" message.
func FormatError(err error) any {
	text, _ := json.Marshal(NewBridgeError(err))
	return string(text)
}

// NewBridgeError is err as the frontend sees it (also as an event's payload); unexpected errors are logged.
func NewBridgeError(err error) BridgeError {
	code := core.ErrorCode(err)
	if code == core.EINTERNAL {
		slog.Error("unexpected error", "err", err)
	}
	return BridgeError{Code: code, Message: core.ErrorMessage(err), Field: core.ErrorField(err)}
}
