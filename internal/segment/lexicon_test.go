package segment

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLexiconCutsAsJieba compares the Go segmentation with jieba's own (no HMM) on the golden inputs and, when
// the public corpus is present, on every message of it.
func TestLexiconCutsAsJieba(t *testing.T) {
	lx, err := LoadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "，", "。。a b", "请问老旧小区加装电梯有没有补贴？需要全体业主同意吗？", "AT&T的B超，c#和不动产登记。"}
	inputs, _ := filepath.Glob(filepath.Join(testdataDir(t), "*.input"))
	for _, p := range inputs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "mailbox", "train.csv")
	if dir := os.Getenv("POLICYDESK_CORPUS"); dir != "" {
		corpus = filepath.Join(dir, "mailbox", "train.csv")
	}
	if f, err := os.Open(corpus); err == nil {
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			texts = append(texts, r[0]+"\n\n"+r[1])
		}
	} else {
		t.Logf("public corpus not found (%v): golden inputs only", err)
	}
	differ := 0
	for _, text := range texts {
		norm := Normalize(text).Text
		want := shared.cutNormalized(norm, false)
		var got []string
		for _, tok := range lx.Tokens(norm, nil) {
			got = append(got, tok.Word)
		}
		if !slices.Equal(got, want) {
			if differ < 3 {
				t.Errorf("%.60q:\n got %q\nwant %q", norm, got, want)
			}
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d texts cut differently", differ, len(texts))
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := LoadLexicon(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLexiconTokens cuts the golden inputs, normalised.
func BenchmarkLexiconTokens(b *testing.B) {
	lx, err := LoadLexicon(nil)
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "segment", "*.input"))
	var texts []string
	size := 0
	for _, p := range inputs {
		data, _ := os.ReadFile(p)
		texts = append(texts, Normalize(string(data)).Text)
		size += len(data)
	}
	b.SetBytes(int64(size))
	var toks []Token
	for b.Loop() {
		for _, t := range texts {
			toks = lx.Tokens(t, toks[:0])
		}
	}
}

// BenchmarkLexiconCorpus normalises and cuts every message of the public corpus: thousands of different
// texts, so that the dictionary is read from memory as in a real run, not from the processor's cache.
func BenchmarkLexiconCorpus(b *testing.B) {
	lx, err := LoadLexicon(nil)
	if err != nil {
		b.Fatal(err)
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "mailbox", "train.csv")
	if dir := os.Getenv("POLICYDESK_CORPUS"); dir != "" {
		corpus = filepath.Join(dir, "mailbox", "train.csv")
	}
	f, err := os.Open(corpus)
	if err != nil {
		b.Skipf("public corpus not found: %v", err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, r := range rows[1:] {
		texts = append(texts, r[0]+"\n\n"+r[1])
		size += len(r[0]) + 2 + len(r[1])
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			lx.Analyze(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(texts)), "µs/msg")
}

// TestAnalyzeIntoReusesAsNew analyses texts one after another over the same storage: each result must be what
// Analyze gives, whatever the text before it was (longer, shorter, traditional, with line breaks).
func TestAnalyzeIntoReusesAsNew(t *testing.T) {
	lx, err := LoadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"请问老旧小区加装电梯有没有补贴？需要全体业主同意吗？我家住在六楼，每天上下楼很不方便。",
		"不動產權證書",
		"",
		"規劃\n許可　ＡＢＣ１２３\n\n违章建筑",
		"短",
	}
	var a *Analysis
	for _, text := range texts {
		a = lx.AnalyzeInto(text, a)
		want := lx.Analyze(text)
		if a.Text != want.Text || a.Original != text || !slices.Equal(a.Tokens, want.Tokens) {
			t.Errorf("%q: got %q %v, want %q %v", text, a.Text, a.Tokens, want.Text, want.Tokens)
		}
		for i := 0; i < len(a.Text); i++ {
			s, e := a.Span(i, i+1)
			if s2, e2 := want.Span(i, i+1); s != s2 || e != e2 {
				t.Errorf("%q: byte %d maps to [%d,%d), want [%d,%d)", text, i, s, e, s2, e2)
				break
			}
		}
	}
}
