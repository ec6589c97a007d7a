package sqlite

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"policydesk/internal/testutil"
)

// TestSearchGramsGolden shows, for each line of the input, the terms the index stores and the query a
// search for that line becomes.
func TestSearchGramsGolden(t *testing.T) {
	in, err := os.Open(testutil.Testdata(t, "search", "grams.input"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var b strings.Builder
	lines := bufio.NewScanner(in)
	for lines.Scan() {
		fmt.Fprintf(&b, "text:  %s\ngrams: %s\nquery: %s\n\n", lines.Text(), SearchGrams(lines.Text()), SearchQuery(lines.Text()))
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, testutil.Testdata(t, "search", "grams.golden"), b.String())
}

func TestSearchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"房", `"房"*`},
		{"不动产", `"不动 动产"`},
		{"A区", `"a区"`},
		{"5G", `"5g"`},
		{"x", `"x"*`},
		{`登记 "证书`, `"登记" AND "证书"`},
		{"3号楼，302", `"3号 号楼" AND "30 02"`},
		{"，。 - ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestSearchGramsEveryCharacterBeginsATerm checks what one-character searches rely on: each letter or digit
// of the text is the first character of some stored term, and each term's characters are in the text.
func TestSearchGramsEveryCharacterBeginsATerm(t *testing.T) {
	text := "我是望江苑3号楼的居民，Wi-Fi信号差；ＡＢＣ小区 Ünïcode"
	first := map[rune]bool{}
	for _, term := range strings.Fields(SearchGrams(text)) {
		first[[]rune(term)[0]] = true
		if !strings.Contains(strings.ToLower(text), term) {
			t.Errorf("term %q is not in the text", term)
		}
	}
	for _, r := range strings.ToLower(text) {
		if len(searchRuns(string(r))) == 1 && !first[r] {
			t.Errorf("no term begins with %q", r)
		}
	}
}

func TestIndexGramsMarkEveryMessage(t *testing.T) {
	if got := IndexGrams("A2区"); got != EveryMessage+" a2 2区 区" {
		t.Errorf("IndexGrams = %q", got)
	}
	if got := IndexGrams("，。"); got != EveryMessage {
		t.Errorf("IndexGrams of punctuation = %q, want the marker alone", got)
	}
	if strings.Contains(SearchGrams("\ue000私用区\ue000"), EveryMessage) || strings.Contains(SearchQuery("\ue000"), EveryMessage) {
		t.Error("text holding the marker character can forge it")
	}
	if got := ExceptQuery(`"房"*`); got != `"`+EveryMessage+`" NOT ("房"*)` {
		t.Errorf("ExceptQuery = %s", got)
	}
}

func TestIndexTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// bigrams side by side spell a trigram; each character a gram begins with gets its "*" term
		{"不动产", []string{EveryMessage, "*" + EveryMessage, "*不", "*产", "*动", "不动", "不动产", "产", "动产"}},
		// a run of one character, and a Latin run: no trigram across two runs
		{"A 区", []string{EveryMessage, "*" + EveryMessage, "*a", "*区", "a", "区"}},
		// a repeated gram is listed once
		{"哈哈哈", []string{EveryMessage, "*" + EveryMessage, "*哈", "哈", "哈哈", "哈哈哈"}},
		{"", []string{EveryMessage, "*" + EveryMessage}},
	}
	for _, tt := range tests {
		slices.Sort(tt.want)
		if got := IndexTerms(IndexGrams(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("IndexTerms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
