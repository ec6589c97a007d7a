package routing

import (
	"fmt"
	"io"
	"time"
)

// MinEvalSupport is how many labeled messages a topic needs to count in an evaluation's headline macro-F1:
// with fewer, one message more or less right swings its F1 by tens of points, and a newly created topic would
// drag the average down however well the established ones route. Every topic is still reported, and the
// plain macro-F1 averages them all.
const MinEvalSupport = 20

// Score is an evaluation's headline, the same in the app's 设置 → 主题与分办 and in eval-routing.
type Score struct {
	MacroF1     float64   // over the topics with at least MinEvalSupport messages (all, when fewer than two have)
	Scored      int       // how many topics that average covers
	FoldMacroF1 []float64 // the same average in each fold
	MsgsPerSec  float64   // matching throughput over the folds
	Counted     map[string]bool
}

// ScoreOf scores an evaluation: pooled are its metrics over every held-out message, runs its folds (one for
// a held-out test file).
func ScoreOf(pooled Metrics, runs []Run) Score {
	s := Score{Counted: map[string]bool{}, FoldMacroF1: []float64{}}
	for i, l := range pooled.Labels {
		if pooled.Support[i] >= MinEvalSupport {
			s.Counted[l] = true
		}
	}
	if len(s.Counted) < 2 { // too little history to leave anything out
		s.Counted = nil
	}
	s.MacroF1, s.Scored = macroF1Over(pooled, s.Counted)
	var matched int
	var matching time.Duration
	for _, r := range runs {
		f1, _ := macroF1Over(r.Metrics, s.Counted)
		s.FoldMacroF1 = append(s.FoldMacroF1, f1)
		matched += r.Messages
		matching += r.Match
	}
	if matching > 0 {
		s.MsgsPerSec = float64(matched) / matching.Seconds()
	}
	return s
}

// macroF1Over averages F1 over the labels in keep (all labels when keep is nil) and says how many it averaged.
func macroF1Over(m Metrics, keep map[string]bool) (float64, int) {
	var sum float64
	var n int
	for i, l := range m.Labels {
		if keep == nil || keep[l] {
			sum += m.F1[i]
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return sum / float64(n), n
}

// writeScore prints the headline as the app shows it.
func writeScore(w io.Writer, s Score, topics int) {
	fmt.Fprintf(w, "评估主题宏平均F1 %.4f（%d 个主题中样本不少于%d条的 %d 个；与设置 → 主题与分办中的评估一致）\n",
		s.MacroF1, topics, MinEvalSupport, s.Scored)
}
