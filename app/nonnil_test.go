package app

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type nnLeaf struct {
	Words []string       `json:"words"`
	Count map[string]int `json:"count"`
}

type nnTree struct {
	Items  []nnLeaf          `json:"items"`
	Top    nnLeaf            `json:"top"`
	Ptr    *nnLeaf           `json:"ptr"`
	ByName map[string]nnLeaf `json:"byName"`
	Bytes  []byte            `json:"bytes"`
	hidden []int
}

func TestNonNilEmptiesEveryNilSliceAndMap(t *testing.T) {
	in := nnTree{Items: []nnLeaf{{}}, Ptr: &nnLeaf{}, ByName: map[string]nnLeaf{"a": {}}}
	out, err := nonNil(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(out)
	want := `{"items":[{"words":[],"count":{}}],"top":{"words":[],"count":{}},"ptr":{"words":[],"count":{}},` +
		`"byName":{"a":{"words":[],"count":{}}},"bytes":""}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if out.hidden != nil {
		t.Error("an unexported field was touched")
	}
	list, _ := nonNil([]nnLeaf(nil), nil)
	if b, _ := json.Marshal(list); string(b) != "[]" {
		t.Errorf("a nil list is sent as %s", b)
	}
}

func TestNonNilLeavesAFailedResult(t *testing.T) {
	boom := errors.New("boom")
	out, err := nonNil(nnLeaf{}, boom)
	if err != boom || out.Words != nil {
		t.Errorf("got %v, %v", out, err)
	}
}

// canBeNil tells whether JSON of a value of type t can hold null where a list or an object is expected.
func canBeNil(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Map:
		return true
	case reflect.Pointer:
		return canBeNil(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && canBeNil(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// Every bound method whose result can carry a list or a map hands it over through nonNil, on every path that
// returns a value (a failure's zero value is not sent).
func TestBoundResultsGoThroughNonNil(t *testing.T) {
	needs := map[string]bool{}
	for _, svc := range boundServices {
		typ := reflect.TypeOf(svc)
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			if m.Type.NumOut() == 2 && canBeNil(m.Type.Out(0), map[reflect.Type]bool{}) {
				needs[typ.Elem().Name()+"."+m.Name] = true
			}
		}
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil {
				continue
			}
			star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			key := star.X.(*ast.Ident).Name + "." + fd.Name.Name
			if !needs[key] {
				continue
			}
			checked++
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				r, ok := n.(*ast.ReturnStmt)
				if !ok || len(r.Results) == 0 || isZero(r.Results[0]) {
					return true
				}
				if c, ok := r.Results[0].(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "nonNil" {
						return true
					}
				}
				t.Errorf("%s: %s returns a value that may hold null lists: return nonNil(…)", fset.Position(r.Pos()), key)
				return true
			})
		}
	}
	if checked != len(needs) {
		t.Errorf("found %d of the %d methods in the source", checked, len(needs))
	}
}

// isZero is an empty composite literal or nil: the value returned beside an error.
func isZero(e ast.Expr) bool {
	if cl, ok := e.(*ast.CompositeLit); ok {
		return len(cl.Elts) == 0
	}
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}
