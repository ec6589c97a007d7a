package mailbox

import (
	"strconv"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// bigrams cuts Han text into overlapping character pairs: a segmenter good enough for retrieval tests.
type bigrams struct{}

func (bigrams) Cut(text string) []string {
	rs := []rune(text)
	out := make([]string, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

func (bigrams) Keywords(string, int) []core.Keyword { return nil }

func TestSimilarIndexRanksTheClosestFirst(t *testing.T) {
	ix := NewSimilarIndex(bigrams{}, []SimilarDoc{
		{ID: 1, Text: "不动产权证书遗失如何补办"},
		{ID: 2, Text: "举报耕地上违法建房"},
		{ID: 3, Text: "不动产登记预约电话是多少"},
	})
	hits := ix.Query("我的不动产权证书丢了想补办", 2, 0, 0)
	if len(hits) != 2 || hits[0].ID != 1 || hits[1].ID != 3 || hits[0].Score <= hits[1].Score {
		t.Errorf("hits = %+v", hits)
	}
	if hits := ix.Query("不动产权证书遗失如何补办", 3, 1, 0); len(hits) == 0 || hits[0].ID == 1 {
		t.Errorf("excluded id returned: %+v", hits)
	}
	if hits := ix.Query("，。！", 3, 0, 0); len(hits) != 0 {
		t.Errorf("punctuation matched: %+v", hits)
	}
}

// On the public 问政 history, a message rewritten as its first half must find itself, with its reply,
// among the top three for most messages.
func TestSimilarIndexOnPublicReplies(t *testing.T) {
	records := testutil.CorpusCSV(t, "mailbox", "replies.csv")
	var docs []SimilarDoc
	for i, r := range records[1:] {
		docs = append(docs, SimilarDoc{ID: int64(i + 1), Text: r[1] + "\n" + r[3]})
	}
	ix := NewSimilarIndex(bigrams{}, docs)
	found, tried := 0, 0
	for i := 0; i < len(docs); i += len(docs) / 100 {
		rs := []rune(records[i+1][3])
		if len(rs) < 40 {
			continue
		}
		tried++
		for _, h := range ix.Query(string(rs[:len(rs)/2]), 3, 0, 0) {
			if h.ID == docs[i].ID {
				found++
				break
			}
		}
	}
	if tried < 50 || float64(found)/float64(tried) < 0.9 {
		t.Errorf("found %d of %d messages from half their text", found, tried)
	}
	t.Logf("found %d of %d (%s%%)", found, tried, strconv.FormatFloat(100*float64(found)/float64(tried), 'f', 1, 64))
}
