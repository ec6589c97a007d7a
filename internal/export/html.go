package export

import (
	"html/template"
	"io"
	"policydesk/internal/core"
)

// WriteHTML writes doc as one self-contained HTML page (inline CSS, no scripts, no external files) that a
// website editor can publish as is.
func WriteHTML(path string, doc Document) error {
	return core.WriteFileAtomic(path, func(w io.Writer) error { return EncodeHTML(w, doc) })
}

// EncodeHTML writes doc as HTML; html/template escapes every text.
func EncodeHTML(w io.Writer, doc Document) error {
	return htmlPage.Execute(w, doc)
}

var htmlPage = HTMLPage("page", nil, `body{margin:0;background:#f5f5f5;color:#222;font-family:"FangSong","仿宋_GB2312","仿宋","STFangsong","Noto Serif CJK SC",serif;font-size:18px;line-height:1.8}
main{max-width:860px;margin:24px auto;background:#fff;padding:48px 64px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:28px;font-weight:normal;text-align:center;margin:0 0 12px}
.subtitle{text-align:center;font-family:"KaiTi","楷体_GB2312","楷体",serif;margin:0 0 24px}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:18px;font-weight:normal;margin:20px 0 4px;text-indent:2em}
h3{font-family:"KaiTi","楷体_GB2312","楷体",serif;font-size:18px;font-weight:normal;margin:12px 0 4px;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
p.closing{text-align:right;text-indent:0}
table{border-collapse:collapse;width:100%;margin:8px 0 12px;font-size:15px;line-height:1.5}
th,td{border:1px solid #333;padding:4px 6px;text-align:center;vertical-align:middle}
th{background:#f0f0f0;font-weight:bold}
@media print{body{background:#fff}main{box-shadow:none;margin:0;padding:0}}
`, `<h1>{{.Title}}</h1>
{{- if .Subtitle}}
<p class="subtitle">{{.Subtitle}}</p>
{{- end}}
{{- range .Blocks}}
{{- if eq .Kind "heading"}}
{{- if eq .Level 1}}
<h2>{{.Text}}</h2>
{{- else}}
<h3>{{.Text}}</h3>
{{- end}}
{{- else if eq .Kind "table"}}
<table>
<thead><tr>{{range .Table.Headers}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Table.Rows}}
<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- else if eq .Kind "closing"}}
<p class="closing">{{.Text}}</p>
{{- else}}
<p>{{.Text}}</p>
{{- end}}
{{- end}}
`)

// HTMLPage parses the template of a self-contained page (inline CSS, no scripts, no external files): the head
// every exported page shares, titled {{.Title}}, with css as its style, then body inside <main>.
func HTMLPage(name string, funcs template.FuncMap, css, body string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
` + css + `</style>
</head>
<body>
<main>
` + body + `</main>
</body>
</html>
`))
}
