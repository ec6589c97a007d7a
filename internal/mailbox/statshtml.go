package mailbox

import (
	"fmt"
	"html/template"
	"io"

	"policydesk/internal/core"
)

// Percent formats an on-time rate for tables; "—" when nothing was answered, so that 0% is never claimed
// for a period without replies.
func Percent(rate float64, answered int) string {
	if answered == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", rate*100)
}

// statsPage is the data of the public statistics page.
type statsPage struct {
	Bureau string
	Stats  core.MailboxStats
	Groups []statsGroup
}

type statsGroup struct {
	Title string
	Rows  []core.StatsRow
}

var statsTemplate = template.Must(template.New("stats").Funcs(template.FuncMap{
	"pct":  func(r core.StatsRow) string { return Percent(r.OnTimeRate, r.Answered) },
	"days": func(r core.StatsRow) string { return daysCell(r) },
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Bureau}}局长信箱留言受理反馈情况统计({{.Stats.From}}至{{.Stats.To}})</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#222;margin:24px auto;max-width:960px;padding:0 16px;line-height:1.6}
h1{font-size:22px;text-align:center;margin:0 0 4px}
p.period{text-align:center;color:#555;margin:0 0 20px}
h2{font-size:17px;border-left:4px solid #b22;padding-left:8px;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #999;padding:6px 8px;text-align:center}
th{background:#f3f3f3}
td:first-child{text-align:left}
tr.total td{font-weight:bold;background:#fafafa}
p.note{font-size:13px;color:#555;margin-top:20px}
</style>
</head>
<body>
<h1>{{if .Bureau}}{{.Bureau}}{{end}}局长信箱留言受理反馈情况统计</h1>
<p class="period">统计期间：{{.Stats.From}} 至 {{.Stats.To}}　统计截至：{{.Stats.AsOf}}</p>
{{range .Groups}}<h2>{{.Title}}</h2>
<table>
<thead><tr><th>项目</th><th>收到留言(件)</th><th>已答复(件)</th><th>按时答复(件)</th><th>按时答复率</th><th>平均答复用时(工作日)</th><th>未办结(件)</th><th>其中超期(件)</th></tr></thead>
<tbody>
{{range .Rows}}<tr{{if eq .Key "合计"}} class="total"{{end}}><td>{{.Key}}</td><td>{{.Received}}</td><td>{{.Answered}}</td><td>{{.OnTime}}</td><td>{{pct .}}</td><td>{{days .}}</td><td>{{.Open}}</td><td>{{.Overdue}}</td></tr>
{{end}}</tbody>
</table>
{{end}}<p class="note">说明：答复时限为收到留言之日起3个工作日(收件当日不计，遇法定节假日顺延)；经批准停止计时的天数不计入答复用时；转办留言以告知转办之日为答复日。</p>
</body>
</html>
`))

func daysCell(r core.StatsRow) string {
	if r.Answered == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", r.AvgWorkdays)
}

// WriteStatsHTML writes the public table 留言受理反馈情况统计 as one self-contained page (inline CSS, no
// scripts or external files) for the website. Every text is escaped by html/template.
func WriteStatsHTML(w io.Writer, bureau string, st core.MailboxStats) error {
	page := statsPage{Bureau: bureau, Stats: st, Groups: []statsGroup{
		{Title: "总体情况", Rows: []core.StatsRow{st.Total}},
		{Title: "按留言类型", Rows: st.ByType},
		{Title: "按承办科室", Rows: st.BySection},
		{Title: "按留言主题", Rows: st.ByTopic},
		{Title: "按月份", Rows: st.Monthly},
	}}
	return statsTemplate.Execute(w, page)
}
