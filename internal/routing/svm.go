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

// trainBinary fits an L2-regularised, squared-hinge-loss linear SVM by dual coordinate
// descent (Hsieh et al., ICML 2008 – liblinear's default solver). It converges in a few
// passes on sparse text data and has no learning rate to tune. pos marks the positive examples;
// the bias is learned as the weight of a constant feature 1.
func trainBinary(ctx context.Context, xs []vector, pos []bool, scale []float64, c float64, maxEpochs int, seed uint64) (linear, error) {
	dim := len(scale)
	const tolerance = 0.1 // liblinear's default stopping criterion on the projected gradient
	n := len(xs)
	w := make([]float64, dim)
	var b float64
	alpha := make([]float64, n)
	diag := 1 / (2 * c)
	qd := make([]float64, n)
	y := make([]float64, n)
	for i, x := range xs {
		qd[i] = 1 + diag // the bias feature contributes 1 to ‖x‖²
		for k, f := range x.idx {
			v := float64(x.val[k]) * scale[f]
			qd[i] += v * v
		}
		y[i] = -1
		if pos[i] {
			y[i] = 1
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	for epoch := 0; epoch < maxEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return linear{}, err
		}
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		maxPG, minPG := math.Inf(-1), math.Inf(1)
		for _, i := range order {
			x := xs[i]
			s := b
			for k, f := range x.idx {
				s += w[f] * float64(x.val[k]) * scale[f]
			}
			g := y[i]*s - 1 + diag*alpha[i]
			pg := g
			if alpha[i] == 0 && g > 0 {
				pg = 0
			}
			maxPG, minPG = max(maxPG, pg), min(minPG, pg)
			if pg == 0 {
				continue
			}
			old := alpha[i]
			alpha[i] = max(old-g/qd[i], 0)
			d := (alpha[i] - old) * y[i]
			for k, f := range x.idx {
				w[f] += d * float64(x.val[k]) * scale[f]
			}
			b += d
		}
		if maxPG-minPG < tolerance {
			break
		}
	}
	out := linear{W: make([]float32, dim), B: float32(b)}
	for i, v := range w {
		out.W[i] = float32(v * scale[i]) // fold the scaling in: scores stay w·x
	}
	return out, nil
}

// nbScale returns, for the class marked by pos, each feature's log-count ratio
// r = log((p/|p|)/(q/|q|)), p and q being smoothed counts of positive and negative examples
// containing it (Wang & Manning, ACL 2012: "NBSVM"). Training on x∘r lets naive Bayes
// evidence guide the SVM; it helps most with the short, noisy messages of a mailbox.
func nbScale(xs []vector, pos []bool, dim int) []float64 {
	const alpha = 1
	p, q := make([]float64, dim), make([]float64, dim)
	for i, x := range xs {
		counts := q
		if pos[i] {
			counts = p
		}
		for _, f := range x.idx {
			counts[f]++
		}
	}
	var sp, sq float64
	for f := range dim {
		p[f] += alpha
		q[f] += alpha
		sp += p[f]
		sq += q[f]
	}
	r := make([]float64, dim)
	for f := range dim {
		r[f] = math.Log((p[f] / sp) / (q[f] / sq))
	}
	return r
}
