package seal

import (
	"os"
	"path/filepath"
	"testing"

	"policydesk/internal/core"
)

func TestSealOpen(t *testing.T) {
	dir := t.TempDir()
	k := KeyFile{Path: filepath.Join(dir, SecretKeyFile)}
	sealed, err := k.Seal("imap", "口令-2026")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := k.Open("imap", sealed); err != nil || got != "口令-2026" {
		t.Fatalf("open = %q %v", got, err)
	}
	tests := []struct {
		name string
		key  KeyFile
		p    string
		s    string
	}{
		{"another purpose", k, "smtp", sealed},
		{"not a sealed value", k, "imap", "plain"},
		{"no key file", KeyFile{Path: filepath.Join(dir, "missing.key")}, "imap", sealed},
	}
	other := KeyFile{Path: filepath.Join(dir, "other.key")}
	if _, err := other.Seal("x", "y"); err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		key  KeyFile
		p    string
		s    string
	}{"another key", other, "imap", sealed})
	for _, tt := range tests {
		if _, err := tt.key.Open(tt.p, tt.s); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", tt.name, err)
		}
	}
	if err := os.WriteFile(k.Path, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Open("imap", sealed); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("damaged key: %v", err)
	}
}
