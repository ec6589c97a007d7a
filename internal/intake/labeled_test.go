package intake

import (
	"os"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestReadLabeled(t *testing.T) {
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, file string
		rows       int
		first      core.LabeledMessage
		refusal    string // the message of the refusal; "" when the file is read
	}{
		{"the corpus's English headers, any order", "label,subject,body\n不动产登记,过户咨询,二手房过户要什么材料\n违法用地举报,,耕地上有违建\n",
			2, core.LabeledMessage{Subject: "过户咨询", Body: "二手房过户要什么材料", Label: "不动产登记"}, ""},
		{"Chinese headers in GBK, as Excel saves them", gbk("留言标题,留言内容,主题\n过户咨询,二手房过户要什么材料,不动产登记\n"),
			1, core.LabeledMessage{Subject: "过户咨询", Body: "二手房过户要什么材料", Label: "不动产登记"}, ""},
		{"a subject alone is a message", "subject,label\n耕地上有违建,违法用地举报\n", 1, core.LabeledMessage{Subject: "耕地上有违建", Label: "违法用地举报"}, ""},
		{"no label column", "subject,body\n过户,材料\n", 0, core.LabeledMessage{},
			"h.csv：缺少必需的列：“主题”（可用列名：label、topic、主题、所属主题、主题分类、分类、标签）"},
		{"neither subject nor body", "label,编号\n不动产登记,1\n", 0, core.LabeledMessage{},
			"h.csv：缺少留言的“标题”或“内容”列（可用列名：subject、body、标题、内容、留言标题、留言内容）"},
		{"every row at fault is named, nothing is read", "subject,body,label\n过户,材料,\n,,不动产登记\n过户,材料,不动产登记\n", 0, core.LabeledMessage{},
			"h.csv未导入任何历史留言：第2行: 缺少主题（label）；第3行: 缺少留言内容（标题和内容均为空）。请修改文件后重新导入。"},
		{"a header only", "subject,body,label\n", 0, core.LabeledMessage{}, "h.csv中只有表头，没有留言"},
	}
	for _, tt := range tests {
		rows, err := ReadLabeled("h.csv", []byte(tt.file))
		if tt.refusal != "" {
			testutil.Refusal(t, err, core.EIMPORT, core.ErrorField(err), tt.refusal)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(rows) != tt.rows || rows[0] != tt.first {
			t.Errorf("%s: %d rows, first %+v", tt.name, len(rows), rows[0])
		}
	}
}

// The corpus's labeled history reads as the routing evaluation reads it.
func TestReadLabeledCorpus(t *testing.T) {
	path := testutil.Corpus(t, "mailbox", "train.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadLabeled("train.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5391 {
		t.Errorf("%d rows", len(rows))
	}
}
