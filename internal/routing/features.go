package routing

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

// Analyzer normalises and segments text; *segment.Service is the implementation.
type Analyzer interface {
	Analyze(text string) *segment.Analysis
	IsStopWord(word string) bool
}

// Features are jieba words, pairs of neighbouring words and Chinese character bigrams. Words carry the
// meaning, pairs the phrases ("违章 建筑", "公积金 贷款") whose parts mean something else alone; bigrams rescue
// texts that segment badly (messages whose white space was stripped, new names, words jieba splits
// differently in different contexts). Adding the pairs took 5-fold macro-F1 on the mailbox corpus from
// 0.9235 to 0.9243 (with the lead sentence, see withSubject).
const (
	kindWord uint8 = iota
	kindBigram
	kindSubjectWord
	kindSubjectBigram
	kindWordPair
	numKinds
)

// occurrence is one feature found in a text, with its byte range in the normalised text.
type occurrence struct {
	key        string // the word or the bigram, a substring of the normalised text; a pair's first word
	key2       string // a pair's second word
	kind       uint8
	start, end int
	hash       uint64 // featureHash of the feature
}

// extract lists the features of an analysed text in order of appearance. Stop words are
// left out when isStop is given; matching passes nil because stop words never entered the
// vocabulary, so they are dropped as unknown features without a lookup of their own.
// The features are appended to dst[:0].
func extract(dst []occurrence, a *segment.Analysis, isStop func(string) bool) []occurrence {
	text := a.Text
	occ := slices.Grow(dst[:0], 2*len(a.Tokens)+len(text)/3+1)
	for _, t := range a.Tokens {
		if isFeatureWord(t.Word) && (isStop == nil || !isStop(t.Word)) {
			occ = append(occ, occurrence{key: t.Word, kind: kindWord, start: t.Start, end: t.End, hash: featureHash(kindWord, t.Word)})
		}
	}
	words := len(occ)
	for j := 1; j < words; j++ {
		p, q := &occ[j-1], &occ[j]
		occ = append(occ, occurrence{key: p.key, key2: q.key, kind: kindWordPair, start: p.start, end: q.end, hash: pairHash(p.hash, q.hash)})
	}
	prevStart, prevHan := 0, false
	for i, r := range text {
		han := isHan(r)
		if han && prevHan {
			end := i + utf8.RuneLen(r)
			key := text[prevStart:end]
			occ = append(occ, occurrence{key: key, kind: kindBigram, start: prevStart, end: end, hash: featureHash(kindBigram, key)})
		}
		prevStart, prevHan = i, han
	}
	return withSubject(occ, text)
}

// pairHash is the hash of the pair of words with hashes a and b.
func pairHash(a, b uint64) uint64 {
	const kindOffset = 0x9E3779B97F4A7C15 * 4 % (1 << 64) // as featureHash offsets kindWordPair
	return (a*0xBF58476D1CE4E5B9 ^ b) + kindOffset
}

// isHan is unicode.Is(unicode.Han, r), testing the block that holds nearly every character
// of real text first: it runs once per character.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// maxSubjectRunes bounds what counts as a subject line: longer first paragraphs are body text.
const maxSubjectRunes = 80

// maxLeadBytes bounds the lead sentence that stands in for a missing subject (about 40 characters).
const maxLeadBytes = 120

// withSubject repeats the features of the subject line (the first paragraph, see MessageText)
// under their own kinds: a subject names the matter in few words, so the same word weighs
// differently there than in the body. A message without a subject line (many arrive without one)
// opens with what it is about: its first sentence stands in. That took 5-fold macro-F1 on the
// mailbox corpus from 0.9208 to 0.9235.
func withSubject(occ []occurrence, text string) []occurrence {
	end := strings.IndexByte(text, '\n')
	if end < 0 || utf8.RuneCountInString(text[:end]) > maxSubjectRunes {
		end = min(len(text), maxLeadBytes)
		if i := strings.IndexAny(text, "。！？!?\n"); i >= 0 && i < end {
			end = i
		}
	}
	for _, o := range occ {
		if o.end > end {
			continue
		}
		was := o.kind
		switch o.kind {
		case kindWord:
			o.kind = kindSubjectWord
		case kindBigram:
			o.kind = kindSubjectBigram
		default:
			continue
		}
		o.hash += uint64(o.kind-was) * kindHashStep // featureHash(o.kind, o.key), without hashing the key again
		occ = append(occ, o)
	}
	return occ
}

// isFeatureWord keeps words with at least one letter (Chinese characters count): numbers
// and punctuation vary from message to message without saying anything about the topic.
func isFeatureWord(w string) bool {
	// Nearly every word opens with a common Chinese character: that settles it without unicode's tables.
	if r, _ := utf8.DecodeRuneInString(w); r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return strings.ContainsFunc(w, unicode.IsLetter)
}

// vocabulary maps features to columns, with their inverse document frequencies. A feature is known by its
// featureHash alone: the hash is the same in every process, so the model saves the hashes, not the words.
type vocabulary struct {
	Hashes []uint64 // per column, the feature's featureHash
	IDF    []float32

	once  sync.Once
	table featureTable // the same mapping keyed by featureHash, built on first use
}

// featureHash identifies a feature by a 64-bit hash: with a few hundred thousand features a
// collision is vanishingly unlikely (and would only merge two features).
func featureHash(kind uint8, key string) uint64 {
	return stringHash(key) + uint64(kind)*kindHashStep
}

// kindHashStep separates the hashes of one key under different kinds.
const kindHashStep = 0x9E3779B97F4A7C15

// stringHash is a fixed 64-bit hash of s (eight bytes at a time, then the splitmix64 finaliser): unlike
// hash/maphash it is the same in every process, so saved models can name their features by it.
func stringHash(s string) uint64 {
	const m = 0xBF58476D1CE4E5B9
	h := uint64(len(s)) * 0x9E3779B97F4A7C15
	for ; len(s) >= 8; s = s[8:] {
		_ = s[7]
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ w) * m
		h ^= h >> 31
	}
	if len(s) > 0 {
		var w uint64
		for i := range len(s) {
			w |= uint64(s[i]) << (8 * i)
		}
		h = (h ^ w) * m
		h ^= h >> 31
	}
	h ^= h >> 30
	h *= m
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	return h ^ h>>31
}

// featureTable maps feature hashes to columns by open addressing with linear probing. A
// message looks up about a thousand features; a small flat table answers most of them from
// the processor's cache, where a Go map, string- or integer-keyed, costs several cache misses.
// A slot keeps 32 bits of the hash beyond those that chose it, so two features are only
// confused when about fifty bits of their hashes agree.
type featureTable struct {
	mask  uint64
	slots []tableSlot
}

type tableSlot struct {
	check uint32 // the hash's upper half, never 0; 0 marks an empty slot
	col   int32
}

func newFeatureTable(n int) featureTable {
	size := 1
	for size <= n+n/2 { // at most two thirds full, never full: probes stay short and end
		size <<= 1
	}
	return featureTable{mask: uint64(size - 1), slots: make([]tableSlot, size)}
}

func slotCheck(h uint64) uint32 { return uint32(h>>32) | 1 }

func (t *featureTable) put(h uint64, col int32) {
	check := slotCheck(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.check == 0 || s.check == check {
			s.check, s.col = check, col
			return
		}
	}
}

func (t *featureTable) get(h uint64) (int32, bool) {
	check := slotCheck(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch s := t.slots[i]; s.check {
		case check:
			return s.col, true
		case 0:
			return 0, false
		}
	}
}

// lookup returns the hashed index of the columns, building it on first use.
func (v *vocabulary) lookup() *featureTable {
	v.once.Do(func() {
		v.table = newFeatureTable(len(v.Hashes))
		for col, h := range v.Hashes {
			v.table.put(h, int32(col))
		}
	})
	return &v.table
}

func (v *vocabulary) size() int { return len(v.IDF) }

// corpus holds segmented training messages compactly: each distinct feature once, each
// message as the ids of its feature occurrences (repeats kept for term frequency).
//
// The features are spread over shards by hash. A feature's id is its index in its shard times corpusShards
// plus the shard. The messages come in through an intake.
type corpus struct {
	shards [corpusShards]corpusShard
	docs   [][]uint32
}

const corpusShards = 64

type corpusShard struct {
	ids    idTable // by featureHash, the index in hashes
	hashes []uint64
}

// intake takes the messages' feature occurrences from the workers that segment them, and gives them their ids
// shard by shard, a batch of messages at a time (flush). Each worker sorts what it takes into a bucket per
// shard; flush has each worker go through whole shards, all the buckets of one shard after another, so that the
// shard's table of ids stays in the processor's cache. (Looking every message's features up in every shard's
// table as it came, under the shard's lock, missed the cache on nearly every occurrence: the tables together
// are tens of megabytes.) The batches bound the buckets' memory, reused from batch to batch, however many
// messages a bureau trains on.
type intake struct {
	c      *corpus
	next   atomic.Int64 // occurrences taken in this batch: the position of the next in the batch's ids
	offset []int64      // per message, the position of its first occurrence in its batch's ids
	count  []int32      // per message, its occurrences
	parts  []*intakePart
	size   int // the shards' tables' initial size
}

// intakeBatch is how many messages are segmented before their features get their ids.
const intakeBatch = 4096

// intakePart is one worker's buckets: the hashes of the occurrences of each shard and their positions.
type intakePart struct {
	hashes [corpusShards][]uint64
	at     [corpusShards][]uint32
}

// newIntake prepares the intake of n messages for workers workers.
func newIntake(n, workers int) *intake {
	in := &intake{c: &corpus{docs: make([][]uint32, n)}, offset: make([]int64, n), count: make([]int32, n),
		parts: make([]*intakePart, max(workers, 1))}
	// A mailbox message brings about 130 features no earlier one had: the shards' tables start at the size
	// that holds that many, so that they seldom grow.
	in.size = 1 << 10
	for in.size < 2*130*n/corpusShards {
		in.size <<= 1
	}
	return in
}

// reserve makes room in every worker's buckets for a batch of textBytes bytes of text: a message has about one
// occurrence per two bytes. Memory reserved but never written costs no page of the system's.
func (in *intake) reserve(textBytes int) {
	room := textBytes*6/10/(corpusShards*len(in.parts)) + 64
	for w, p := range in.parts {
		if p == nil {
			p = &intakePart{}
			in.parts[w] = p
		}
		for s := range corpusShards {
			if cap(p.hashes[s]) < room {
				p.hashes[s], p.at[s] = make([]uint64, 0, room), make([]uint32, 0, room)
			}
		}
	}
}

// add takes message i's occurrences on worker w's part; workers may add at the same time, each on its own part.
func (in *intake) add(w, i int, occ []occurrence) {
	p := in.parts[w]
	base := in.next.Add(int64(len(occ))) - int64(len(occ))
	in.offset[i], in.count[i] = base, int32(len(occ))
	for j := range occ {
		s := shardOf(occ[j].hash)
		p.hashes[s] = append(p.hashes[s], occ[j].hash)
		p.at[s] = append(p.at[s], uint32(base)+uint32(j))
	}
}

// flush gives the occurrences of the batch of messages lo..hi-1 their features' ids.
func (in *intake) flush(ctx context.Context, workers, lo, hi int) error {
	total := in.next.Load()
	if total > math.MaxUint32 {
		return core.Errorf(core.EINVALID, "一批训练留言过长（共%d个特征出现），请减少训练数据", total)
	}
	ids := make([]uint32, total)
	err := parallel(ctx, corpusShards, workers, func(s int) {
		sh := &in.c.shards[s]
		if sh.ids.slots == nil {
			sh.ids = newIDTable(in.size)
		}
		for _, p := range in.parts {
			at := p.at[s]
			for k, h := range p.hashes[s] {
				local, added := sh.ids.intern(h, sh.hashes)
				if added {
					sh.hashes = append(sh.hashes, h)
				}
				ids[at[k]] = local*corpusShards + uint32(s)
			}
			p.hashes[s], p.at[s] = p.hashes[s][:0], at[:0]
		}
	})
	if err != nil {
		return err
	}
	for i := lo; i < hi; i++ {
		start, end := in.offset[i], in.offset[i]+int64(in.count[i])
		in.c.docs[i] = ids[start:end:end]
	}
	in.next.Store(0)
	return nil
}

// idTable maps feature hashes to indexes by open addressing with linear probing: a shard looks up every
// occurrence of its features, and a Go map took twice as long for it. It grows at half full. A slot is 8 bytes,
// so that the tables of all the shards (hundreds of thousands of features) stay in the processor's cache as far
// as they can: it keeps the hash's low 32 bits, and the bits from 20 up choose where a probe starts (the top six
// chose the shard). As in featureTable, two features are only confused when about fifty bits of their hashes
// agree.
type idTable struct {
	mask  uint64
	n     int
	slots []idSlot
}

type idSlot struct {
	check uint32 // the hash's low 32 bits with the lowest set; 0 marks an empty slot
	id    uint32
}

func newIDTable(size int) idTable {
	return idTable{mask: uint64(size - 1), slots: make([]idSlot, size)}
}

func idCheck(h uint64) uint32 { return uint32(h) | 1 }

func idStart(h uint64) uint64 { return h >> 20 }

// intern returns h's id, giving it the next one, len(hashes), (and reporting true) if it had none. hashes
// holds the hash of each id given.
func (t *idTable) intern(h uint64, hashes []uint64) (uint32, bool) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow(hashes)
	}
	next := uint32(len(hashes))
	check := idCheck(h)
	for i := idStart(h) & t.mask; ; i = (i + 1) & t.mask {
		switch s := &t.slots[i]; s.check {
		case check:
			return s.id, false
		case 0:
			s.check, s.id = check, next
			t.n++
			return next, true
		}
	}
}

// grow doubles the table. A slot does not hold the bits that placed it: each goes where its id's hash starts
// a probe.
func (t *idTable) grow(hashes []uint64) {
	bigger := newIDTable(2 * len(t.slots))
	for _, s := range t.slots {
		if s.check != 0 {
			i := idStart(hashes[s.id]) & bigger.mask
			for bigger.slots[i].check != 0 {
				i = (i + 1) & bigger.mask
			}
			bigger.slots[i] = s
		}
	}
	bigger.n = t.n
	*t = bigger
}

func shardOf(h uint64) uint64 { return h >> 58 } // the top 6 bits: corpusShards

// size bounds the ids: every id is below it.
func (c *corpus) size() int {
	most := 0
	for i := range c.shards {
		most = max(most, len(c.shards[i].hashes))
	}
	return most * corpusShards
}

// buildVocabulary keeps the features that occur in at least minDF of docs (rarer ones
// cannot generalise and would only inflate the model) and returns the column of each
// corpus feature id, -1 for dropped ones.
func buildVocabulary(c *corpus, docs [][]uint32, minDF int) (*vocabulary, []int32) {
	// Each half of the messages is counted, and each half of the kept features sorted, on its own goroutine.
	var dfs [2][]int32
	var wg sync.WaitGroup
	for h := range dfs {
		wg.Go(func() {
			df, lastDoc := make([]int32, c.size()), make([]int32, c.size())
			for d := h * len(docs) / 2; d < (h+1)*len(docs)/2; d++ {
				for _, id := range docs[d] {
					if lastDoc[id] != int32(d+1) {
						lastDoc[id] = int32(d + 1)
						df[id]++
					}
				}
			}
			dfs[h] = df
		})
	}
	wg.Wait()
	df := dfs[0]
	kept := 0
	for id, n := range df {
		if int(n+dfs[1][id]) >= minDF {
			kept++
		}
	}
	features := make([]vocabFeature, 0, kept)
	for s := range c.shards {
		for local, hash := range c.shards[s].hashes {
			id := uint32(local)*corpusShards + uint32(s)
			if n := df[id] + dfs[1][id]; int(n) >= minDF {
				features = append(features, vocabFeature{hash, n, id})
			}
		}
	}
	// Column order must not depend on the order messages were segmented in: the columns go by document
	// frequency, then by hash. The common features, those nearly every message reads, then share cache lines.
	half := len(features) / 2
	wg.Go(func() { slices.SortFunc(features[:half], vocabFeature.compare) })
	slices.SortFunc(features[half:], vocabFeature.compare)
	wg.Wait()
	v := &vocabulary{Hashes: make([]uint64, len(features)), IDF: make([]float32, len(features))}
	col := make([]int32, c.size())
	for i := range col {
		col[i] = -1
	}
	n := float64(len(docs))
	a, b := features[:half], features[half:] // merged in order
	for j := range v.Hashes {
		var f vocabFeature
		if len(b) == 0 || (len(a) > 0 && a[0].compare(b[0]) <= 0) {
			f, a = a[0], a[1:]
		} else {
			f, b = b[0], b[1:]
		}
		v.Hashes[j] = f.hash
		v.IDF[j] = float32(math.Log((n+1)/float64(f.df+1)) + 1)
		col[f.id] = int32(j)
	}
	return v, col
}

// vocabFeature is a corpus feature kept for the vocabulary.
type vocabFeature struct {
	hash uint64
	df   int32
	id   uint32
}

// compare orders features by document frequency, most frequent first, then by hash.
func (f vocabFeature) compare(g vocabFeature) int {
	if d := cmp.Compare(g.df, f.df); d != 0 {
		return d
	}
	return cmp.Compare(f.hash, g.hash)
}

// vector is a sparse, L2-normalised TF-IDF vector, each index once, in order of first appearance.
type vector struct {
	idx []int32
	val []float32
}

// vectorize weighs the known features of a text into sc.x. It also sets sc.colOf, each
// occurrence's column (-1 if unknown), so that explanations need not look features up again.
func (v *vocabulary) vectorize(occ []occurrence, sc *scratch) {
	table := v.lookup()
	// The features were hashed when extracted: a loop of probes alone lets the processor wait
	// for many cache misses at once.
	sc.colOf = slices.Grow(sc.colOf[:0], len(occ))
	for k := range occ {
		i, ok := table.get(occ[k].hash)
		if !ok {
			i = -1
		}
		sc.colOf = append(sc.colOf, i)
	}
	v.weigh(sc)
}

// vectorizeDoc weighs a corpus message, col mapping its feature ids to columns.
func (v *vocabulary) vectorizeDoc(doc []uint32, col []int32) vector {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.colOf = slices.Grow(sc.colOf[:0], len(doc))
	for _, id := range doc {
		sc.colOf = append(sc.colOf, col[id])
	}
	v.weigh(sc)
	return vector{idx: slices.Clone(sc.x.idx), val: slices.Clone(sc.x.val)}
}

// weigh turns the columns of sc.colOf (-1 for none) into sc.x: (1 + ln tf) × idf, L2-normalised.
// Sublinear term frequency keeps a long message that repeats a word from drowning out everything else.
func (v *vocabulary) weigh(sc *scratch) {
	// Count each column's occurrences in order of first appearance, through a dense index of the columns
	// (left all zero again): sorting the columns to group them took a tenth of Match.
	if len(sc.at) < v.size() {
		sc.at = make([]int32, v.size())
	}
	x := vector{idx: sc.x.idx[:0], val: sc.x.val[:0]}
	for _, col := range sc.colOf {
		if col < 0 {
			continue
		}
		if at := sc.at[col]; at > 0 {
			x.val[at-1]++
			continue
		}
		x.idx = append(x.idx, col)
		x.val = append(x.val, 1)
		sc.at[col] = int32(len(x.idx))
	}
	var norm float64
	for j, col := range x.idx {
		sc.at[col] = 0
		w := sublinearTF(int(x.val[j])) * float64(v.IDF[col])
		x.val[j] = float32(w)
		norm += w * w
	}
	normalize(x, norm)
	sc.x = x
}

// normalize divides x's values by the square root of norm, their sum of squares.
func normalize(x vector, norm float64) {
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for k := range x.val {
			x.val[k] *= inv
		}
	}
}

// smallTF holds 1 + ln n for the term counts nearly every feature has.
var smallTF = func() (t [16]float64) {
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

func sublinearTF(n int) float64 {
	if n < len(smallTF) {
		return smallTF[n]
	}
	return 1 + math.Log(float64(n))
}
