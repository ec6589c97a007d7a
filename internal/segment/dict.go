package segment

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"policydesk/internal/core"
)

// The dictionaries travel inside the binary: gojieba's default paths point into the
// build machine's module cache, so a moved binary would panic on start.
//
//go:embed dict/jieba.dict.utf8 dict/hmm_model.utf8 dict/idf.utf8 dict/stop_words.utf8 dict/bureau.dict.utf8
var dictFS embed.FS

// BureauWords returns the built-in dictionary of a 规划和自然资源局's domain terms.
func BureauWords() []core.UserWord {
	data, err := dictFS.ReadFile("dict/bureau.dict.utf8")
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	return parseUserDict(data)
}

// parseUserDict reads jieba's user dictionary format: "word [freq] [tag]" per line.
func parseUserDict(data []byte) []core.UserWord {
	var words []core.UserWord
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		w := core.UserWord{Word: f[0]}
		rest := f[1:]
		if len(rest) > 0 {
			if n, err := strconv.Atoi(rest[0]); err == nil {
				w.Freq = n
				rest = rest[1:]
			}
		}
		if len(rest) > 0 {
			w.Tag = rest[0]
		}
		words = append(words, w)
	}
	return words
}

// formatUserDict writes words in jieba's user dictionary format, skipping entries that
// would corrupt it (empty words or words containing spaces).
func formatUserDict(words []core.UserWord) []byte {
	var b bytes.Buffer
	for _, w := range words {
		word := strings.TrimSpace(w.Word)
		if word == "" || strings.ContainsAny(word, " \t\r\n") {
			continue
		}
		tag := strings.TrimSpace(w.Tag)
		if tag == "" || strings.ContainsAny(tag, " \t") {
			tag = ""
		}
		// cppjieba reads two fields as "word tag" and three as "word freq tag".
		switch {
		case w.Freq > 0:
			if tag == "" {
				tag = "nz"
			}
			fmt.Fprintf(&b, "%s %d %s", word, w.Freq, tag)
		case tag != "":
			fmt.Fprintf(&b, "%s %s", word, tag)
		default:
			b.WriteString(word)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// dictPaths are the five files NewJieba needs, in its argument order.
type dictPaths struct {
	dict, hmm, user, idf, stop string
}

// materialize writes the embedded dictionaries and the user dictionary into dir, once:
// file names carry a hash of the content, so an existing file is already correct and
// different builds or user dictionaries never overwrite each other.
func materialize(dir string, userDict []byte) (dictPaths, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return dictPaths{}, err
	}
	write := func(name string, data []byte) (string, error) {
		return writeOnce(dir, name, data)
	}
	embedded := func(name string) (string, error) {
		data, err := dictFS.ReadFile("dict/" + name)
		if err != nil {
			return "", err
		}
		return write(name, data)
	}
	var p dictPaths
	var err error
	if p.dict, err = embedded("jieba.dict.utf8"); err != nil {
		return p, err
	}
	if p.hmm, err = embedded("hmm_model.utf8"); err != nil {
		return p, err
	}
	if p.idf, err = embedded("idf.utf8"); err != nil {
		return p, err
	}
	if p.stop, err = embedded("stop_words.utf8"); err != nil {
		return p, err
	}
	p.user, err = write("user.dict.utf8", userDict)
	return p, err
}

// writeOnce stores data as dir/<hash>-name unless it is already there; the write goes
// through a temporary file and a rename so a crash never leaves a truncated dictionary.
func writeOnce(dir, name string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	path := filepath.Join(dir, hex.EncodeToString(sum[:8])+"-"+name)
	if st, err := os.Stat(path); err == nil && st.Size() == int64(len(data)) {
		return path, nil
	}
	if err := core.WriteDataAtomic(path, data); err != nil {
		return "", fmt.Errorf("install %s: %w", name, err)
	}
	return path, nil
}

// stopWords is jieba's stop-word list, used to keep function words out of keywords and features.
func loadStopWords() map[string]bool {
	data, err := dictFS.ReadFile("dict/stop_words.utf8")
	if err != nil {
		panic(err)
	}
	set := make(map[string]bool, 2000)
	for _, line := range strings.Split(string(data), "\n") {
		if w := strings.TrimSpace(line); w != "" {
			set[w] = true
		}
	}
	return set
}
