package consult

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// readLedger parses the tab-separated fixture described in its header comment.
func readLedger(t *testing.T, path string) Ledger {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var l Ledger
	c := &l.Consultation
	c.ID = 1
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		switch fs[0] {
		case "bureau":
			l.BureauName = fs[1]
		case "title":
			c.PolicyTitle = fs[1]
		case "section":
			l.SectionName = fs[1]
		case "open":
			c.OpenDate = fs[1]
		case "close":
			c.CloseDate = fs[1]
		case "channels":
			c.Channels = strings.Split(fs[1], ",")
		case "contact":
			c.Contact = fs[1]
		case "enterprise":
			c.EnterpriseRelated = fs[1] == "1"
		case "today":
			l.Today = testutil.Date(fs[1]).Add(9 * time.Hour)
		case "clause":
			l.Clauses = append(l.Clauses, core.Clause{Path: fs[1], Heading: fs[2], Seq: len(l.Clauses) + 1})
		case "notice":
			l.Notices = append(l.Notices, core.ConsultationNotice{Kind: fs[1], NoticeDate: fs[2], OldClose: fs[3], NewClose: fs[4], Reason: fs[5]})
		case "comment":
			id, _ := strconv.ParseInt(fs[1], 10, 64)
			group, _ := strconv.ParseInt(fs[2], 10, 64)
			cm := core.Comment{ID: id, GroupID: group, Representative: fs[3] == "1", Category: fs[4], Channel: fs[5], Clauses: []string{},
				Decision: fs[7], Reason: fs[8], Response: fs[9], Commenter: fs[10], Body: fs[11]}
			if fs[6] != "" {
				cm.Clauses = strings.Split(fs[6], ",")
			}
			l.Comments = append(l.Comments, cm)
		default:
			t.Fatalf("unknown line %q", line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return l
}

func TestReportGolden(t *testing.T) {
	dir := testutil.Testdata(t, "consultation")
	r := BuildReport(readLedger(t, filepath.Join(dir, "report.input")))
	testutil.Golden(t, filepath.Join(dir, "report.golden"), r.Text)
	// The counts behind the text.
	if r.Total != 7 || r.Opinions != 5 || r.Undecided != 0 || len(r.NotAdopted) != 2 || len(r.Adopted) != 3 || !r.EnterpriseHeard {
		t.Errorf("report counts: total %d opinions %d undecided %d not adopted %d adopted %d", r.Total, r.Opinions, r.Undecided, len(r.NotAdopted), len(r.Adopted))
	}
	// Personal data never reaches the published text.
	for _, secret := range []string{"13905712345", "张三", "李四"} {
		if strings.Contains(r.Text, secret) {
			t.Errorf("report publishes %q", secret)
		}
	}
}

func TestReportWarnings(t *testing.T) {
	l := Ledger{BureauName: "局", Today: testutil.Date("2026-10-20"), Consultation: core.Consultation{
		PolicyTitle: "办法", OpenDate: "2026-09-01", CloseDate: "2026-10-08", EnterpriseRelated: true, Channels: []string{"网站"}}}
	l.Comments = []core.Comment{{ID: 1, Category: "自然人", Body: "建议", Clauses: []string{}}}
	r := BuildReport(l)
	if r.Undecided != 1 || len(r.Warnings) != 2 || r.EnterpriseHeard {
		t.Fatalf("warnings = %q", r.Warnings)
	}
	empty := BuildReport(Ledger{BureauName: "局", Today: testutil.Date("2026-10-20"), Consultation: core.Consultation{OpenDate: "2026-09-01", CloseDate: "2026-10-08"}})
	if !strings.Contains(empty.Text, "未收到意见建议") {
		t.Errorf("report without comments:\n%s", empty.Text)
	}
}

// tags is a tagger that knows a fixed set of names.
type tags map[string]string

func (t tags) Tag(text string) []core.TaggedWord {
	var out []core.TaggedWord
	for w, tag := range t {
		if strings.Contains(text, w) {
			out = append(out, core.TaggedWord{Word: w, Tag: tag})
		}
	}
	return out
}

// The report's quotes mask the names a tagger finds in a comment even with no cue around them; a report
// built without a tagger masks by the cue rules only.
func TestReportQuotesMaskTaggedNames(t *testing.T) {
	body := "关伟强和邻居都认为第三条的表决比例过高，建议改为三分之二。"
	l := Ledger{BureauName: "局", Today: testutil.Date("2026-10-20"),
		Consultation: core.Consultation{OpenDate: "2026-09-01", CloseDate: "2026-10-08"},
		Comments:     []core.Comment{{ID: 1, Body: body, Category: "企业", Decision: core.DecisionAdopted, Reason: "已修改"}}}
	if got := BuildReport(l).Adopted[0].Summary; !strings.Contains(got, "关伟强") {
		t.Fatalf("without a tagger the cue rules leave the name: %q", got)
	}
	l.Tagger = tags{"关伟强": "nr"}
	got := BuildReport(l).Adopted[0].Summary
	if strings.Contains(got, "关伟强") || !strings.Contains(got, "第三条的表决比例过高") {
		t.Errorf("with a tagger: %q", got)
	}
}
