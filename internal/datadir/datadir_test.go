package datadir

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	t.Setenv(EnvVar, "")
	dir := t.TempDir()
	for _, args := range [][]string{{"--data-dir", dir}, {"--data-dir=" + dir}, {"-x", "-data-dir", dir}} {
		got, err := Resolve(args)
		if err != nil || got != dir {
			t.Errorf("Resolve(%q) = %q, %v; want %q", args, got, err, dir)
		}
	}
	env := filepath.Join(dir, "env")
	t.Setenv(EnvVar, env)
	if got, _ := Resolve(nil); got != env {
		t.Errorf("env: got %q want %q", got, env)
	}
	if got, _ := Resolve([]string{"--data-dir", dir}); got != dir {
		t.Errorf("flag must win over env: got %q", got)
	}
	if _, err := Resolve([]string{"--data-dir"}); err == nil {
		t.Error("missing value accepted")
	}
	t.Setenv(EnvVar, "")
	if got, err := Resolve(nil); err != nil || filepath.Base(got) != "PolicyDesk" {
		t.Errorf("default: %q, %v", got, err)
	}
}

func TestStripFlag(t *testing.T) {
	got := StripFlag([]string{"a", "--data-dir", "x", "b", "--data-dir=y", "c"})
	if len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Errorf("StripFlag = %q", got)
	}
}

func TestLockRefusesSecondHolder(t *testing.T) {
	p, err := Prepare(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	release, err := Lock(p.Lock)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(p.Lock); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: got %v, want ErrLocked", err)
	}
	release()
	release2, err := Lock(p.Lock)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release2()
}

func TestResolveDB(t *testing.T) {
	const dsn = "postgres://policydesk@127.0.0.1:5432/policydesk"
	for _, c := range []struct {
		env  string
		args []string
		want string
		bad  bool
	}{
		{"", nil, "", false},
		{"", []string{"serve", "--db", dsn}, dsn, false},
		{"", []string{"serve", "--db=" + dsn, "--listen", ":8080"}, dsn, false},
		{dsn, []string{"serve"}, dsn, false},
		{"postgres://other/db", []string{"--db", dsn}, dsn, false}, // the flag wins over the environment
		{"", []string{"serve", "--db"}, "", true},
		{"", []string{"--db", "/var/lib/policydesk/policydesk.db"}, "", true}, // a file is --data-dir's business
		{"mysql://u@h/db", nil, "", true},
		{"", []string{"--db", "postgres://u:%zz@h/db"}, "", true},
	} {
		t.Setenv(DBEnvVar, c.env)
		got, err := ResolveDB(c.args)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ResolveDB(%q) with %s=%q = %q, %v", c.args, DBEnvVar, c.env, got, err)
		}
	}
	t.Setenv(DBEnvVar, "")
	if got := StripFlag([]string{"serve", "--db", dsn, "--listen", ":1", "--db=" + dsn}); len(got) != 3 {
		t.Errorf("StripFlag kept --db: %q", got)
	}
	p, err := FromArgs([]string{"--data-dir", t.TempDir(), "--db", "postgres://u:secret@h/db"})
	if err != nil || !p.Postgres() || p.DBName() != "postgres://u:xxxxx@h/db" {
		t.Errorf("FromArgs = %+v (%s), %v", p, p.DBName(), err)
	}
}
