package routing

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Metrics scores predicted labels against true ones.
type Metrics struct {
	Labels    []string  // every label seen in truth or predictions, sorted
	Confusion [][]int   // Confusion[true][predicted], indexed like Labels
	Precision []float64 // per label
	Recall    []float64
	F1        []float64
	Support   []int // true examples per label
	Accuracy  float64
	MacroF1   float64 // unweighted mean of F1 over Labels
}

// Evaluate compares truth and pred, which must have the same length.
func Evaluate(truth, pred []string) Metrics {
	var m Metrics
	m.Labels = slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(truth), pred...))))
	idx := map[string]int{}
	for i, l := range m.Labels {
		idx[l] = i
	}
	k := len(m.Labels)
	m.Confusion = make([][]int, k)
	for i := range m.Confusion {
		m.Confusion[i] = make([]int, k)
	}
	correct := 0
	for i := range truth {
		m.Confusion[idx[truth[i]]][idx[pred[i]]]++
		if truth[i] == pred[i] {
			correct++
		}
	}
	if len(truth) > 0 {
		m.Accuracy = float64(correct) / float64(len(truth))
	}
	m.Precision, m.Recall, m.F1, m.Support = make([]float64, k), make([]float64, k), make([]float64, k), make([]int, k)
	for c := range k {
		tp, predicted := m.Confusion[c][c], 0
		for r := range k {
			predicted += m.Confusion[r][c]
			m.Support[c] += m.Confusion[c][r]
		}
		m.Precision[c] = ratio(tp, predicted)
		m.Recall[c] = ratio(tp, m.Support[c])
		if p, r := m.Precision[c], m.Recall[c]; p+r > 0 {
			m.F1[c] = 2 * p * r / (p + r)
		}
		m.MacroF1 += m.F1[c] / float64(k)
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteReport prints per-topic precision, recall and F1 and the confusion matrix as aligned tables.
func (m Metrics) WriteReport(w io.Writer) {
	rows := [][]string{{"主题", "精确率", "召回率", "F1", "样本数"}}
	for c, l := range m.Labels {
		rows = append(rows, []string{l, f3(m.Precision[c]), f3(m.Recall[c]), f3(m.F1[c]), fmt.Sprint(m.Support[c])})
	}
	rows = append(rows, []string{"宏平均", f3(mean(m.Precision)), f3(mean(m.Recall)), f3(m.MacroF1), fmt.Sprint(sum(m.Support))})
	writeTable(w, rows)
	fmt.Fprintf(w, "\n准确率 %.4f   宏平均F1 %.4f\n", m.Accuracy, m.MacroF1)

	fmt.Fprintln(w, "\n混淆矩阵（行：实际主题，列：预测主题）")
	rows = [][]string{append([]string{""}, m.Labels...)}
	for r, l := range m.Labels {
		row := []string{l}
		for c := range m.Labels {
			row = append(row, fmt.Sprint(m.Confusion[r][c]))
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)
}

func f3(x float64) string { return fmt.Sprintf("%.3f", x) }

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// writeTable aligns columns by display width (a Chinese character is two columns wide):
// the first column left-aligned, the others right-aligned like numbers.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-displayWidth(cell))
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// displayWidth counts East Asian wide characters as two terminal columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
			r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
			n += 2
		default:
			n++
		}
	}
	return n
}
