package demo

import (
	"context"
	"fmt"

	"policydesk/internal/core"
)

// subsidyText is the 正式文本 of a demo policy that is already published.
const subsidyText = `临江市既有住宅加装电梯财政补助办法

第一章 总则
第一条 为推进既有住宅加装电梯工作，改善群众居住条件，根据《临江市既有住宅增设电梯规划管理办法》等规定，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内已取得建设工程规划许可并于2027年12月31日前竣工验收的既有住宅加装电梯项目。
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

// signers are the demo's approvers for the default steps: 科室负责人 (of the drafting section), 分管领导, 保密审查.
var signers = map[string]string{"分管领导审签": "张卫东", "保密审查": "梁红"}

// SeedInterpretations adds the 政策解读 demo on top of SeedConsultations' policies: for 不动产登记若干规定 an
// approved 文字解读 and a 图解 of six blocks, after which the policy goes to 审签 (同步起草); a 负责人解读 being
// drafted for 城市更新实施办法; and a published 加装电梯财政补助办法 whose 问答 is overdue. The approvers
// decide as themselves: the current user is switched for each step and restored at the end.
func SeedInterpretations(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, interps core.InterpretationStore, clock core.Clock) error {
	s, err := newInterpSeeder(ctx, settings, policies, interps, clock)
	if err != nil {
		return err
	}
	defer s.restoreUser()
	if err := s.registration(); err != nil {
		return fmt.Errorf("seed interpretations of 不动产登记若干规定: %w", err)
	}
	if err := s.renewal(); err != nil {
		return fmt.Errorf("seed 负责人解读: %w", err)
	}
	if err := s.subsidy(); err != nil {
		return fmt.Errorf("seed published policy: %w", err)
	}
	return s.restoreUser()
}

type interpSeeder struct {
	ctx      context.Context
	settings core.SettingsStore
	policies core.PolicyStore
	interps  core.InterpretationStore
	clock    core.Clock
	people   map[string]core.Person
	sections map[string]core.Section
	byTitle  map[string]core.Policy
	userID   int64
}

func newInterpSeeder(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, interps core.InterpretationStore, clock core.Clock) (*interpSeeder, error) {
	s := &interpSeeder{ctx: ctx, settings: settings, policies: policies, interps: interps, clock: clock,
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

func (s *interpSeeder) day(offset int) string {
	return s.clock.Now().In(core.Shanghai).AddDate(0, 0, offset).Format("2006-01-02")
}

// save creates an interpretation written by author.
func (s *interpSeeder) save(in core.Interpretation, author string) (core.Interpretation, error) {
	in.AuthorID = s.people[author].ID
	return s.interps.SaveInterpretation(s.ctx, in)
}

// approve runs every sign-off step of a subject, each decided by its approver; head names the 科室负责人.
func (s *interpSeeder) approve(subjectType string, id int64, head string) error {
	so, err := s.interps.SubmitSignoff(s.ctx, subjectType, id)
	if err != nil {
		return err
	}
	for _, step := range so.Steps {
		signer := step.PersonID
		if signer == 0 {
			name, ok := signers[step.StepName]
			if !ok {
				name = head
			}
			signer = s.people[name].ID
		}
		if _, err := s.settings.SetCurrentUser(s.ctx, signer); err != nil {
			return err
		}
		if _, err := s.interps.DecideSignoff(s.ctx, core.SignoffAction{SubjectType: subjectType, SubjectID: id,
			Decision: core.DecisionApprove, Opinion: "同意。"}); err != nil {
			return err
		}
	}
	return s.restoreUser()
}

func (s *interpSeeder) registration() error {
	p, ok := s.byTitle["临江市不动产登记若干规定(征求意见稿)"]
	if !ok {
		return fmt.Errorf("policy not found")
	}
	text := core.NewInterpretationBody(core.FormText, p.Title, Bureau.Name)
	text.PolicyID, text.Title = p.ID, "《临江市不动产登记若干规定》政策解读"
	fill := []string{
		"《不动产登记暂行条例》及其实施细则施行以来，我市不动产登记工作总体平稳，但仍存在办理环节多、部门信息共享不充分等问题。",
		"制定本规定，是落实优化营商环境部署、压缩不动产登记办理时间的具体举措。",
		"起草过程中，我局开展了专题调研，征求了住建、税务等部门和社会公众意见，共收到意见5条。",
		"一般登记3个工作日内办结，抵押登记1个工作日内办结，新建商品房实现“交房即交证”。",
		"推行“互联网+不动产登记”；实现部门信息实时共享；规范登记资料查询。",
		"登记申请、缴税、缴费全程网上办理，群众“一次都不用跑”。",
		"市规划和自然资源局会同相关部门建立联席工作机制，定期通报办理时限执行情况。",
	}
	for i := range text.Sections {
		text.Sections[i].Text = fill[i]
	}
	saved, err := s.save(text, "杨帆")
	if err != nil {
		return err
	}
	if err := s.approve(core.SubjectInterpretation, saved.ID, "刘芳"); err != nil {
		return err
	}
	g := core.NewInterpretationBody(core.FormGraphic, p.Title, Bureau.Name)
	g.PolicyID, g.Title = p.ID, "一图读懂《临江市不动产登记若干规定》"
	g.Graphic.Blocks = registrationGraphic(s.day(0))
	if _, err := s.save(g, "杨帆"); err != nil {
		return err
	}
	if p.Status == core.PolicySigning {
		return nil
	}
	_, err = s.policies.SetPolicyStatus(s.ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning})
	return err
}

// registrationGraphic is a 图解 of six blocks.
func registrationGraphic(date string) []core.GraphicBlock {
	return []core.GraphicBlock{
		{Kind: core.BlockTitle, Title: "一图读懂《临江市不动产登记若干规定》", Text: "办得快 · 少跑腿 · 信息通"},
		{Kind: core.BlockLead, Text: "为压缩不动产登记办理时间、优化营商环境，市规划和自然资源局起草了《临江市不动产登记若干规定》，自2026年10月1日起施行。"},
		{Kind: core.BlockFigures, Title: "办理时限", Figures: []core.KeyFigure{{Value: "3", Unit: "个工作日", Label: "一般登记办结"},
			{Value: "1", Unit: "个工作日", Label: "抵押登记办结"}}},
		{Kind: core.BlockSteps, Title: "网上办理流程", Steps: []core.FlowStep{{Title: "网上申请", Text: "登录“临江不动产”平台提交申请"},
			{Title: "受理审核", Text: "登记机构在线受理并审核"}, {Title: "缴税缴费", Text: "税费在线一次缴清"}, {Title: "领证", Text: "电子证照即时发放，纸质证书可邮寄"}}},
		{Kind: core.BlockQA, Title: "重点问答", QA: []core.QAPair{{Question: "什么是“交房即交证”？",
			Answer: "新建商品房交付时，开发企业已完成首次登记，购房人收房当天即可领取不动产权证书。"}}},
		{Kind: core.BlockFooter, Issuer: Bureau.Name, Date: date},
	}
}

func (s *interpSeeder) renewal() error {
	p, ok := s.byTitle["临江市城市更新实施办法(征求意见稿)"]
	if !ok {
		return fmt.Errorf("policy not found")
	}
	in := core.NewInterpretationBody(core.FormLeader, p.Title, Bureau.Name)
	in.PolicyID, in.Title = p.ID, "分管副局长解读《临江市城市更新实施办法》"
	in.Media = core.Media{Speaker: "张卫东", SpeakerTitle: "市规划和自然资源局副局长", Occasion: "市政府新闻发布会", HeldAt: s.day(14) + " 10:00",
		Transcript: "城市更新不是大拆大建，而是以保护为前提的有机更新。办法明确了规划引领、政府统筹、市场运作、公众参与的原则……",
		Files:      []core.MediaRef{{Name: "发布会讲话稿.docx", Location: `\\fileserver\政务公开\城市更新\发布会讲话稿.docx`, Kind: "文稿"}}}
	_, err := s.save(in, "许文博")
	return err
}

// subsidy registers a policy published ten days ago with a 文字解读 published on time and a 问答 that was
// approved but never published: the dashboard shows it overdue.
func (s *interpSeeder) subsidy() error {
	p, err := s.policies.SavePolicy(s.ctx, core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", DocNumber: "临规划资源规字〔2026〕5号",
		Category: "规范性文件", SectionID: s.sections["空间规划组"].ID, DrafterID: s.people["孙佳怡"].ID, Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条"})
	if err != nil {
		return err
	}
	if _, err := addVersion(s.ctx, s.policies, core.VersionInput{PolicyID: p.ID, Kind: "正式文本", VersionDate: s.day(-14), FileName: "正式文本.txt", Text: subsidyText}); err != nil {
		return err
	}
	text := core.NewInterpretationBody(core.FormText, p.Title, Bureau.Name)
	text.PolicyID, text.Title = p.ID, "《临江市既有住宅加装电梯财政补助办法》政策解读"
	for i, h := range core.TextHeadings {
		text.Sections[i].Text = "(" + h + ")本办法明确了每台电梯补助15万元、七层及以上每台20万元的标准，实行先建后补。"
	}
	qa := core.Interpretation{PolicyID: p.ID, Form: core.FormQA, Title: "《临江市既有住宅加装电梯财政补助办法》政策问答", QA: []core.QAPair{
		{Question: "哪些项目可以申请补助？", Answer: "本市城市规划区内已取得建设工程规划许可并于2027年12月31日前竣工验收的既有住宅加装电梯项目。"},
		{Question: "申请补助需要提交哪些材料？", Answer: "财政补助申请表、建设工程规划许可证复印件、电梯使用登记证和竣工验收报告。"},
	}}
	var saved []core.Interpretation
	for _, in := range []core.Interpretation{text, qa} {
		out, err := s.save(in, "孙佳怡")
		if err != nil {
			return err
		}
		if err := s.approve(core.SubjectInterpretation, out.ID, "赵志强"); err != nil {
			return err
		}
		saved = append(saved, out)
	}
	if _, err := s.policies.SetPolicyStatus(s.ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning}); err != nil {
		return err
	}
	if err := s.approve(core.SubjectPolicy, p.ID, "赵志强"); err != nil { // a policy is published only after its own sign-off
		return err
	}
	published := s.day(-10)
	if _, err := s.interps.PublishPolicy(s.ctx, core.Publication{ID: p.ID, PublishedDate: published,
		PublishedURL: "https://ghzy.linjiang.gov.cn/zwgk/zcwj/gfxwj/t_5.html"}); err != nil {
		return err
	}
	_, err = s.interps.PublishInterpretation(s.ctx, core.Publication{ID: saved[0].ID, PublishedDate: published,
		PublishedURL: "https://ghzy.linjiang.gov.cn/zwgk/zcjd/t_5.html"})
	return err
}
