package core

import "testing"

func TestPostgresDSN(t *testing.T) {
	for _, c := range []struct {
		dsn      string
		postgres bool
		redacted string
	}{
		{"postgres://u@h/db", true, "postgres://u@h/db"},
		{"postgresql://h:5433/db?sslmode=disable", true, "postgresql://h:5433/db?sslmode=disable"},
		{"postgres://policydesk:s3cret@10.0.0.5/pd", true, "postgres://policydesk:xxxxx@10.0.0.5/pd"},
		{"/data/policydesk.db", false, "/data/policydesk.db"},
		{"", false, ""},
		{"postgres://u:%zz@h/db", true, "PostgreSQL"}, // unparseable: nothing of it is shown
	} {
		if got := IsPostgresDSN(c.dsn); got != c.postgres {
			t.Errorf("IsPostgresDSN(%q) = %v", c.dsn, got)
		}
		if !c.postgres {
			continue
		}
		if got := RedactDSN(c.dsn); got != c.redacted {
			t.Errorf("RedactDSN(%q) = %q, want %q", c.dsn, got, c.redacted)
		}
	}
}
