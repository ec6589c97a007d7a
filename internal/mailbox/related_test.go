package mailbox

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/segment"
	"policydesk/internal/testutil"
)

// Each testdata/related/<case>.input is a message (with its topic's words) and the published documents,
// separated by lines "==="; the golden file lists the documents found, best first, with the shared words
// and the passage shown for each.
func TestRelatedGolden(t *testing.T) {
	seg := segment.New(t.TempDir(), nil)
	defer seg.Close()
	if err := seg.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	testutil.GoldenFiles(t, testutil.Testdata(t, "related", "*.input"), func(t *testing.T, data string) string {
		parts := strings.Split(data, "\n===\n")
		docs := parts[1:]
		ix := NewRelatedIndex(seg, docs)
		var b strings.Builder
		for _, h := range ix.Query(parts[0], 5, 0.04) {
			title, body, _ := strings.Cut(docs[h.Doc], "\n")
			fmt.Fprintf(&b, "%s %.3f %s\n  %s\n", title, h.Score, strings.Join(h.Words, " "), Snippet(body, h.Words, 40))
		}
		if b.Len() == 0 {
			b.WriteString("(none)\n")
		}
		return b.String()
	})
}

func TestSnippet(t *testing.T) {
	text := "第一条 为推进工作，制定本办法。\n第二条 每台电梯补助15万元；七层及以上住宅每台补助20万元，业主中有八十周岁以上老年人的，补助标准上浮百分之十。第三条 附则。"
	for _, c := range []struct {
		words []string
		max   int
		want  string
	}{
		{[]string{"补助", "电梯"}, 100, "第二条 每台电梯补助15万元；七层及以上住宅每台补助20万元，业主中有八十周岁以上老年人的，补助标准上浮百分之十。"},
		{[]string{"老年人"}, 20, "…十周岁以上老年人的，补助标准上浮百分之十…"},
		{[]string{"附则"}, 20, "第三条 附则。"},
		{nil, 10, "第一条 为推进工作，…"},
	} {
		if got := Snippet(text, c.words, c.max); got != c.want {
			t.Errorf("Snippet(%v, %d) = %q, want %q", c.words, c.max, got, c.want)
		}
	}
}
