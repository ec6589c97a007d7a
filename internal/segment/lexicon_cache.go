package segment

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"policydesk/internal/core"
)

// A built lexicon is kept in the cache directory, as Python jieba keeps its dictionary cache: building it
// from the 5 MB dictionary takes a sixth of a second of one core, reading it back a few hundredths. The file
// holds the finished tables (the root's children and the edge slots in use) under a key of everything they
// were built from: the format, the processor architecture, the embedded dictionaries and the user words. A
// file with another key, a wrong checksum or an impossible slot is ignored and replaced.

// LexiconCacheFile is the name of the kept lexicon in a cache directory.
const LexiconCacheFile = "lexicon.bin"

// lexiconCacheVersion is part of every cache key: a change to how LoadLexicon builds the tables (weights, slots,
// the table's size or hashing) must raise it, or a cache built by the old code would be read as the new one's.
const (
	lexiconCacheMagic   = "PDLEXv1\n"
	lexiconCacheVersion = 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// LoadLexiconCached is LoadLexicon through a cache file in dir: the lexicon is read from dir when it was built
// there from the same dictionaries and words, else built and then written there for the next start. An empty
// dir, or one that cannot be written, only costs the build.
func LoadLexiconCached(dir string, extra []core.UserWord) (*Lexicon, error) {
	if dir == "" {
		return LoadLexicon(extra)
	}
	key := lexiconKey(extra)
	path := filepath.Join(dir, LexiconCacheFile)
	if lx, err := readLexicon(path, key); err == nil {
		return lx, nil
	}
	lx, err := LoadLexicon(extra)
	if err != nil {
		return nil, err
	}
	if os.MkdirAll(dir, 0o700) == nil {
		// A cache that cannot be written is no reason to refuse the lexicon: the next start builds it again.
		_ = core.WriteFileAtomic(path, func(w io.Writer) error { return lx.writeCache(w, key) })
	}
	return lx, nil
}

// lexiconKey names what a lexicon is built from.
func lexiconKey(extra []core.UserWord) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%d %s %d %s %d\n", lexiconCacheVersion, runtime.GOARCH, rootRunes, dictSums(), len(extra))
	for _, w := range extra {
		fmt.Fprintf(h, "%q %d\n", w.Word, w.Freq)
	}
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// dictSums names the embedded dictionaries by length and checksum: they tell one build's from another's.
var dictSums = sync.OnceValue(func() string {
	var b strings.Builder
	for _, name := range []string{"dict/jieba.dict.utf8", "dict/bureau.dict.utf8"} {
		f, err := dictFS.Open(name)
		if err != nil {
			panic(err) // embedded at build time: cannot be missing
		}
		crc := crc32.New(castagnoli)
		n, _ := io.Copy(crc, f)
		f.Close()
		fmt.Fprintf(&b, "%s:%d:%08x ", name, n, crc.Sum32())
	}
	return b.String()
})

// The file: magic, key, then little-endian fields: minWeight, the number of edge slots (a power of two), the
// number of root children and of edge slots in use, each root child (rune, slot) and each used edge slot
// (index, slot); last the CRC-32C of everything before it.
const stepSlotBytes = 8 + 4 + 8 + 8

func putStepSlot(b []byte, s *stepSlot) {
	binary.LittleEndian.PutUint64(b, s.key)
	binary.LittleEndian.PutUint32(b[8:], uint32(s.node))
	binary.LittleEndian.PutUint64(b[12:], math.Float64bits(s.weight))
	binary.LittleEndian.PutUint64(b[20:], s.children)
}

func getStepSlot(b []byte) stepSlot {
	return stepSlot{
		key:      binary.LittleEndian.Uint64(b),
		node:     int32(binary.LittleEndian.Uint32(b[8:])),
		weight:   math.Float64frombits(binary.LittleEndian.Uint64(b[12:])),
		children: binary.LittleEndian.Uint64(b[20:]),
	}
}

func (lx *Lexicon) writeCache(w io.Writer, key [32]byte) error {
	crc := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<16)
	var top, used int
	for i := range lx.top {
		if lx.top[i].node != 0 {
			top++
		}
	}
	for i := range lx.steps {
		if lx.steps[i].key != 0 {
			used++
		}
	}
	head := make([]byte, 0, len(lexiconCacheMagic)+32+8*4)
	head = append(head, lexiconCacheMagic...)
	head = append(head, key[:]...)
	head = binary.LittleEndian.AppendUint64(head, math.Float64bits(lx.minWeight))
	head = binary.LittleEndian.AppendUint64(head, uint64(len(lx.steps)))
	head = binary.LittleEndian.AppendUint64(head, uint64(top))
	head = binary.LittleEndian.AppendUint64(head, uint64(used))
	bw.Write(head)
	var rec [4 + stepSlotBytes]byte
	for i := range lx.top {
		if lx.top[i].node != 0 {
			binary.LittleEndian.PutUint32(rec[:], uint32(i))
			putStepSlot(rec[4:], &lx.top[i])
			bw.Write(rec[:])
		}
	}
	for i := range lx.steps {
		if lx.steps[i].key != 0 {
			binary.LittleEndian.PutUint32(rec[:], uint32(i))
			putStepSlot(rec[4:], &lx.steps[i])
			bw.Write(rec[:])
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, crc.Sum32())
}

var errStaleLexicon = errors.New("lexicon cache: not this build's")

// readLexicon reads the lexicon kept at path if it was built under key, whole and consistent. The file is
// decoded as it is read, its checksum taken on the way and checked at the end.
func readLexicon(path string, key [32]byte) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	head := make([]byte, len(lexiconCacheMagic)+32+8*4)
	if _, err := io.ReadFull(r, head); err != nil || string(head[:len(lexiconCacheMagic)]) != lexiconCacheMagic ||
		!bytes.Equal(head[len(lexiconCacheMagic):len(lexiconCacheMagic)+32], key[:]) {
		return nil, errStaleLexicon
	}
	sum := crc32.Update(0, castagnoli, head)
	p := head[len(lexiconCacheMagic)+32:]
	minWeight := math.Float64frombits(binary.LittleEndian.Uint64(p))
	size, top, used := binary.LittleEndian.Uint64(p[8:]), binary.LittleEndian.Uint64(p[16:]), binary.LittleEndian.Uint64(p[24:])
	// The edge table is a power of two with room to spare (a probe must reach an empty slot).
	if size < 2 || size > 1<<26 || size&(size-1) != 0 || used >= size || top > rootRunes {
		return nil, errors.New("lexicon cache: sizes")
	}
	lx := &Lexicon{minWeight: minWeight, stop: loadStopWords(), top: make([]stepSlot, rootRunes), steps: make([]stepSlot, size)}
	lx.edges = edgeShape(int(size)) // its mask and shift address steps
	const rec = 4 + stepSlotBytes
	chunk := make([]byte, 2048*rec)
	for i := uint64(0); i < top+used; {
		n := min(top+used-i, 2048)
		b := chunk[:n*rec]
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, errors.New("lexicon cache: truncated")
		}
		sum = crc32.Update(sum, castagnoli, b)
		for ; len(b) > 0; b, i = b[rec:], i+1 {
			at, s := uint64(binary.LittleEndian.Uint32(b)), getStepSlot(b[4:])
			switch {
			case i < top && at < rootRunes:
				lx.top[at] = s
			case i >= top && at < size && s.key != 0:
				lx.steps[at] = s
			default:
				return nil, errors.New("lexicon cache: slot")
			}
		}
	}
	var tail [4]byte
	if _, err := io.ReadFull(r, tail[:]); err != nil || binary.LittleEndian.Uint32(tail[:]) != sum {
		return nil, errors.New("lexicon cache: checksum")
	}
	if n, _ := r.Read(tail[:1]); n != 0 {
		return nil, errors.New("lexicon cache: trailing bytes")
	}
	return lx, nil
}
