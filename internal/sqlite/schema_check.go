package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ApplicationID is PolicyDesk's mark in the SQLite header ("PDK1"), set by migration 0011.
const ApplicationID = 0x50444B31

// appIDVersion is the schema version from which every PolicyDesk database carries ApplicationID.
const appIDVersion = 11

var (
	expectedSchemaMu sync.Mutex
	expectedSchemas  = map[int][]string{}
)

// schemaObjects lists a database's tables, indexes, triggers and views with their definitions and each
// table's columns, sorted, leaving out SQLite's own objects.
func schemaObjects(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
	if err != nil {
		return nil, err
	}
	var objs, tables []string
	for rows.Next() {
		var typ, name, tbl, def string
		if err := rows.Scan(&typ, &name, &tbl, &def); err != nil {
			rows.Close()
			return nil, err
		}
		objs = append(objs, fmt.Sprintf("%s %s ON %s: %s", typ, name, tbl, strings.Join(strings.Fields(def), " ")))
		if typ == "table" {
			tables = append(tables, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, t := range tables {
		cols, err := q.QueryContext(ctx, `SELECT name, type, "notnull", COALESCE(dflt_value, ''), pk FROM pragma_table_info(?)`, t)
		if err != nil {
			return nil, err
		}
		for cols.Next() {
			var name, typ, dflt string
			var notNull, pk int
			if err := cols.Scan(&name, &typ, &notNull, &dflt, &pk); err != nil {
				cols.Close()
				return nil, err
			}
			objs = append(objs, fmt.Sprintf("column %s.%s %s notnull=%d default=%s pk=%d", t, name, typ, notNull, dflt, pk))
		}
		cols.Close()
	}
	sort.Strings(objs)
	return objs, nil
}

// expectedSchema is the schema a database of the given version has: the embedded migrations up to that
// version applied to an empty in-memory database (computed once per version).
func expectedSchema(ctx context.Context, version int) ([]string, error) {
	expectedSchemaMu.Lock()
	defer expectedSchemaMu.Unlock()
	if objs, ok := expectedSchemas[version]; ok {
		return objs, nil
	}
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	mem, err := sql.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1)
	if _, err := mem.ExecContext(ctx, schemaVersionDDL); err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Version > version {
			break
		}
		if _, err := mem.ExecContext(ctx, m.SQL); err != nil {
			return nil, fmt.Errorf("migration %d: %w", m.Version, err)
		}
	}
	objs, err := schemaObjects(ctx, mem)
	if err != nil {
		return nil, err
	}
	expectedSchemas[version] = objs
	return objs, nil
}

// schemaDifference names the first object a database has that its version should not have, or lacks; "" when
// the schema is exactly the expected one.
func schemaDifference(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, version int) (string, error) {
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return "", err
	}
	got, err := schemaObjects(ctx, q)
	if err != nil {
		return "", err
	}
	wantSet := make(map[string]bool, len(want))
	for _, o := range want {
		wantSet[o] = true
	}
	gotSet := make(map[string]bool, len(got))
	for _, o := range got {
		gotSet[o] = true
	}
	// Whole objects first (a missing table explains its missing columns), then columns.
	for _, columns := range []bool{false, true} {
		for _, o := range got {
			if strings.HasPrefix(o, "column ") == columns && !wantSet[o] {
				return "多出或被改动的对象 " + shortObject(o), nil
			}
		}
		for _, o := range want {
			if strings.HasPrefix(o, "column ") == columns && !gotSet[o] {
				return "缺少 " + shortObject(o), nil
			}
		}
	}
	return "", nil
}

// shortObject is an object's kind and name without its full definition.
func shortObject(o string) string {
	if i := strings.Index(o, ":"); i > 0 && !strings.HasPrefix(o, "column") {
		o = o[:i]
	}
	o = strings.NewReplacer("table ", "数据表 ", "index ", "索引 ", "trigger ", "触发器 ", "view ", "视图 ", "column ", "字段 ").Replace(o)
	return o
}
