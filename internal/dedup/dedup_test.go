package dedup

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// labelled is a fixture comment with its gold campaign label ("-" for none).
type labelled struct {
	Doc
	group string
}

func loadFixture(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open(testutil.Testdata(t, "dedup", "comments.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue // header
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("comments.tsv line %d: want 3 columns, got %d", line+1, len(cols))
		}
		id, err := strconv.ParseInt(cols[0], 10, 64)
		if err != nil {
			t.Fatalf("comments.tsv line %d: %v", line+1, err)
		}
		out = append(out, labelled{Doc: Doc{ID: id, Text: cols[2], Tokens: tokenize(cols[2])}, group: cols[1]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// tokenize stands in for jieba: overlapping bigrams of Han characters and whole
// ASCII words and numbers.
func tokenize(s string) []string {
	var tokens []string
	var han []rune
	var word strings.Builder
	flush := func() {
		if len(han) == 1 {
			tokens = append(tokens, string(han))
		}
		for i := 0; i+2 <= len(han); i++ {
			tokens = append(tokens, string(han[i:i+2]))
		}
		han = han[:0]
		if word.Len() > 0 {
			tokens = append(tokens, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			if word.Len() > 0 {
				flush()
			}
			han = append(han, r)
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if len(han) > 0 {
				flush()
			}
			word.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return tokens
}

func docsOf(ls []labelled) []Doc {
	docs := make([]Doc, len(ls))
	for i, l := range ls {
		docs[i] = l.Doc
	}
	return docs
}

// pairScores compares the grouping with the gold labels over all pairs of comments.
func pairScores(ls []labelled, clusters []Cluster) (precision, recall float64) {
	gold := map[int64]string{}
	for _, l := range ls {
		gold[l.ID] = l.group
	}
	got := map[int64]int{}
	for ci, c := range clusters {
		for _, m := range c.Members {
			got[m] = ci
		}
	}
	var tp, fp, fn int
	for i := range ls {
		for j := i + 1; j < len(ls); j++ {
			a, b := ls[i].ID, ls[j].ID
			same := gold[a] != "-" && gold[a] == gold[b]
			grouped := got[a] == got[b]
			switch {
			case same && grouped:
				tp++
			case grouped:
				fp++
			case same:
				fn++
			}
		}
	}
	return float64(tp) / float64(tp+fp), float64(tp) / float64(tp+fn)
}

func TestGroupFixture(t *testing.T) {
	ls := loadFixture(t)
	start := time.Now()
	clusters := Group(docsOf(ls), Options{})
	elapsed := time.Since(start)
	p, r := pairScores(ls, clusters)
	t.Logf("%d comments, %d clusters, pairwise precision %.3f recall %.3f, %v", len(ls), len(clusters), p, r, elapsed)
	if p < 0.95 || r < 0.85 {
		t.Errorf("precision %.3f (want ≥ 0.95), recall %.3f (want ≥ 0.85)", p, r)
	}

	var b strings.Builder
	for _, c := range clusters {
		if len(c.Members) > 1 {
			fmt.Fprintf(&b, "rep %d\tmin %.2f\t%v\n", c.Representative, c.Similarity, c.Members)
		}
	}
	testutil.Golden(t, testutil.Testdata(t, "dedup", "comments.golden"), b.String())
}

func TestGroupIsDeterministic(t *testing.T) {
	docs := docsOf(loadFixture(t))
	want := Group(docs, Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(docs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := Group(shuffled, Options{}); !slices.EqualFunc(got, want, equalCluster) {
			t.Fatal("the grouping depends on the input order")
		}
	}
}

func equalCluster(a, b Cluster) bool {
	return a.Representative == b.Representative && a.Similarity == b.Similarity && slices.Equal(a.Members, b.Members)
}

func TestGroupEdgeCases(t *testing.T) {
	if got := Group(nil, Options{}); len(got) != 0 {
		t.Errorf("Group(nil) = %v", got)
	}
	docs := []Doc{
		{ID: 3, Text: ""},
		{ID: 1, Text: "。。。"},
		{ID: 2, Text: "同意"},
		{ID: 4, Text: "同意！"},
		{ID: 5, Text: "建议延长征求意见期限。"},
	}
	got := Group(docs, Options{})
	want := []Cluster{
		{Representative: 2, Members: []int64{2, 4}, Similarity: 1},
		{Representative: 1, Members: []int64{1}, Similarity: 1},
		{Representative: 3, Members: []int64{3}, Similarity: 1},
		{Representative: 5, Members: []int64{5}, Similarity: 1},
	}
	if !slices.EqualFunc(got, want, equalCluster) {
		t.Errorf("Group = %+v\nwant %+v", got, want)
	}
}

func TestSimilarity(t *testing.T) {
	doc := func(s string) Doc { return Doc{Text: s, Tokens: tokenize(s)} }
	base := "建议允许业主提取住房公积金用于支付加装电梯费用，同时允许使用住宅专项维修资金。"
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{base, base, 1, 1},
		{base, strings.NewReplacer("，", ",", "。", ".").Replace(base), 1, 1},
		{base, base + "希望尽快出台细则。", 0.6, 0.9},
		{base, "电梯的电费应当单独装表计量，按户分摊，不要计入公共照明电费里。", 0, 0.1},
		{base, "", 0, 0},
	}
	for _, tt := range tests {
		s := Similarity(doc(tt.a), doc(tt.b))
		if s < tt.min || s > tt.max {
			t.Errorf("Similarity(%q, %q) = %.3f, want in [%.2f, %.2f]", tt.a, tt.b, s, tt.min, tt.max)
		}
		if r := Similarity(doc(tt.b), doc(tt.a)); r != s {
			t.Errorf("Similarity is not symmetric: %.3f vs %.3f", s, r)
		}
	}
}

// syntheticDocs builds n comments from the fixture: a fifth are edited copies of a
// few campaign texts, the rest are new comments stitched from random clauses.
func syntheticDocs(t testing.TB, n int) []Doc {
	ls := loadFixture(t)
	var clauses []string
	for _, l := range ls {
		isStop := func(r rune) bool { return strings.ContainsRune("，。！？；,.!?;", r) }
		clauses = append(clauses, strings.FieldsFunc(l.Text, isStop)...)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	docs := make([]Doc, n)
	for i := range docs {
		var text string
		if i%5 == 0 {
			text = ls[rng.IntN(12)].Text + clauses[rng.IntN(len(clauses))] + "。"
		} else {
			parts := make([]string, 3+rng.IntN(4))
			for k := range parts {
				parts[k] = clauses[rng.IntN(len(clauses))]
			}
			text = strings.Join(parts, "，") + "。"
		}
		docs[i] = Doc{ID: int64(i + 1), Text: text, Tokens: tokenize(text)}
	}
	return docs
}

func TestGroupScales(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 comments: skipped with -short")
	}
	docs := syntheticDocs(t, 10_000)
	start := time.Now()
	clusters := Group(docs, Options{})
	elapsed := time.Since(start)
	t.Logf("10,000 comments -> %d clusters in %v", len(clusters), elapsed)
	// Comparing all pairs would take minutes; the loose limit catches that without
	// failing on a busy machine. BenchmarkGroup10k measures the real figure.
	if limit := 20 * time.Second * raceSlowdown; elapsed > limit {
		t.Errorf("Group took %v for 10,000 comments, want under %v", elapsed, limit)
	}
}

func BenchmarkGroup10k(b *testing.B) {
	docs := syntheticDocs(b, 10_000)
	for b.Loop() {
		Group(docs, Options{})
	}
}

// BenchmarkGroupMailbox10k groups 10,000 real citizen messages from the public corpus
// (../shared/corpus beside the repository, or $POLICYDESK_CORPUS): the 5,391
// messages, then copies with the first tenth cut off and a greeting added.
func BenchmarkGroupMailbox10k(b *testing.B) {
	rows := testutil.CorpusCSV(b, "mailbox", "train.csv")
	var docs []Doc
	for copyNo := 0; len(docs) < 10_000; copyNo++ {
		for _, row := range rows[1:] {
			if len(docs) == 10_000 {
				break
			}
			text := row[1]
			if copyNo > 0 {
				r := []rune(text)
				text = string(r[len(r)/10:]) + "谢谢！"
			}
			docs = append(docs, Doc{ID: int64(len(docs) + 1), Text: text, Tokens: tokenize(text)})
		}
	}
	for b.Loop() {
		Group(docs, Options{})
	}
}

// countingSegmenter cuts like tokenize and counts its calls.
type countingSegmenter struct{ calls *int }

func (s countingSegmenter) Cut(text string) []string {
	*s.calls++
	return tokenize(text)
}

func (countingSegmenter) Keywords(string, int) []core.Keyword { return nil }

// A campaign: thousands of identical comments and copies differing only in punctuation and width are one
// group; each distinct text is segmented once, and the grouping is the same as comment by comment.
func TestGroupCampaign(t *testing.T) {
	const text = "强烈反对第十二条的表决比例，建议改为四分之三以上业主同意。"
	var comments []core.CommentText
	for i := range 5000 {
		body := text
		switch i % 100 {
		case 1:
			body = strings.NewReplacer("，", ",", "。", "!").Replace(text)
		case 2:
			body = "建议第十三条的审批时限缩短为十个工作日。"
		case 3:
			body = ""
		}
		comments = append(comments, core.CommentText{ID: int64(5000 - i), Body: body})
	}
	calls := 0
	got := Grouper{Seg: countingSegmenter{&calls}}.Group(comments)
	if calls != 4 {
		t.Errorf("segmented %d times, want once per distinct text (4)", calls)
	}
	if len(got[0].Members) != 4900 || len(got[1].Members) != 50 || got[0].Similarity != 1 {
		t.Fatalf("largest groups: %d and %d members, similarity %.2f", len(got[0].Members), len(got[1].Members), got[0].Similarity)
	}
	if len(got) != 2+50 {
		t.Errorf("%d clusters, want the campaign, the other text and 50 empty comments on their own", len(got))
	}
	docs := make([]Doc, len(comments))
	for i, c := range comments {
		docs[i] = Doc{ID: c.ID, Text: c.Body, Tokens: tokenize(c.Body)}
	}
	if want := Group(docs, Options{}); len(want) != len(got) || want[0].Representative != got[0].Representative {
		t.Errorf("Grouper and Group disagree")
	}
}

// BenchmarkGroupCampaign32k groups 32,000 identical comments with 500 others.
func BenchmarkGroupCampaign32k(b *testing.B) {
	docs := syntheticDocs(b, 500)
	text := docs[0].Text
	for i := range 32_000 {
		docs = append(docs, Doc{ID: int64(1000 + i), Text: text, Tokens: tokenize(text)})
	}
	for b.Loop() {
		Group(docs, Options{})
	}
}
