package privacy

import (
	"strings"
	"testing"
)

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

// TestScanReportsWhatMaskHides: the pre-publication check uses the detector that
// masking uses, so a name, an address or an account that Mask would hide is
// reported, and public text is not.
func TestScanReportsWhatMaskHides(t *testing.T) {
	cases := []struct {
		text string
		want []string // "kind:match"
	}{
		{"村干部黄明辉不让我们进去", []string{"name:黄明辉"}},
		{"物业公司的潘金水先生说要收费", []string{"name:潘金水"}},
		{"我叫冼志强，住江南大道中123号", []string{"name:冼志强", "address:123号"}},
		{"家在大源村5组18号", []string{"address:5组18号"}},
		{"翠苑小区3-2-301漏水", []string{"address:3-2-301"}},
		{"业委会委员：常卫东 13301234567、苗秀英 13401234567", []string{"name:常卫东", "mobile:13301234567", "name:苗秀英", "mobile:13401234567"}},
		{"我的QQ：412356789，车牌粤B88K66", []string{"account:412356789", "plate:粤B88K66"}},
		{"不动产权证号粤(2019)广州市不动产权第0654321号", []string{"certificate:0654321"}},
		{"电话一三八一二三四五六七八", []string{"mobile:一三八一二三四五六七八"}},
		{"座机0769-2233 8845一直占线", []string{"landline:0769-2233 8845"}},
		{"本周三王女士来电反映全村356户停水，请12345热线协调", nil},
		{"区民政局办公室电话020-8188 2345", nil},
		{"位于沿江中路298号的市社保服务中心", nil},
		{"学习雷锋同志，按《关于王伟同志任职的通知》执行", nil},
		{"咨询400-820-8820或12369", nil},
	}
	for _, tc := range cases {
		var got []string
		for _, f := range Scan(tc.text) {
			got = append(got, f.Kind+":"+f.Match)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Scan(%q) = %q, want %q", tc.text, got, tc.want)
		}
		findings := Scan(tc.text)
		for _, it := range Mask(tc.text, MaskOptions{MaskAddresses: true}).Items {
			covered := false
			for _, f := range findings {
				covered = covered || f.Kind == it.Kind && f.Start <= it.Start && it.End <= f.End
			}
			if !covered {
				t.Errorf("Mask hides %s %q in %q, Scan does not report it", it.Kind, it.Original, tc.text)
			}
		}
	}
}
