package core

import "context"

// Segmenter splits Chinese text into words. Implementations normalise the text first
// (traditional → simplified, full-width → half-width, broken lines joined), so callers
// pass text exactly as it arrived.
type Segmenter interface {
	// Cut returns the words of text in order, punctuation and spaces included.
	Cut(text string) []string
	// Keywords returns at most n of the most characteristic words of text, best first.
	Keywords(text string, n int) []Keyword
}

// TopicMatcher suggests which topic (and so which handling section) a mailbox message belongs to.
type TopicMatcher interface {
	// Match ranks the known topics for text; it never fails, an empty result means "no idea".
	Match(text string) MatchResult
}

// Keyword is a word and how characteristic it is of a text (TF-IDF, higher is stronger).
type Keyword struct {
	Word   string  `json:"word"`
	Weight float64 `json:"weight"`
}

// UserWord is an extra dictionary entry so that a domain term is kept whole when segmenting.
// Freq and Tag are optional (0 and "" let the segmenter choose).
type UserWord struct {
	Word string `json:"word"`
	Freq int    `json:"freq"`
	Tag  string `json:"tag"` // part of speech as jieba spells it, e.g. "n", "nz", "vn"
}

// Topic is a subject area that mailbox messages are routed by.
type Topic struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Section  string         `json:"section"` // the handling section (承办科室)
	Keywords []TopicKeyword `json:"keywords"`
	Examples []string       `json:"examples"` // example messages, used as extra training data
}

// TopicKeyword is a word staff associate with a topic; Weight scales how strongly it votes (1 = normal).
type TopicKeyword struct {
	Word   string  `json:"word"`
	Weight float64 `json:"weight"`
}

// LabeledMessage is a message whose topic is known: imported history or a routing decision by staff.
// Label is a topic name or ID.
type LabeledMessage struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Label   string `json:"label"`
}

// MatchResult is the ranked suggestion for one message.
type MatchResult struct {
	Top []TopicScore `json:"top"` // best first, at most three
}

// Best returns the top suggestion and whether there is one.
func (r MatchResult) Best() (TopicScore, bool) {
	if len(r.Top) == 0 {
		return TopicScore{}, false
	}
	return r.Top[0], true
}

// TopicScore is one suggested topic with a calibrated confidence and the words that argued for it.
type TopicScore struct {
	TopicID    string        `json:"topicId"`
	Name       string        `json:"name"`
	Section    string        `json:"section"`
	Confidence float64       `json:"confidence"` // probability in [0,1]; low values should go to a person
	Words      []MatchedWord `json:"words"`      // strongest first, at most five
}

// MatchedWord is a word of the message that pushed a topic up, with where it occurs.
type MatchedWord struct {
	Word         string     `json:"word"`
	Contribution float64    `json:"contribution"` // how much it raised the topic's score: model weight × feature value, or the keyword prior
	Spans        []TextSpan `json:"spans"`
}

// TextSpan locates a piece of the original (un-normalised) text, both as Go byte offsets
// and as UTF-16 code-unit offsets for JavaScript. End is exclusive.
type TextSpan struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	UTF16Start int `json:"utf16Start"`
	UTF16End   int `json:"utf16End"`
}

// MatchStream hands out the matches of an import's rows as they become ready (row i's match, nil when
// messages are not matched), so that storing the first rows overlaps with matching the rest.
type MatchStream interface {
	Result(ctx context.Context, i int) (*MatchResult, error)
}

// TaggedWord is a word with its part-of-speech tag as jieba writes it (nr a person's name, x a word the
// dictionaries lack, found by the hidden Markov model).
type TaggedWord struct {
	Word string
	Tag  string
}

// NameTagger tags the words of a text so that personal names without a cue around them can be found before
// publication.
type NameTagger interface {
	Tag(text string) []TaggedWord
}
