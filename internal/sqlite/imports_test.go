package sqlite

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The store only stores: of the project's packages it imports the domain (internal/core) and the working-day
// calendar, and every rule reaches it through core.Rules. A rule package imported here would let decisions
// slip back into the store, where a second store (PostgreSQL) would have to copy them.
func TestStoreImportsOnlyCoreAndCalendar(t *testing.T) {
	allowed := map[string]bool{"policydesk/internal/core": true, "policydesk/internal/calendar": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "policydesk/") && !allowed[path] {
				t.Errorf("%s imports %s: the store may import only internal/core and internal/calendar of this project", name, path)
			}
		}
	}
}
