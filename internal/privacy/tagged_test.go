package privacy

import (
	"slices"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

func tags(s string) []core.TaggedWord {
	var out []core.TaggedWord
	for _, wt := range strings.Fields(s) {
		w, t, _ := strings.Cut(wt, "/")
		out = append(out, core.TaggedWord{Word: w, Tag: t})
	}
	return out
}

func TestNamesFromTags(t *testing.T) {
	cases := []struct {
		tagged string
		want   []string
	}{
		{"村干部/n 黄明辉/x 不/d 作为/v", []string{"黄明辉"}},
		{"物业公司/n 的/uj 潘/nr 金水/n 先生/n", []string{"潘金水"}},
		{"邻居/v 伍/nr 国华/nz 在/p 楼道/n", []string{"伍国华"}},
		{"李华说/x 这件/mq 事归/x 规划/n 科管/x", []string{"李华"}},
		{"我们/r 要求/v 赵/nr 局长/n 给/p 说法/v", nil},   // an official by title
		{"学习/v 雷锋/nr 同志/n 好榜样/l", nil},          // a public figure, and two characters
		{"本周/t 三王/nrt 女士/n 来电/v", nil},          // 三 is no surname
		{"伍家村/x 白云区/x 申请人/x 谢谢你们/x 管一个/x", nil}, // places, roles, phrases
		{"高峰/nr 时段/n 阳光/nr 小区/n", nil},          // ordinary words jieba also knows as names
		{"张/nr 主任/b 王/nr 三个/m", nil},
	}
	for _, c := range cases {
		if got := NamesFromTags(tags(c.tagged)); !slices.Equal(got, c.want) {
			t.Errorf("NamesFromTags(%s) = %q, want %q", c.tagged, got, c.want)
		}
	}
}

// TestTaggedNamesWithJieba: names written with no cue around them are masked when jieba's tags are given,
// and names in an official's role or a document title stay.
func TestTaggedNamesWithJieba(t *testing.T) {
	seg := segment.New(t.TempDir(), nil)
	defer seg.Close()
	cases := []struct {
		text    string
		hidden  []string
		visible []string
	}{
		{"关伟强反映小区路灯不亮", []string{"关伟强"}, []string{"反映小区路灯不亮"}},
		{"麦嘉欣和温志坚两家的宅基地纠纷", []string{"麦嘉欣", "温志坚"}, []string{"宅基地纠纷"}},
		{"我叫冼志明，住在大源村", []string{"冼志明"}, []string{"大源村"}},
		{"请市委书记李明同志关注此事", nil, []string{"李明"}},
		{"根据《关于黄明辉同志任职的通知》", nil, []string{"黄明辉"}},
		{"学习雷锋同志好榜样", nil, []string{"雷锋"}},
	}
	for _, c := range cases {
		got := Mask(c.text, MaskOptions{MaskAddresses: true, Tagged: NamesFromTags(seg.Tag(c.text))}).Text
		for _, h := range c.hidden {
			if strings.Contains(got, h) {
				t.Errorf("%q kept %q: %q", c.text, h, got)
			}
		}
		for _, v := range c.visible {
			if !strings.Contains(got, v) {
				t.Errorf("%q altered %q: %q", c.text, v, got)
			}
		}
	}
}
