package privacy

import "testing"

func TestScanKeeping(t *testing.T) {
	keep := []string{"0571-8801 2345", "12336", "绝密"}
	cases := []struct {
		name string
		text string
		want []string // the matches still reported
	}{
		{"the bureau's own number stands", "咨询电话：0571-8801 2345。", nil},
		{"a citizen's landline is still found", "联系电话：0571-8801 2399。", []string{"0571-8801 2399"}},
		{"a kept short number does not un-mask a mobile", "来电人13912336578反映", []string{"13912336578"}},
		{"a 密级 mark is reported even when listed", "绝密★1年\n正文", []string{"绝密★1年"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range ScanKeeping(tc.text, keep) {
				got = append(got, f.Match)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("found %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("found %q, want %q", got, tc.want)
				}
			}
		})
	}
}
