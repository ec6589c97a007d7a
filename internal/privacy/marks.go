package privacy

import (
	"regexp"
	"strings"
)

// Patterns for 密级 marks, all run on the normalised text (full-width brackets are
// already half-width there). See the package comment for the rules.
var (
	starMark = regexp.MustCompile(`(?:(?:绝密|机密|秘密)级?|内部)\s*[★☆](?:\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:年|个月|月|日|天)|\s*长期)?`)
	// bracketMark needs the closing bracket of the same pair only loosely: texts mix
	// 【】 and [] freely, and a mismatched pair around a mark is still a mark.
	bracketMark  = regexp.MustCompile(`[\[【〔(「『]\s*(?:绝密|机密|秘密|内部资料|内部文件|内部刊物|仅供内部使用|内部)\s*[\]】〕)」』]`)
	labelMark    = regexp.MustCompile(`密级\s*[:：]?\s*(?:绝密|机密|秘密|内部)`)
	internalOnly = regexp.MustCompile(`仅供内部(?:使用|参考|传阅)`)
	proseMark    = regexp.MustCompile(`绝密|机密|秘密|内部资料|内部文件`)
)

// notMarkBefore and notMarkAfter are neighbours that turn 秘密/机密 into an ordinary
// word: the category of a secret or the duty to keep one, not a mark on this text.
var (
	notMarkBefore = []string{"国家", "商业", "工作", "个人", "军事", "技术", "经营", "保守", "泄露", "泄漏", "刺探", "窃取", "非法获取", "核心"}
	notMarkAfter  = []string{"性", "等级", "事项", "载体", "文件管理", "保护", "信息"}
)

// findMarks reports 密级 marks: the unambiguous forms block, prose mentions warn.
func findMarks(n normalized) []hit {
	hits := lineMarks(n)
	block := func([]int) bool { return true }
	for _, re := range []*regexp.Regexp{starMark, bracketMark, labelMark, internalOnly} {
		for _, m := range findAll(re, n.text, n.marks, block) {
			hits = append(hits, markHit(n, m[0], m[1], SeverityBlock))
		}
	}
	prose := func(m []int) bool { return !ordinaryWord(n.text, m[0], m[1]) }
	for _, m := range findAll(proseMark, n.text, n.marks, prose) {
		hits = append(hits, markHit(n, m[0], m[1], SeverityWarn))
	}
	return hits
}

// Marks that block at the start of a line: the bare ones only when a space or the
// line end follows them ("秘密  XX局文件"), the phrases whatever follows ("内部资料，注意保存").
var (
	bareLineMarks   = []string{"绝密", "机密", "秘密", "内部"}
	phraseLineMarks = []string{"内部资料", "内部文件", "内部刊物"}
)

// lineMarks finds marks at the start of a line, after optional spaces or tabs.
func lineMarks(n normalized) []hit {
	var hits []hit
	for start := 0; start < len(n.text); {
		end := strings.IndexByte(n.text[start:], '\n')
		if end < 0 {
			end = len(n.text)
		} else {
			end += start
		}
		i := start
		for i < end && (n.text[i] == ' ' || n.text[i] == '\t') {
			i++
		}
		if w := lineMark(n.text[i:end]); w != "" {
			hits = append(hits, markHit(n, i, i+len(w), SeverityBlock))
		}
		start = end + 1
	}
	return hits
}

// lineMark returns the mark that line starts with, if any.
func lineMark(line string) string {
	for _, w := range phraseLineMarks {
		if strings.HasPrefix(line, w) {
			return w
		}
	}
	for _, w := range bareLineMarks {
		if rest, ok := strings.CutPrefix(line, w); ok && (rest == "" || strings.ContainsRune(" \t\r", rune(rest[0]))) {
			return w
		}
	}
	return ""
}

func markHit(n normalized, start, end int, severity string) hit {
	s, e := n.span(start, end)
	return hit{kind: KindClassification, severity: severity, start: s, end: e}
}

// ordinaryWord reports whether the mention at s[start:end] is part of a compound
// such as 国家秘密 or 机密性 rather than a mark.
func ordinaryWord(s string, start, end int) bool {
	before, after := s[:start], s[end:]
	for _, w := range notMarkBefore {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, w := range notMarkAfter {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}
