package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// The crash test kills a writer process with SIGKILL at random moments while it runs bulk imports (one
// transaction of many rows each) and edits, many times, then checks the database: the integrity check passes,
// every transaction the writer reported as committed is there, no import is half-applied, and the audit
// chain is intact.

const crashChildEnv = "POLICYDESK_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const crashRowsPerImport = 300

// crashChild writes forever until killed, printing a line after each commit.
func crashChild(path string) {
	db := sqlite.NewDB(path, rules.All())
	if err := db.Open(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ctx := context.Background()
	settings := sqlite.NewSettingsStore(db)
	secs, err := settings.Sections(ctx)
	if err != nil || len(secs) == 0 {
		fmt.Fprintln(os.Stderr, "no section", err)
		os.Exit(3)
	}
	fmt.Println("ready") // the parent's random delay to the kill starts from here, not from the process start
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := 0; ; i++ {
		if rng.Intn(3) == 0 {
			sec := secs[rng.Intn(len(secs))]
			sec.Duties = fmt.Sprintf("职责修订%d-%d", os.Getpid(), i)
			if _, err := settings.SaveSection(ctx, sec); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
			fmt.Printf("edit %d %s\n", sec.ID, sec.Duties)
			continue
		}
		id, err := sqlite.ImportTestComments(ctx, db, 1, crashRowsPerImport, fmt.Sprintf("crash-%d-%d.xlsx", os.Getpid(), i))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Printf("import %d\n", id)
	}
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	path := filepath.Join(t.TempDir(), "policydesk.db")
	db := sqlite.NewDB(path, rules.All())
	db.Clock = core.NewFixedClock(now)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	settings := sqlite.NewSettingsStore(db)
	for _, name := range []string{"综合组", "政策法规组", "开发利用组"} {
		if _, err := settings.SaveSection(ctx, core.Section{Name: name, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sqlite.SeedTestConsultation(ctx, db); err != nil {
		t.Fatal(err)
	}
	db.Close()

	kills := 25
	rng := rand.New(rand.NewSource(1))
	imports := map[int64]bool{}
	lastEdit := map[string]string{}
	committed := 0
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// On a loaded machine the writer may take a while to start: the kill is timed from its first write.
		select {
		case <-lines: // "ready"
		case <-time.After(60 * time.Second):
		}
		time.Sleep(time.Duration(80+rng.Intn(400)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		for line := range lines {
			f := strings.SplitN(line, " ", 3)
			switch f[0] {
			case "import":
				id, _ := strconv.ParseInt(f[1], 10, 64)
				imports[id] = true
				committed++
			case "edit":
				lastEdit[f[1]] = f[2]
				committed++
			}
		}
		_ = cmd.Wait()
		if strings.TrimSpace(stderr.String()) != "" {
			t.Fatalf("writer failed: %s", stderr.String())
		}
	}

	db = sqlite.NewDB(path, rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	problems, err := db.CheckIntegrity(ctx, true)
	if err != nil || len(problems) > 0 {
		t.Fatalf("integrity after %d kills: %v %v", kills, problems, err)
	}
	// Every reported import is there, whole; no import in the database is partial.
	rows, err := db.SQL().Query(`SELECT b.id, b.rows_added, COUNT(c.id) FROM import_batches b
		LEFT JOIN comments c ON c.batch_id = b.id GROUP BY b.id`)
	if err != nil {
		t.Fatal(err)
	}
	inDB := map[int64]bool{}
	for rows.Next() {
		var id int64
		var added, n int
		if err := rows.Scan(&id, &added, &n); err != nil {
			t.Fatal(err)
		}
		inDB[id] = true
		if added != crashRowsPerImport || n != crashRowsPerImport {
			t.Errorf("import %d half-applied: batch says %d rows, %d comments present", id, added, n)
		}
	}
	rows.Close()
	lost := 0
	for id := range imports {
		if !inDB[id] {
			lost++
			t.Errorf("import %d reported committed but missing", id)
		}
	}
	// The last reported edit of each section is there (or a later one that committed just before the kill).
	for id, duties := range lastEdit {
		var got string
		if err := db.SQL().QueryRow(`SELECT duties FROM sections WHERE id = ?`, id).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != duties && !laterEdit(got, duties) {
			lost++
			t.Errorf("section %s: duties %q, last committed %q", id, got, duties)
		}
	}
	check, err := db.VerifyAudit(ctx)
	if err != nil || !check.OK {
		t.Fatalf("audit chain after kills: %+v %v", check, err)
	}
	t.Logf("crash test: %d kills, %d committed transactions verified (%d imports of %d rows, %d sections edited), %d lost, %d audit entries intact",
		kills, committed, len(imports), crashRowsPerImport, len(lastEdit), lost, check.Entries)
	if committed < kills {
		t.Fatalf("only %d transactions committed across %d runs: the writer barely ran", committed, kills)
	}
}

// laterEdit reports whether got was written after want by the same or a later writer ("职责修订PID-I").
func laterEdit(got, want string) bool {
	parse := func(s string) (int, int) {
		s = strings.TrimPrefix(s, "职责修订")
		p, i, _ := strings.Cut(s, "-")
		a, _ := strconv.Atoi(p)
		b, _ := strconv.Atoi(i)
		return a, b
	}
	gp, gi := parse(got)
	wp, wi := parse(want)
	return (gp == wp && gi > wi) || (gp != wp && gp != 0)
}
