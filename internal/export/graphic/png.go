package graphic

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"unicode"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"policydesk/internal/core"
)

// Width is the width of the exported image: what public-account articles display without scaling.
const Width = 750

const (
	margin   = 40               // left and right page margin
	contentW = Width - 2*margin // width of the blocks
	blockGap = 32               // space between blocks
	cardPad  = 28               // padding inside cards
	innerW   = contentW - 2*cardPad
)

// The palette of a government publication: 深蓝 for structure, 红 for accents, on a pale blue-grey page.
var (
	navy     = color.RGBA{0x0b, 0x3d, 0x91, 0xff}
	navyDeep = color.RGBA{0x07, 0x2a, 0x66, 0xff}
	red      = color.RGBA{0xc8, 0x10, 0x2e, 0xff}
	page     = color.RGBA{0xf3, 0xf6, 0xfb, 0xff}
	white    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink      = color.RGBA{0x22, 0x22, 0x22, 0xff}
	grey     = color.RGBA{0x5a, 0x63, 0x70, 0xff}
	paleBlue = color.RGBA{0xe6, 0xee, 0xf9, 0xff}
	paleText = color.RGBA{0xcf, 0xdc, 0xf3, 0xff}
	hairline = color.RGBA{0xd5, 0xde, 0xec, 0xff}
)

// Render draws g as one long image, Width pixels wide and as tall as its blocks need. The layout runs
// twice with the same code: once to measure the height, once to draw.
func Render(g core.Graphic, fonts *Fonts) (*image.RGBA, error) {
	fonts.mu.Lock()
	defer fonts.mu.Unlock()
	measure := &canvas{fonts: fonts}
	height := measure.page(g)
	if measure.err != nil {
		return nil, measure.err
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, height))
	c := &canvas{fonts: fonts, img: img}
	c.fill(img.Bounds(), page)
	c.page(g)
	return img, c.err
}

// EncodePNG renders g and writes it as PNG.
func EncodePNG(w io.Writer, g core.Graphic, fonts *Fonts) error {
	img, err := Render(g, fonts)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// PNG renders g as PNG bytes, for previews.
func PNG(g core.Graphic, fonts *Fonts) ([]byte, error) {
	var buf bytes.Buffer
	err := EncodePNG(&buf, g, fonts)
	return buf.Bytes(), err
}

// WritePNG writes g to path; a half-written file never replaces an earlier export.
func WritePNG(path string, g core.Graphic, fonts *Fonts) error {
	data, err := PNG(g, fonts)
	if err != nil {
		return err
	}
	return core.WriteDataAtomic(path, data)
}

// canvas lays out and draws; with a nil img it only measures.
type canvas struct {
	img   *image.RGBA
	fonts *Fonts
	err   error
}

// blockDrawers lay out (and, with an image, draw) each kind of block from y and return where the next begins.
var blockDrawers = map[string]func(c *canvas, b core.GraphicBlock, y int) int{
	core.BlockTitle: (*canvas).titleBlock, core.BlockLead: (*canvas).leadBlock, core.BlockFigures: (*canvas).figuresBlock,
	core.BlockSteps: (*canvas).stepsBlock, core.BlockBullets: (*canvas).bulletsBlock, core.BlockQA: (*canvas).qaBlock,
	core.BlockFooter: (*canvas).footerBlock,
}

// page lays out every block and returns the total height.
func (c *canvas) page(g core.Graphic) int {
	y := 0
	for i, b := range g.Blocks {
		if b.Kind != core.BlockTitle || i > 0 {
			y += blockGap
		}
		if draw, ok := blockDrawers[b.Kind]; ok {
			y = draw(c, b, y)
		}
	}
	if n := len(g.Blocks); n > 0 && g.Blocks[n-1].Kind == core.BlockFooter {
		return y // the footer band closes the page
	}
	return y + blockGap
}

// style is a font size and weight with its line height.
type style struct {
	size float64
	bold bool
	line int // line height in pixels
}

var (
	titleStyle    = style{44, true, 62}
	subtitleStyle = style{26, false, 40}
	headingStyle  = style{30, true, 44}
	bodyStyle     = style{26, false, 42}
	smallStyle    = style{22, false, 34}
	figureStyle   = style{52, true, 66}
	unitStyle     = style{24, false, 36}
	stepStyle     = style{28, true, 42}
	badgeStyle    = style{24, true, 36}
)

func (c *canvas) face(s style) font.Face {
	f, err := c.fonts.face(s.bold, s.size)
	if err != nil && c.err == nil {
		c.err = err
	}
	return f
}

// lines wraps text to width in style s.
func (c *canvas) lines(text string, s style, width int) []string {
	f := c.face(s)
	if f == nil {
		return nil
	}
	return wrap(f, text, width)
}

// textLines draws lines from top y (left-aligned at x, or centred in [x, x+width) when centre) and returns
// the y below them.
func (c *canvas) textLines(lines []string, s style, x, y, width int, col color.RGBA, centre bool) int {
	f := c.face(s)
	for _, l := range lines {
		lx := x
		if centre {
			lx = x + (width-font.MeasureString(f, l).Round())/2
		}
		c.text(l, lx, y, s, col)
		y += s.line
	}
	return y
}

// text draws one line whose line box starts at top y.
func (c *canvas) text(s string, x, top int, st style, col color.RGBA) {
	if c.img == nil || c.err != nil {
		return
	}
	f := c.face(st)
	m := f.Metrics()
	baseline := top + (st.line-(m.Ascent+m.Descent).Round())/2 + m.Ascent.Round()
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(x, baseline)}
	d.DrawString(s)
	if st.bold && c.fonts.fauxBold {
		d.Dot = fixed.P(x+1, baseline)
		d.DrawString(s)
	}
}

func (c *canvas) fill(r image.Rectangle, col color.Color) {
	if c.img != nil {
		draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Src)
	}
}

// roundRect fills r with corners of the given radius.
func (c *canvas) roundRect(r image.Rectangle, radius int, col color.RGBA) {
	if c.img == nil {
		return
	}
	radius = min(radius, r.Dx()/2, r.Dy()/2)
	c.fill(image.Rect(r.Min.X+radius, r.Min.Y, r.Max.X-radius, r.Max.Y), col)
	c.fill(image.Rect(r.Min.X, r.Min.Y+radius, r.Max.X, r.Max.Y-radius), col)
	corners := []image.Point{{r.Min.X + radius, r.Min.Y + radius}, {r.Max.X - radius - 1, r.Min.Y + radius},
		{r.Min.X + radius, r.Max.Y - radius - 1}, {r.Max.X - radius - 1, r.Max.Y - radius - 1}}
	for _, p := range corners {
		c.disc(p.X, p.Y, radius, col)
	}
}

// disc fills a circle centred at (cx, cy).
func (c *canvas) disc(cx, cy, r int, col color.RGBA) {
	if c.img == nil {
		return
	}
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if dx*dx+dy*dy <= r*r {
				c.img.SetRGBA(cx+dx, cy+dy, col)
			}
		}
	}
}

// arrowDown draws a downward arrow (stem and head) centred at cx between top and top+h.
func (c *canvas) arrowDown(cx, top, h int, col color.RGBA) {
	if c.img == nil {
		return
	}
	head := h / 2
	c.fill(image.Rect(cx-3, top, cx+3, top+h-head), col)
	for i := 0; i < head; i++ {
		half := (head - i) * 3 / 2
		c.fill(image.Rect(cx-half, top+h-head+i, cx+half+1, top+h-head+i+1), col)
	}
}

// heading draws a section heading: a red bar and the title in 深蓝 over a hairline.
func (c *canvas) heading(title string, y int) int {
	if strings.TrimSpace(title) == "" {
		return y
	}
	lines := c.lines(title, headingStyle, contentW-24)
	h := len(lines) * headingStyle.line
	c.fill(image.Rect(margin, y+6, margin+8, y+h-6), red)
	c.textLines(lines, headingStyle, margin+24, y, contentW-24, navy, false)
	c.fill(image.Rect(margin, y+h+10, margin+contentW, y+h+12), hairline)
	return y + h + 28
}

func (c *canvas) titleBlock(b core.GraphicBlock, y int) int {
	title := c.lines(b.Title, titleStyle, contentW)
	sub := c.lines(b.Text, subtitleStyle, contentW)
	h := 64 + len(title)*titleStyle.line + 48
	if len(sub) > 0 {
		h += 16 + len(sub)*subtitleStyle.line
	}
	c.fill(image.Rect(0, y, Width, y+h), navy)
	c.fill(image.Rect(0, y+h-10, Width, y+h), navyDeep)
	ty := c.textLines(title, titleStyle, margin, y+64, contentW, white, true)
	if len(sub) > 0 {
		ty = c.textLines(sub, subtitleStyle, margin, ty+16, contentW, paleText, true)
	}
	c.fill(image.Rect(Width/2-48, ty+16, Width/2+48, ty+22), red)
	return y + h
}

func (c *canvas) leadBlock(b core.GraphicBlock, y int) int {
	y = c.heading(b.Title, y)
	lines := c.lines(b.Text, bodyStyle, innerW-8)
	h := 2*cardPad + len(lines)*bodyStyle.line
	c.roundRect(image.Rect(margin, y, margin+contentW, y+h), 12, paleBlue)
	c.fill(image.Rect(margin, y+12, margin+8, y+h-12), red)
	c.textLines(lines, bodyStyle, margin+cardPad+8, y+cardPad, innerW-8, ink, false)
	return y + h
}

// figureColumns puts key figures two to a row, three when they come in threes, one when alone.
func figureColumns(n int) int {
	switch {
	case n <= 1:
		return 1
	case n%3 == 0:
		return 3
	default:
		return 2
	}
}

func (c *canvas) figuresBlock(b core.GraphicBlock, y int) int {
	y = c.heading(b.Title, y)
	cols := figureColumns(len(b.Figures))
	const gap = 20
	w := (contentW - gap*(cols-1)) / cols
	for row := 0; row*cols < len(b.Figures); row++ {
		cards := b.Figures[row*cols : min(len(b.Figures), (row+1)*cols)]
		h := 0
		for _, f := range cards {
			h = max(h, c.figureHeight(f, w))
		}
		for i, f := range cards {
			c.figureCard(f, margin+i*(w+gap), y, w, h)
		}
		y += h + gap
	}
	return y - gap
}

func (c *canvas) figureHeight(f core.KeyFigure, w int) int {
	return 24 + figureStyle.line + 8 + len(c.lines(f.Label, smallStyle, w-32))*smallStyle.line + 24
}

func (c *canvas) figureCard(f core.KeyFigure, x, y, w, h int) {
	c.roundRect(image.Rect(x, y, x+w, y+h), 12, white)
	c.fill(image.Rect(x+12, y, x+w-12, y+6), navy)
	vf, uf := c.face(figureStyle), c.face(unitStyle)
	if vf == nil || uf == nil {
		return
	}
	vw, uw := font.MeasureString(vf, f.Value).Round(), font.MeasureString(uf, f.Unit).Round()
	vx := x + (w-vw-uw-4)/2
	c.text(f.Value, vx, y+24, figureStyle, red)
	c.text(f.Unit, vx+vw+4, y+24+figureStyle.line-unitStyle.line-6, unitStyle, navy)
	c.textLines(c.lines(f.Label, smallStyle, w-32), smallStyle, x+16, y+24+figureStyle.line+8, w-32, grey, true)
}

func (c *canvas) stepsBlock(b core.GraphicBlock, y int) int {
	y = c.heading(b.Title, y)
	const badge, arrow = 48, 44
	textX, textW := margin+cardPad+badge+20, contentW-2*cardPad-badge-20
	for i, st := range b.Steps {
		title := c.lines(st.Title, stepStyle, textW)
		body := c.lines(st.Text, smallStyle, textW)
		h := 2*22 + max(badge, len(title)*stepStyle.line+len(body)*smallStyle.line)
		c.roundRect(image.Rect(margin, y, margin+contentW, y+h), 12, white)
		c.fill(image.Rect(margin, y+12, margin+6, y+h-12), navy)
		c.disc(margin+cardPad+badge/2, y+22+badge/2, badge/2, navy)
		num := string(rune('0' + (i+1)%10))
		if i+1 >= 10 {
			num = string(rune('0'+(i+1)/10)) + num
		}
		c.textLines([]string{num}, badgeStyle, margin+cardPad, y+22+(badge-badgeStyle.line)/2, badge, white, true)
		ty := c.textLines(title, stepStyle, textX, y+22, textW, navy, false)
		c.textLines(body, smallStyle, textX, ty, textW, ink, false)
		y += h
		if i < len(b.Steps)-1 {
			c.arrowDown(Width/2, y+6, arrow-12, red)
			y += arrow
		}
	}
	return y
}

func (c *canvas) bulletsBlock(b core.GraphicBlock, y int) int {
	y = c.heading(b.Title, y)
	const indent = 28
	var items [][]string
	h := 2 * cardPad
	for i, it := range b.Items {
		ls := c.lines(it, bodyStyle, innerW-indent)
		items = append(items, ls)
		h += len(ls) * bodyStyle.line
		if i > 0 {
			h += 12
		}
	}
	c.roundRect(image.Rect(margin, y, margin+contentW, y+h), 12, white)
	ty := y + cardPad
	for i, ls := range items {
		if i > 0 {
			ty += 12
		}
		c.disc(margin+cardPad+7, ty+bodyStyle.line/2, 6, red)
		ty = c.textLines(ls, bodyStyle, margin+cardPad+indent, ty, innerW-indent, ink, false)
	}
	return y + h
}

func (c *canvas) qaBlock(b core.GraphicBlock, y int) int {
	y = c.heading(b.Title, y)
	const badge = 40
	textX, textW := margin+cardPad+badge+16, innerW-badge-16
	for i, qa := range b.QA {
		if i > 0 {
			y += 20
		}
		q := c.lines(qa.Question, stepStyle, textW)
		a := c.lines(qa.Answer, smallStyle, textW)
		qh, ah := max(badge, len(q)*stepStyle.line), max(badge, len(a)*smallStyle.line)
		h := 2*cardPad + qh + 16 + ah
		c.roundRect(image.Rect(margin, y, margin+contentW, y+h), 12, white)
		c.badge("问", margin+cardPad, y+cardPad, badge, red)
		c.textLines(q, stepStyle, textX, y+cardPad, textW, navy, false)
		c.badge("答", margin+cardPad, y+cardPad+qh+16, badge, navy)
		c.textLines(a, smallStyle, textX, y+cardPad+qh+16, textW, ink, false)
		y += h
	}
	return y
}

// badge draws a one-character label on a rounded square.
func (c *canvas) badge(label string, x, y, size int, col color.RGBA) {
	c.roundRect(image.Rect(x, y, x+size, y+size), 8, col)
	c.textLines([]string{label}, badgeStyle, x, y+(size-badgeStyle.line)/2, size, white, true)
}

func (c *canvas) footerBlock(b core.GraphicBlock, y int) int {
	issuer := c.lines(b.Issuer, stepStyle, contentW)
	date := c.lines(chineseDate(b.Date), smallStyle, contentW)
	h := 36 + len(issuer)*stepStyle.line + len(date)*smallStyle.line + 36
	c.fill(image.Rect(0, y, Width, y+6), red)
	c.fill(image.Rect(0, y+6, Width, y+h), navy)
	ty := c.textLines(issuer, stepStyle, margin, y+36, contentW, white, true)
	c.textLines(date, smallStyle, margin, ty, contentW, paleText, true)
	return y + h
}

// chineseDate writes 2026-09-18 as 2026年9月18日; anything else is kept as typed.
func chineseDate(s string) string {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) != 3 || len(parts[0]) != 4 {
		return s
	}
	return parts[0] + "年" + strings.TrimLeft(parts[1], "0") + "月" + strings.TrimLeft(parts[2], "0") + "日"
}

// wrap breaks text into lines no wider than width: between any two Chinese characters, but never before
// closing punctuation (，。）》…), never after opening punctuation, and never inside a Latin word or number.
func wrap(f font.Face, text string, width int) []string {
	var out []string
	limit := fixed.I(width)
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		rs := []rune(strings.TrimSpace(para))
		for start := 0; start < len(rs); {
			end, w := start, fixed.Int26_6(0)
			for end < len(rs) {
				a, ok := f.GlyphAdvance(rs[end])
				if !ok {
					a = fixed.I(int(f.Metrics().Height.Round()) / 2)
				}
				if w+a > limit && end > start {
					break
				}
				w += a
				end++
			}
			end = adjustBreak(rs, start, end)
			out = append(out, strings.TrimRightFunc(string(rs[start:end]), unicode.IsSpace))
			for start = end; start < len(rs) && unicode.IsSpace(rs[start]); start++ {
			}
		}
	}
	return out
}

// adjustBreak moves a line break at end to where Chinese typesetting allows it.
func adjustBreak(rs []rune, start, end int) int {
	if end >= len(rs) {
		return end
	}
	for end < len(rs) && strings.ContainsRune(closing, rs[end]) {
		end++ // a closing mark hangs at the end of the line rather than starting the next
	}
	for end-1 > start && strings.ContainsRune(opening, rs[end-1]) {
		end--
	}
	if end < len(rs) && isWordRune(rs[end]) && isWordRune(rs[end-1]) {
		b := end
		for b > start && isWordRune(rs[b-1]) {
			b--
		}
		if b > start {
			end = b
		}
	}
	return end
}

const (
	closing = "，。、；：？！）》」』】〉”’…%％,.;:?!)]"
	opening = "（《「『【〈“‘([#"
)

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '/')
}
