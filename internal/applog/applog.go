// Package applog writes the program's log to a rotated file in the data directory, for the administrator who
// is asked "请提供日志". Nothing personal and no secret reaches the file: every text value passes through the
// same masking that guards publication, and values under secret-sounding keys are left out.
package applog

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/natefinch/lumberjack.v2"

	"policydesk/internal/privacy"
)

// Rotation: a file grows to MaxSizeMB, then is renamed with its time and compressed; at most MaxFiles old files
// are kept, none older than MaxAgeDays.
const (
	MaxSizeMB  = 10
	MaxFiles   = 10
	MaxAgeDays = 180
)

// FileName is the current log file inside the log folder; rotated files are named after it with their time.
const FileName = "policydesk.log"

// Start sends the default logger to the log folder's file (and to stderr), masked, and returns a function that
// closes the file. Records below Info are dropped unless POLICYDESK_LOG_DEBUG is set.
func Start(dir string) (stop func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建日志目录 %s：%w", dir, err)
	}
	file := &lumberjack.Logger{Filename: filepath.Join(dir, FileName), MaxSize: MaxSizeMB, MaxBackups: MaxFiles,
		MaxAge: MaxAgeDays, Compress: true, LocalTime: true}
	level := slog.LevelInfo
	if os.Getenv("POLICYDESK_LOG_DEBUG") != "" {
		level = slog.LevelDebug
	}
	opts := &slog.HandlerOptions{Level: level}
	previous := slog.Default()
	slog.SetDefault(slog.New(NewHandler(slog.NewMultiHandler(
		slog.NewTextHandler(file, opts), slog.NewTextHandler(os.Stderr, opts)))))
	return func() {
		slog.SetDefault(previous)
		_ = file.Close()
	}, nil
}

// NewFileLogger is a logger writing masked records to w, for tests and for tools that keep their own file.
func NewFileLogger(w io.Writer) *slog.Logger {
	return slog.New(NewHandler(slog.NewTextHandler(w, nil)))
}

// Handler masks every record before the next handler sees it.
type Handler struct{ next slog.Handler }

// NewHandler wraps next so that messages and attribute values are masked.
func NewHandler(next slog.Handler) *Handler { return &Handler{next: next} }

// Enabled defers to the wrapped handler.
func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

// Handle masks the message and the attributes and passes the record on.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs masks the attributes bound to a derived logger.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		masked[i] = redactAttr(a)
	}
	return &Handler{next: h.next.WithAttrs(masked)}
}

// WithGroup defers to the wrapped handler.
func (h *Handler) WithGroup(name string) slog.Handler { return &Handler{next: h.next.WithGroup(name)} }

// Withheld replaces a value that must never be written.
const Withheld = "[已隐去]"

// secretKeys are attribute keys whose values are never written, whatever they hold.
var secretKeys = []string{"password", "passwd", "secret", "token", "cookie", "session", "key", "密码"}

func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	for _, s := range secretKeys {
		if strings.Contains(k, s) {
			return true
		}
	}
	return false
}

func redactAttr(a slog.Attr) slog.Attr {
	if isSecretKey(a.Key) {
		return slog.String(a.Key, Withheld)
	}
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Redact(v.String()))
	case slog.KindGroup:
		group := v.Group()
		masked := make([]any, len(group))
		for i, g := range group {
			masked[i] = redactAttr(g)
		}
		return slog.Group(a.Key, masked...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			return slog.String(a.Key, Redact(x.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, Redact(x.String()))
		case []byte:
			return slog.String(a.Key, fmt.Sprintf("[%d 字节]", len(x)))
		default:
			return slog.String(a.Key, Redact(fmt.Sprint(x)))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// maxValue bounds one value in the file: a record is for finding a fault, not for keeping data.
const maxValue = 2000

// Redact masks personal data (numbers, names written with a cue, addresses) in a logged text and shortens it.
func Redact(s string) string {
	if s == "" {
		return s
	}
	if r := []rune(s); len(r) > maxValue {
		s = string(r[:maxValue]) + "…"
	}
	return privacy.Mask(s, privacy.MaskOptions{MaskAddresses: true}).Text
}
