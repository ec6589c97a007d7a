package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// subsidyText is the 正式文本 of a demo policy that is already published.
const subsidyText = `临江市既有住宅加装电梯财政补助办法

第一章 总则
第一条 为推进既有住宅加装电梯工作，改善群众居住条件，根据《临江市既有住宅增设电梯规划管理办法》等规定，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内已取得建设工程规划许可并于{Y+1}年12月31日前竣工验收的既有住宅加装电梯项目。
第三条 加装电梯财政补助遵循“先建后补、据实核定、公开透明”的原则。

第二章 补助标准
第四条 每台电梯补助15万元；七层及以上住宅每台补助20万元。
第五条 业主中有持证残疾人或者八十周岁以上老年人的，补助标准上浮百分之十。

第三章 申请程序
第六条 申请补助应当提交下列材料：
1.财政补助申请表；
2.建设工程规划许可证复印件；
3.电梯使用登记证和竣工验收报告。
第七条 补助按照下列流程办理：申请→受理→审核→公示→拨付。
第八条 区规划和自然资源主管部门应当自受理之日起十五个工作日内完成审核。

第四章 附则
第九条 本办法自发布之日起施行，有效期三年。
`

// subsidyInterpretation is the 文字解读 of the published subsidy policy, one paragraph per heading of
// core.TextHeadings.
var subsidyInterpretation = []string{
	"《临江市既有住宅增设电梯规划管理办法》施行以来，全市既有住宅增设电梯需求旺盛，但建设资金筹集难，群众希望出台财政支持政策。",
	"制定本办法，是以财政资金支持增设电梯、减轻居民出资负担的具体举措，总体考虑是“先建后补、据实核定、公开透明”，让财政资金用得规范、看得明白。",
	"起草过程中，我局会同市财政局赴五个区实地调研，测算了不同层数住宅的建设成本，听取了居民代表、电梯企业和街道的意见。",
	"加快既有住宅增设电梯，方便老年人、残疾人上下楼，提升群众居住品质。",
	"明确补助对象和范围；明确每台15万元、七层及以上每台20万元的补助标准；规范申请、受理、审核、公示、拨付的办理流程。",
	"家中有持证残疾人或者八十周岁以上老年人的项目，补助标准上浮百分之十；审核时限压缩为十五个工作日。",
	"区规划和自然资源主管部门负责受理审核，财政部门按季度拨付补助资金，补助结果在政府网站公示，接受社会监督。",
}

// registrationInterpretation is the 文字解读 of the 不动产登记若干规定, one paragraph per heading.
var registrationInterpretation = []string{
	"《不动产登记暂行条例》及其实施细则施行以来，我市不动产登记工作总体平稳，但仍存在办理环节多、部门信息共享不充分等问题。",
	"制定本规定，是落实优化营商环境部署、压缩不动产登记办理时间的具体举措。",
	"起草过程中，我局开展了专题调研，征求了住建、税务等部门和社会公众意见，共收到意见5条，采纳3条、部分采纳2条。",
	"一般登记3个工作日内办结，抵押登记1个工作日内办结，新建商品房实现“交房即交证”。",
	"推行“互联网+不动产登记”；实现部门信息实时共享；规范登记资料查询。",
	"登记申请、缴税、缴费全程网上办理，群众“一次都不用跑”。",
	"市规划和自然资源局会同相关部门建立联席工作机制，定期通报办理时限执行情况。",
}

// signers are the demo's approvers for the default steps: 科室负责人 (of the drafting section), 分管领导, 保密审查.
var signers = map[string]string{"分管领导审签": "张卫东", "保密审查": "梁红"}

// opinions are what each step's signer writes.
var opinions = map[string]string{"科室负责人审核": "内容准确，同意，请分管领导审签。", "分管领导审签": "同意。", "保密审查": "经审查，不涉及国家秘密和工作秘密，同意公开。"}

// SeedInterpretations adds the 政策解读 demo on top of SeedConsultations' policies: for 不动产登记若干规定 an
// approved 文字解读 and a 图解 of six blocks being drafted, after which the policy went to 审签 (同步起草); a
// 负责人解读 being drafted for 城市更新实施办法 and a 问答 for 增设电梯规划管理办法 (when registered); and a
// 加装电梯财政补助办法 published ten days ago, signed off after its interpretations, whose 问答 is overdue.
// The approvers decide as themselves, each at a working-hour moment (when the clock is a *core.FixedClock the
// database reads): the current user is switched for each step and restored at the end.
func SeedInterpretations(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, interps core.InterpretationStore, clock core.Clock) error {
	tl := newTimeline(clock, calendar.New(calendar.Builtin()))
	defer tl.restore()
	s, err := newInterpSeeder(ctx, settings, policies, interps, tl)
	if err != nil {
		return err
	}
	defer s.restoreUser()
	if err := s.subsidy(); err != nil {
		return fmt.Errorf("seed published policy: %w", err)
	}
	if err := s.registration(); err != nil {
		return fmt.Errorf("seed interpretations of 不动产登记若干规定: %w", err)
	}
	if err := s.renewal(); err != nil {
		return fmt.Errorf("seed 负责人解读: %w", err)
	}
	if err := s.elevator(); err != nil {
		return fmt.Errorf("seed 问答 of 增设电梯规划管理办法: %w", err)
	}
	return s.restoreUser()
}

type interpSeeder struct {
	ctx      context.Context
	settings core.SettingsStore
	policies core.PolicyStore
	interps  core.InterpretationStore
	tl       *timeline
	people   map[string]core.Person
	sections map[string]core.Section
	byTitle  map[string]core.Policy
	userID   int64
}

func newInterpSeeder(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, interps core.InterpretationStore, tl *timeline) (*interpSeeder, error) {
	s := &interpSeeder{ctx: ctx, settings: settings, policies: policies, interps: interps, tl: tl,
		people: map[string]core.Person{}, sections: map[string]core.Section{}, byTitle: map[string]core.Policy{}}
	people, err := settings.People(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		s.people[p.Name] = p
	}
	secs, err := settings.Sections(ctx)
	if err != nil {
		return nil, err
	}
	for _, sec := range secs {
		s.sections[sec.Name] = sec
	}
	page, err := policies.Policies(ctx, core.PolicyFilter{Limit: 500})
	if err != nil {
		return nil, err
	}
	for _, p := range page.Policies {
		s.byTitle[p.Title] = p
	}
	user, err := settings.CurrentUser(ctx)
	s.userID = user.PersonID
	return s, err
}

func (s *interpSeeder) restoreUser() error {
	if s.userID == 0 {
		return nil
	}
	_, err := s.settings.SetCurrentUser(s.ctx, s.userID)
	return err
}

// save creates an interpretation written by author on day d.
func (s *interpSeeder) save(in core.Interpretation, author string, d time.Time) (core.Interpretation, error) {
	s.tl.set(officeTime(d, 10*60+20, in.Title))
	in.AuthorID = s.people[author].ID
	return s.interps.SaveInterpretation(s.ctx, in)
}

// approve submits a subject for sign-off on day d and runs every step, each decided by its approver a while
// after the previous one (the 分管领导 often the next morning); head names the 科室负责人. It returns when
// the last step was signed.
func (s *interpSeeder) approve(subjectType string, id int64, head string, d time.Time) (time.Time, error) {
	key := fmt.Sprint(subjectType, id)
	when := officeTime(d, 9*60+25, key)
	s.tl.set(when)
	so, err := s.interps.SubmitSignoff(s.ctx, subjectType, id)
	if err != nil {
		return when, err
	}
	waits := []int{35 + jitter(key+"1", 70), 150 + jitter(key+"2", 240), 50 + jitter(key+"3", 110)}
	for i, step := range so.Steps {
		signer := step.PersonID
		if signer == 0 {
			name, ok := signers[step.StepName]
			if !ok {
				name = head
			}
			signer = s.people[name].ID
		}
		when = s.tl.later(when, waits[i%len(waits)])
		s.tl.set(when)
		if _, err := s.settings.SetCurrentUser(s.ctx, signer); err != nil {
			return when, err
		}
		opinion, ok := opinions[step.StepName]
		if !ok {
			opinion = "同意。"
		}
		if _, err := s.interps.DecideSignoff(s.ctx, core.SignoffAction{SubjectType: subjectType, SubjectID: id,
			Decision: core.DecisionApprove, Opinion: opinion}); err != nil {
			return when, err
		}
	}
	return when, s.restoreUser()
}

// closeDate is the day the policy's consultation closed, or fallback when it had none.
func (s *interpSeeder) closeDate(p core.Policy, fallback time.Time) time.Time {
	d, err := s.policies.Policy(s.ctx, p.ID)
	if err != nil || len(d.Consultations) == 0 {
		return fallback
	}
	t, err := time.Parse("2006-01-02", d.Consultations[0].CloseDate)
	if err != nil || t.After(s.tl.today) {
		return fallback
	}
	return t
}

// registration: the 文字解读 was drafted after the consultation closed and signed off two weeks ago; the 送审稿
// followed, then the 图解 was started and the policy sent to 审签 (同步起草). Its own sign-off waits for the 图解.
func (s *interpSeeder) registration() error {
	p, ok := s.byTitle["临江市不动产登记若干规定(征求意见稿)"]
	if !ok {
		return fmt.Errorf("policy not found")
	}
	closed := s.closeDate(p, s.tl.onOrBefore(-60))
	text := core.NewInterpretationBody(core.FormText, p.Title, Bureau.Name)
	text.PolicyID, text.Title = p.ID, "《临江市不动产登记若干规定》政策解读"
	for i := range text.Sections {
		text.Sections[i].Text = registrationInterpretation[i]
	}
	saved, err := s.save(text, "杨帆", s.tl.cal.AddWorkdays(closed, 8))
	if err != nil {
		return err
	}
	if _, err := s.approve(core.SubjectInterpretation, saved.ID, "刘芳", s.tl.workday(-12)); err != nil {
		return err
	}
	sent := s.tl.workday(-9)
	s.tl.set(officeTime(sent, 16*60, "送审稿"))
	draft := withYears(strings.Replace(registrationDraft, "(征求意见稿)", "(送审稿)", 1), s.tl.today.Year())
	if _, err := addVersion(s.ctx, s.policies, core.VersionInput{PolicyID: p.ID, Kind: "送审稿", VersionDate: date(sent), FileName: "送审稿.txt", Text: draft}); err != nil {
		return err
	}
	started := s.tl.workday(-6)
	g := core.NewInterpretationBody(core.FormGraphic, p.Title, Bureau.Name)
	g.PolicyID, g.Title = p.ID, "一图读懂《临江市不动产登记若干规定》"
	g.Graphic.Blocks = registrationGraphic(date(started), s.tl.today.Year()+1)
	if _, err := s.save(g, "杨帆", started); err != nil {
		return err
	}
	if p.Status == core.PolicySigning {
		return nil
	}
	s.tl.set(officeTime(s.tl.workday(-5), 15*60, "审签"+p.Title))
	_, err = s.policies.SetPolicyStatus(s.ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning})
	return err
}

// registrationGraphic is a 图解 of six blocks; effective is the year the rules take effect (1 January).
func registrationGraphic(date string, effective int) []core.GraphicBlock {
	return []core.GraphicBlock{
		{Kind: core.BlockTitle, Title: "一图读懂《临江市不动产登记若干规定》", Text: "办得快 · 少跑腿 · 信息通"},
		{Kind: core.BlockLead, Text: fmt.Sprintf("为压缩不动产登记办理时间、优化营商环境，市规划和自然资源局起草了《临江市不动产登记若干规定》，拟自%d年1月1日起施行。", effective)},
		{Kind: core.BlockFigures, Title: "办理时限", Figures: []core.KeyFigure{{Value: "3", Unit: "个工作日", Label: "一般登记办结"},
			{Value: "1", Unit: "个工作日", Label: "抵押登记办结"}}},
		{Kind: core.BlockSteps, Title: "网上办理流程", Steps: []core.FlowStep{{Title: "网上申请", Text: "登录“临江不动产”平台提交申请"},
			{Title: "受理审核", Text: "登记机构在线受理并审核"}, {Title: "缴税缴费", Text: "税费在线一次缴清"}, {Title: "领证", Text: "电子证照即时发放，纸质证书可邮寄"}}},
		{Kind: core.BlockQA, Title: "重点问答", QA: []core.QAPair{{Question: "什么是“交房即交证”？",
			Answer: "新建商品房交付时，开发企业已完成首次登记，购房人收房当天即可领取不动产权证书。"}}},
		{Kind: core.BlockFooter, Issuer: Bureau.Name, Date: date},
	}
}

// renewal: the 负责人解读 for the press conference planned once the 城市更新 draft is revised.
func (s *interpSeeder) renewal() error {
	p, ok := s.byTitle["临江市城市更新实施办法(征求意见稿)"]
	if !ok {
		return fmt.Errorf("policy not found")
	}
	in := core.NewInterpretationBody(core.FormLeader, p.Title, Bureau.Name)
	in.PolicyID, in.Title = p.ID, "分管副局长解读《临江市城市更新实施办法》"
	in.Media = core.Media{Speaker: "张卫东", SpeakerTitle: "市规划和自然资源局副局长", Occasion: "市政府新闻发布会",
		HeldAt:     date(s.tl.cal.AddWorkdays(s.tl.today, 10)) + " 10:00",
		Transcript: "城市更新不是大拆大建，而是以保护为前提的有机更新。办法明确了规划引领、政府统筹、市场运作、公众参与的原则……",
		Files:      []core.MediaRef{{Name: "发布会讲话稿.docx", Location: `\\fileserver\政务公开\城市更新\发布会讲话稿.docx`, Kind: "文稿"}}}
	_, err := s.save(in, "许文博", s.tl.workday(-3))
	return err
}

// elevator: the 问答 drafted while the 增设电梯 draft is out for comment (同步起草), when that policy exists.
func (s *interpSeeder) elevator() error {
	p, ok := s.byTitle["临江市既有住宅增设电梯规划管理办法(征求意见稿)"]
	if !ok {
		return nil
	}
	qa := core.Interpretation{PolicyID: p.ID, Form: core.FormQA, Title: "《临江市既有住宅增设电梯规划管理办法》政策问答", QA: []core.QAPair{
		{Question: "增设电梯需要多少业主同意？", Answer: "须经本单元专有部分面积和人数均占三分之二以上的业主参与表决，并经参与表决的专有部分面积和人数均占四分之三以上的业主同意。"},
		{Question: "增设电梯向哪个部门申请规划许可？", Answer: "向所在区规划和自然资源主管部门提交申请表、业主表决材料、设计方案和公示材料，区主管部门自受理之日起二十个工作日内作出决定。"},
	}}
	_, err := s.save(qa, "孙佳怡", s.tl.workday(-4))
	return err
}

// subsidy: a policy drafted two months ago with its 文字解读 and 问答 (同步起草); both interpretations signed
// off, then the policy (同步审签); the policy and its 文字解读 published ten days ago the same day, the
// 问答 approved but never published, so the dashboard shows it overdue.
func (s *interpSeeder) subsidy() error {
	pub := s.tl.onOrBefore(-10)
	s.tl.set(officeTime(s.tl.cal.AddWorkdays(pub, -40), 10*60, "补助办法"))
	year := pub.Year()
	p, err := s.policies.SavePolicy(s.ctx, core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", DocNumber: fmt.Sprintf("临规划资源规字〔%d〕5号", year),
		Category: "规范性文件", SectionID: s.sections["空间规划组"].ID, DrafterID: s.people["孙佳怡"].ID, Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条"})
	if err != nil {
		return err
	}
	text := core.NewInterpretationBody(core.FormText, p.Title, Bureau.Name)
	text.PolicyID, text.Title = p.ID, "《临江市既有住宅加装电梯财政补助办法》政策解读"
	for i := range core.TextHeadings {
		text.Sections[i].Text = subsidyInterpretation[i]
	}
	qa := core.Interpretation{PolicyID: p.ID, Form: core.FormQA, Title: "《临江市既有住宅加装电梯财政补助办法》政策问答", QA: []core.QAPair{
		{Question: "哪些项目可以申请补助？", Answer: fmt.Sprintf("本市城市规划区内已取得建设工程规划许可并于%d年12月31日前竣工验收的既有住宅加装电梯项目。", year+1)},
		{Question: "申请补助需要提交哪些材料？", Answer: "财政补助申请表、建设工程规划许可证复印件、电梯使用登记证和竣工验收报告。"},
	}}
	var saved []core.Interpretation
	for i, in := range []core.Interpretation{text, qa} {
		out, err := s.save(in, "孙佳怡", s.tl.cal.AddWorkdays(pub, -25+3*i))
		if err != nil {
			return err
		}
		saved = append(saved, out)
	}
	for i, in := range saved {
		if _, err := s.approve(core.SubjectInterpretation, in.ID, "赵志强", s.tl.cal.AddWorkdays(pub, -9+i)); err != nil {
			return err
		}
	}
	final := s.tl.cal.AddWorkdays(pub, -6)
	s.tl.set(officeTime(final, 11*60, "正式文本"))
	if _, err := addVersion(s.ctx, s.policies, core.VersionInput{PolicyID: p.ID, Kind: "正式文本", VersionDate: date(final), FileName: "正式文本.txt",
		Text: withYears(subsidyText, year)}); err != nil {
		return err
	}
	s.tl.set(officeTime(final, 15*60, "审签"+p.Title))
	if _, err := s.policies.SetPolicyStatus(s.ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning}); err != nil {
		return err
	}
	// a policy is published only after its own sign-off
	if _, err := s.approve(core.SubjectPolicy, p.ID, "赵志强", s.tl.cal.AddWorkdays(pub, -4)); err != nil {
		return err
	}
	published := date(pub)
	s.tl.set(officeTime(pub, 10*60, "发布"+p.Title))
	if _, err := s.interps.PublishPolicy(s.ctx, core.Publication{ID: p.ID, PublishedDate: published,
		PublishedURL: "https://ghzy.linjiang.gov.cn/zwgk/zcwj/gfxwj/t_5.html"}); err != nil {
		return err
	}
	s.tl.set(officeTime(pub, 15*60+30, "发布"+text.Title))
	_, err = s.interps.PublishInterpretation(s.ctx, core.Publication{ID: saved[0].ID, PublishedDate: published,
		PublishedURL: "https://ghzy.linjiang.gov.cn/zwgk/zcjd/t_5.html"})
	return err
}
