package graphic

import (
	"html/template"
	"io"

	"policydesk/internal/core"
	"policydesk/internal/export"
)

// EncodeHTML writes g as one self-contained page (inline CSS, no scripts, no external files) laid out like
// the PNG: the same blocks, colours and order, in a 750-pixel column that narrows on phones.
func EncodeHTML(w io.Writer, title string, g core.Graphic) error {
	return htmlPage.Execute(w, struct {
		Title  string
		Blocks []core.GraphicBlock
	}{title, g.Blocks})
}

// WriteHTML writes the page to path; a half-written file never replaces an earlier export.
func WriteHTML(path, title string, g core.Graphic) error {
	return core.WriteFileAtomic(path, func(w io.Writer) error { return EncodeHTML(w, title, g) })
}

var htmlPage = export.HTMLPage("graphic", template.FuncMap{
	"inc":         func(i int) int { return i + 1 },
	"chineseDate": chineseDate,
}, `body{margin:0;background:#f3f6fb;color:#222;font-family:"PingFang SC","Microsoft YaHei","微软雅黑","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:17px;line-height:1.65}
main{max-width:750px;margin:0 auto;padding-bottom:24px}
section{margin:22px 26px 0}
.title{margin:0;background:#0b3d91;color:#fff;text-align:center;padding:44px 26px 36px;border-bottom:7px solid #072a66}
.title h1{margin:0;font-size:29px;line-height:1.4}
.title p{margin:12px 0 0;color:#cfdcf3}
.title .bar{display:block;width:64px;height:4px;background:#c8102e;margin:18px auto 0}
h2{color:#0b3d91;font-size:20px;margin:0 0 14px;padding:0 0 8px 16px;border-left:6px solid #c8102e;border-bottom:1px solid #d5deec}
.lead{background:#e6eef9;border-left:6px solid #c8102e;border-radius:8px;padding:18px 20px}
.figures{display:flex;flex-wrap:wrap;gap:14px}
.figure{flex:1 1 40%;background:#fff;border-top:4px solid #0b3d91;border-radius:8px;text-align:center;padding:14px 10px}
.figure b{color:#c8102e;font-size:34px}
.figure span{color:#0b3d91;margin-left:3px}
.figure p{margin:4px 0 0;color:#5a6370;font-size:15px}
.step{background:#fff;border-left:4px solid #0b3d91;border-radius:8px;padding:14px 18px;display:flex;gap:14px}
.step i{flex:none;width:32px;height:32px;border-radius:50%;background:#0b3d91;color:#fff;font-style:normal;text-align:center;line-height:32px;font-weight:bold}
.step h3{margin:0;color:#0b3d91;font-size:18px}
.step p{margin:2px 0 0;font-size:15px}
.arrow{text-align:center;color:#c8102e;font-size:22px;line-height:30px}
ul.bullets{background:#fff;border-radius:8px;margin:0;padding:16px 20px 16px 40px}
ul.bullets li{margin:4px 0}
ul.bullets li::marker{color:#c8102e}
.qa{background:#fff;border-radius:8px;padding:16px 18px;margin-bottom:12px}
.qa p{margin:0;display:flex;gap:10px}
.qa p+p{margin-top:10px;font-size:15px}
.qa em{flex:none;font-style:normal;color:#fff;background:#c8102e;border-radius:5px;width:26px;height:26px;text-align:center;line-height:26px;font-weight:bold}
.qa p+p em{background:#0b3d91}
.qa strong{color:#0b3d91}
.footer{margin:28px 0 0;background:#0b3d91;border-top:4px solid #c8102e;color:#fff;text-align:center;padding:22px 26px}
.footer p{margin:0}
.footer small{color:#cfdcf3;font-size:15px}
`, `{{- range .Blocks}}
{{- if eq .Kind "title"}}
<header class="title"><h1>{{.Title}}</h1>{{if .Text}}<p>{{.Text}}</p>{{end}}<span class="bar"></span></header>
{{- else if eq .Kind "lead"}}
<section>{{if .Title}}<h2>{{.Title}}</h2>{{end}}<div class="lead">{{.Text}}</div></section>
{{- else if eq .Kind "figures"}}
<section>{{if .Title}}<h2>{{.Title}}</h2>{{end}}<div class="figures">
{{- range .Figures}}<div class="figure"><b>{{.Value}}</b><span>{{.Unit}}</span><p>{{.Label}}</p></div>{{end}}</div></section>
{{- else if eq .Kind "steps"}}
<section>{{if .Title}}<h2>{{.Title}}</h2>{{end}}
{{- $n := len .Steps}}{{range $i, $s := .Steps}}
<div class="step"><i>{{inc $i}}</i><div><h3>{{$s.Title}}</h3>{{if $s.Text}}<p>{{$s.Text}}</p>{{end}}</div></div>
{{- if lt (inc $i) $n}}<div class="arrow">▼</div>{{end}}{{end}}</section>
{{- else if eq .Kind "bullets"}}
<section>{{if .Title}}<h2>{{.Title}}</h2>{{end}}<ul class="bullets">{{range .Items}}<li>{{.}}</li>{{end}}</ul></section>
{{- else if eq .Kind "qa"}}
<section>{{if .Title}}<h2>{{.Title}}</h2>{{end}}
{{- range .QA}}<div class="qa"><p><em>问</em><strong>{{.Question}}</strong></p><p><em>答</em><span>{{.Answer}}</span></p></div>{{end}}</section>
{{- else if eq .Kind "footer"}}
<footer class="footer"><p>{{.Issuer}}</p>{{if .Date}}<small>{{chineseDate .Date}}</small>{{end}}</footer>
{{- end}}
{{- end}}
`)
