package sqlite

import (
	"reflect"
	"testing"
)

func TestRebindText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT * FROM t WHERE a = ? AND b = ?`, `SELECT * FROM t WHERE a = $1 AND b = $2`},
		{`SELECT ?1, ?2, ?1`, `SELECT $1, $2, $1`},
		{`SELECT '?', "a?b", ? -- what?` + "\n" + `, ?`, `SELECT '?', "a?b", $1 -- what?` + "\n" + `, $2`},
		{`SELECT 'it''s ?', ? /* ? */ , ?`, `SELECT 'it''s ?', $1 /* ? */ , $2`},
		{`VALUES (?, '尚未审结', ?)`, `VALUES ($1, '尚未审结', $2)`},
		{`SELECT 'unclosed ?`, `SELECT 'unclosed ?`},
		{`WHERE a @> f(?) AND g(a, ?^) AND b = ?`, `WHERE a @> f($1) AND g(a, $1) AND b = $2`},
	} {
		if got := rebindText(c.in); got != c.want {
			t.Errorf("rebindText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRebindRewritesSQLiteIdioms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`DELETE FROM g WHERE id NOT IN (SELECT value FROM json_each(?))`,
			`DELETE FROM g WHERE id NOT IN (SELECT value::bigint FROM json_array_elements_text($1::json) AS j(value))`},
		{`UPDATE c SET group_id = ? WHERE group_id IS NOT ?`, `UPDATE c SET group_id = $1 WHERE group_id IS DISTINCT FROM $2`},
		{`SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?`, "SELECT COUNT(*) FROM messages_fts WHERE (terms @> fts_terms($1) AND (fts_exact($1) OR fts_match(grams, $1)))"},
		{`NOT +m.id IN (x) AND +m.id IN (y)`, `NOT m.id IN (x) AND m.id IN (y)`},
		{`(p.title LIKE ? ESCAPE '\')`, `(p.title ILIKE $1 ESCAPE '\')`},
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPgArgsWritesBoolsAsIntegers(t *testing.T) {
	in := []any{"a", true, int64(3), false}
	got := pgArgs(in)
	if want := []any{"a", int64(1), int64(3), int64(0)}; !reflect.DeepEqual(got, want) {
		t.Errorf("pgArgs = %v, want %v", got, want)
	}
	if in[1] != true {
		t.Error("pgArgs changed its argument")
	}
	plain := []any{"a", 1}
	if got := pgArgs(plain); &got[0] != &plain[0] {
		t.Error("pgArgs copied arguments without a bool")
	}
}

// BenchmarkRebind is the cost a PostgreSQL statement pays for its placeholders once its text is cached.
func BenchmarkRebind(b *testing.B) {
	const q = `SELECT m.id FROM messages m WHERE m.state = ? AND m.section_id = ? ORDER BY m.due_date LIMIT ? OFFSET ?`
	rebind(q)
	for b.Loop() {
		rebind(q)
	}
}

// Both dialects share migration numbers from the PostgreSQL baseline on: a SQLite migration after it needs its
// PostgreSQL counterpart of the same number, or PostgreSQL databases would stop short of the build's version.
func TestPostgresMigrationsFollowSQLite(t *testing.T) {
	lite, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrationsIn(postgresMigrationFS, "migrations_postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(pg) == 0 || pg[0].Version != 27 || pg[0].Name != "baseline" {
		t.Fatalf("PostgreSQL's first migration = %+v, want 0027_baseline", pg[0])
	}
	var want, got []int
	for _, m := range lite {
		if m.Version >= 27 {
			want = append(want, m.Version)
		}
	}
	for _, m := range pg {
		got = append(got, m.Version)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PostgreSQL migrations %v, SQLite's from 27 on %v", got, want)
	}
}
