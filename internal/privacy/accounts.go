package privacy

import "regexp"

var (
	// plateSpan: a province abbreviation, the issuing-office letter and five
	// characters (six for new-energy vehicles): 粤A12345, 粤B·D12345.
	platePattern = regexp.MustCompile(`[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Za-z][ ·•.-]?([A-Za-z0-9]{5,6}|[A-Za-z0-9]{4}[挂学警港澳领])(?:[挂学警港澳]|[^A-Za-z0-9]|$)`)
	// accountPattern: a QQ number or WeChat id after its name. Group 1 is the id.
	accountPattern = regexp.MustCompile(`(?i)(?:QQ|扣扣|企鹅|微信|weixin|wechat|vx|wx|v信|威信|薇信)(?:号码|号|账号|帐号|id)?[\s是为:：]{0,4}([A-Za-z][-_A-Za-z0-9]{5,19}|\d{5,12})`)
	// certificatePattern: the number of a 不动产权证, 土地证 or 房产证, up to 30
	// characters after its name. Group 1 is the number.
	certificatePattern = regexp.MustCompile(`(?:不动产权|不动产登记|不动产单元|不动产证|土地证|土地使用证|土地使用权证|房产证|房屋所有权证|房权证|产权证|宅基地证|宅基地使用|林权证|经营权证|残疾证|证号|证书号)[^。；;，,？?！!\n]{0,30}?(\d+(?:-\d+)+|[A-Za-z0-9]{5,}|\d{3,4}号)`)
)

func findPlates(n normalized) []hit {
	return groupHits(n, platePattern, KindPlate, 0, whole(n.text))
}

func findAccounts(n normalized) []hit {
	return groupHits(n, accountPattern, KindAccount, 1, cueWindows(asciiLower(n.text), accountCueList, 0, 48))
}

func findCertificates(n normalized) []hit {
	return groupHits(n, certificatePattern, KindCertificate, 1, cueWindows(n.text, certificateCueList, 18, 120))
}

// accountCues and certificateCues are where accountPattern and certificatePattern
// can match; accountCues are searched in lower case.
var (
	accountCueList     = newCueList("qq", "扣扣", "企鹅", "微信", "weixin", "wechat", "vx", "wx", "v信", "威信", "薇信")
	certificateCueList = newCueList("证", "不动产", "宅基地")
)

// asciiLower folds ASCII letters to lower case and leaves every other byte, so
// that offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// groupHits reports group g of every match of re (g 0 is the plate proper up to its
// last character), provided the group is not part of a longer run of digits.
func groupHits(n normalized, re *regexp.Regexp, kind string, g int, windows []window) []hit {
	var hits []hit
	for _, m := range findAll(re, n.text, windows, func([]int) bool { return true }) {
		start, end := m[2*g], m[2*g+1]
		if g == 0 {
			end = m[3] // a plate ends with its group 1
		}
		if start < 0 || !n.digitBounded(start, end) {
			continue
		}
		s, e := n.span(start, end)
		hits = append(hits, hit{kind: kind, severity: SeverityWarn, start: s, end: e})
	}
	return hits
}
