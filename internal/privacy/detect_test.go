package privacy

import (
	"strings"
	"testing"
)

// TestMaskCategories checks one planted item of each kind found in citizens'
// messages, and public text that must stay as written.
func TestMaskCategories(t *testing.T) {
	cases := []struct{ text, hidden, kept string }{
		{"村干部黄明辉不让我们进去", "明辉", "村干部黄"},
		{"物业公司的潘金水先生说", "金水", "潘"},
		{"找关志强经理反映过", "志强", "关"},
		{"我的电话一三八一二三四五六七八", "四五六七", "一三八"},
		{"电话138.1234.5678", "1234", "138."},
		{"电话1381234-5678", "1234", ""},
		{"身份证 440106 19850612 4521", "19850612", "440106"},
		{"卡号6222-0210-0112-3456", "0210", ""},
		{"我的QQ是123456789", "123456789", "QQ是"},
		{"微信号：wxid_zhang2024", "wxid_zhang2024", "微信号："},
		{"车牌粤A12345停在门口", "A12345", "车牌粤"},
		{"新能源车粤BD12345被刮", "BD12345", "粤"},
		{"不动产权证号粤(2019)广州市不动产权第0123456号", "0123456", "不动产权证号"},
		{"住在江南大道中123号", "123", "江南大道中"},
		{"大源村5组18号", "18", "大源村"},
		{"家在龙岗村3社", "3社", "龙岗村"},
		{"翠苑小区3-2-301", "3-2-301", "翠苑小区"},
		{"全村356户都受影响", "", "全村356户"},
		{"本周三王女士来电", "", "本周三王女士"},
		{"请致电400-820-8820咨询", "", "400-820-8820"},
		{"学习雷锋同志好榜样", "", "雷锋同志"},
		{"人民公园5号门旁边", "", "人民公园5号门"},
		{"天河城广场3楼的商场", "", "广场3楼"},
		{"地铁3号线客村站B出口", "", "地铁3号线"},
		{"花园小区两栋楼之间", "", "两栋楼"},
		{"市政务服务中心3号窗口", "", "3号窗口"},
		{"根据穗府办〔2024〕12号文件，2024-03-15 14:30前", "", "〔2024〕12号文件，2024-03-15 14:30"},
		{"区民政局办公室电话020-8188 2345", "", "020-8188 2345"},
		{"位于沿江中路298号的市社保服务中心", "", "沿江中路298号"},
		{"此致敬礼！张伟 2024年5月1日", "伟", "张"},
		{"留言人：陈大文", "大文", "陈"},
		{"施工单位的项目经理姓谭名国栋", "国栋", "姓谭名"},
		{"业主简女士反映", "", "简女士"},
		{"手机138\u00a01234\u00a05678", "1234", "138"},
		{"电话 0 2 0 - 8 4 5 6 7 8 9 0", "5 6 7", "0 2 0"},
		{"座机0769-2233 8845一直占线", "2233", "8845一直"},
		{"房东（石老板，石金发）不肯给", "金发", "石"},
		{"市民小黄反映", "黄", "市民小"},
		{"我儿子叫司马文涛", "文涛", "司马"},
		{"按照市委书记李明同志的讲话精神", "", "市委书记李明同志"},
		{"学习贯彻习近平总书记关于住房问题的重要论述", "", "习近平总书记关于"},
		{"办公地址：广州市越秀区府前路1号", "", "府前路1号"},
		{"如有疑问请拨打咨询电话020-83331234", "", "020-83331234"},
		{"我的电话020-83331234", "8333", "020-"},
	}
	for _, c := range cases {
		got := Mask(c.text, MaskOptions{MaskAddresses: true}).Text
		if c.hidden != "" && strings.Contains(got, c.hidden) {
			t.Errorf("Mask(%q) = %q, still shows %q", c.text, got, c.hidden)
		}
		if !strings.Contains(got, c.kept) {
			t.Errorf("Mask(%q) = %q, lost %q", c.text, got, c.kept)
		}
	}
}

// TestMaskKeepIsDigitBounded: a configured public number stays as written, but
// only where it stands whole.
func TestMaskKeepIsDigitBounded(t *testing.T) {
	opts := MaskOptions{Keep: []string{"12336", "020-83331234"}}
	got := Mask("请拨12336或020-83331234，我的手机13912336578", opts).Text
	if !strings.Contains(got, "请拨12336或020-83331234") || strings.Contains(got, "13912336578") {
		t.Errorf("Mask = %q", got)
	}
}

func TestLooksLikeName(t *testing.T) {
	for s, want := range map[string]bool{"冼志强": true, "欧阳娜娜": true, "匿名": false, "村民": false, "一位业主": false, "": false} {
		if LooksLikeName(s) != want {
			t.Errorf("LooksLikeName(%q) = %v", s, !want)
		}
	}
}
