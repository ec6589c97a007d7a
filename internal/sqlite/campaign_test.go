package sqlite_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/intake"
	"policydesk/internal/sqlite"
)

// campaignSheet is a comment sheet as a campaign leaves it: identical comments (many citizens sending the
// same text), a few hundred with a word changed or a name signed, and distinct comments.
func campaignSheet(identical, variants, distinct int) []byte {
	var buf bytes.Buffer
	buf.WriteString("提交人,提交时间,意见内容,类别,渠道\n")
	const text = "强烈反对第十二条的表决比例，低层住户利益得不到保障，建议改为四分之三以上业主同意并给予低层住户补偿。"
	for i := range identical {
		fmt.Fprintf(&buf, "市民%d,2026-11-%02d,%s,个人,网站\n", i, i%18+2, text)
	}
	for i := range variants {
		fmt.Fprintf(&buf, "居民%d,2026-11-%02d,%s签名：居民%d,个人,电子邮件\n", i, i%18+2, text, i)
	}
	for i := range distinct {
		fmt.Fprintf(&buf, "业主%d,2026-11-%02d,第%d号楼建议第十三条规定的审批时限缩短为%d个工作日，并公开办理进度。,个人,网站\n", i, i%18+2, i, i%15+5)
	}
	return buf.Bytes()
}

const campaignIdentical, campaignVariants, campaignDistinct = 32_000, 300, 200

// BenchmarkImportCampaign32k imports a campaign: 32,000 identical comments, 300 variants and 200 distinct
// comments, grouping included. max-write-ms is the longest any of its write transactions held the write turn.
func BenchmarkImportCampaign32k(b *testing.B) {
	data := campaignSheet(campaignIdentical, campaignVariants, campaignDistinct)
	var longest time.Duration
	for b.Loop() {
		b.StopTimer()
		f := newConsultFixture(b)
		c := f.consultation(b, false)
		sqlite.ObserveWrites(f.db, func(d time.Duration) { longest = max(longest, d) })
		b.StartTimer()
		res, err := comments(f.store).ApplyImport(context.Background(), core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, data)
		if err != nil || res.Added != campaignIdentical+campaignVariants+campaignDistinct {
			b.Fatal(res.Added, err)
		}
	}
	b.ReportMetric(float64(longest.Milliseconds()), "max-write-ms")
}

// BenchmarkCampaignGroupList opens the group list of a consultation with that campaign.
func BenchmarkCampaignGroupList(b *testing.B) {
	f := newConsultFixture(b)
	c := f.consultation(b, false)
	ctx := context.Background()
	data := campaignSheet(campaignIdentical, campaignVariants, campaignDistinct)
	if _, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, data); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		groups, err := f.store.Groups(ctx, c.ID)
		if err != nil || len(groups) == 0 || groups[0].Count < campaignIdentical {
			b.Fatal(len(groups), err)
		}
	}
}

// A campaign's import leaves room for other edits: no write transaction of it (the chunks, the one showing
// them, regrouping) holds the write turn for long. Written whole, the import held it for a minute. The target
// is under a second; the limit is twice that, for a busy machine (BenchmarkImportCampaign32k reports the
// longest as max-write-ms), and the figures are logged.
func TestImportCampaignHoldsWriteBriefly(t *testing.T) {
	skipOnPostgres(t, "a chunk of a large comment import holds the write turn over 1 s (row-by-row inserts; batch them)")
	if testing.Short() {
		t.Skip("32,500 comments: skipped with -short")
	}
	f := newConsultFixture(t)
	c := f.consultation(t, false)
	var mu sync.Mutex
	var held []time.Duration
	sqlite.ObserveWrites(f.db, func(d time.Duration) {
		mu.Lock()
		held = append(held, d)
		mu.Unlock()
	})
	data := campaignSheet(campaignIdentical, campaignVariants, campaignDistinct)
	res, err := comments(f.store).ApplyImport(context.Background(), core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, data)
	sqlite.ObserveWrites(f.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Grouping.Groups != 2 || res.Grouping.List[0].Count != campaignIdentical+campaignVariants {
		t.Errorf("grouping = %d groups, largest %d", res.Grouping.Groups, res.Grouping.List[0].Count)
	}
	longest := slices.Max(held)
	t.Logf("%d write transactions, the longest held the write turn %v: %v", len(held), longest, held)
	if longest > 2*time.Second {
		t.Errorf("a write transaction of the import held the write turn %v, want under 1s (2s on a busy machine)", longest)
	}
}

// An import cancelled after some chunks are written leaves nothing: no comment, no batch, no audit entry;
// while it runs, the written chunks are invisible.
func TestImportCommentsCancelledLeavesNothing(t *testing.T) {
	f := newConsultFixture(t)
	c := f.consultation(t, false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	before := counts(t, f.db)
	paths, err := f.store.CommentImportClauses(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	file, err := intake.ReadComments(core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, campaignSheet(5000, 0, 10), paths, f.store.Now())
	if err != nil {
		t.Fatal(err)
	}
	var seen []core.ImportProgress
	_, err = f.store.ImportComments(ctx, c.ID, file.File(), file.Rows, func(p core.ImportProgress) {
		seen = append(seen, p)
		page, err := f.store.Comments(context.Background(), core.CommentFilter{ConsultationID: c.ID, Limit: 10})
		if err != nil || page.Total != 0 {
			t.Errorf("while importing, %d comments are visible (%v)", page.Total, err)
		}
		if len(seen) == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(seen) != 2 || seen[0] != (core.ImportProgress{Done: 2000, Total: 5010}) {
		t.Errorf("progress = %v", seen)
	}
	if after := counts(t, f.db); after != before {
		t.Errorf("a cancelled import left rows behind:\n%s\nwant\n%s", after, before)
	}
	var pending int
	if err := f.db.SQL().QueryRow(`SELECT COUNT(*) FROM comment_imports_pending`).Scan(&pending); err != nil || pending != 0 {
		t.Errorf("pending imports = %d (%v)", pending, err)
	}
}

// BenchmarkCampaignDecideGroup answers the campaign's group at once (32,300 comments).
func BenchmarkCampaignDecideGroup(b *testing.B) {
	f := newConsultFixture(b)
	c := f.consultation(b, false)
	ctx := context.Background()
	data := campaignSheet(campaignIdentical, campaignVariants, campaignDistinct)
	res, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, data)
	if err != nil {
		b.Fatal(err)
	}
	var longest time.Duration
	sqlite.ObserveWrites(f.db, func(d time.Duration) { longest = max(longest, d) })
	decisions := []string{core.DecisionPartly, core.DecisionRejected}
	i := 0
	for b.Loop() {
		out, err := f.store.Decide(ctx, core.Decision{GroupID: res.Grouping.List[0].ID, Decision: decisions[i%2], Reason: "第十二条的表决比例依据《民法典》第二百七十八条"})
		if err != nil || len(out) != campaignIdentical+campaignVariants {
			b.Fatal(len(out), err)
		}
		i++
	}
	b.ReportMetric(float64(longest.Milliseconds()), "max-write-ms")
}

// A group's member count stays true through regrouping, splitting, merging and deleting.
func TestGroupMemberCountsStayTrue(t *testing.T) {
	f := newConsultFixture(t)
	c := f.consultation(t, false)
	ctx := context.Background()
	check := func(step string) {
		t.Helper()
		var wrong int
		if err := f.db.SQL().QueryRow(`SELECT COUNT(*) FROM comment_groups g WHERE members <> (SELECT COUNT(*) FROM comments WHERE group_id = g.id)`).Scan(&wrong); err != nil || wrong != 0 {
			t.Fatalf("after %s: %d groups with a wrong member count (%v)", step, wrong, err)
		}
	}
	res, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "campaign.csv"}, campaignSheet(20, 5, 6))
	if err != nil || res.Grouping.Groups != 2 {
		t.Fatalf("import: %+v %v", res.Grouping, err)
	}
	check("importing")
	big, small := res.Grouping.List[0], res.Grouping.List[1]
	split, err := f.store.SplitComment(ctx, big.Members[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	check("splitting")
	merged, err := f.store.MergeGroups(ctx, core.GroupMerge{ConsultationID: c.ID, GroupIDs: []int64{small.ID, big.ID}, CommentIDs: []int64{split.ID}})
	if err != nil || merged.Count != big.Count+small.Count {
		t.Fatalf("merge: %d members, %v", merged.Count, err)
	}
	check("merging")
	if err := f.store.DeleteComment(ctx, merged.Members[1].ID); err != nil {
		t.Fatal(err)
	}
	check("deleting")
	if _, err := comments(f.store).ApplyImport(ctx, core.ImportRequest{ConsultationID: c.ID, FileName: "more.csv"}, campaignSheet(10, 2, 3)); err != nil {
		t.Fatal(err)
	}
	check("importing more and regrouping")
	page, err := f.store.Comments(ctx, core.CommentFilter{ConsultationID: c.ID, GroupID: merged.ID, Limit: 100})
	if err != nil || page.Total != merged.Count-1 || page.Comments[0].GroupSize != merged.Count-1 {
		t.Fatalf("the merged group lists %d comments of size %d, want %d (%v)", page.Total, page.Comments[0].GroupSize, merged.Count-1, err)
	}
}
