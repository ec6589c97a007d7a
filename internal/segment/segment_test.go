package segment

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// shared is loaded once per test binary: building jieba takes about a second.
var shared *Service

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "segment-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared = New(dir, nil)
	code := m.Run()
	shared.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

func testdataDir(t *testing.T) string {
	t.Helper()
	return filepath.Join("..", "..", "testdata", "segment")
}

// TestGolden checks normalisation, segmentation and keywords for each testdata/segment/*.input.
func TestGolden(t *testing.T) {
	testutil.GoldenFiles(t, filepath.Join(testdataDir(t), "*.input"), func(t *testing.T, src string) string {
		return render(src)
	})
}

func render(text string) string {
	var b strings.Builder
	b.WriteString("## normalized\n")
	b.WriteString(Normalize(text).Text)
	b.WriteString("\n## words\n")
	var words []string
	for _, w := range shared.Cut(text) {
		if strings.TrimSpace(w) != "" {
			words = append(words, w)
		}
	}
	b.WriteString(strings.Join(words, " / "))
	b.WriteString("\n## keywords\n")
	for _, k := range shared.Keywords(text, 10) {
		fmt.Fprintf(&b, "%s\t%.3f\n", k.Word, k.Weight)
	}
	return b.String()
}

func TestBureauTermsKeptWhole(t *testing.T) {
	words := map[string]bool{}
	for _, w := range shared.Cut("城中村改造涉及宅基地、征收补偿、国土空间规划和不动产登记，请执法监察核实容积率。") {
		words[w] = true
	}
	for _, term := range []string{"城中村改造", "宅基地", "征收补偿", "国土空间规划", "不动产登记", "执法监察", "容积率"} {
		if !words[term] {
			t.Errorf("%s was split; words: %v", term, words)
		}
	}
}

func TestKeywordsBoostBureauTerms(t *testing.T) {
	kws := shared.Keywords("关于宅基地的问题，村里说宅基地要重新审批。", 3)
	if len(kws) == 0 || kws[0].Word != "宅基地" {
		t.Fatalf("Keywords = %v, want 宅基地 first", kws)
	}
	if got := shared.Keywords("宅基地", 0); got != nil {
		t.Errorf("Keywords(n=0) = %v, want nil", got)
	}
}

func TestNormalizeMapsBackToOriginal(t *testing.T) {
	orig := "關於ＡＢ１號地塊的規劃\n許可"
	n := Normalize(orig)
	if n.Text != "关于AB1号地块的规划许可" {
		t.Fatalf("Text = %q", n.Text)
	}
	for _, c := range []struct{ norm, orig string }{
		{"AB1", "ＡＢ１"}, {"规划许可", "規劃\n許可"}, {"关于", "關於"},
	} {
		i := strings.Index(n.Text, c.norm)
		s, e := n.Span(i, i+len(c.norm))
		if orig[s:e] != c.orig {
			t.Errorf("Span(%q) = %q, want %q", c.norm, orig[s:e], c.orig)
		}
	}
	emoji := "😀规划"
	n = Normalize(emoji)
	s, e := n.Span(len("😀"), len(n.Text))
	if n.UTF16(s) != 2 || n.UTF16(e) != 4 {
		t.Errorf("UTF16 of 规划 after an emoji = %d..%d, want 2..4", n.UTF16(s), n.UTF16(e))
	}
}

func TestNormalizeWhitespace(t *testing.T) {
	for in, want := range map[string]string{
		"  规划\n许可  ":      "规划许可",
		"第一段。\n\n第二段。":    "第一段。\n第二段。",
		"hello \n  world": "hello world",
		"规划 2026\n年":      "规划 2026 年",
		"城市　更新":           "城市更新",
		"（全角括号）：保留，Ｆｕｌｌ！": "（全角括号）：保留，Full！",
	} {
		if got := Normalize(in).Text; got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetUserWordsRebuilds(t *testing.T) {
	s := New(t.TempDir(), nil)
	defer s.Close()
	const text = "申请办理青山湾片区微改造手续"
	if contains(s.Cut(text), "青山湾片区微改造") {
		t.Fatal("term unexpectedly whole before it was added")
	}
	if err := <-s.SetUserWords([]core.UserWord{{Word: "青山湾片区微改造", Freq: 1000, Tag: "nz"}}); err != nil {
		t.Fatal(err)
	}
	if !contains(s.Cut(text), "青山湾片区微改造") {
		t.Errorf("user word not kept whole: %v", s.Cut(text))
	}
	if err := <-s.SetUserWords([]core.UserWord{{Word: "两个 词"}}); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("word with a space: error %v, want %s", err, core.EINVALID)
	}
}

func TestConcurrentCutDuringRebuild(t *testing.T) {
	s := New(t.TempDir(), nil)
	defer s.Close()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					if len(s.Cut("不动产登记中心的办事指南")) == 0 {
						t.Error("empty cut")
						return
					}
				}
			}
		}()
	}
	for i := range 2 {
		if err := <-s.SetUserWords([]core.UserWord{{Word: fmt.Sprintf("测试词%d", i)}}); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
}

func TestWaitHonoursContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := shared.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-shared.Ready():
	default:
		t.Fatal("Ready not closed after Wait returned")
	}
}

func TestLoadFailureFallsBack(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(filepath.Join(blocker, "sub"), nil) // cache dir below a file cannot be created
	if err := s.Wait(context.Background()); core.ErrorCode(err) != core.EINTERNAL {
		t.Fatalf("Wait = %v, want an internal error", err)
	}
	if got := strings.Join(s.Cut("规划ABC12"), "|"); got != "规|划|ABC12" {
		t.Errorf("fallback Cut = %q", got)
	}
}

func TestUserDictRoundTrip(t *testing.T) {
	words := []core.UserWord{{Word: "甲", Freq: 5, Tag: "n"}, {Word: "乙", Tag: "nz"}, {Word: "丙"}, {Word: "丁", Freq: 7}}
	got := parseUserDict(formatUserDict(words))
	want := []core.UserWord{{Word: "甲", Freq: 5, Tag: "n"}, {Word: "乙", Tag: "nz"}, {Word: "丙"}, {Word: "丁", Freq: 7, Tag: "nz"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("round trip = %v, want %v", got, want)
	}
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

func BenchmarkCut(b *testing.B) {
	text := strings.Repeat("市民反映小区旁工地夜间施工噪音扰民，请求规划和自然资源局执法监察部门依法查处。", 10)
	if err := shared.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			shared.Cut(text)
		}
	})
}
