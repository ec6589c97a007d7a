package sqlite_test

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

func TestRoutingHistoryIsFinalTopicsOnly(t *testing.T) {
	f := newMailboxFixture(t)
	rs := sqlite.NewRoutingStore(f.db)
	f.at(t, "2026-11-20 09:30")
	// Routed by the matcher alone and not handled yet: not history (the model must not learn its own guesses).
	auto := f.create(t, core.MessageInput{Body: "请问不动产登记需要哪些材料？"})
	// Routed by the matcher and answered: its topic is final.
	answered := f.create(t, core.MessageInput{Body: "不动产证书遗失怎么补办？"})
	f.reply(t, answered.ID, "可申请补发。")
	// Waiting for a person, then routed by one: a decision.
	pending := f.create(t, core.MessageInput{Body: "村里有人在耕地上盖房子"})
	if pending.State != core.MsgPending {
		t.Fatalf("state = %s, want 待分办", pending.State)
	}
	if _, err := f.store.Reroute(f.ctx, core.RerouteInput{MessageID: pending.ID, TopicID: f.topics["违法用地举报"]}); err != nil {
		t.Fatal(err)
	}
	history, err := rs.History(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range history {
		got[h.Body] = h.Label
	}
	want := map[string]string{
		answered.Body: strconv.FormatInt(f.topics["不动产登记"], 10),
		pending.Body:  strconv.FormatInt(f.topics["违法用地举报"], 10),
	}
	if len(got) != len(want) || got[answered.Body] != want[answered.Body] || got[pending.Body] != want[pending.Body] {
		t.Errorf("history = %v, want %v (not %q)", got, want, auto.Body)
	}
	sum, err := rs.HistorySummary(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 2 || sum.Decisions != 2 || sum.Imported != 0 || sum.NewSinceModel != 2 || len(sum.ByTopic) != 2 {
		t.Errorf("summary = %+v", sum)
	}
}

func TestImportExamplesAllOrNothing(t *testing.T) {
	f := newMailboxFixture(t)
	rs := sqlite.NewRoutingStore(f.db)
	rows := []core.LabeledMessage{
		{Subject: "过户", Body: "二手房过户要带什么材料", Label: "不动产登记"},
		{Body: "小区旁边在建违章建筑", Label: "违法用地举报"},
		{Body: "公交线路太少", Label: "交通运输"},
		{Subject: "过户", Body: "二手房过户要带什么材料", Label: "不动产登记"}, // repeated in the file
	}
	p, err := rs.PreviewExamples(f.ctx, "history.csv", rows)
	if err != nil {
		t.Fatal(err)
	}
	if p.Rows != 4 || p.Duplicates != 1 || !slices.Equal(p.UnknownLabels, []string{"交通运输"}) || len(p.ByLabel) != 3 || p.ByLabel[0].Count != 2 {
		t.Errorf("preview = %+v", p)
	}
	before := f.count(t, `SELECT COUNT(*) FROM routing_examples`)
	_, err = rs.ImportExamples(f.ctx, "history.csv", rows, false, nil)
	mbMustCode(t, err, core.EIMPORT)
	if ce, ok := err.(*core.Error); !ok || ce.Message == "" || !bytes.Contains([]byte(ce.Message), []byte("第4行")) {
		t.Errorf("error should name the row of the unknown label (line 4 after the header): %v", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM routing_examples`); n != before {
		t.Errorf("a refused import wrote %d examples", n-before)
	}

	res, err := rs.ImportExamples(f.ctx, "history.csv", rows, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Duplicates != 1 || !slices.Equal(res.CreatedTopics, []string{"交通运输"}) {
		t.Errorf("result = %+v", res)
	}
	again, err := rs.ImportExamples(f.ctx, "history.csv", rows, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Duplicates != 4 || len(again.CreatedTopics) != 0 {
		t.Errorf("re-import = %+v, want everything skipped", again)
	}
	sum, err := rs.HistorySummary(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 3 || sum.Imported != 3 {
		t.Errorf("summary = %+v", sum)
	}
	// Renaming a topic keeps its history: examples are tied to the topic, not its name.
	topics, err := f.store.Topics(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range topics {
		if tp.Name == "不动产登记" {
			tp.Name = "不动产登记咨询"
			if _, err := f.store.SaveTopic(f.ctx, tp); err != nil {
				t.Fatal(err)
			}
		}
	}
	history, err := rs.History(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 3 || history[0].Label != strconv.FormatInt(f.topics["不动产登记"], 10) {
		t.Errorf("history after rename = %+v", history)
	}
	n, err := rs.DeleteImportedExamples(f.ctx)
	if err != nil || n != 3 {
		t.Errorf("deleted %d, %v", n, err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'routing_examples'`); n != 3 {
		t.Errorf("audit entries = %d, want 3 (two imports, one deletion)", n)
	}
}

func TestUserWordsAudited(t *testing.T) {
	f := newMailboxFixture(t)
	rs := sqlite.NewRoutingStore(f.db)
	w, err := rs.SaveUserWord(f.ctx, core.UserWord{Word: " 多规合一 ", Freq: 2000})
	if err != nil {
		t.Fatal(err)
	}
	if w.Word != "多规合一" || w.Tag != "n" || w.CreatedAt == "" {
		t.Errorf("saved = %+v", w)
	}
	if _, err := rs.SaveUserWord(f.ctx, core.UserWord{Word: "多规合一", Freq: 3000, Tag: "nz"}); err != nil {
		t.Fatal(err)
	}
	list, err := rs.UserWords(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Freq != 3000 || list[0].Tag != "nz" {
		t.Errorf("words = %+v", list)
	}
	if err := rs.DeleteUserWord(f.ctx, "多规合一"); err != nil {
		t.Fatal(err)
	}
	mbMustCode(t, rs.DeleteUserWord(f.ctx, "多规合一"), core.ENOTFOUND)
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'user_word'`); n != 3 {
		t.Errorf("audit entries = %d, want 3", n)
	}
}

func TestRoutingModelsKeptAndPruned(t *testing.T) {
	f := newMailboxFixture(t)
	rs := sqlite.NewRoutingStore(f.db)
	if _, _, ok, err := rs.LatestModel(f.ctx); ok || err != nil {
		t.Fatalf("fresh database has a model: %v %v", ok, err)
	}
	for i := range 5 {
		info := core.RoutingModelInfo{Trained: true, TrainedAt: "2026-11-20T09:3" + strconv.Itoa(i) + ":00+08:00", Examples: 10 + i}
		if err := rs.SaveModel(f.ctx, []byte{byte(i)}, info); err != nil {
			t.Fatal(err)
		}
	}
	data, info, ok, err := rs.LatestModel(f.ctx)
	if err != nil || !ok || !bytes.Equal(data, []byte{4}) || info.Examples != 14 {
		t.Errorf("latest = %v %+v %v %v", data, info, ok, err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM routing_models`); n != 3 {
		t.Errorf("models kept = %d, want 3", n)
	}
	ev := core.RoutingEvaluation{Folds: 5, MacroF1: 0.93, Labels: []string{"甲", "乙"}, Confusion: [][]int{{3, 1}, {0, 4}}}
	if err := rs.SaveEvaluation(f.ctx, ev); err != nil {
		t.Fatal(err)
	}
	got, err := rs.LastEvaluation(f.ctx)
	if err != nil || got.Folds != 5 || got.Confusion[0][1] != 1 {
		t.Errorf("evaluation = %+v %v", got, err)
	}
}
