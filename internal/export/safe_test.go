package export

import "testing"

// What goes into a spreadsheet cell or a file name can neither run as a formula nor hide or fake its extension.
func TestSafeText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		safe  func(string) string
		cases map[string]string
	}{
		{"SafeCell", SafeCell, map[string]string{
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
		}},
		{"SafeFileName", func(s string) string { return SafeFileName(s, "未命名") }, map[string]string{
			"意见台账\u202Exslx.exe": "意见台账xslx.exe",
			"a/b:c*?":            "a_b_c__",
			"../../etc":          "_.._etc",
			"\u2066报告\u2069\x07": "报告",
			"   ":                "未命名",
			"x\u200By":           "xy",
		}},
	} {
		for in, want := range tc.cases {
			if got := tc.safe(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", tc.name, in, got, want)
			}
		}
	}
}
