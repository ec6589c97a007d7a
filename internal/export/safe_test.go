package export

import "testing"

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1+cmd|' /C calc'!A0":     "'+1+cmd|' /C calc'!A0",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"\r=1":                     "'\r=1",
		"-3":                       "-3",
		"+86":                      "+86",
		"建议增加停车位":                  "建议增加停车位",
		"":                         "",
		"a=b":                      "a=b",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"意见台账\u202Exslx.exe": "意见台账xslx.exe",
		"a/b:c*?":            "a_b_c__",
		"../../etc":          "_.._etc",
		"\u2066报告\u2069\x07": "报告",
		"   ":                "未命名",
		"x\u200By":           "xy",
	} {
		if got := SafeFileName(in, "未命名"); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
