package privacy

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type benchMessage struct {
	text    string
	planted map[string][]string // category → items that must not survive
	keep    []string            // public items that must survive
}

func readBench(t testing.TB) []benchMessage {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "privacy", "bench", "messages.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []benchMessage
	for _, block := range strings.Split(string(data), "\n\n") {
		var m benchMessage
		m.planted = map[string][]string{}
		for _, line := range strings.Split(block, "\n") {
			kind, value, ok := strings.Cut(line, ": ")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			switch kind {
			case "msg":
				m.text = value
			case "keep":
				m.keep = append(m.keep, value)
			default:
				m.planted[kind] = append(m.planted[kind], value)
			}
		}
		if m.text != "" {
			out = append(out, m)
		}
	}
	return out
}

// TestBenchmarkRecall masks every benchmark message and reports recall per
// category and the public items that were altered. Run with -v to see the numbers.
func TestBenchmarkRecall(t *testing.T) {
	found, total := map[string]int{}, map[string]int{}
	altered := 0
	for _, m := range readBench(t) {
		got := Mask(m.text, MaskOptions{MaskAddresses: true}).Text
		for kind, items := range m.planted {
			for _, item := range items {
				total[kind]++
				if !strings.Contains(got, item) {
					found[kind]++
				} else {
					t.Logf("missed %s %q in %q", kind, item, got)
				}
			}
		}
		for _, k := range m.keep {
			if !strings.Contains(got, k) {
				altered++
				t.Errorf("public item %q altered: %q", k, got)
			}
		}
	}
	kinds := make([]string, 0, len(total))
	for k := range total {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		recall := float64(found[k]) / float64(total[k])
		t.Logf("recall %-12s %d/%d = %.1f%%", k, found[k], total[k], 100*recall)
		if recall < 0.99 {
			t.Errorf("recall of %s is %.1f%%, want ≥ 99%%", k, 100*recall)
		}
	}
	t.Logf("altered public items: %d", altered)
}
