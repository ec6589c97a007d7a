package segment

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"policydesk/internal/core"
)

// sameLexicon fails unless a and b hold the same tables and cut alike.
func sameLexicon(t *testing.T, a, b *Lexicon) {
	t.Helper()
	if a.minWeight != b.minWeight || a.edges.mask != b.edges.mask || a.edges.shift != b.edges.shift {
		t.Fatalf("lexicons differ: minWeight %v/%v, mask %x/%x", a.minWeight, b.minWeight, a.edges.mask, b.edges.mask)
	}
	if !slices.Equal(a.top, b.top) || !slices.Equal(a.steps, b.steps) {
		t.Fatal("lexicons' tables differ")
	}
	for _, text := range []string{"请问老旧小区加装电梯有没有补贴？需要全体业主同意吗？", "不动产登记中心的国土空间规划", "AT&T的B超"} {
		ta, tb := a.Tokens(text, nil), b.Tokens(text, nil)
		if !slices.Equal(ta, tb) {
			t.Fatalf("%s: %v against %v", text, ta, tb)
		}
	}
}

// TestLexiconCache: a lexicon read back from the cache is the one built; a cache built from other words, a
// damaged or a truncated one is not used but replaced; an unwritable directory only costs the build.
func TestLexiconCache(t *testing.T) {
	built, err := LoadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, LexiconCacheFile)
	first, err := LoadLexiconCached(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameLexicon(t, built, first)
	kept, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	read, err := readLexicon(path, lexiconKey(nil))
	if err != nil {
		t.Fatalf("cache not readable: %v", err)
	}
	sameLexicon(t, built, read)
	if len(read.stop) != len(built.stop) || !read.IsStopWord("的") {
		t.Error("stop words missing from the cached lexicon")
	}

	// Other user words: another key, so the kept file is not used, and it is replaced.
	words := []core.UserWord{{Word: "加装电梯补贴", Freq: 100000}}
	if _, err := readLexicon(path, lexiconKey(words)); err == nil {
		t.Fatal("a cache built without the user word was used with it")
	}
	withWord, err := LoadLexiconCached(dir, words)
	if err != nil {
		t.Fatal(err)
	}
	if toks := withWord.Tokens("加装电梯补贴", nil); len(toks) != 1 {
		t.Fatalf("user word not in the lexicon: %v", toks)
	}
	if again, err := readLexicon(path, lexiconKey(words)); err != nil {
		t.Fatalf("cache not rewritten for the new words: %v", err)
	} else {
		sameLexicon(t, withWord, again)
	}

	// A damaged file: every kind of damage is caught and the lexicon is built again.
	for name, damage := range map[string]func([]byte) []byte{
		"flipped byte":  func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b },
		"truncated":     func(b []byte) []byte { return b[:len(b)-100] },
		"empty":         func(b []byte) []byte { return nil },
		"other format":  func(b []byte) []byte { b[0] = 'X'; return b },
		"only the head": func(b []byte) []byte { return b[:60] },
	} {
		if err := os.WriteFile(path, damage(slices.Clone(kept)), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := readLexicon(path, lexiconKey(nil)); err == nil {
			t.Errorf("%s: damaged cache accepted", name)
		}
		lx, err := LoadLexiconCached(dir, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameLexicon(t, built, lx)
	}

	// A cache directory under a file cannot be created: the lexicon still loads.
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	lx, err := LoadLexiconCached(filepath.Join(blocker, "sub"), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameLexicon(t, built, lx)
}

// BenchmarkLoadLexiconCached reads the lexicon from its cache file (in the page cache, as on a later start).
func BenchmarkLoadLexiconCached(b *testing.B) {
	dir := b.TempDir()
	if _, err := LoadLexiconCached(dir, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := readLexicon(filepath.Join(dir, LexiconCacheFile), lexiconKey(nil)); err != nil {
			b.Fatal(err)
		}
	}
}
