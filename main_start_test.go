package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/demo"
	"policydesk/internal/sqlite"
)

var startClock = core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))

// openDesk opens paths as a desk does; windowUp, if not nil, stands for the window (closed when it shows).
func openDesk(tb testing.TB, paths datadir.Paths, windowUp chan struct{}) *bureau {
	tb.Helper()
	b, err := openBureau(paths, startClock, bureauOptions{SeedDemo: true, Emit: func(string, ...any) {}, Started: time.Now(),
		WindowUp: windowUp})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func newPaths(tb testing.TB) datadir.Paths {
	tb.Helper()
	paths, err := datadir.Prepare(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	return paths
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A desk's first start writes nothing of the demo before its window is up: the pages wait meanwhile, and the
// demo is there once written.
func TestFirstStartWritesTheDemoAfterTheWindow(t *testing.T) {
	paths := newPaths(t)
	b := openDesk(t, paths, nil)
	defer b.close()
	if page, err := b.auth.LoginPage(); err != nil || !page.Preparing {
		t.Fatalf("login page before the window: %+v %v", page, err)
	}
	if empty, err := demo.NeedsSeed(context.Background(), sqlite.NewSettingsStore(b.db)); err != nil || !empty {
		t.Fatalf("the demo's sections are written before the window: empty=%v %v", empty, err)
	}
	if !exists(demoPendingPath(paths)) {
		t.Fatal("no pending mark while the demo is unwritten")
	}
	b.seedDemo()
	page, err := b.auth.LoginPage()
	if err != nil || page.Preparing || page.Bureau != demo.Bureau.Name || len(page.DemoAccounts) == 0 {
		t.Fatalf("login page once the demo is written: %+v %v", page, err)
	}
	if exists(demoPendingPath(paths)) {
		t.Fatal("the pending mark outlives the demo")
	}
}

// A demo cut short (the program killed while writing it) is discarded and written again at the next start;
// a finished one is kept.
func TestUnfinishedDemoIsWrittenAgain(t *testing.T) {
	paths := newPaths(t)
	b := openDesk(t, paths, nil)
	// part of the demo, then the program stops without finishing it
	if err := demo.Seed(context.Background(), sqlite.NewSettingsStore(b.db)); err != nil {
		t.Fatal(err)
	}
	b.close()
	b.seedDemo() // the window came up only after closing began: nothing is written
	if !exists(demoPendingPath(paths)) {
		t.Fatal("the pending mark is gone though the demo was not finished")
	}

	b = openDesk(t, paths, nil)
	if b.seedDemo == nil {
		t.Fatal("the unfinished demo is not written again")
	}
	b.seedDemo()
	people, err := sqlite.NewSettingsStore(b.db).People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	zhou := 0
	for _, p := range people {
		if p.Name == demo.CurrentUserName {
			zhou++
		}
	}
	if zhou != 1 {
		t.Fatalf("%s appears %d times: the part written before was not discarded", demo.CurrentUserName, zhou)
	}
	if aside, _ := filepath.Glob(filepath.Join(paths.Backups, "unfinished-demo-*.sqlite")); len(aside) != 1 {
		t.Fatalf("the unfinished database is not kept aside in backups/: %v", aside)
	}
	b.close()

	b = openDesk(t, paths, nil)
	defer b.close()
	if b.seedDemo != nil || exists(demoPendingPath(paths)) {
		t.Fatal("a finished demo is written again")
	}
}

// BenchmarkOpenBureau is a desk's work before its window can show, on a first start (a new data directory) and
// on a later one (the demo bureau written). Loading jieba, writing the demo, the daily backup and decoding the
// routing model wait for the window and are not part of it.
//
//	go test -run '^$' -bench OpenBureau -benchtime 10x .
func BenchmarkOpenBureau(b *testing.B) {
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			paths, up := newPaths(b), make(chan struct{})
			b.StartTimer()
			bu := openDesk(b, paths, up)
			b.StopTimer()
			close(up)
			bu.close()
			b.StartTimer()
		}
	})
	b.Run("later", func(b *testing.B) {
		paths := newPaths(b)
		bu := openDesk(b, paths, nil)
		bu.seedDemo()
		bu.close()
		for b.Loop() {
			up := make(chan struct{})
			bu := openDesk(b, paths, up)
			b.StopTimer()
			close(up)
			bu.close()
			b.StartTimer()
		}
	})
}
