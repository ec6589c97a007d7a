package routing

import (
	"math"
	"testing"
)

func TestScoreOfCountsOnlyEstablishedTopics(t *testing.T) {
	pooled := Metrics{Labels: []string{"a", "b", "c"}, F1: []float64{0.9, 0.8, 0.1}, Support: []int{50, 20, 3}, MacroF1: 0.6}
	s := ScoreOf(pooled, []Run{{Metrics: pooled, Messages: 73}})
	if s.Scored != 2 || math.Abs(s.MacroF1-0.85) > 1e-9 || len(s.FoldMacroF1) != 1 || math.Abs(s.FoldMacroF1[0]-0.85) > 1e-9 {
		t.Errorf("score = %+v", s)
	}
	// With fewer than two established topics, every topic counts.
	few := Metrics{Labels: []string{"a", "b"}, F1: []float64{0.9, 0.5}, Support: []int{30, 2}}
	if s := ScoreOf(few, nil); s.Scored != 2 || math.Abs(s.MacroF1-0.7) > 1e-9 {
		t.Errorf("few = %+v", s)
	}
}
