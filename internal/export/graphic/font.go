// Package graphic draws a 图解 (graphic interpretation) as the long 750-pixel-wide PNG that WeChat public
// accounts and government websites use, and as a self-contained HTML page with the same blocks.
package graphic

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"policydesk/internal/core"
)

// FontEnv names an environment variable that points at a CJK font file to use instead of the system's.
const FontEnv = "POLICYDESK_CJK_FONT"

// fontCandidates are the CJK fonts each desktop system ships (Debian: fonts-noto-cjk; Windows: 微软雅黑;
// macOS: 苹方), regular and bold, in order of preference.
func fontCandidates(goos string) (regular, bold []string) {
	switch goos {
	case "windows":
		dir := filepath.Join(os.Getenv("WINDIR"), "Fonts")
		if os.Getenv("WINDIR") == "" {
			dir = `C:\Windows\Fonts`
		}
		return []string{filepath.Join(dir, "msyh.ttc"), filepath.Join(dir, "simhei.ttf"), filepath.Join(dir, "simsun.ttc")},
			[]string{filepath.Join(dir, "msyhbd.ttc")}
	case "darwin":
		return []string{"/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc", "/Library/Fonts/Arial Unicode.ttf"}, nil
	default:
		return []string{
				"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
				"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
				"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
				"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
				"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			}, []string{
				"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
				"/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
				"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
			}
	}
}

// Fonts are the parsed regular and bold CJK fonts. Bold is the regular font when the system has no bold
// face; headings are then drawn twice, one pixel apart.
type Fonts struct {
	Regular   *opentype.Font
	Bold      *opentype.Font
	Path      string
	fauxBold  bool
	mu        sync.Mutex // faces are not safe for concurrent use: one drawing at a time
	faceCache map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	size float64
}

// LoadFonts finds and parses a CJK font of the system ($POLICYDESK_CJK_FONT first). The error says in
// Chinese which files were looked for, so that an administrator can install one.
func LoadFonts() (*Fonts, error) {
	regular, bold := fontCandidates(runtime.GOOS)
	if p := os.Getenv(FontEnv); p != "" {
		regular = append([]string{p}, regular...)
	}
	for _, p := range regular {
		f, err := loadCJK(p)
		if err != nil {
			continue
		}
		fs := &Fonts{Regular: f, Bold: f, Path: p, fauxBold: true, faceCache: map[faceKey]font.Face{}}
		for _, b := range bold {
			if bf, err := loadCJK(b); err == nil {
				fs.Bold, fs.fauxBold = bf, false
				break
			}
		}
		return fs, nil
	}
	return nil, core.Errorf(core.EINVALID, "未找到可用的中文字体，无法生成图解图片。请安装中文字体(Linux：fonts-noto-cjk；Windows：微软雅黑；macOS：苹方)，"+
		"或设置环境变量 %s 指向字体文件。已查找：%s", FontEnv, strings.Join(regular, "；"))
}

// loadCJK parses a font file (a .ttc collection or a single .ttf/.otf) and returns its Simplified Chinese
// face: in a collection the face whose name says SC, else the first that has Chinese glyphs.
func loadCJK(path string) (*opentype.Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fonts []*opentype.Font
	if c, err := opentype.ParseCollection(data); err == nil {
		for i := 0; i < c.NumFonts(); i++ {
			if f, err := c.Font(i); err == nil {
				fonts = append(fonts, f)
			}
		}
	} else if f, err := opentype.Parse(data); err == nil {
		fonts = append(fonts, f)
	} else {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var fallback *opentype.Font
	var buf sfnt.Buffer
	for _, f := range fonts {
		if !hasGlyphs(f, &buf, "政策解读") {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		if strings.Contains(name, " SC") || strings.Contains(name, "SC ") || strings.HasSuffix(name, "SC") {
			return f, nil
		}
		if fallback == nil {
			fallback = f
		}
	}
	if fallback == nil {
		return nil, fmt.Errorf("%s: no Chinese glyphs", path)
	}
	return fallback, nil
}

// hasGlyphs reports whether f draws every rune of s (glyph 0 is the "missing" box).
func hasGlyphs(f *opentype.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		if g, err := f.GlyphIndex(buf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

// face returns a cached face of the given pixel size.
func (fs *Fonts) face(bold bool, size float64) (font.Face, error) {
	key := faceKey{bold, size}
	if f, ok := fs.faceCache[key]; ok {
		return f, nil
	}
	src := fs.Regular
	if bold {
		src = fs.Bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	fs.faceCache[key] = f
	return f, nil
}
