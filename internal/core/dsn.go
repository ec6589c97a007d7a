package core

import (
	"net/url"
	"strings"
)

// IsPostgresDSN reports whether dsn names a PostgreSQL database (postgres:// or postgresql://) rather than a
// SQLite file.
func IsPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// RedactDSN is a PostgreSQL DSN fit for messages and logs: its password is replaced by xxxxx.
func RedactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "PostgreSQL"
	}
	return u.Redacted()
}
