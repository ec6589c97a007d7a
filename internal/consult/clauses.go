package consult

import (
	"regexp"
	"strings"

	"policydesk/internal/core"
)

// articleMarker is a 条 as a policy text writes it: 第十二条, 第12条 (not 第一章, 第二节, 第一部分).
var articleMarker = regexp.MustCompile(`^第[零〇一二三四五六七八九十百千两0-9０-９]+条$`)

// ClauseCount is the "N个条款" a version shows: its articles (第X条) when it has any, since a 规范性文件's
// chapters, sections and the items inside an article (（一）, 1.) are not 条款 of their own; otherwise (a
// 通知 or 要点 written as 一、二、三) its numbered units at the top level. The preamble and 附件 never count.
func ClauseCount(clauses []core.Clause) int {
	articles, top := 0, 0
	for _, c := range clauses {
		n := strings.TrimSpace(c.Number)
		switch {
		case articleMarker.MatchString(n):
			articles++
		case c.Level == 1 && n != "" && !strings.HasPrefix(n, "附件"):
			top++
		}
	}
	if articles > 0 {
		return articles
	}
	return top
}
