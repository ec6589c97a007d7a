package docimport

import "testing"

func TestJoinLinesGeometry(t *testing.T) {
	const fs = 16.0
	line := func(text string, left, right, y float64, page int) textLine {
		return textLine{text: text, left: left, right: right, size: fs, y: y, page: page}
	}
	lines := []textLine{
		line("一、总体情况", 104, 200, 700, 1),                // heading: a short line
		line("本报告由某局根据《条例》要求编制，统计", 104, 500, 672, 1),   // indented first line, full
		line("期限自2023年1月1日起至12月31日止。", 72, 380, 644, 1), // wrapped continuation, short
		line("（一）主动公开情况。主要通过门户网站公开", 104, 500, 616, 1),
		line("政府文件。", 72, 152, 588, 1),
		line("Open data is published in CSV", 104, 500, 560, 1),
		line("format each month.", 72, 300, 532, 1),
		line("跨页的段落在第一页末行写满了", 104, 500, 100, 1),
		line("并在下一页继续。", 72, 200, 760, 2),
	}
	want := "一、总体情况\n" +
		"本报告由某局根据《条例》要求编制，统计期限自2023年1月1日起至12月31日止。\n" +
		"（一）主动公开情况。主要通过门户网站公开政府文件。\n" +
		"Open data is published in CSV format each month.\n" +
		"跨页的段落在第一页末行写满了并在下一页继续。\n"
	if got := joinLines(lines); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLayoutLines(t *testing.T) {
	pages := []string{
		"                洪泽区人民政府\n" +
			"   本报告由办公室根据《中华人民共和\n" +
			"国政府信息公开条例》编制。如有疑问\n" +
			"请联系（邮 编 ： 223100）。\n" +
			"\n" +
			"   一、总体情况\n" +
			"科室                          职责\n",
		"   第二页的段落。\n",
	}
	want := "洪泽区人民政府\n" +
		"本报告由办公室根据《中华人民共和国政府信息公开条例》编制。如有疑问请联系（邮编：223100）。\n" +
		"一、总体情况\n" +
		"科室 职责\n" +
		"第二页的段落。\n"
	if got := joinLines(layoutLines(pages)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestIsPageNumber(t *testing.T) {
	for s, want := range map[string]bool{"- 1 -": true, "—12—": true, "3": true, "第 4 页": true, "－5－": true,
		"2023": true, "一、总体情况": false, "12345": false, "": false, "第一页": false} {
		if got := isPageNumber(s); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
