// Package segment is PolicyDesk's Chinese word segmentation: gojieba with embedded
// dictionaries and a bureau user dictionary, behind core.Segmenter.
package segment

import (
	"context"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"

	"policydesk/internal/core"
)

var (
	_ core.Segmenter  = (*Service)(nil)
	_ core.NameTagger = (*Service)(nil)
)

// userWordBoost raises the TF-IDF weight of dictionary terms in keyword extraction: they are
// the bureau's own vocabulary and jieba's IDF table does not know them.
const userWordBoost = 1.5

// Service segments text. Loading jieba takes about a second, so New returns at once and
// loads in the background; methods called before that wait for it (use Ready to avoid waiting).
// All methods are safe for concurrent use.
type Service struct {
	cacheDir string
	ready    chan struct{}
	loadErr  error // set before ready is closed

	current atomic.Pointer[instance]
	stop    map[string]bool

	lexiconReady chan struct{}           // closed when the first lexicon has been built (or failed)
	lexicon      atomic.Pointer[Lexicon] // Analyze's segmenter; nil if it could not be built

	rebuild    sync.Mutex // serialises dictionary rebuilds
	generation atomic.Int64
	closed     atomic.Bool
}

// instance is one loaded jieba with the user words it was built with. Calls hold mu for
// reading; replacing the instance frees the old one once the last call is done.
type instance struct {
	mu        sync.RWMutex
	jieba     *gojieba.Jieba
	userWords map[string]bool
	freed     bool
}

// New starts loading the segmenter. cacheDir receives the dictionary files (written once);
// extra are user-defined terms on top of the built-in bureau dictionary.
func New(cacheDir string, extra []core.UserWord) *Service { return NewAfter(cacheDir, extra, nil) }

// NewAfter is New, loading only once start is closed (nil: at once): a desk starts loading when its window
// is up, so that the second of work does not compete with the window for the processor.
func NewAfter(cacheDir string, extra []core.UserWord, start <-chan struct{}) *Service {
	s := &Service{cacheDir: cacheDir, ready: make(chan struct{}), stop: loadStopWords(), lexiconReady: make(chan struct{})}
	go func() {
		defer close(s.lexiconReady)
		if start != nil {
			<-start
		}
		if lx, err := LoadLexiconCached(s.cacheDir, extra); err == nil {
			s.lexicon.Store(lx)
		}
	}()
	go func() {
		defer close(s.ready)
		if start != nil {
			<-start
		}
		inst, err := s.build(extra)
		if err != nil {
			s.loadErr = err
			return
		}
		s.current.Store(inst)
	}()
	return s
}

// Ready is closed when loading has finished, successfully or not (see Err).
func (s *Service) Ready() <-chan struct{} { return s.ready }

// Wait blocks until the segmenter is loaded or ctx ends.
func (s *Service) Wait(ctx context.Context) error {
	select {
	case <-s.ready:
		return s.loadErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Err reports why loading failed, or nil. It does not wait.
func (s *Service) Err() error {
	select {
	case <-s.ready:
		return s.loadErr
	default:
		return nil
	}
}

// build writes the dictionaries and loads a new jieba. NewJieba panics on bad input
// instead of returning an error, so the panic is turned into one here.
func (s *Service) build(extra []core.UserWord) (inst *instance, err error) {
	words := append(BureauWords(), extra...)
	paths, err := materialize(s.cacheDir, formatUserDict(words))
	if err != nil {
		return nil, core.Errorf(core.EINTERNAL, "无法写入分词词典：%v", err)
	}
	defer func() {
		if r := recover(); r != nil {
			inst, err = nil, core.Errorf(core.EINTERNAL, "分词词典加载失败：%v", r)
		}
	}()
	j := gojieba.NewJieba(paths.dict, paths.hmm, paths.user, paths.idf, paths.stop)
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w.Word] = true
	}
	return &instance{jieba: j, userWords: set}, nil
}

// SetUserWords replaces the extra user-defined terms. The new segmenter is built in the
// background and swapped in when ready; calls in flight finish on the old one. The channel
// receives the outcome (nil on success) and is then closed. A later call supersedes an
// earlier one that has not finished.
func (s *Service) SetUserWords(words []core.UserWord) <-chan error {
	done := make(chan error, 1)
	if err := ValidateUserWords(words); err != nil {
		done <- err
		close(done)
		return done
	}
	words = append([]core.UserWord(nil), words...)
	gen := s.generation.Add(1)
	go func() {
		defer close(done)
		<-s.ready
		s.rebuild.Lock()
		defer s.rebuild.Unlock()
		if gen != s.generation.Load() || s.closed.Load() {
			done <- nil // superseded: the newer call reports
			return
		}
		inst, err := s.build(words)
		if err != nil {
			done <- err
			return
		}
		if lx, err := LoadLexiconCached(s.cacheDir, words); err == nil {
			<-s.lexiconReady
			s.lexicon.Store(lx)
		}
		if old := s.current.Swap(inst); old != nil {
			go old.free()
		}
		if s.closed.Load() { // Close ran while building: do not leak the new instance
			if cur := s.current.Swap(nil); cur != nil {
				cur.free()
			}
		}
		done <- nil
	}()
	return done
}

// ValidateUserWords checks words the way SetUserWords does, so callers can refuse bad input before storing it.
func ValidateUserWords(words []core.UserWord) error {
	for i, w := range words {
		switch {
		case w.Word == "":
			return core.FieldErrorf(core.EINVALID, "userWords", "第%d个自定义词为空", i+1)
		case !utf8.ValidString(w.Word) || len([]rune(w.Word)) > 32:
			return core.FieldErrorf(core.EINVALID, "userWords", "第%d个自定义词“%s”无效或过长（最多32个字）", i+1, w.Word)
		case strings.ContainsFunc(w.Word, unicode.IsSpace):
			return core.FieldErrorf(core.EINVALID, "userWords", "第%d个自定义词“%s”不能包含空格", i+1, w.Word)
		case w.Freq < 0:
			return core.FieldErrorf(core.EINVALID, "userWords", "第%d个自定义词“%s”的词频不能为负数", i+1, w.Word)
		case strings.ContainsFunc(w.Tag, unicode.IsSpace):
			return core.FieldErrorf(core.EINVALID, "userWords", "第%d个自定义词“%s”的词性不能包含空格", i+1, w.Word)
		}
	}
	return nil
}

// free releases the C++ segmenter once no call is using it.
func (in *instance) free() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if !in.freed {
		in.freed = true
		in.jieba.Free()
	}
}

// Close frees the segmenter. Calls made afterwards fall back to character segmentation.
func (s *Service) Close() error {
	s.closed.Store(true)
	<-s.ready
	s.rebuild.Lock()
	defer s.rebuild.Unlock()
	if inst := s.current.Swap(nil); inst != nil {
		inst.free()
	}
	return nil
}

// with runs f on the current jieba, waiting for the first load. f gets nil when there is
// no segmenter (failed to load, or closed).
func (s *Service) with(f func(in *instance)) {
	<-s.ready
	for {
		in := s.current.Load()
		if in == nil {
			f(nil)
			return
		}
		in.mu.RLock()
		if !in.freed {
			defer in.mu.RUnlock()
			f(in)
			return
		}
		in.mu.RUnlock() // swapped and freed meanwhile: take the new one
	}
}

// Cut normalises text and returns its words, punctuation and spaces included.
func (s *Service) Cut(text string) []string {
	return s.cutNormalized(Normalize(text).Text, true)
}

// cutNormalized segments normalised text; hmm lets jieba's hidden Markov model join characters the
// dictionaries do not know into new words (names, places), at about a sixth more time.
func (s *Service) cutNormalized(text string, hmm bool) []string {
	var words []string
	s.with(func(in *instance) {
		if in == nil {
			words = fallbackCut(text)
			return
		}
		words = in.jieba.Cut(text, hmm)
	})
	return words
}

// Tag returns the words of text as written (not normalised, so they can be found in it again) with jieba's
// part-of-speech tags; the hidden Markov model is on, so unknown names come out whole, tagged x. Without a
// segmenter nothing is tagged.
func (s *Service) Tag(text string) []core.TaggedWord {
	var out []core.TaggedWord
	s.with(func(in *instance) {
		if in == nil {
			return
		}
		for _, wt := range in.jieba.Tag(text) {
			i := strings.LastIndexByte(wt, '/')
			if i <= 0 {
				continue
			}
			out = append(out, core.TaggedWord{Word: wt[:i], Tag: wt[i+1:]})
		}
	})
	return out
}

// fallbackCut splits into single Chinese characters and runs of letters or digits: poor,
// but it keeps matching usable if the dictionaries cannot be loaded.
func fallbackCut(text string) []string {
	var words []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		j := i + size
		if isWordRune(r) && !unicode.Is(unicode.Han, r) {
			for j < len(text) {
				r2, size2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) || unicode.Is(unicode.Han, r2) {
					break
				}
				j += size2
			}
		}
		words = append(words, text[i:j])
		i = j
	}
	return words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Token is a word of the normalised text with its byte range there.
type Token struct {
	Word       string
	Start, End int
}

// Analysis is a text segmented for matching: the normalised text with its map back to the
// original, and its tokens.
type Analysis struct {
	*Normalized
	Tokens []Token
}

// Analyze normalises and segments text, keeping positions so matches can be highlighted. It is the
// routing model's view of a message and cuts without the HMM: a word the dictionaries lack falls apart into
// characters, whose bigrams the model sees anyway. Measured on the mailbox corpus (5-fold, 5,391 messages)
// that leaves macro-F1 as it was (0.9208 against 0.9210) and matches 15% more messages per second. The cut
// is the Lexicon's (the same words, in Go), ready long before jieba; jieba's own cut is the fallback.
func (s *Service) Analyze(text string) *Analysis {
	<-s.lexiconReady
	if lx := s.lexicon.Load(); lx != nil {
		return lx.Analyze(text)
	}
	n := Normalize(text)
	words := s.cutNormalized(n.Text, false)
	a := &Analysis{Normalized: n, Tokens: make([]Token, 0, len(words))}
	off := 0
	for _, w := range words {
		a.Tokens = append(a.Tokens, Token{Word: w, Start: off, End: off + len(w)})
		off += len(w)
	}
	return a
}

// AnalyzeInto is Analyze reusing a's storage, as Lexicon.AnalyzeInto does (with jieba's cut, a new one).
func (s *Service) AnalyzeInto(text string, a *Analysis) *Analysis {
	<-s.lexiconReady
	if lx := s.lexicon.Load(); lx != nil {
		return lx.AnalyzeInto(text, a)
	}
	return s.Analyze(text)
}

// IsStopWord reports whether w is a function word that says nothing about a topic.
func (s *Service) IsStopWord(w string) bool { return s.stop[w] }

// Keywords returns the n words of text with the highest TF-IDF (jieba's IDF table), with
// dictionary terms boosted; ties are broken by the word so the order is stable.
func (s *Service) Keywords(text string, n int) []core.Keyword {
	if n <= 0 {
		return nil
	}
	norm := Normalize(text).Text
	var kws []core.Keyword
	s.with(func(in *instance) {
		if in == nil {
			return
		}
		// Ask for every candidate: a boosted term may rank below the first n before boosting.
		for _, ww := range in.jieba.ExtractWithWeight(norm, math.MaxInt32) {
			if !strings.ContainsFunc(ww.Word, unicode.IsLetter) {
				continue // numbers (phone numbers, years) say nothing about the subject
			}
			weight := ww.Weight
			if in.userWords[ww.Word] {
				weight *= userWordBoost
			}
			kws = append(kws, core.Keyword{Word: ww.Word, Weight: weight})
		}
	})
	sort.SliceStable(kws, func(i, j int) bool {
		if kws[i].Weight != kws[j].Weight {
			return kws[i].Weight > kws[j].Weight
		}
		return kws[i].Word < kws[j].Word
	})
	if len(kws) > n {
		kws = kws[:n]
	}
	return kws
}
