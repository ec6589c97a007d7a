package privacy

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"policydesk/internal/segment"
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
				if m.text != "" { // a message not followed by a blank line
					out = append(out, m)
					m = benchMessage{planted: map[string][]string{}}
				}
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
// category, the public items that were altered and the replacements that hit no
// planted item (false positives). Run with -v to see the numbers.
func TestBenchmarkRecall(t *testing.T) {
	benchmarkRecall(t, func(string) []string { return nil })
}

// TestBenchmarkRecallTagged is TestBenchmarkRecall with the names jieba's tagger finds, as publication masks.
func TestBenchmarkRecallTagged(t *testing.T) {
	seg := segment.New(t.TempDir(), nil)
	defer seg.Close()
	benchmarkRecall(t, func(text string) []string { return NamesFromTags(seg.Tag(text)) })
}

func benchmarkRecall(t *testing.T, tagged func(string) []string) {
	msgs := readBench(t)
	found, total := map[string]int{}, map[string]int{}
	altered, falsePositives, planted := 0, 0, 0
	for _, m := range msgs {
		res := Mask(m.text, MaskOptions{MaskAddresses: true, Tagged: tagged(m.text)})
		got := res.Text
		var spans [][2]int
		for kind, items := range m.planted {
			for _, item := range items {
				total[kind]++
				planted++
				spans = append(spans, occurrences(m.text, item)...)
				if hidden(m.text, got, kind, item) {
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
		for _, it := range res.Items {
			if !overlapsAny(it.Start, it.End, spans) {
				falsePositives++
				t.Logf("false positive %s %q in %q", it.Kind, it.Original, m.text)
			}
		}
	}
	kinds := make([]string, 0, len(total))
	for k := range total {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	t.Logf("%d messages, %d planted items, %d public items", len(msgs), planted, countKeep(msgs))
	for _, k := range kinds {
		recall := float64(found[k]) / float64(total[k])
		t.Logf("recall %-12s %d/%d = %.1f%%", k, found[k], total[k], 100*recall)
		if recall < 0.99 {
			t.Errorf("recall of %s is %.1f%%, want ≥ 99%%", k, 100*recall)
		}
	}
	t.Logf("altered public items: %d", altered)
	t.Logf("false positives (replacements that hit no planted item): %d", falsePositives)
}

// TestBenchmarkScanAgrees: the pre-publication check reports everything Mask
// would hide in the benchmark messages, with the same kind.
func TestBenchmarkScanAgrees(t *testing.T) {
	for _, m := range readBench(t) {
		findings := ScanKeeping(m.text, nil)
		for _, it := range Mask(m.text, MaskOptions{MaskAddresses: true}).Items {
			ok := false
			for _, f := range findings {
				if f.Kind == it.Kind && f.Start <= it.Start && it.End <= f.End {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("Mask hides %s %q but Scan does not report it in %q", it.Kind, it.Original, m.text)
			}
		}
	}
}

// BenchmarkMask masks one benchmark message per operation, cycling through all of them.
func BenchmarkMask(b *testing.B) {
	msgs := readBench(b)
	i := 0
	for b.Loop() {
		Mask(msgs[i%len(msgs)].text, MaskOptions{MaskAddresses: true})
		i++
	}
}

// hidden reports whether item no longer shows in the masked text got. A name must
// be hidden wherever it stands in the input, every character but its surname:
// "潘金*先生" still shows part of 潘金水.
func hidden(text, got, kind, item string) bool {
	if strings.Contains(got, item) {
		return false
	}
	if kind != "name" {
		return true
	}
	in, out := []rune(text), []rune(got)
	if len(in) != len(out) {
		return false
	}
	for _, sp := range occurrences(text, item) {
		from := utf8.RuneCountInString(text[:sp[0]])
		// A full name keeps its surname, 小黄 and 老周 their 小 and 老; a given
		// name listed alone (金水 of 潘金水, after a common surname) must be
		// hidden whole.
		skip := utf8.RuneCountInString(item[:surnameLen(item)])
		if utf8.RuneCountInString(item) == 2 && from > 0 && strings.ContainsRune(commonSurnames+"关麦温伍冼区欧岑植简甘翁邝", in[from-1]) {
			skip = 0
		}
		if strings.ContainsRune("小老阿", in[from]) && utf8.RuneCountInString(item) == 2 {
			skip = 1
		}
		for k := skip; k < utf8.RuneCountInString(item); k++ {
			if out[from+k] != maskRune {
				return false
			}
		}
	}
	return true
}

func occurrences(text, item string) [][2]int {
	var out [][2]int
	for from := 0; item != ""; {
		i := strings.Index(text[from:], item)
		if i < 0 {
			break
		}
		out = append(out, [2]int{from + i, from + i + len(item)})
		from += i + len(item)
	}
	return out
}

func overlapsAny(start, end int, spans [][2]int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

func countKeep(msgs []benchMessage) int {
	n := 0
	for _, m := range msgs {
		n += len(m.keep)
	}
	return n
}
