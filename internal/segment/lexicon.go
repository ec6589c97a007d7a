package segment

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"policydesk/internal/core"
)

// Lexicon cuts text the way jieba cuts it without its hidden Markov model (cppjieba's MPSegment: every
// dictionary word the text contains, then the most probable path through them), from the same dictionaries,
// in Go. It is what routing segments with: several times faster than crossing into C++ for every message and
// ready in a fraction of jieba's load time, with the same words (TestLexiconCutsAsJieba).
// It is immutable and safe for concurrent use.
type Lexicon struct {
	root      []int32    // child of the root per rune below rootRunes, 0 if none; while building
	top       []stepSlot // the root's child per rune below rootRunes (node 0 if none); once built
	steps     []stepSlot // edges's slots with their nodes' weights and summaries, once built (see finish)
	edges     edgeTable  // (node, rune) → child node, for every other edge
	nodes     []node     // per node, 0 being the root
	minWeight float64    // a character the dictionary lacks
	stop      map[string]bool
}

// node is a trie node: the log probability of the word ending there (notWord if none) and a 64-bit summary of
// its children's runes (bit childBit(r) is set for each). Most steps of a cut look for a child that is not
// there; the summary answers most of those without probing the edge table, which misses the cache.
type node struct {
	weight   float64
	children uint64
}

func childBit(r rune) uint64 { return 1 << (uint32(r) * 0x9E3779B1 >> 26) }

// rootRunes covers the Basic Multilingual Plane: nearly every first character of a word is found by indexing.
const rootRunes = 1 << 16

var notWord = math.Inf(1)

// separators are where cppjieba's pre-filter splits a sentence before segmenting: space, tab, newline, "，" and "。".
func isSeparator(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '，' || r == '。'
}

// LoadLexicon builds the lexicon from the embedded dictionaries plus extra user words (on top of the bureau's),
// weighing them as cppjieba does: log(freq / total) for dictionary words and user words with a frequency, the
// dictionary's median weight for user words without one; a later entry for the same word replaces an earlier.
// It reads the 5 MB dictionary without a string or a map entry per word, in about a tenth of a second;
// LoadLexiconCached reads a lexicon built before back in about a hundredth.
func LoadLexicon(extra []core.UserWord) (*Lexicon, error) {
	data, err := dictFS.ReadFile("dict/jieba.dict.utf8")
	if err != nil {
		return nil, err
	}
	lx := &Lexicon{root: make([]int32, rootRunes), nodes: make([]node, 1, 520000), stop: loadStopWords()}
	lx.nodes[0].weight = notWord
	lx.edges = newEdgeTable(1 << 20)
	// First pass: the trie, with each word's frequency where its weight goes; the total is known only at the end.
	var total float64
	var prev path
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		sp := bytes.IndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		var freq float64
		for _, c := range line[sp+1:] {
			if c < '0' || c > '9' {
				break
			}
			freq = freq*10 + float64(c-'0')
		}
		if freq <= 0 || !utf8.Valid(line[:sp]) {
			continue
		}
		prev = lx.insertAfter(line[:sp], freq, prev)
		total += freq
	}
	sorted := make([]float64, 0, len(lx.nodes))
	for i := range lx.nodes {
		if f := lx.nodes[i].weight; f != notWord {
			lx.nodes[i].weight = math.Log(f / total)
			sorted = append(sorted, lx.nodes[i].weight)
		}
	}
	if len(sorted) == 0 {
		return nil, fmt.Errorf("empty dictionary")
	}
	slices.Sort(sorted)
	lx.minWeight = sorted[0]
	median := sorted[len(sorted)/2]
	for _, w := range append(BureauWords(), extra...) {
		if w.Word == "" || !utf8.ValidString(w.Word) {
			continue
		}
		weight := median
		if w.Freq > 0 {
			weight = math.Log(float64(w.Freq) / total)
		}
		lx.insert([]byte(w.Word), weight)
	}
	lx.finish()
	return lx, nil
}

// finish copies the edge table into steps, each slot with the weight and children's summary of the node it
// leads to, and the root's children into top: a step of a cut then reads one slot, where it read the edge table
// and then the node, two cache misses. (The table is built with narrow slots: inserting half a million edges
// into wide ones took a third longer.) The nodes are not needed any more.
func (lx *Lexicon) finish() {
	lx.top = make([]stepSlot, rootRunes)
	for r, id := range lx.root {
		if id != 0 {
			lx.top[r] = stepSlot{key: edgeKey(0, rune(r)) + 1, node: id, weight: lx.nodes[id].weight, children: lx.nodes[id].children}
		}
	}
	lx.steps = make([]stepSlot, len(lx.edges.slots))
	for i, e := range lx.edges.slots {
		if e.key != 0 {
			lx.steps[i] = stepSlot{key: e.key, node: e.node, weight: lx.nodes[e.node].weight, children: lx.nodes[e.node].children}
		}
	}
	lx.root, lx.nodes, lx.edges.slots = nil, nil, nil
}

// stepSlot is an edge table slot with its node's weight and children's summary.
type stepSlot struct {
	key      uint64 // edge key+1; 0 marks an empty slot
	node     int32
	weight   float64
	children uint64
}

// find returns the step slot of key, nil if there is none.
func (lx *Lexicon) find(key uint64) *stepSlot {
	k := key + 1
	for i := lx.edges.slot(key); ; i = (i + 1) & lx.edges.mask {
		switch s := &lx.steps[i]; s.key {
		case k:
			return s
		case 0:
			return nil
		}
	}
}

// path is the last word inserted and the node reached after each of its bytes that ends a character: the
// dictionary is nearly sorted, so the next word mostly shares its first characters and their nodes.
type path struct {
	word  []byte
	nodes []int32 // nodes[i]: the node after word[:i+1] when that ends a character
}

func (lx *Lexicon) insertAfter(word []byte, weight float64, prev path) path {
	common := 0
	for common < len(word) && common < len(prev.word) && word[common] == prev.word[common] {
		common++
	}
	// back to the end of the last whole character in common
	for common > 0 && prev.nodes[common-1] < 0 {
		common--
	}
	node := int32(0)
	if common > 0 {
		node = prev.nodes[common-1]
	}
	prev.word = append(prev.word[:common], word[common:]...)
	prev.nodes = prev.nodes[:common]
	for rest := word[common:]; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		rest = rest[size:]
		node = lx.step(node, r)
		for range size - 1 {
			prev.nodes = append(prev.nodes, -1)
		}
		prev.nodes = append(prev.nodes, node)
	}
	if node != 0 {
		lx.nodes[node].weight = weight
	}
	return prev
}

// step returns node's child for r, adding it if need be.
func (lx *Lexicon) step(parent int32, r rune) int32 {
	c := lx.child(parent, r)
	if c == 0 {
		c = int32(len(lx.nodes))
		lx.nodes = append(lx.nodes, node{weight: notWord})
		lx.nodes[parent].children |= childBit(r)
		if parent == 0 && r < rootRunes {
			lx.root[r] = c
		} else {
			lx.edges.put(edgeKey(parent, r), c)
		}
	}
	return c
}

func (lx *Lexicon) insert(word []byte, weight float64) {
	node := int32(0)
	for len(word) > 0 {
		r, size := utf8.DecodeRune(word)
		word = word[size:]
		node = lx.step(node, r)
	}
	if node != 0 {
		lx.nodes[node].weight = weight
	}
}

// child returns node's child for r, 0 if none.
func (lx *Lexicon) child(node int32, r rune) int32 {
	if node == 0 && r < rootRunes {
		return lx.root[r]
	}
	if lx.nodes[node].children&childBit(r) == 0 {
		return 0
	}
	return lx.edges.get(edgeKey(node, r))
}

func edgeKey(node int32, r rune) uint64 { return uint64(node)<<21 | uint64(r)&(1<<21-1) }

// edgeTable maps edge keys to child nodes by open addressing: half a million edges go in with no allocation
// of their own, and a lookup is one or two probes of one flat array.
type edgeTable struct {
	mask  uint64
	shift uint
	slots []edgeSlot
	n     int
}

type edgeSlot struct {
	key  uint64 // key+1; 0 marks an empty slot
	node int32
}

func newEdgeTable(size int) edgeTable {
	t := edgeShape(size)
	t.slots = make([]edgeSlot, size)
	return t
}

// edgeShape is the addressing of an edge table of size slots (a power of two), without the slots.
func edgeShape(size int) edgeTable {
	shift := uint(64)
	for s := size; s > 1; s >>= 1 {
		shift--
	}
	return edgeTable{mask: uint64(size - 1), shift: shift}
}

func (t *edgeTable) slot(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

func (t *edgeTable) get(key uint64) int32 {
	k := key + 1
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		switch s := &t.slots[i]; s.key {
		case k:
			return s.node
		case 0:
			return 0
		}
	}
}

func (t *edgeTable) put(key uint64, node int32) {
	if (t.n+1)*10 > len(t.slots)*7 { // keep it under 70% full
		bigger := newEdgeTable(2 * len(t.slots))
		for _, s := range t.slots {
			if s.key != 0 {
				bigger.put(s.key-1, s.node)
			}
		}
		*t = bigger
	}
	k := key + 1
	i := t.slot(key)
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	if t.slots[i].key == 0 {
		t.n++
	}
	t.slots[i] = edgeSlot{key: k, node: node}
}

// IsStopWord reports whether w is a function word that says nothing about a topic.
func (lx *Lexicon) IsStopWord(w string) bool { return lx.stop[w] }

// Analyze normalises and segments text, keeping positions so matches can be highlighted.
func (lx *Lexicon) Analyze(text string) *Analysis {
	n := Normalize(text)
	return &Analysis{Normalized: n, Tokens: lx.Tokens(n.Text, nil)}
}

// AnalyzeInto is Analyze writing over a's storage (nil: new storage) and returning it: for a caller that
// analyses texts one after another and keeps nothing of the last one, such as training, it spares the
// garbage of a text's positions and words. What a returned earlier is overwritten.
func (lx *Lexicon) AnalyzeInto(text string, a *Analysis) *Analysis {
	if a == nil || a.Normalized == nil {
		a = &Analysis{Normalized: &Normalized{}}
	}
	a.Normalized.normalize(text)
	a.Tokens = lx.Tokens(a.Text, a.Tokens[:0])
	return a
}

// cutState holds one Tokens call's working arrays.
type cutState struct {
	runes  []rune
	starts []int // byte offset of each rune, and the text's length after the last
	best   []float64
	next   []int32 // length in runes of the word chosen at each position
}

var cutPool = sync.Pool{New: func() any { return new(cutState) }}

// Tokens appends the words of text, with their byte ranges, to dst.
func (lx *Lexicon) Tokens(text string, dst []Token) []Token {
	st := cutPool.Get().(*cutState)
	defer cutPool.Put(st)
	st.runes, st.starts = st.runes[:0], st.starts[:0]
	for i, r := range text {
		st.runes = append(st.runes, r)
		st.starts = append(st.starts, i)
	}
	st.starts = append(st.starts, len(text))
	n := len(st.runes)
	if cap(st.best) < n+1 {
		st.best, st.next = make([]float64, n+1), make([]int32, n+1)
	}
	best, next := st.best[:n+1], st.next[:n+1]
	for lo := 0; lo < n; {
		hi := lo + 1
		if !isSeparator(st.runes[lo]) {
			for hi < n && !isSeparator(st.runes[hi]) {
				hi++
			}
		}
		lx.route(st.runes[lo:hi], best[lo:hi+1], next[lo:hi+1])
		lo = hi
	}
	// The pieces' words are known now: dst grows once, to hold them all.
	words := 0
	for i := 0; i < n; i += int(next[i]) {
		words++
	}
	dst = slices.Grow(dst, words)
	for i := 0; i < n; {
		j := i + int(next[i])
		dst = append(dst, Token{Word: text[st.starts[i]:st.starts[j]], Start: st.starts[i], End: st.starts[j]})
		i = j
	}
	return dst
}

// route finds the most probable segmentation of runes (best[i]: the best log probability of runes[i:];
// next[i]: the length of its first word), right to left as cppjieba's CalcDP does, ties going to the shorter word.
func (lx *Lexicon) route(runes []rune, best []float64, next []int32) {
	n := len(runes)
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		s := lx.first(runes[i])
		// the character alone, a word or not
		w := lx.minWeight
		if s != nil && s.weight != notWord {
			w = s.weight
		}
		bestV, bestLen := w+best[i+1], int32(1)
		for j := i + 1; j < n && s != nil; j++ {
			r := runes[j]
			if s.children&childBit(r) == 0 {
				break
			}
			if s = lx.find(edgeKey(s.node, r)); s == nil {
				break
			}
			if w := s.weight; w != notWord {
				if v := w + best[j+1]; v > bestV {
					bestV, bestLen = v, int32(j-i+1)
				}
			}
		}
		best[i], next[i] = bestV, bestLen
	}
}

// first returns the slot of the root's child for r, nil if none.
func (lx *Lexicon) first(r rune) *stepSlot {
	if r < rootRunes {
		if s := &lx.top[r]; s.node != 0 {
			return s
		}
		return nil
	}
	return lx.find(edgeKey(0, r))
}
