package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/intake"
)

// Draft texts of the demo policies, structured the way the bureau's normative documents are.
const elevatorDraft = `临江市既有住宅增设电梯规划管理办法
(征求意见稿)

第一章 总则
第一条 为规范本市既有住宅增设电梯的规划管理，改善居住条件，方便老年人、残疾人等群体出行，根据《中华人民共和国城乡规划法》《中华人民共和国民法典》等法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内已建成投入使用、具有合法产权、未设电梯的四层及以上住宅增设电梯的规划管理。
第三条 既有住宅增设电梯应当遵循“业主自愿、政府引导、因地制宜、保障安全”的原则。
第四条 市规划和自然资源主管部门负责全市既有住宅增设电梯的规划管理工作，各区人民政府负责本辖区增设电梯的组织协调。

第二章 申请条件
第五条 增设电梯应当经本单元专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。
第六条 增设电梯不得占用消防车道，电梯井道与消防车登高操作场地的间距应当符合消防技术标准。
第七条 增设电梯应当采取措施减少对底层住户采光、通风和噪声的影响。

第三章 规划审批
第八条 申请人应当向所在区规划和自然资源主管部门提交申请表、业主表决材料、设计方案和公示材料。
第九条 区规划和自然资源主管部门应当自受理之日起二十个工作日内作出是否核发建设工程规划许可证的决定。
第十条 增设电梯方案应当在小区显著位置公示，公示期不少于十日。

第四章 附则
第十一条 本办法自{Y+1}年1月1日起施行，有效期五年。
`

const renewalDraft = `临江市城市更新实施办法
(征求意见稿)

第一章 总则
第一条 为推进城市更新，完善城市功能，改善人居环境，传承历史文化，促进城市高质量发展，制定本办法。
第二条 本办法所称城市更新，是指对本市建成区内城市空间形态和功能进行整治提升的活动，包括综合整治、功能改变和拆除重建。
第三条 城市更新应当坚持规划引领、政府统筹、市场运作、公众参与的原则。

第二章 更新规划
第四条 市规划和自然资源主管部门组织编制城市更新专项规划，明确更新目标、更新单元划定和实施时序。
第五条 城市更新单元规划应当明确公共服务设施、市政基础设施和公共空间的配建要求。
第六条 历史文化街区、历史建筑和传统风貌区内的更新项目，应当以保护为前提，不得大拆大建。

第三章 实施机制
第七条 城市更新项目可以由政府组织实施，也可以由市场主体或者物业权利人自主实施。
第八条 拆除重建类项目应当经更新单元内物业权利人专有部分面积和人数三分之二以上同意。
第九条 城市更新项目增加的建筑面积，应当优先用于公共服务设施和保障性住房。
第十条 鼓励存量工业用地通过城市更新转型为新型产业用地，按规定补缴土地出让价款。

第四章 保障措施
第十一条 城市更新项目涉及的土地出让价款，可以按照规定分期缴纳。
第十二条 市、区人民政府应当安排城市更新专项资金，支持公益性项目实施。

第五章 附则
第十三条 本办法自发布之日起施行。
`

const registrationDraft = `临江市不动产登记若干规定
(征求意见稿)

第一章 总则
第一条 为规范不动产登记行为，保护权利人合法权益，优化营商环境，根据《不动产登记暂行条例》等规定，制定本规定。
第二条 本市行政区域内不动产首次登记、变更登记、转移登记、注销登记等，适用本规定。

第二章 登记程序
第三条 不动产登记机构应当推行“互联网+不动产登记”，实现登记申请、缴税、缴费全程网上办理。
第四条 一般登记事项应当在受理后三个工作日内办结，抵押登记应当在一个工作日内办结。
第五条 新建商品房实行“交房即交证”，开发企业应当在交付前完成首次登记。

第三章 信息共享
第六条 不动产登记机构应当与住建、税务、公安、民政等部门实现信息实时共享。
第七条 权利人、利害关系人可以依法查询、复制不动产登记资料。

第四章 附则
第八条 本规定自{Y+1}年1月1日起施行。
`

// demoComment is one row of a demo comment sheet and, when the drafting section has decided on it, its
// decision with a reason that answers that very comment.
type demoComment struct {
	commenter, category, channel, clause, body string
	decision, reason, response                 string
}

var elevatorComments = []demoComment{
	{commenter: "陈先生", category: "个人", channel: "网站", clause: "第五条", body: "建议降低同意比例，目前四分之三的比例太高，老旧小区很难达到。"},
	{commenter: "刘女士", category: "个人", channel: "电子邮件", clause: "第七条", body: "底层住户的补偿标准应当明确，建议写入办法。"},
	{commenter: "临江市电梯工程有限公司", category: "企业", channel: "座谈会", clause: "第九条", body: "建议将审批时限压缩到十个工作日。"},
	{commenter: "周老师", category: "专家", channel: "网站", clause: "第六条", body: "电梯井道与消防车道的间距建议引用具体的国家标准条文。"},
	{commenter: "何先生", category: "个人", channel: "网站", body: "支持出台办法，希望尽快实施。"},
	{commenter: "临江市老龄协会", category: "行业协会", channel: "信函", clause: "第一条", body: "建议将“方便老年人出行”作为首要目标写入第一条。"},
}

// renewalCampaign is a comment many residents of the same neighbourhood sent with small changes.
const renewalCampaign = "我们是滨江老街的居民，坚决反对拆除滨江老街历史建筑，建议第六条明确历史文化街区内禁止拆除重建，只能采取微改造方式。"

// renewalCampaignDecision answers the campaign's group as a whole.
var renewalCampaignDecision = core.Decision{Decision: core.DecisionPartly,
	Reason:   "历史文化街区内以保护为前提，但对经鉴定不具备保留价值的危旧房仍需依法拆除重建，不宜一律禁止",
	Response: "已在第六条增加“历史文化街区内原则上不得拆除重建，确需拆除的危旧房应当经专家论证并公示”的规定。"}

// renewalComments: the first twelve and the two outside the draft's scope are decided, the rest wait for the
// demo user.
var renewalComments = []demoComment{
	{"临江城建集团", "企业", "座谈会", "第十一条", "建议土地出让价款分期缴纳的期限延长至三年，减轻企业资金压力。",
		core.DecisionPartly, "分期缴纳期限须与省有关土地出让价款分期缴纳的规定衔接，最长不超过一年", "第十一条修改为“首期缴纳不低于百分之五十，余款在一年内缴清”。"},
	{"临江市房地产业协会", "行业协会", "电子邮件", "第八条", "拆除重建三分之二同意的比例偏高，建议与国家规定衔接。",
		core.DecisionRejected, "拆除重建涉及全体物业权利人的重大利益，三分之二的比例与《民法典》第二百七十八条关于改建、重建建筑物的表决规则一致", "维持第八条规定。"},
	{"江南置业有限公司", "企业", "座谈会", "第十条", "新型产业用地补缴地价的计算规则应当明确，建议附具体测算办法。",
		core.DecisionPartly, "补缴地价的测算涉及地价评估技术规范，不宜在办法中逐项列明", "第十条增加“补缴土地出让价款的测算办法由市规划和自然资源主管部门另行制定并公布”。"},
	{"林教授", "专家", "电子邮件", "第五条", "更新单元规划应当明确公共空间的最低比例，建议不低于百分之十五。",
		core.DecisionPartly, "各更新单元用地条件差异较大，全市统一百分之十五难以落实", "第五条增加“公共空间面积原则上不低于更新单元用地面积的百分之十”，具体比例由单元规划确定。"},
	{"市人大代表王某", "人大代表", "信函", "第十二条", "专项资金规模和来源应当明确，建议列入年度财政预算。",
		core.DecisionAdopted, "", "第十二条修改为“市、区人民政府应当将城市更新专项资金列入年度财政预算”。"},
	{"区住建局", "政府部门", "信函", "第九条", "建议增加的建筑面积优先用于保障性租赁住房，并明确配建比例。",
		core.DecisionAdopted, "", "第九条增加“优先用于保障性租赁住房，配建比例在更新单元规划中明确”。"},
	{"赵先生", "个人", "网站", "第二条", "综合整治的内容应当包括加装电梯、停车设施改造。",
		core.DecisionAdopted, "", "第二条综合整治的内容中增加加装电梯和停车设施改造。"},
	{"孙女士", "个人", "网站", "第六条", "希望保留老街的梧桐树和石板路。",
		core.DecisionAdopted, "", "第六条增加“保留古树名木、传统街巷肌理等历史环境要素”的规定。"},
	{"吴先生", "个人", "网站", "", "城市更新过程中应当保障租户的权益，给予合理的搬迁过渡期。",
		core.DecisionPartly, "租赁关系由《民法典》调整，办法只作衔接性规定", "第八条增加“实施主体应当妥善处理租赁关系，给予承租人合理的搬迁过渡期”。"},
	{"郑女士", "个人", "电子邮件", "第七条", "市场主体实施的项目应当公开招标，防止利益输送。",
		core.DecisionPartly, "市场主体的确定须分别适用招标投标和土地出让的规定，不能一律公开招标", "第七条增加“市场主体应当通过公开、公平、公正的方式确定”。"},
	{"冯先生", "个人", "网站", "第三条", "公众参与应当贯穿规划编制和实施全过程，建议规定听证程序。",
		core.DecisionAdopted, "", "第三条后增加“涉及群众切身利益的更新单元规划，应当依法举行听证”。"},
	{"陈女士", "个人", "网站", "", "建议更新项目完成后进行效果评估并向社会公布。",
		core.DecisionAdopted, "", "增加一条：“更新项目实施完成后，应当开展实施评估并向社会公布评估结果。”"},
	{commenter: "褚先生", category: "个人", channel: "网站", clause: "第十三条", body: "建议设置过渡期，发布之日起三十日后施行。"},
	{"卫女士", "个人", "网站", "", "小区周边菜市场改造时要保证居民日常买菜方便。",
		core.DecisionOutOfScope, "农贸市场的改造和经营管理不在本办法调整范围", "已转市商务局研究办理。"},
	{commenter: "蒋先生", category: "个人", channel: "电子邮件", clause: "第四条", body: "专项规划应当每五年评估一次，根据实施情况调整。"},
	{"沈女士", "个人", "网站", "", "我家楼下的路灯坏了很久，希望尽快修好。",
		core.DecisionOutOfScope, "路灯维修属于市政设施日常养护，不在本办法调整范围", "已转市城市管理局办理。"},
	{commenter: "韩先生", category: "个人", channel: "网站", clause: "第八条", body: "同意比例应当同时满足面积和人数两个条件，建议写清楚。"},
	{commenter: "杨先生", category: "个人", channel: "网站", clause: "第十条", body: "工业用地转型时应当保留一定比例的产业空间，防止全部变成住宅。"},
	{commenter: "临江市规划设计研究院", category: "专家学者", channel: "座谈会", clause: "第五条", body: "建议在更新单元规划中增加海绵城市和绿色建筑的要求。"},
	{commenter: "朱先生", category: "个人", channel: "网站", body: "建议城市更新项目信息在政府网站集中公开，方便查询。"},
}

var registrationComments = []demoComment{
	{"临江农商银行", "企业", "座谈会", "第四条", "抵押登记一个工作日办结很好，建议同步推行抵押登记线上办理。",
		core.DecisionAdopted, "", "第四条增加“抵押登记可以通过‘银行+不动产’平台全程网上办理”。"},
	{"李先生", "个人", "网站", "第五条", "交房即交证应当明确开发企业未按期办证的责任。",
		core.DecisionPartly, "开发企业的违约责任由购房合同约定，设定行政处罚须有上位法依据", "第五条增加“开发企业未按期办理首次登记的，纳入信用监管”。"},
	{"市律师协会", "行业协会", "电子邮件", "第七条", "利害关系人查询的范围应当明确，避免泄露个人信息。",
		core.DecisionAdopted, "", "第七条增加“查询范围和程序按照《不动产登记资料查询暂行办法》执行，不得泄露权利人的个人信息”。"},
	{"王女士", "个人", "网站", "", "希望登记大厅延长周末服务时间。",
		core.DecisionPartly, "登记大厅周末全天开放受窗口人员编制所限", "登记大厅自本规定施行起每周六上午开放，其余时间可网上办理。"},
	{"张先生", "个人", "网站", "第三条", "网上办理的系统应当支持手机端操作。",
		core.DecisionAdopted, "", "第三条增加“网上办理应当支持手机等移动端操作”。"},
}

// Drafting explanations (起草说明) of the demo drafts; the page puts its own heading above them.
const (
	elevatorExplanation = "为改善老旧住宅居住条件，方便老年人、残疾人出行，规范既有住宅增设电梯的规划审批，我局在总结三年试点经验的基础上起草了本办法，主要明确申请条件、业主表决比例、规划审批程序和公示要求。"
	renewalExplanation  = "为推进城市有机更新、完善城市功能，落实市委、市政府城市更新工作部署，我局起草了本办法，主要规定更新规划编制、更新单元划定、实施主体、历史文化保护和资金保障等内容。"
	registrationExpl    = "为压缩不动产登记办理时间、优化营商环境，根据《不动产登记暂行条例》，我局起草了本规定，主要明确登记办理时限、新建商品房“交房即交证”、“互联网+不动产登记”和部门信息共享等内容。"
)

// withYears writes the years of a demo text relative to the seeding year: {Y} is this year, {Y+1} the next,
// {Y-3} three years ago, so the texts fit whenever the demo is first run.
func withYears(text string, year int) string {
	for n := -9; n <= 9; n++ {
		token := "{Y}"
		if n > 0 {
			token = fmt.Sprintf("{Y+%d}", n)
		} else if n < 0 {
			token = fmt.Sprintf("{Y%d}", n)
		}
		text = strings.ReplaceAll(text, token, strconv.Itoa(year+n))
	}
	return text
}

// SeedConsultations adds the 征求意见 demo: three draft policies of the bureau, one consultation open now,
// one closed with about 40 comments (near-duplicates grouped, some decided, some waiting) and one closed
// whose 意见收集采纳情况说明 has been signed off and published. Dates are relative to the clock and each act
// is stamped at its working-day moment when the clock is a *core.FixedClock the database reads (the clock is
// back at its start afterwards). Call it right after Seed.
func SeedConsultations(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, consultations core.ConsultationStore,
	interps core.InterpretationStore, clock core.Clock) error {
	tl := newTimeline(clock, calendar.New(calendar.Builtin()))
	defer tl.restore()
	sections, err := settings.Sections(ctx)
	if err != nil {
		return err
	}
	people, err := settings.People(ctx)
	if err != nil {
		return err
	}
	tl.set(officeTime(tl.workday(-110), 10*60, "sign-off steps"))
	if _, err := interps.SaveSignoffSteps(ctx, SignoffSteps(people)); err != nil {
		return fmt.Errorf("seed sign-off steps: %w", err)
	}
	sectionID := func(name string) int64 {
		for _, s := range sections {
			if s.Name == name {
				return s.ID
			}
		}
		return 0
	}
	personID := func(name string) int64 {
		for _, p := range people {
			if p.Name == name {
				return p.ID
			}
		}
		return 0
	}
	year := tl.today.Year()
	seed := demoSeeder{ctx: ctx, policies: policies, consultations: consultations, today: tl.now, tl: tl}

	// Closed long ago, every comment answered, the report signed off and published.
	regOpen := tl.onOrBefore(-90)
	registration, err := seed.policy(core.Policy{Title: "临江市不动产登记若干规定(征求意见稿)", Category: "规范性文件",
		SectionID: sectionID("确权登记组"), DrafterID: personID("杨帆"), Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条", EnterpriseRelated: true}, withYears(registrationDraft, year),
		tl.cal.AddWorkdays(regOpen, -15), tl.cal.AddWorkdays(regOpen, -1))
	if err != nil {
		return err
	}
	done, err := seed.consultation(registration, regOpen, []string{"网站", "电子邮件", "座谈会"},
		"市规划和自然资源局确权登记组，电话0571-8801 2352", registrationExpl)
	if err != nil {
		return err
	}
	if err := seed.comments(done, registrationComments, nil); err != nil {
		return err
	}
	decided, err := seed.decide(done, registrationComments, nil)
	if err != nil {
		return err
	}
	signers, err := newInterpSeeder(ctx, settings, policies, interps, tl)
	if err != nil {
		return err
	}
	tl.set(tl.later(decided, 50))
	if _, err := consultations.Report(ctx, done.ID); err != nil {
		return err
	}
	approved, err := signers.approve(core.SubjectReport, done.ID, "刘芳", tl.later(decided, 120))
	if err != nil {
		return fmt.Errorf("sign off demo report: %w", err)
	}
	published := tl.later(approved, 90)
	tl.set(published)
	if _, err := consultations.PublishReport(ctx, core.ReportPublication{ConsultationID: done.ID, PublishedDate: date(published),
		PublishedURL: fmt.Sprintf("https://ghzy.linjiang.gov.cn/hdjl/zjdc/%s/t%s_1.html", published.Format("200601"), published.Format("20060102"))}); err != nil {
		return fmt.Errorf("publish demo report: %w", err)
	}
	// SeedInterpretations drafts this policy's interpretations and then sends it to 审签 (同步起草).

	// Closed about two weeks ago with about forty comments, a campaign among them; part decided.
	renOpen := tl.onOrBefore(-40)
	renewal, err := seed.policy(core.Policy{Title: "临江市城市更新实施办法(征求意见稿)", Category: "重大行政决策",
		SectionID: sectionID("开发利用组"), DrafterID: personID("许文博"), Disclosure: "主动公开",
		DisclosureBasis: "《重大行政决策程序暂行条例》第十四条", EnterpriseRelated: true}, renewalDraft,
		tl.cal.AddWorkdays(renOpen, -20), tl.cal.AddWorkdays(renOpen, -1))
	if err != nil {
		return err
	}
	closed, err := seed.consultation(renewal, renOpen, []string{"网站", "电子邮件", "信函", "座谈会"},
		"市规划和自然资源局开发利用组，电话0571-8801 2342，电子邮箱ghzy_csgx@linjiang.gov.cn", renewalExplanation)
	if err != nil {
		return err
	}
	var campaign []demoComment
	for i, sign := range []string{"", "滨江老街居民", "老街住户", "", "滨江社区居民代表", "", "老街居民", "", "", "滨江老街业主", "", "", "", "", "", "", ""} {
		body := renewalCampaign
		if i%3 == 1 {
			body += "请政府认真听取我们的意见。"
		}
		if i%4 == 2 {
			body = "坚决反对拆除滨江老街历史建筑！" + renewalCampaign[len("我们是滨江老街的居民，坚决反对拆除滨江老街历史建筑，"):]
		}
		campaign = append(campaign, demoComment{commenter: sign, category: "个人", channel: "网站", clause: "第六条", body: body})
	}
	if err := seed.comments(closed, renewalComments, campaign); err != nil {
		return err
	}
	if _, err := seed.decide(closed, renewalComments, &renewalCampaignDecision); err != nil {
		return err
	}

	// Open now: opened ten days ago, closing on the earliest lawful date.
	elevOpen := tl.onOrBefore(-10)
	elevator, err := seed.policy(core.Policy{Title: "临江市既有住宅增设电梯规划管理办法(征求意见稿)", Category: "规范性文件",
		SectionID: sectionID("空间规划组"), DrafterID: personID("孙佳怡"), Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条、第二十条"}, withYears(elevatorDraft, year),
		tl.cal.AddWorkdays(elevOpen, -18), tl.cal.AddWorkdays(elevOpen, -1))
	if err != nil {
		return err
	}
	open, err := seed.consultation(elevator, elevOpen, []string{"网站", "电子邮件", "信函", "座谈会"},
		"市规划和自然资源局空间规划组，电话0571-8801 2322，电子邮箱ghzy_zqyj@linjiang.gov.cn，通信地址临江市滨江大道188号", elevatorExplanation)
	if err != nil {
		return err
	}
	return seed.comments(open, elevatorComments, nil)
}

type demoSeeder struct {
	ctx           context.Context
	policies      core.PolicyStore
	consultations core.ConsultationStore
	today         time.Time
	tl            *timeline
}

// policy registers a policy on the day drafting began and adds its 征求意见稿 on the day it was finished.
func (s demoSeeder) policy(p core.Policy, text string, drafted, finished time.Time) (core.Policy, error) {
	if s.tl != nil {
		s.tl.set(officeTime(drafted, 10*60, p.Title))
	}
	saved, err := s.policies.SavePolicy(s.ctx, p)
	if err != nil {
		return saved, fmt.Errorf("seed policy %s: %w", p.Title, err)
	}
	if s.tl != nil {
		s.tl.set(officeTime(finished, 16*60, p.Title))
	}
	if _, err := addVersion(s.ctx, s.policies, core.VersionInput{PolicyID: saved.ID, Kind: "征求意见稿", VersionDate: date(finished), FileName: "征求意见稿.txt", Text: text}); err != nil {
		return saved, fmt.Errorf("seed draft of %s: %w", p.Title, err)
	}
	return saved, nil
}

// consultation opens a consultation on the open day, closing on the earliest lawful date.
func (s demoSeeder) consultation(p core.Policy, open time.Time, channels []string, contact, explanation string) (core.Consultation, error) {
	s.tl.set(officeTime(open, 9*60+30, p.Title))
	pc, err := s.consultations.CheckPeriod(s.ctx, date(open), "")
	if err != nil {
		return core.Consultation{}, err
	}
	c, err := s.consultations.SaveConsultation(s.ctx, core.Consultation{PolicyID: p.ID, OpenDate: date(open), CloseDate: pc.EarliestClose,
		Channels: channels, Contact: contact, Explanation: explanation})
	if err != nil {
		return c, fmt.Errorf("seed consultation of %s: %w", p.Title, err)
	}
	return c, nil
}

// comments imports the rows as the comment sheet the section keeps: the comments are dated across the
// period (never after today) and the sheet is imported the working day after the last of them.
func (s demoSeeder) comments(c core.Consultation, rows, campaign []demoComment) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"提交人", "提交时间", "类别", "反馈渠道", "涉及条款", "意见内容"}) //nolint:errcheck // bytes.Buffer
	open, err := time.Parse("2006-01-02", c.OpenDate)
	if err != nil {
		return err
	}
	closeDate, err := time.Parse("2006-01-02", c.CloseDate)
	if err != nil {
		return err
	}
	last := closeDate
	if today := calendar.Day(s.today); today.Before(last) {
		last = today.AddDate(0, 0, -1)
	}
	span := int(last.Sub(open).Hours()/24) - 1
	all := append(append([]demoComment{}, rows...), campaign...)
	var latest time.Time
	for i, r := range all {
		d := open.AddDate(0, 0, 1+i*max(span, 0)/len(all))
		if d.After(latest) {
			latest = d
		}
		w.Write([]string{r.commenter, date(d), r.category, r.channel, r.clause, r.body}) //nolint:errcheck
	}
	w.Flush()
	imported := s.tl.cal.AddWorkdays(latest, 1)
	if !closeDate.After(calendar.Day(s.today)) {
		imported = s.tl.cal.AddWorkdays(closeDate, 1)
	}
	if imported.After(calendar.Day(s.today)) {
		imported = s.tl.workday(-1)
	}
	s.tl.set(officeTime(imported, 10*60+30, c.PolicyTitle+"import"))
	req := core.ImportRequest{ConsultationID: c.ID, FileName: "意见汇总表.csv"}
	paths, err := s.consultations.CommentImportClauses(s.ctx, c.ID)
	if err != nil {
		return err
	}
	file, err := intake.ReadComments(req, buf.Bytes(), paths, s.today)
	if err == nil {
		err = file.Err()
	}
	if err == nil {
		_, err = s.consultations.ImportComments(s.ctx, c.ID, file.File(), file.Rows, nil)
	}
	if err != nil {
		return fmt.Errorf("seed comments of %s: %w", c.PolicyTitle, err)
	}
	return nil
}

// decide records the drafting section's decisions after the period closed, a few minutes apart over the
// following working days: the campaign's groups as one (when given), then each comment with its own
// decision. It returns when the last decision was made.
func (s demoSeeder) decide(c core.Consultation, rows []demoComment, campaign *core.Decision) (time.Time, error) {
	closeDate, err := time.Parse("2006-01-02", c.CloseDate)
	if err != nil {
		return time.Time{}, err
	}
	when := officeTime(s.tl.cal.AddWorkdays(closeDate, 2), 9*60+40, c.PolicyTitle+"decide")
	next := func(key string) {
		when = s.tl.later(when, 8+jitter(key, 25))
		s.tl.set(when)
	}
	if campaign != nil {
		groups, err := s.consultations.Groups(s.ctx, c.ID)
		if err != nil {
			return when, err
		}
		for _, g := range groups {
			if g.Count < 2 || !strings.Contains(g.Representative.Body, "滨江老街") {
				continue
			}
			next(fmt.Sprint("group", g.ID))
			d := *campaign
			d.GroupID = g.ID
			if _, err := s.consultations.Decide(s.ctx, d); err != nil {
				return when, err
			}
		}
	}
	page, err := s.consultations.Comments(s.ctx, core.CommentFilter{ConsultationID: c.ID, Decision: "undecided", Limit: 500})
	if err != nil {
		return when, err
	}
	answer := map[string]demoComment{}
	for _, r := range rows {
		if r.decision != "" {
			answer[r.body] = r
		}
	}
	for _, cm := range page.Comments {
		r, ok := answer[cm.Body]
		if !ok {
			continue
		}
		next(cm.Body)
		if _, err := s.consultations.Decide(s.ctx, core.Decision{CommentID: cm.ID, Decision: r.decision, Reason: r.reason, Response: r.response}); err != nil {
			return when, err
		}
	}
	return when, nil
}

// addVersion reads a version's text as the policy service does and stores it.
func addVersion(ctx context.Context, policies core.PolicyStore, in core.VersionInput) (core.PolicyVersion, error) {
	text, err := intake.ReadVersion(in)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return policies.AddVersion(ctx, in, text)
}
