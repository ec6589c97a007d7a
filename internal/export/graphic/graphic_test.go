package graphic

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"policydesk/internal/core"
)

// sample is a 图解 with one block of each kind (seven blocks).
func sample() core.Graphic {
	return core.Graphic{Blocks: []core.GraphicBlock{
		{Kind: core.BlockTitle, Title: "一图读懂《临江市既有住宅加装电梯财政补助办法》", Text: "先建后补 据实核定 公开透明"},
		{Kind: core.BlockLead, Text: "为推进既有住宅加装电梯工作，改善群众居住条件，市规划和自然资源局会同市财政局制定了本办法，自2027年1月1日起施行。"},
		{Kind: core.BlockFigures, Title: "补助标准", Figures: []core.KeyFigure{{Value: "15", Unit: "万元", Label: "每台电梯补助"}, {Value: "20", Unit: "万元", Label: "七层及以上住宅每台补助"},
			{Value: "10", Unit: "%", Label: "有残疾人或八十周岁以上老人的上浮比例"}, {Value: "15", Unit: "个工作日", Label: "审核时限"}}},
		{Kind: core.BlockSteps, Title: "办理流程", Steps: []core.FlowStep{{Title: "申请", Text: "业主向所在区规划和自然资源主管部门提交申请表等材料"},
			{Title: "受理审核", Text: "自受理之日起十五个工作日内完成审核"}, {Title: "公示", Text: "在小区内公示，公示期不少于七日"}, {Title: "拨付", Text: "公示无异议的，30日内拨付补助资金"}}},
		{Kind: core.BlockBullets, Title: "申请材料", Items: []string{"财政补助申请表", "建设工程规划许可证复印件", "电梯使用登记证和竣工验收报告", "业主出资分摊协议"}},
		{Kind: core.BlockQA, Title: "重点问答", QA: []core.QAPair{{Question: "已经加装完成的电梯能申请补助吗？", Answer: "2027年12月31日前竣工验收的项目均可申请。"}}},
		{Kind: core.BlockFooter, Issuer: "临江市规划和自然资源局", Date: "2026-09-18"},
	}}
}

var (
	fontsOnce sync.Once
	testFonts *Fonts
	fontsErr  error
)

// needFonts loads the system's CJK font once, or skips the test with the reason.
func needFonts(t *testing.T) *Fonts {
	t.Helper()
	fontsOnce.Do(func() { testFonts, fontsErr = LoadFonts() })
	if fontsErr != nil {
		t.Skipf("no CJK font on this machine, PNG rendering not tested: %v", fontsErr)
	}
	return testFonts
}

func TestRenderPNG(t *testing.T) {
	fonts := needFonts(t)
	path := filepath.Join(t.TempDir(), "tujie.png")
	if err := WritePNG(path, sample(), fonts); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != Width || b.Dy() <= 1000 {
		t.Fatalf("size = %dx%d, want %d wide and taller than 1000", b.Dx(), b.Dy(), Width)
	}
	if v := lumaVariance(img, b); v < 500 {
		t.Errorf("image looks blank: luma variance %.1f", v)
	}
	// The title block is a 深蓝 band: glyphs are the white pixels in it.
	band := image.Rect(0, 0, Width, 160)
	white := 0
	for y := band.Min.Y; y < band.Max.Y; y++ {
		for x := band.Min.X; x < band.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r > 0xe000 && g > 0xe000 && bl > 0xe000 {
				white++
			}
		}
	}
	if white < 2000 {
		t.Errorf("title glyphs not drawn: %d white pixels in the title band", white)
	}
}

func TestTallerWithMoreBlocks(t *testing.T) {
	fonts := needFonts(t)
	g := sample()
	short, err := Render(core.Graphic{Blocks: g.Blocks[:2]}, fonts)
	if err != nil {
		t.Fatal(err)
	}
	long, err := Render(g, fonts)
	if err != nil {
		t.Fatal(err)
	}
	if long.Bounds().Dy() <= short.Bounds().Dy()+400 {
		t.Errorf("heights %d and %d: blocks do not take space", short.Bounds().Dy(), long.Bounds().Dy())
	}
}

func lumaVariance(img image.Image, b image.Rectangle) float64 {
	var sum, sq, n float64
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			l := (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(bl)) / 257
			sum, sq, n = sum+l, sq+l*l, n+1
		}
	}
	mean := sum / n
	return math.Max(0, sq/n-mean*mean)
}

// monoFace is a fixed-advance face for wrapping tests: every rune is 10 pixels wide.
type monoFace struct{ font.Face }

func (monoFace) GlyphAdvance(rune) (fixed.Int26_6, bool) { return fixed.I(10), true }
func (monoFace) Metrics() font.Metrics                   { return font.Metrics{Height: fixed.I(20)} }

func TestWrap(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"一二三四五六", 30, []string{"一二三", "四五六"}},
		{"一二三，四五", 30, []string{"一二三，", "四五"}},   // the comma hangs
		{"一二《三四》", 30, []string{"一二", "《三四》"}},   // no opening mark at a line end
		{"补助2027元", 50, []string{"补助", "2027元"}}, // numbers stay whole
		{"第一段\n第二段", 100, []string{"第一段", "第二段"}},
	}
	for _, c := range cases {
		if got := wrap(monoFace{}, c.text, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	var buf bytes.Buffer
	g := sample()
	g.Blocks[1].Text = `<script>alert(1)</script>`
	if err := EncodeHTML(&buf, "一图读懂", g); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"一图读懂《临江市既有住宅加装电梯财政补助办法》", "15</b><span>万元", "受理审核", "▼", "财政补助申请表", "<em>问</em>", "2026年9月18日"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "src=", "href=", "@import"} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}
