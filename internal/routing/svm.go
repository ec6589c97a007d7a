package routing

import (
	"context"
	"math"
	"math/rand/v2"
)

// linear is one class's separating hyperplane: score = w·x + b.
type linear struct {
	W []float32
	B float32
}

func (l *linear) score(x vector) float64 {
	s := float64(l.B)
	for k, i := range x.idx {
		s += float64(l.W[i]) * float64(x.val[k])
	}
	return s
}

// weightScale is a feature's weight in the scaled space and its scale, side by side: the solver reads both
// for every feature of every example, and one cache line then serves both.
type weightScale struct{ w, s float32 }

// trainBinary fits an L2-regularised, squared-hinge-loss linear SVM by dual coordinate descent with
// shrinking (Hsieh et al., ICML 2008 – liblinear's default solver). It converges in a few passes on sparse
// text data and has no learning rate to tune. pos marks the positive examples; the bias is learned as the
// weight of a constant feature 1. alpha holds the dual variables: a warm start when not all zero (a
// model trained on more of the same examples is a good one), the solution on return.
func trainBinary(ctx context.Context, xs []vector, pos []bool, scale []float64, c float64, maxEpochs int, seed uint64, alpha []float64) (linear, error) {
	dim := len(scale)
	const tolerance = 0.1 // liblinear's default stopping criterion on the projected gradient
	n := len(xs)
	ws := make([]weightScale, dim)
	for f, s := range scale {
		ws[f].s = float32(s)
	}
	var b float64
	diag := 1 / (2 * c)
	qd := make([]float64, n)
	y := make([]float64, n)
	for i, x := range xs {
		qd[i] = 1 + diag // the bias feature contributes 1 to ‖x‖²
		y[i] = -1
		if pos[i] {
			y[i] = 1
		}
		a := float32(alpha[i] * y[i])
		for k, f := range x.idx {
			v := x.val[k] * ws[f].s
			qd[i] += float64(v * v)
			ws[f].w += a * v
		}
		b += float64(a)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	// Shrinking: an example whose alpha is 0 and whose gradient exceeds the largest projected gradient of the
	// previous pass will stay at 0; it leaves the active set until the end, when all are checked once more.
	active := n
	maxOld := math.Inf(1) // squared hinge has no upper bound on alpha: only this side shrinks
	for epoch := 0; epoch < maxEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return linear{}, err
		}
		rng.Shuffle(active, func(i, j int) { order[i], order[j] = order[j], order[i] })
		maxPG, minPG := math.Inf(-1), math.Inf(1)
		for s := 0; s < active; s++ {
			i := order[s]
			x := xs[i]
			var dot float32
			for k, f := range x.idx {
				dot += ws[f].w * x.val[k] * ws[f].s
			}
			g := y[i]*(b+float64(dot)) - 1 + diag*alpha[i]
			pg := g
			if alpha[i] == 0 {
				if g > maxOld {
					active--
					order[s], order[active] = order[active], order[s]
					s--
					continue
				}
				if g > 0 {
					pg = 0
				}
			}
			maxPG, minPG = max(maxPG, pg), min(minPG, pg)
			if math.Abs(pg) < 1e-12 {
				continue
			}
			old := alpha[i]
			alpha[i] = max(old-g/qd[i], 0)
			d := (alpha[i] - old) * y[i]
			d32 := float32(d)
			for k, f := range x.idx {
				ws[f].w += d32 * x.val[k] * ws[f].s
			}
			b += d
		}
		if maxPG-minPG < tolerance {
			if active == n {
				break
			}
			active, maxOld = n, math.Inf(1)
			continue
		}
		maxOld = maxPG
		if maxOld <= 0 {
			maxOld = math.Inf(1)
		}
	}
	out := linear{W: make([]float32, dim), B: float32(b)}
	for i, v := range ws {
		out.W[i] = v.w * v.s // fold the scaling in: scores stay w·x
	}
	return out, nil
}

// featureCounts counts, for each class, the examples of that class containing each feature: the naive Bayes
// evidence of every class's nbScale, counted once for all of them. counts[c*dim+f].
func featureCounts(xs []vector, y []int, k, dim int) []float32 {
	counts := make([]float32, k*dim)
	for i, x := range xs {
		row := counts[y[i]*dim : (y[i]+1)*dim]
		for _, f := range x.idx {
			row[f]++
		}
	}
	return counts
}

// nbScale returns, for class c, each feature's log-count ratio r = log((p/|p|)/(q/|q|)), p and q being
// smoothed counts of positive and negative examples containing it (Wang & Manning, ACL 2012: "NBSVM").
// Training on x∘r lets naive Bayes evidence guide the SVM; it helps most with the short, noisy messages of
// a mailbox. counts are featureCounts'. The counts are whole numbers below the number of examples plus
// the smoothing, so their logarithms come from one table instead of two calls per feature.
func nbScale(counts []float32, c, k, dim int) []float64 {
	const alpha = 1
	total := make([]int32, dim)
	var maxCount int32
	for cc := range k {
		for f, v := range counts[cc*dim : (cc+1)*dim] {
			total[f] += int32(v)
			maxCount = max(maxCount, total[f])
		}
	}
	logs := make([]float64, maxCount+alpha+1)
	for i := 1; i < len(logs); i++ {
		logs[i] = math.Log(float64(i))
	}
	own := counts[c*dim : (c+1)*dim]
	var sp, sq float64
	for f := range dim {
		p := float64(own[f]) + alpha
		sp += p
		sq += float64(total[f]) - float64(own[f]) + alpha
	}
	shift := math.Log(sq / sp)
	r := make([]float64, dim)
	for f := range dim {
		p := int32(own[f])
		r[f] = logs[p+alpha] - logs[total[f]-p+alpha] + shift
	}
	return r
}
