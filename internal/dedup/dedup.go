// Package dedup groups near-duplicate public comments, so that a campaign (many
// people sending the same or almost the same text during 征求意见) is counted and
// answered as one opinion with many supporters.
//
// # Method
//
// Each comment becomes a set of features: the character 3-grams of its text (letters,
// digits and Han characters only, full-width folded, lower-cased) and the pairs of
// adjacent tokens the caller's segmenter produced. Character 3-grams make short Chinese
// texts comparable whatever the segmentation; token pairs weigh whole words. The
// similarity of two comments is the Jaccard index of their feature sets.
//
// Candidate pairs come from MinHash locality-sensitive hashing: a 128-value signature
// (one permutation hashing with optimal densification, so one pass over the features)
// cut into 32 bands of 4 rows. Two comments share a band with probability
// 1-(1-J⁴)³²: 0.87 at J=0.5, 0.99 at J=0.6 and 0.003 at J=0.1, so unrelated comments
// are rarely compared, and every candidate is confirmed with the exact Jaccard index.
// Clusters are the connected components of the confirmed pairs (union-find), so a
// campaign whose variants drift apart step by step still ends up in one cluster.
//
// MinHash was kept over 64-bit SimHash after measuring both, over the same features
// and all pairs, on the fixture testdata/dedup/comments.tsv (118 comments, 6
// campaigns). Jaccard separates the two populations widely: pairs within a campaign
// are at least 0.51 similar, pairs across campaigns or unrelated comments at most
// 0.08, and any threshold from 0.2 to 0.6 groups the fixture with pairwise precision
// and recall 1.00. SimHash distances overlap: up to 20 differing bits within a
// campaign, as few as 16 across, so no Hamming radius separates them; its best
// radius (12 bits) reaches precision 1.00 at recall 0.95 only.
//
// DefaultThreshold (0.5) sits in the middle of that gap: it keeps a variant with a
// sentence added or removed, punctuation changed, a name signed or two sentences
// swapped, and stays far above what unrelated comments on the same draft reach.
package dedup

import (
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// DefaultThreshold is the Jaccard similarity at or above which two comments are
// grouped when Options.Threshold is zero.
const DefaultThreshold = 0.5

// Doc is one comment. Tokens come from the caller's segmenter (jieba in the app);
// Text is the comment as received.
type Doc struct {
	ID     int64
	Tokens []string
	Text   string
}

// Options tune Group.
type Options struct {
	// Threshold is the minimum Jaccard similarity of a confirmed pair, in (0, 1].
	// Zero means DefaultThreshold.
	Threshold float64
}

// Cluster is a group of near-duplicate comments; a comment unlike any other is a
// cluster of one.
type Cluster struct {
	Representative int64   // the member most similar to the others on average; ties go to the smallest ID
	Members        []int64 // IDs in ascending order, the representative included
	Similarity     float64 // the lowest similarity of a member to the representative; 1 for one member
}

// Similarity returns the Jaccard similarity of two comments' features, from 0 to 1,
// as the UI shows it ("相似度 87%").
func Similarity(a, b Doc) float64 {
	return jaccard(features(a), features(b))
}

// Group clusters docs, whose IDs must be unique. Clusters come largest first, then
// by representative ID, and do not depend on the order of docs.
func Group(docs []Doc, opts Options) []Cluster {
	threshold := opts.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	// Processing in ID order makes the union-find steps independent of input order.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(docs[a].ID, docs[b].ID) })

	sets := newUnionFind(len(docs))
	feats, sigs, canon, distinct := readOnce(docs, order, sets)
	linkCandidates(distinct, feats, sigs, threshold, sets)
	return clusters(docs, order, feats, canon, sets)
}

// readOnce computes the features of each distinct text once and joins the comments whose features coincide:
// a campaign of thousands of identical comments (or ones differing only in punctuation, spacing or width,
// which folding drops) is sketched once and joined by hashing, so that near-duplicate matching runs only
// across distinct texts. canon[i] is the first comment in ID order with i's features (i itself for a comment
// without features, which is never grouped); distinct lists those first comments, in ID order.
func readOnce(docs []Doc, order []int, sets *unionFind) (feats, sigs [][]uint64, canon, distinct []int) {
	canon = make([]int, len(docs))
	byText := map[string]int{}
	var texts []int
	for _, i := range order {
		k := docKey(docs[i])
		if j, ok := byText[k]; ok {
			canon[i] = j
			continue
		}
		byText[k] = i
		canon[i] = i
		texts = append(texts, i)
	}
	feats, sigs = sketch(docs, texts)
	byFeatures := map[string]int{}
	for _, i := range texts {
		if len(feats[i]) == 0 {
			continue
		}
		k := featureKey(feats[i])
		if j, ok := byFeatures[k]; ok {
			canon[i] = j
			continue
		}
		byFeatures[k] = i
		distinct = append(distinct, i)
	}
	for _, i := range order {
		if j := canon[i]; j != i {
			if len(feats[j]) == 0 {
				canon[i] = i // the same empty text: nothing to be similar by
			} else {
				canon[i] = canon[j]
				sets.union(canon[i], i)
			}
			feats[i] = feats[j]
		}
	}
	return feats, sigs, canon, distinct
}

// docKey identifies a comment's text and tokens: comments with equal keys have equal features.
func docKey(d Doc) string {
	n := len(d.Text)
	for _, t := range d.Tokens {
		n += 1 + len(t)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(d.Text)
	for _, t := range d.Tokens {
		b.WriteByte(0)
		b.WriteString(t)
	}
	return b.String()
}

// featureKey is a feature set as a map key.
func featureKey(feats []uint64) string {
	b := make([]byte, 0, 8*len(feats))
	for _, f := range feats {
		b = binary.LittleEndian.AppendUint64(b, f)
	}
	return string(b)
}

// sketch computes the features and signature (nil for a comment without features) of the comments at
// indexes. It is most of the work on long comments, and each comment is independent, so it runs on all
// processors.
func sketch(docs []Doc, indexes []int) (feats, sigs [][]uint64) {
	feats = make([][]uint64, len(docs))
	sigs = make([][]uint64, len(docs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(indexes); k += workers {
				i := indexes[k]
				feats[i] = features(docs[i])
				if len(feats[i]) > 0 {
					sigs[i] = signature(feats[i])
				}
			}
		})
	}
	wg.Wait()
	return feats, sigs
}

// linkCandidates unions every confirmed candidate pair. In each band bucket a comment
// is compared only with the bucket's anchors, the first comment of each group seen
// there: a campaign of thousands of identical comments costs one comparison per
// comment, not one per pair.
func linkCandidates(order []int, feats, sigs [][]uint64, threshold float64, sets *unionFind) {
	similar := func(a, b int) bool {
		// The signature estimate is cheaper than the exact index and rules out most
		// candidates; its standard error is below 0.05, so a margin of 0.25 loses
		// no pair at the threshold in practice.
		return estimate(sigs[a], sigs[b]) >= threshold-estimateMargin &&
			jaccard(feats[a], feats[b]) >= threshold
	}
	for band := range bands {
		anchors := map[uint64][]int{}
		for _, i := range order {
			if sigs[i] == nil {
				continue
			}
			key := bandKey(sigs[i], band)
			if !linkToAnchors(i, anchors[key], similar, sets) {
				anchors[key] = append(anchors[key], i)
			}
		}
	}
}

// estimateMargin is how far below the threshold a signature estimate may fall
// before the exact similarity is no longer computed.
const estimateMargin = 0.25

// linkToAnchors unions i with every anchor similar enough and reports whether i now
// belongs to the group of one of them.
func linkToAnchors(i int, anchors []int, similar func(a, b int) bool, sets *unionFind) bool {
	joined := false
	for _, a := range anchors {
		if sets.find(a) == sets.find(i) {
			joined = true
			continue
		}
		if similar(a, i) {
			sets.union(a, i)
			joined = true
		}
	}
	return joined
}

// clusters turns the union-find forest into sorted clusters.
func clusters(docs []Doc, order []int, feats [][]uint64, canon []int, sets *unionFind) []Cluster {
	byRoot := map[int][]int{}
	var roots []int
	for _, i := range order {
		r := sets.find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([]Cluster, 0, len(roots))
	for _, r := range roots {
		out = append(out, cluster(docs, byRoot[r], feats, canon))
	}
	slices.SortStableFunc(out, func(a, b Cluster) int {
		if len(a.Members) != len(b.Members) {
			return len(b.Members) - len(a.Members)
		}
		return cmp.Compare(a.Representative, b.Representative)
	})
	return out
}

// cluster builds one cluster from member indexes given in ID order.
func cluster(docs []Doc, members []int, feats [][]uint64, canon []int) Cluster {
	rep := central(members, feats, canon)
	c := Cluster{Representative: docs[rep].ID, Similarity: 1, Members: make([]int64, 0, len(members))}
	for _, m := range members {
		c.Members = append(c.Members, docs[m].ID)
		if canon[m] != canon[rep] {
			c.Similarity = min(c.Similarity, jaccard(feats[rep], feats[m]))
		}
	}
	return c
}

// exactCentrality is the cluster size up to which central compares all pairs.
const exactCentrality = 12

// central picks the member most similar, on average, to the others. Ties go to the
// first member, the one with the smallest ID.
func central(members []int, feats [][]uint64, canon []int) int {
	if len(members) <= exactCentrality {
		return centralExact(members, feats)
	}
	return centralByFrequency(members, feats, canon)
}

// centralExact computes the mean similarity of every member to the others.
func centralExact(members []int, feats [][]uint64) int {
	sums := make([]float64, len(members))
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			s := jaccard(feats[members[i]], feats[members[j]])
			sums[i] += s
			sums[j] += s
		}
	}
	best := 0
	for i, s := range sums {
		if s > sums[best] {
			best = i
		}
	}
	return members[best]
}

// centralByFrequency picks the member whose features are, on average, shared by the
// most other members: a linear-time stand-in for the mean similarity in a large
// campaign, where comparing all pairs would be quadratic. Members with the same
// features (canon) are counted once, weighted by how many they are.
func centralByFrequency(members []int, feats [][]uint64, canon []int) int {
	weight := map[int]int{}
	var kinds []int // the first member of each feature set, in ID order
	for _, m := range members {
		c := canon[m]
		if weight[c] == 0 {
			kinds = append(kinds, m)
		}
		weight[c]++
	}
	df := map[uint64]int{}
	for _, m := range kinds {
		for _, f := range feats[m] {
			df[f] += weight[canon[m]]
		}
	}
	best, bestScore := members[0], -1.0
	for _, m := range kinds {
		if len(feats[m]) == 0 {
			continue
		}
		sum := 0
		for _, f := range feats[m] {
			sum += df[f]
		}
		if score := float64(sum) / float64(len(feats[m])); score > bestScore {
			best, bestScore = m, score
		}
	}
	return best
}

// features returns the sorted, distinct hashes of a comment's character 3-grams and
// token pairs. A text shorter than three characters is one feature by itself.
func features(d Doc) []uint64 {
	chars := []rune(foldText(d.Text))
	out := make([]uint64, 0, len(chars)+len(d.Tokens))
	switch {
	case len(chars) >= 3:
		for i := 0; i+3 <= len(chars); i++ {
			// A rune fits in 21 bits: three of them pack into one word exactly.
			out = append(out, mix(uint64(chars[i])<<42|uint64(chars[i+1])<<21|uint64(chars[i+2])))
		}
	case len(chars) == 2:
		out = append(out, mix(uint64(chars[0])<<21|uint64(chars[1])))
	case len(chars) == 1:
		out = append(out, mix(uint64(chars[0])))
	}
	var prev uint64
	for _, t := range d.Tokens {
		h := tokenHash(t)
		if h == 0 {
			continue // punctuation or spaces only
		}
		if prev != 0 {
			out = append(out, mix(prev*31+h)^tokenPairTag)
		}
		prev = h
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// tokenPairTag keeps token-pair features apart from character 3-grams.
const tokenPairTag = 0x7A3C_91E5_0B6D_F248

// foldText keeps letters and digits, folds full-width forms and lower-cases, so that
// punctuation and spacing changes do not count as differences.
func foldText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r, ok := foldRune(r); ok {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldRune is foldText for one rune; ok is false for a rune foldText drops.
// Common Han characters take a fast path: they are most of the input.
func foldRune(r rune) (rune, bool) {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return r, true
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	}
	if r < 0x80 {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', true
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			return r, true
		}
		return r, false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), true
	}
	return r, false
}

// tokenHash is 64-bit FNV-1a over the folded runes of a token, or 0 when nothing
// is left after folding.
func tokenHash(t string) uint64 {
	h := uint64(0xCBF29CE484222325)
	kept := false
	for _, r := range t {
		if r, ok := foldRune(r); ok {
			h = (h ^ uint64(r)) * 0x100000001B3
			kept = true
		}
	}
	if !kept {
		return 0
	}
	return h | 1
}

// mix is the splitmix64 finaliser: it spreads packed runes over all 64 bits.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// jaccard computes |a∩b| / |a∪b| of two sorted, distinct sets. Two empty sets have
// nothing in common.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}
