package sqlite_test

import (
	"strings"
	"testing"

	"policydesk/internal/core"
)

// A masked item staff decide to publish as written stays as written in the preview and the published text, is
// recorded with its reason and who decided, can be withdrawn, and only while the message waits to be published.
func TestKeepMaskedItem(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 09:00")
	m := f.create(t, core.MessageInput{SenderName: "王建华", Body: "不动产登记时物业公司的潘金水先生不给开证明，请处理。我的电话13812345678。", AgreePublish: true})
	f.at(t, "2026-11-20 15:00")
	m = f.reply(t, m.ID, "王建华同志：您好！已转城管部门处理。")
	p, err := f.store.PublicationPreview(f.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var address string
	for _, it := range p.MessageItems {
		if strings.Contains(it.Original, "金水") {
			address = it.Original
		}
	}
	if address == "" {
		t.Fatalf("the third party's name is not masked in %+v", p.MessageItems)
	}
	_, err = f.store.KeepMasked(f.ctx, core.MaskKeepInput{MessageID: m.ID, Original: address, Reason: "商户"})
	mbMustCode(t, err, core.EINVALID) // the reason says nothing
	_, err = f.store.KeepMasked(f.ctx, core.MaskKeepInput{MessageID: m.ID, Original: "城管部门", Reason: "不是个人信息"})
	mbMustCode(t, err, core.EINVALID) // not a masked item
	p, err = f.store.KeepMasked(f.ctx, core.MaskKeepInput{MessageID: m.ID, Original: address, Reason: "物业公司对外公布的负责人"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Message, address) || strings.Contains(p.Message, "13812345678") || len(p.Kept) != 1 ||
		p.Kept[0].PersonName != "林雨桐" || p.Kept[0].Reason != "物业公司对外公布的负责人" {
		t.Fatalf("preview after keeping = %+v", p)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE summary LIKE '公开时保留原文%'`); n != 1 {
		t.Errorf("audit entries for the kept item = %d", n)
	}
	// Withdrawn, it is masked again; kept again, it is published as written.
	if p, err = f.store.UnkeepMasked(f.ctx, m.ID, p.Kept[0].ID); err != nil || strings.Contains(p.Message, address) || len(p.Kept) != 0 {
		t.Fatalf("after withdrawing: %+v %v", p, err)
	}
	if p, err = f.store.KeepMasked(f.ctx, core.MaskKeepInput{MessageID: m.ID, Original: address, Reason: "物业公司对外公布的负责人"}); err != nil {
		t.Fatal(err)
	}
	published, err := f.store.Publish(f.ctx, m.ID)
	if err != nil || published.PublishedText != p.Message || !strings.Contains(published.PublishedText, address) {
		t.Fatalf("published = %q %v", published.PublishedText, err)
	}
	_, err = f.store.KeepMasked(f.ctx, core.MaskKeepInput{MessageID: m.ID, Original: "138", Reason: "已经公开之后不能再改"})
	mbMustCode(t, err, core.ECONFLICT)
}
