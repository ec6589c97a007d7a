package disclosure

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"policydesk/internal/core"
)

// Remedy is a 行政复议 or 行政诉讼 brought over a disclosure answer.
type Remedy struct {
	Kind   string // 行政复议 / 未经复议直接起诉 / 复议后起诉
	Result string // 结果维持 / 结果纠正 / 其他结果 / 尚未审结
}

// Table4Groups and Table4Results give table 四's 3 × 5 = 15 cells.
var (
	Table4Groups  = []string{"行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"}
	Table4Results = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
)

// BuildTable4 counts the remedies; each group's 总计 is the sum of its four results.
func BuildTable4(rs []Remedy) ([3][5]int, error) {
	var t [3][5]int
	for i, r := range rs {
		g := -1
		switch r.Kind {
		case "行政复议":
			g = 0
		case "未经复议直接起诉", "行政诉讼/未经复议直接起诉":
			g = 1
		case "复议后起诉", "行政诉讼/复议后起诉":
			g = 2
		}
		k := -1
		for j, name := range Table4Results[:4] {
			if r.Result == name {
				k = j
			}
		}
		if g < 0 || k < 0 {
			return t, fmt.Errorf("第%d条复议诉讼记录的类型或结果无效", i+1)
		}
		t[g][k]++
		t[g][4]++
	}
	return t, nil
}

// Table4CSV renders table 四 with label paths such as 行政复议/结果维持.
func Table4CSV(t [3][5]int) string {
	var b strings.Builder
	b.WriteString("项目,数量\n")
	for g, name := range Table4Groups {
		for k, r := range Table4Results {
			fmt.Fprintf(&b, "%s/%s,%d\n", name, r, t[g][k])
		}
	}
	return b.String()
}

// RemedyNotice is the remedies paragraph of an answer that refuses or limits disclosure: under
// the 行政复议法 (2023) 第二十三条 a complaint about disclosure goes to 行政复议 first, so the
// letter names 复议 and then the lawsuit after the 复议 decision.
func RemedyNotice(reviewBody, court string) string {
	return fmt.Sprintf("如对本答复不服，可以自收到本答复之日起六十日内向%s申请行政复议；"+
		"对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向%s提起行政诉讼。", reviewBody, court)
}

// Adverse reports whether an outcome restricts disclosure, so the answer must carry RemedyNotice.
func Adverse(outcome int) bool { return outcome >= 1 && outcome < len(Outcomes) }

// Repeated is content asked for by several applicants.
type Repeated struct {
	Key   string
	Count int
	Nos   []string
}

// SuggestProactive lists subjects requested by at least min different requests that were
// disclosed (予以公开 or 部分公开): candidates for 主动公开 under 第四十四条.
func SuggestProactive(rows []ParsedRow, key func(ParsedRow) string, min int) []Repeated {
	groups := map[string][]string{}
	for _, r := range rows {
		if r.Outcome != 0 && r.Outcome != 1 {
			continue
		}
		if k := key(r); k != "" {
			groups[k] = append(groups[k], r.No)
		}
	}
	var out []Repeated
	for k, nos := range groups {
		if len(nos) >= min {
			out = append(out, Repeated{Key: k, Count: len(nos), Nos: nos})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// RemedyKinds are the kinds of remedy a case records, in table 四's order.
var RemedyKinds = []string{"行政复议", "未经复议直接起诉", "复议后起诉"}

// CheckAnsweredRemedy checks a remedy recorded against request r: only an answered request has one, and the
// remedy must pass CheckRemedy.
func CheckAnsweredRemedy(r core.DisclosureRequest, kind, result string, filed, decided, today time.Time) error {
	if r.Outcome < 0 {
		return core.Errorf(core.EFORBID, "该申请尚未答复，不能登记行政复议或行政诉讼")
	}
	return CheckRemedy(kind, result, day(r.AnswerDate), filed, decided, today)
}

// CheckRemedy checks a remedy as recorded: a known kind and result, filed on or after the answer and not in the
// future, decided (when it is) on or after it was filed, and decided exactly when it has a result.
func CheckRemedy(kind, result string, answered, filed, decided, today time.Time) error {
	switch {
	case !slices.Contains(RemedyKinds, kind):
		return core.Errorf(core.EINVALID, "请选择行政复议、未经复议直接起诉或复议后起诉")
	case !slices.Contains(Table4Results[:4], result):
		return core.Errorf(core.EINVALID, "结果只能是结果维持、结果纠正、其他结果或尚未审结")
	case filed.IsZero():
		return core.Errorf(core.EINVALID, "请填写申请复议或起诉的日期")
	case !answered.IsZero() && filed.Before(answered):
		return core.Errorf(core.EINVALID, "申请复议或起诉的日期不能早于答复日期")
	case filed.After(today):
		return core.Errorf(core.EINVALID, "申请复议或起诉的日期不能晚于今天")
	case result == "尚未审结" && !decided.IsZero():
		return core.Errorf(core.EINVALID, "尚未审结的案件不填写决定或裁判日期")
	case result != "尚未审结" && decided.IsZero():
		return core.Errorf(core.EINVALID, "请填写复议决定或裁判的日期")
	case !decided.IsZero() && (decided.Before(filed) || decided.After(today)):
		return core.Errorf(core.EINVALID, "决定或裁判的日期须在申请之后、今天之前")
	}
	return nil
}

// RemedyInYear is how table 四 of year counts a remedy: those filed in the year, with the result they had at
// the year's end (one decided later is still 尚未审结 there); ok is false for one filed in another year.
func RemedyInYear(kind, result string, filed, decided time.Time, year int) (Remedy, bool) {
	if filed.Year() != year {
		return Remedy{}, false
	}
	if !decided.IsZero() && decided.Year() > year {
		result = "尚未审结"
	}
	return Remedy{Kind: kind, Result: result}, true
}

// SubjectKey is what two requests must share to ask for "the same information": their content without
// spaces, punctuation and the words applicants wrap it in.
func SubjectKey(content string) string {
	var b strings.Builder
	for _, r := range content {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	k := b.String()
	for _, w := range []string{"申请公开", "请求公开", "要求公开", "请提供", "申请获取", "关于"} {
		k = strings.TrimPrefix(k, w)
	}
	return strings.TrimSuffix(strings.TrimSuffix(k, "的政府信息"), "的信息")
}

// ProactiveMin is how many requests for the same information, disclosed, make it a candidate for 主动公开:
// 第四十四条 speaks of 多个申请人.
const ProactiveMin = 2

// SuggestFromRegister lists the information several disclosed requests asked for (SubjectKey), most asked first,
// each with the wording of its earliest request: candidates for 主动公开 under 第四十四条.
func SuggestFromRegister(rs []core.DisclosureRequest) []core.ProactiveSuggestion {
	rs = slices.Clone(rs) // earliest first: the first request's wording, and the case numbers in order
	slices.SortStableFunc(rs, func(a, b core.DisclosureRequest) int {
		return strings.Compare(a.Received+a.CaseNo, b.Received+b.CaseNo)
	})
	rows := make([]ParsedRow, 0, len(rs))
	first := map[string]string{}
	for _, r := range rs {
		rows = append(rows, ParsedRow{No: r.CaseNo, Outcome: r.Outcome, Content: r.Content})
		if k := SubjectKey(r.Content); first[k] == "" && (r.Outcome == 0 || r.Outcome == 1) {
			first[k] = r.Content
		}
	}
	out := []core.ProactiveSuggestion{}
	for _, g := range SuggestProactive(rows, func(r ParsedRow) string { return SubjectKey(r.Content) }, ProactiveMin) {
		out = append(out, core.ProactiveSuggestion{Content: first[g.Key], Count: g.Count, CaseNos: g.Nos})
	}
	return out
}
