package demo

import (
	"context"
	"fmt"
	"sort"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// DisclosureStore is what the 依申请公开 demo writes through.
type DisclosureStore interface {
	RegisterDisclosure(ctx context.Context, in core.DisclosureIntake) (core.DisclosureDetail, error)
	SendCorrection(ctx context.Context, id int64, sent, by, note string) (core.DisclosureDetail, error)
	ReceiveCorrection(ctx context.Context, id int64, date string) (core.DisclosureDetail, error)
	AnswerDisclosure(ctx context.Context, a core.DisclosureAnswer) (core.DisclosureDetail, error)
	SaveAnswerDraft(ctx context.Context, id int64, outcome int, text string) (core.DisclosureDetail, error)
}

// demoRequest is one application of the demo register, dated in days before today.
type demoRequest struct {
	channel           string
	arrived, confirm  int // days before today; confirm only for 信函, 网络, 传真
	applicant, kind   string
	content, section  string
	correction        [3]int // sent, by, received (days before today; 0 = none)
	correctionNote    string
	outcome, answered int // outcome index (-1: open), answered days before today
	method, ref, text string
}

var demoRequests = []demoRequest{
	{channel: "当面", arrived: 62, applicant: "陈立平", kind: "自然人", content: "滨江街道{Y-1}年度集体土地征收补偿安置方案及批复文件", section: "用途管制组",
		outcome: 0, answered: 50, method: "直接送达", text: "经查，您申请的补偿安置方案属于可以公开的政府信息，现提供复印件一份。"},
	{channel: "网络", arrived: 45, confirm: 44, applicant: "临江市恒远置业有限公司", kind: "商业企业", content: "城西片区控制性详细规划调整的专家论证意见",
		section: "空间规划组", outcome: 5, answered: 30, method: "邮寄", ref: "1163548890212",
		text: "您申请的专家论证意见涉及第三方个人信息，经征求第三方意见，第三方不同意公开，本机关决定不予公开。"},
	{channel: "信函", arrived: 38, confirm: 36, applicant: "王建华", kind: "自然人", content: "我家宅基地的审批材料",
		section: "确权登记组", correction: [3]int{33, 19, 27}, correctionNote: "请写明宅基地所在村组及审批年份",
		outcome: 1, answered: 12, method: "邮寄", ref: "1163548890336", text: "宅基地审批表予以公开；其中涉及相邻权利人身份证号码的部分不予公开。"},
	{channel: "当面", arrived: 26, applicant: "林晓燕", kind: "自然人", content: "2019年耕地占补平衡项目验收报告",
		section: "耕地保护组", outcome: 10, answered: 15, method: "直接送达", text: "经检索，本机关未制作或获取您所申请的验收报告。"},
	{channel: "邮寄", arrived: 16, applicant: "临江市绿源环境保护协会", kind: "社会公益组织", content: "{Y}年度自然资源违法案件查处情况汇总",
		section: "执法监察支队", outcome: -1},
	{channel: "网络", arrived: 4, confirm: 4, applicant: "浙江正衡律师事务所", kind: "法律服务机构", content: "某地块土地出让合同及补充协议",
		section: "开发利用组", outcome: -1},
	{channel: "传真", arrived: 2, confirm: 1, applicant: "赵敏", kind: "自然人", content: "我所在小区的规划许可证及附图",
		section: "空间规划组", outcome: -1},
}

// SeedDisclosure fills the 依申请公开 register with applications of the last two months: answered ones of
// each kind (予以公开, 部分公开 after a 补正, 不予公开 to protect a third party, 无法提供) and three open ones on
// the clock. Everything is written through the store, so each date follows the statutory rules; each act is
// done on its day (the next working day for one that fell on a rest day) when the clock is a
// *core.FixedClock the database reads, in the order the acts happened.
func SeedDisclosure(ctx context.Context, store DisclosureStore, settings core.SettingsStore, interps core.InterpretationStore, clock core.Clock) error {
	tl := newTimeline(clock, calendar.New(calendar.Builtin()))
	defer tl.restore()
	// the answers are drafted by the current user and signed off by the configured steps, as themselves
	signers := &interpSeeder{ctx: ctx, settings: settings, interps: interps, tl: tl, people: map[string]core.Person{}}
	people, err := settings.People(ctx)
	if err != nil {
		return err
	}
	for _, p := range people {
		signers.people[p.Name] = p
	}
	user, err := settings.CurrentUser(ctx)
	if err != nil {
		return err
	}
	signers.userID = user.PersonID
	defer signers.restoreUser()
	secs, err := settings.Sections(ctx)
	if err != nil {
		return err
	}
	section := map[string]int64{}
	for _, s := range secs {
		section[s.Name] = s.ID
	}
	today := clock.Now().In(core.Shanghai)
	day := func(before int) string { return today.AddDate(0, 0, -before).Format("2006-01-02") }
	// actedOn is the working moment an act dated before days ago was done.
	actedOn := func(before int, minutes int, key string) time.Time {
		d := tl.today.AddDate(0, 0, -before)
		for !tl.cal.IsWorkday(d) && d.Before(tl.today) {
			d = d.AddDate(0, 0, 1)
		}
		return officeTime(d, minutes, key)
	}
	var steps []mailboxStep
	add := func(at time.Time, do func() error) {
		steps = append(steps, mailboxStep{at: at, seq: len(steps), do: do})
	}
	for _, r := range demoRequests {
		r := r
		in := core.DisclosureIntake{Channel: r.channel, Arrived: day(r.arrived), Applicant: r.applicant, ApplicantType: r.kind,
			Content: withYears(r.content, today.Year()), Form: "纸质", Delivery: "邮寄", SectionID: section[r.section]}
		registered := r.arrived
		if r.confirm > 0 {
			in.Confirmed = day(r.confirm)
			registered = r.confirm
		}
		var id int64
		add(actedOn(registered, 10*60, r.applicant), func() error {
			d, err := store.RegisterDisclosure(ctx, in)
			if err != nil {
				return fmt.Errorf("register %s: %w", r.applicant, err)
			}
			id = d.Request.ID
			return nil
		})
		if c := r.correction; c[0] > 0 {
			add(actedOn(c[0], 15*60, r.applicant+"补正"), func() error {
				if _, err := store.SendCorrection(ctx, id, day(c[0]), day(c[1]), r.correctionNote); err != nil {
					return fmt.Errorf("补正 %s: %w", r.applicant, err)
				}
				return nil
			})
			add(actedOn(c[2], 11*60, r.applicant+"收到补正"), func() error {
				if _, err := store.ReceiveCorrection(ctx, id, day(c[2])); err != nil {
					return fmt.Errorf("收到补正 %s: %w", r.applicant, err)
				}
				return nil
			})
		}
		if r.outcome >= 0 {
			// drafted on the morning of the answer, signed off through the day, then sent
			drafted := actedOn(r.answered, 8*60+40, r.applicant+"答复")
			add(drafted, func() error {
				if _, err := store.SaveAnswerDraft(ctx, id, r.outcome, r.text); err != nil {
					return fmt.Errorf("draft %s: %w", r.applicant, err)
				}
				signed, err := signers.approve(core.SubjectDisclosure, id, "", calendar.Day(drafted))
				if err != nil {
					return fmt.Errorf("sign off the answer to %s: %w", r.applicant, err)
				}
				tl.set(tl.later(signed, 25))
				if _, err := store.AnswerDisclosure(ctx, core.DisclosureAnswer{ID: id, Outcome: r.outcome, Date: day(r.answered), Method: r.method,
					Ref: r.ref, Text: r.text}); err != nil {
					return fmt.Errorf("answer %s: %w", r.applicant, err)
				}
				return nil
			})
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at.Before(steps[j].at) })
	for _, s := range steps {
		tl.set(s.at)
		if err := s.do(); err != nil {
			return err
		}
	}
	return nil
}
