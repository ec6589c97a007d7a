package privacy

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"policydesk/internal/testutil"
)

func readInput(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(testutil.Testdata(t, "privacy", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestScanGolden(t *testing.T) {
	var b strings.Builder
	for _, f := range Scan(readInput(t, "scan.input")) {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d-%d\tu16 %d-%d\t%q\n", f.Label, f.Kind, f.Severity, f.Start, f.End, f.StartU16, f.EndU16, f.Match)
	}
	testutil.Golden(t, testutil.Testdata(t, "privacy", "scan.golden"), b.String())
}

// plantedOptions name the sender and a colleague, as the caller knows them.
var plantedOptions = MaskOptions{Names: []string{"王小明", "李四"}, MaskAddresses: true}

func TestMaskGolden(t *testing.T) {
	res := Mask(readInput(t, "planted.input"), plantedOptions)
	var b strings.Builder
	b.WriteString(res.Text)
	b.WriteString("----\n")
	for _, m := range res.Items {
		fmt.Fprintf(&b, "%s\t%d-%d\t%q\t%q\n", m.Kind, m.Start, m.End, m.Original, m.Replacement)
	}
	testutil.Golden(t, testutil.Testdata(t, "privacy", "planted.golden"), b.String())
}

// TestMaskPlanted checks that every planted item of planted.input is masked and that
// nothing else changes, character by character.
func TestMaskPlanted(t *testing.T) {
	input := readInput(t, "planted.input")
	planted := []string{
		"王小明", "110101199003071233", "13812341234", "+86 139-8765-4321",
		"020-87654321转806", "(0755)23456789", "zhangsan@example.com", "ｌｉｓｉ＠ｍａｉｌ．ｃｏｍ",
		"123号4栋502房", "欧阳娜娜", "张三丰", "张三丰", "6222 0210 0112 3456 789", "6217001234567890122",
		"440106850612452", "１３９１２３４５６７８", "李四",
		"潘金水", "粤A12345", "987654321", "5组18号", "黄明辉",
	}
	res := Mask(input, plantedOptions)

	var originals []string
	for _, m := range res.Items {
		originals = append(originals, m.Original)
		if input[m.Start:m.End] != m.Original {
			t.Errorf("item %q: offsets %d-%d point at %q", m.Original, m.Start, m.End, input[m.Start:m.End])
		}
		if m.Replacement == m.Original || !strings.ContainsRune(m.Replacement, '*') {
			t.Errorf("item %q was not masked: %q", m.Original, m.Replacement)
		}
	}
	slices.Sort(originals)
	slices.Sort(planted)
	if !slices.Equal(originals, planted) {
		t.Errorf("masked items\n got %q\nwant %q", originals, planted)
	}

	in, out := []rune(input), []rune(res.Text)
	if len(in) != len(out) {
		t.Fatalf("masking changed the length: %d runes in, %d out", len(in), len(out))
	}
	inside := maskedRunes(input, res.Items)
	for i := range in {
		if in[i] != out[i] && !inside[i] {
			t.Errorf("rune %d changed outside any masked item: %q -> %q", i, in[i], out[i])
		}
	}
}

// maskedRunes marks the rune positions of input covered by items.
func maskedRunes(input string, items []Masked) map[int]bool {
	inside := map[int]bool{}
	for _, m := range items {
		from := utf8.RuneCountInString(input[:m.Start])
		for k := range utf8.RuneCountInString(m.Original) {
			inside[from+k] = true
		}
	}
	return inside
}

func TestScanPositivesAndNegatives(t *testing.T) {
	tests := []struct {
		text string
		want []string // "kind:severity:match"
	}{
		{"身份证110101199003071233。", []string{"id_card:warn:110101199003071233"}},
		{"身份证11010519491231002x号", []string{"id_card:warn:11010519491231002x"}},
		// The check digit of this number is wrong: not an ID number, and not a card either.
		{"编号110101199003071234。", nil},
		{"生日不存在：110101199002301233", []string{"bank_card:warn:110101199002301233"}},
		{"订单号202611221530001234", nil},
		{"日期20261122，2026-11-22", nil},
		{"金额1,234,567.00元", nil},
		{"依据穗规划资源规字〔2020〕3号文件", nil},
		{"见https://www.gz.gov.cn/a/13812341234.html", nil},
		{"手机138 1234 5678", []string{"mobile:warn:138 1234 5678"}},
		{"电话１３８１２３４１２３４", []string{"mobile:warn:１３８１２３４１２３４"}},
		{"流水号2013812341234", nil},
		{"热线4008208820", nil},
		{"(020)87654321", []string{"landline:warn:(020)87654321"}},
		{"0755-2345678-12", []string{"landline:warn:0755-2345678-12"}},
		{"卡号6200000000000005", []string{"bank_card:warn:6200000000000005"}},
		{"卡号6200000000000006", []string{"bank_card:warn:6200000000000006"}},
		{"发邮件到a.b@c.gov.cn", []string{"email:warn:a.b@c.gov.cn"}},
		{"秘密★1年", []string{"classification:block:秘密★1年"}},
		{"机密级★10年", []string{"classification:block:机密级★10年"}},
		{"（机密）", []string{"classification:block:(机密)"}},
		{"秘密\n正文", []string{"classification:block:秘密"}},
		{"  秘密  广州市规划和自然资源局文件", []string{"classification:block:秘密"}},
		{"秘密地开会", []string{"classification:warn:秘密"}},
		{"保守国家秘密", nil},
		{"工作秘密和商业秘密", nil},
		{"这是机密，不要外传", []string{"classification:warn:机密"}},
		{"加强内部管理", nil},
		{"内部资料 注意保存", []string{"classification:block:内部资料"}},
		{"按内部文件执行", []string{"classification:warn:内部文件"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Scan(tt.text) {
			match := f.Match
			if f.Kind == KindClassification {
				match = string(normalize(match).text)
			}
			got = append(got, f.Kind+":"+f.Severity+":"+match)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestScanOffsets(t *testing.T) {
	text := "😀用户１３８１２３４１２３４，邮箱ａ＠ｂ．ｃｎ"
	fs := Scan(text)
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2: %+v", len(fs), fs)
	}
	u16 := utf16.Encode([]rune(text))
	for _, f := range fs {
		checkFinding(t, text, f)
		if got := string(utf16.Decode(u16[f.StartU16:f.EndU16])); got != f.Match {
			t.Errorf("UTF-16 offsets %d-%d give %q, want %q", f.StartU16, f.EndU16, got, f.Match)
		}
	}
	if fs[0].StartU16 != 4 || fs[0].Context != "😀用户１３８１２３４１２３４，邮箱ａ＠ｂ．ｃｎ" {
		t.Errorf("first finding: StartU16=%d Context=%q", fs[0].StartU16, fs[0].Context)
	}
}

func TestMaskRules(t *testing.T) {
	tests := []struct {
		text string
		opts MaskOptions
		want string
	}{
		{"张三来信", MaskOptions{Names: []string{"张三"}}, "张*来信"},
		{"张三丰与张三", MaskOptions{Names: []string{"张三", "张三丰"}}, "张**与张*"},
		{"欧阳娜娜反映", MaskOptions{Names: []string{"欧阳娜娜"}}, "欧阳**反映"},
		{"感谢王先生和王小明先生", MaskOptions{}, "感谢王先生和王**先生"},
		{"王小明先生来电，王小明说", MaskOptions{}, "王**先生来电，王**说"},
		{"关于张三先生的来信", MaskOptions{}, "关于张*先生的来信"},
		{"请向王老师、高中老师和林业局同志咨询", MaskOptions{}, "请向王老师、高中老师和林业局同志咨询"},
		{"慕容复女士", MaskOptions{}, "慕容*女士"},
		{"电话13812341234", MaskOptions{}, "电话138****1234"},
		{"电话+86 138-1234-5678", MaskOptions{}, "电话+86 138-****-5678"},
		{"电话020-87654321转806", MaskOptions{}, "电话020-****4321转806"},
		{"身份证110101199003071233", MaskOptions{}, "身份证110101********1233"},
		{"身份证11010519491231002X", MaskOptions{}, "身份证110105********002X"},
		{"zhangsan@example.com", MaskOptions{}, "z*******@example.com"},
		{"卡号6222 0210 0112 3456 789", MaskOptions{}, "卡号**** **** **** ***6 789"},
		{"住中山大道123号4栋502房", MaskOptions{MaskAddresses: true}, "住中山大道***号*栋***房"},
		{"住中山大道123号4栋502房", MaskOptions{}, "住中山大道123号4栋502房"},
		{"幸福小区B座三单元1201", MaskOptions{MaskAddresses: true}, "幸福小区*座*单元****"},
		{"秘密★1年", MaskOptions{}, "秘密★1年"},
	}
	for _, tt := range tests {
		if got := Mask(tt.text, tt.opts).Text; got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func checkFinding(t *testing.T, text string, f Finding) {
	t.Helper()
	if f.Start >= f.End || f.End > len(text) || text[f.Start:f.End] != f.Match {
		t.Fatalf("finding %+v does not point at its match", f)
	}
	if !strings.Contains(f.Context, f.Match) {
		t.Fatalf("context %q lacks match %q", f.Context, f.Match)
	}
	if want := len(utf16.Encode([]rune(text[:f.Start]))); f.StartU16 != want {
		t.Fatalf("StartU16 = %d, want %d", f.StartU16, want)
	}
}

func FuzzScan(f *testing.F) {
	f.Add("秘密★1年 身份证110101199003071233 电话13812341234")
	f.Add("１３８１２３４１２３４＠ｂ．ｃｎ (020)87654321转806")
	f.Add("6222 0210 0112 3456 789\xff\xfe内部资料")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, fd := range Scan(text) {
			if fd.Start < end {
				t.Fatalf("findings overlap or are out of order at %d", fd.Start)
			}
			end = fd.End
			if utf8.ValidString(text) {
				checkFinding(t, text, fd)
			}
		}
	})
}

func FuzzMask(f *testing.F) {
	f.Add("王小明先生 13812341234 zhangsan@example.com 中山大道123号4栋502房", "李四")
	f.Add("ａ＠ｂ．ｃｎ 110101199003071233 400-820-8820", "欧阳")
	f.Fuzz(func(t *testing.T, text, name string) {
		res := Mask(text, MaskOptions{Names: []string{name}, MaskAddresses: true})
		if !utf8.ValidString(text) {
			return
		}
		if a, b := utf8.RuneCountInString(text), utf8.RuneCountInString(res.Text); a != b {
			t.Fatalf("rune count changed: %d -> %d", a, b)
		}
		// Applying the items to the input must give the output.
		var rebuilt strings.Builder
		last := 0
		for _, m := range res.Items {
			if m.Start < last || text[m.Start:m.End] != m.Original {
				t.Fatalf("bad item %+v", m)
			}
			rebuilt.WriteString(text[last:m.Start] + m.Replacement)
			last = m.End
		}
		rebuilt.WriteString(text[last:])
		if rebuilt.String() != res.Text {
			t.Fatalf("items do not explain the output")
		}
	})
}

// BenchmarkScan10KB scans a worst case: the fixtures, dense with numbers and marks.
func BenchmarkScan10KB(b *testing.B) {
	unit := readInput(b, "scan.input") + readInput(b, "planted.input")
	benchmarkScan(b, strings.Repeat(unit, 10*1024/len(unit)+1))
}

// BenchmarkScanMailbox10KB scans 10 KB of real citizen messages from the public
// corpus (../shared/corpus beside the repository, or $POLICYDESK_CORPUS).
func BenchmarkScanMailbox10KB(b *testing.B) {
	rows := testutil.CorpusCSV(b, "mailbox", "train.csv")
	var text strings.Builder
	for _, row := range rows[1:] {
		if text.Len() > 10*1024 {
			break
		}
		text.WriteString(row[1] + "\n")
	}
	benchmarkScan(b, text.String())
}

func benchmarkScan(b *testing.B, text string) {
	text = strings.ToValidUTF8(text[:10*1024], "")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Scan(text)
	}
}

// Every Chinese way of writing a digit folds to its value (and none falls outside the value table).
func TestFoldHanDigits(t *testing.T) {
	want := map[rune]rune{'〇': '0', '零': '0', '一': '1', '五': '5', '九': '9', '幺': '1', '壹': '1', '叁': '3', '捌': '8', '玖': '9', '两': '2'}
	if n, m := utf8.RuneCountInString(hanDigits), len(hanDigitValue); n != m {
		t.Fatalf("hanDigits has %d characters, hanDigitValue %d values", n, m)
	}
	for r, v := range want {
		if got, ok := fold(r); !ok || got != v {
			t.Errorf("fold(%q) = %q, %v; want %q", r, got, ok, v)
		}
	}
}
