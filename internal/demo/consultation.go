package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"time"

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
第十一条 本办法自2027年1月1日起施行，有效期五年。
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
第八条 本规定自2026年10月1日起施行。
`

// demoComment is one row of a demo comment sheet.
type demoComment struct {
	commenter, category, channel, clause, body string
}

var elevatorComments = []demoComment{
	{"陈先生", "个人", "网站", "第五条", "建议降低同意比例，目前四分之三的比例太高，老旧小区很难达到。"},
	{"刘女士", "个人", "电子邮件", "第七条", "底层住户的补偿标准应当明确，建议写入办法。"},
	{"临江市电梯工程有限公司", "企业", "座谈会", "第九条", "建议将审批时限压缩到十个工作日。"},
	{"周老师", "专家", "网站", "第六条", "电梯井道与消防车道的间距建议引用具体的国家标准条文。"},
	{"何先生", "个人", "网站", "", "支持出台办法，希望尽快实施。"},
	{"临江市老龄协会", "行业协会", "信函", "第一条", "建议将“方便老年人出行”作为首要目标写入第一条。"},
}

// renewalCampaign is a comment many residents of the same neighbourhood sent with small changes.
const renewalCampaign = "我们是滨江老街的居民，坚决反对拆除滨江老街历史建筑，建议第六条明确历史文化街区内禁止拆除重建，只能采取微改造方式。"

var renewalComments = []demoComment{
	{"临江城建集团", "企业", "座谈会", "第十一条", "建议土地出让价款分期缴纳的期限延长至三年，减轻企业资金压力。"},
	{"临江市房地产业协会", "行业协会", "电子邮件", "第八条", "拆除重建三分之二同意的比例偏高，建议与国家规定衔接。"},
	{"江南置业有限公司", "企业", "座谈会", "第十条", "新型产业用地补缴地价的计算规则应当明确，建议附具体测算办法。"},
	{"林教授", "专家", "电子邮件", "第五条", "更新单元规划应当明确公共空间的最低比例，建议不低于百分之十五。"},
	{"市人大代表王某", "人大代表", "信函", "第十二条", "专项资金规模和来源应当明确，建议列入年度财政预算。"},
	{"区住建局", "政府部门", "信函", "第九条", "建议增加的建筑面积优先用于保障性租赁住房，并明确配建比例。"},
	{"赵先生", "个人", "网站", "第二条", "综合整治的内容应当包括加装电梯、停车设施改造。"},
	{"孙女士", "个人", "网站", "第六条", "希望保留老街的梧桐树和石板路。"},
	{"吴先生", "个人", "网站", "", "城市更新过程中应当保障租户的权益，给予合理的搬迁过渡期。"},
	{"郑女士", "个人", "电子邮件", "第七条", "市场主体实施的项目应当公开招标，防止利益输送。"},
	{"冯先生", "个人", "网站", "第三条", "公众参与应当贯穿规划编制和实施全过程，建议规定听证程序。"},
	{"陈女士", "个人", "网站", "", "建议更新项目完成后进行效果评估并向社会公布。"},
	{"褚先生", "个人", "网站", "第十三条", "建议设置过渡期，发布之日起三十日后施行。"},
	{"卫女士", "个人", "网站", "", "小区周边菜市场改造时要保证居民日常买菜方便。"},
	{"蒋先生", "个人", "电子邮件", "第四条", "专项规划应当每五年评估一次，根据实施情况调整。"},
	{"沈女士", "个人", "网站", "", "我家楼下的路灯坏了很久，希望尽快修好。"},
	{"韩先生", "个人", "网站", "第八条", "同意比例应当同时满足面积和人数两个条件，建议写清楚。"},
	{"杨先生", "个人", "网站", "第十条", "工业用地转型时应当保留一定比例的产业空间，防止全部变成住宅。"},
	{"临江市规划设计研究院", "专家学者", "座谈会", "第五条", "建议在更新单元规划中增加海绵城市和绿色建筑的要求。"},
	{"朱先生", "个人", "网站", "", "建议城市更新项目信息在政府网站集中公开，方便查询。"},
}

var registrationComments = []demoComment{
	{"临江农商银行", "企业", "座谈会", "第四条", "抵押登记一个工作日办结很好，建议同步推行抵押登记线上办理。"},
	{"李先生", "个人", "网站", "第五条", "交房即交证应当明确开发企业未按期办证的责任。"},
	{"市律师协会", "行业协会", "电子邮件", "第七条", "利害关系人查询的范围应当明确，避免泄露个人信息。"},
	{"王女士", "个人", "网站", "", "希望登记大厅延长周末服务时间。"},
	{"张先生", "个人", "网站", "第三条", "网上办理的系统应当支持手机端操作。"},
}

// SeedConsultations adds the 征求意见 demo: three draft policies of the bureau, one consultation open now,
// one closed with about 40 comments (near-duplicates grouped, some decided, some waiting) and one closed
// whose 意见收集采纳情况说明 has been published. Dates are relative to the clock. Call it right after Seed.
func SeedConsultations(ctx context.Context, settings core.SettingsStore, policies core.PolicyStore, consultations core.ConsultationStore,
	interps core.InterpretationStore, clock core.Clock) error {
	sections, err := settings.Sections(ctx)
	if err != nil {
		return err
	}
	people, err := settings.People(ctx)
	if err != nil {
		return err
	}
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
	today := clock.Now().In(core.Shanghai)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format("2006-01-02") }
	seed := demoSeeder{ctx: ctx, policies: policies, consultations: consultations, today: today}

	// Open now: opened ten days ago, closing on the earliest lawful date.
	elevator, err := seed.policy(core.Policy{Title: "临江市既有住宅增设电梯规划管理办法(征求意见稿)", Category: "规范性文件",
		SectionID: sectionID("空间规划组"), DrafterID: personID("孙佳怡"), Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条、第二十条"}, elevatorDraft, day(-11))
	if err != nil {
		return err
	}
	open, err := seed.consultation(elevator, day(-10), []string{"网站", "电子邮件", "信函", "座谈会"},
		"市规划和自然资源局空间规划组，电话0571-8801 2322，电子邮箱ghzy_zqyj@linjiang.gov.cn，通信地址临江市滨江大道188号")
	if err != nil {
		return err
	}
	if err := seed.comments(open, elevatorComments, nil, day(-9)); err != nil {
		return err
	}

	// Closed with about forty comments, a campaign among them; part decided.
	renewal, err := seed.policy(core.Policy{Title: "临江市城市更新实施办法(征求意见稿)", Category: "重大行政决策",
		SectionID: sectionID("开发利用组"), DrafterID: personID("许文博"), Disclosure: "主动公开",
		DisclosureBasis: "《重大行政决策程序暂行条例》第十四条", EnterpriseRelated: true}, renewalDraft, day(-46))
	if err != nil {
		return err
	}
	closed, err := seed.consultation(renewal, day(-45), []string{"网站", "电子邮件", "信函", "座谈会"},
		"市规划和自然资源局开发利用组，电话0571-8801 2342，电子邮箱ghzy_csgx@linjiang.gov.cn")
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
		campaign = append(campaign, demoComment{sign, "个人", "网站", "第六条", body})
	}
	if err := seed.comments(closed, renewalComments, campaign, day(-40)); err != nil {
		return err
	}
	if err := seed.decideRenewal(closed); err != nil {
		return err
	}

	// Closed long ago, every comment answered, the report published.
	registration, err := seed.policy(core.Policy{Title: "临江市不动产登记若干规定(征求意见稿)", Category: "规范性文件",
		SectionID: sectionID("确权登记组"), DrafterID: personID("杨帆"), Disclosure: "主动公开",
		DisclosureBasis: "《中华人民共和国政府信息公开条例》第十九条", EnterpriseRelated: true}, registrationDraft, day(-91))
	if err != nil {
		return err
	}
	done, err := seed.consultation(registration, day(-90), []string{"网站", "电子邮件", "座谈会"},
		"市规划和自然资源局确权登记组，电话0571-8801 2352")
	if err != nil {
		return err
	}
	if err := seed.comments(done, registrationComments, nil, day(-85)); err != nil {
		return err
	}
	if err := seed.decideAll(done); err != nil {
		return err
	}
	if _, err := consultations.Report(ctx, done.ID); err != nil {
		return err
	}
	closeDate, err := time.ParseInLocation("2006-01-02", done.CloseDate, core.Shanghai)
	if err != nil {
		return err
	}
	signers, err := newInterpSeeder(ctx, settings, policies, interps, clock)
	if err != nil {
		return err
	}
	if err := signers.approve(core.SubjectReport, done.ID, "刘芳"); err != nil {
		return fmt.Errorf("sign off demo report: %w", err)
	}
	if _, err := consultations.PublishReport(ctx, core.ReportPublication{ConsultationID: done.ID, PublishedDate: closeDate.AddDate(0, 0, 9).Format("2006-01-02"),
		PublishedURL: "https://ghzy.linjiang.gov.cn/hdjl/zjdc/202609/t20260915_1.html"}); err != nil {
		return fmt.Errorf("publish demo report: %w", err)
	}
	// SeedInterpretations drafts this policy's interpretations and then sends it to 审签 (同步起草).
	return nil
}

type demoSeeder struct {
	ctx           context.Context
	policies      core.PolicyStore
	consultations core.ConsultationStore
	today         time.Time
}

func (s demoSeeder) policy(p core.Policy, text, date string) (core.Policy, error) {
	saved, err := s.policies.SavePolicy(s.ctx, p)
	if err != nil {
		return saved, fmt.Errorf("seed policy %s: %w", p.Title, err)
	}
	if _, err := addVersion(s.ctx, s.policies, core.VersionInput{PolicyID: saved.ID, Kind: "征求意见稿", VersionDate: date, FileName: "征求意见稿.txt", Text: text}); err != nil {
		return saved, fmt.Errorf("seed draft of %s: %w", p.Title, err)
	}
	return saved, nil
}

// consultation opens a consultation closing on the earliest lawful date.
func (s demoSeeder) consultation(p core.Policy, open string, channels []string, contact string) (core.Consultation, error) {
	pc, err := s.consultations.CheckPeriod(s.ctx, open, "")
	if err != nil {
		return core.Consultation{}, err
	}
	c, err := s.consultations.SaveConsultation(s.ctx, core.Consultation{PolicyID: p.ID, OpenDate: open, CloseDate: pc.EarliestClose,
		Channels: channels, Contact: contact, Explanation: "起草说明：为落实上级部署，结合本市实际起草本文件，主要内容包括适用范围、基本原则、办理程序和保障措施。"})
	if err != nil {
		return c, fmt.Errorf("seed consultation of %s: %w", p.Title, err)
	}
	return c, nil
}

// comments imports the rows as a comment sheet would arrive, one day apart from start.
func (s demoSeeder) comments(c core.Consultation, rows, campaign []demoComment, start string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"提交人", "提交时间", "类别", "反馈渠道", "涉及条款", "意见内容"}) //nolint:errcheck // bytes.Buffer
	first, err := time.Parse("2006-01-02", start)
	if err != nil {
		return err
	}
	all := append(append([]demoComment{}, rows...), campaign...)
	for i, r := range all {
		w.Write([]string{r.commenter, first.AddDate(0, 0, i%25).Format("2006-01-02"), r.category, r.channel, r.clause, r.body}) //nolint:errcheck
	}
	w.Flush()
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
		_, err = s.consultations.ImportComments(s.ctx, c.ID, file.File(), file.Rows)
	}
	if err != nil {
		return fmt.Errorf("seed comments of %s: %w", c.PolicyTitle, err)
	}
	return nil
}

// decideRenewal answers the campaign and part of the other comments, leaving the rest for the demo user.
func (s demoSeeder) decideRenewal(c core.Consultation) error {
	groups, err := s.consultations.Groups(s.ctx, c.ID)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if _, err := s.consultations.Decide(s.ctx, core.Decision{GroupID: g.ID, Decision: core.DecisionPartly,
			Reason:   "历史文化街区内以保护为前提，但对不具备保留价值的危旧房仍需依法拆除重建",
			Response: "已在第六条增加“历史文化街区内原则上不得拆除重建”的规定。"}); err != nil {
			return err
		}
	}
	page, err := s.consultations.Comments(s.ctx, core.CommentFilter{ConsultationID: c.ID, Decision: "undecided", Limit: 500})
	if err != nil {
		return err
	}
	for i, cm := range page.Comments {
		if i >= 12 {
			break // the rest waits for a decision, so the dashboard has something to show
		}
		d := renewalAnswer(cm)
		d.CommentID = cm.ID
		if _, err := s.consultations.Decide(s.ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// renewalAnswer is how the drafting section answers a comment on the 城市更新 draft.
func renewalAnswer(c core.Comment) core.Decision {
	switch {
	case strings.Contains(c.Body, "路灯") || strings.Contains(c.Body, "菜市场"):
		return core.Decision{Decision: core.DecisionOutOfScope, Reason: "属于市政设施日常管理事项，不在本办法调整范围", Response: "已转交市城市管理局办理。"}
	case c.Category == "企业" || c.Category == "行业协会商会":
		return core.Decision{Decision: core.DecisionPartly, Reason: "分期缴纳期限和同意比例须与国家和省有关规定衔接", Response: "已在相应条款中作原则性规定，具体办法另行制定。"}
	case len(c.Clauses) == 0:
		return core.Decision{Decision: core.DecisionRejected, Reason: "相关内容已由其他规定予以明确", Response: "感谢您的意见。"}
	default:
		_, article, _ := strings.Cut(c.Clauses[0], "/")
		return core.Decision{Decision: core.DecisionAdopted, Response: "已采纳，并相应修改" + article + "。"}
	}
}

func (s demoSeeder) decideAll(c core.Consultation) error {
	page, err := s.consultations.Comments(s.ctx, core.CommentFilter{ConsultationID: c.ID, Limit: 500})
	if err != nil {
		return err
	}
	for i, cm := range page.Comments {
		d := core.Decision{CommentID: cm.ID, Decision: core.DecisionAdopted, Response: "已采纳。"}
		if i%2 == 1 {
			d = core.Decision{CommentID: cm.ID, Decision: core.DecisionPartly, Reason: "部分内容已有其他规定", Response: "已部分吸收。"}
		}
		if _, err := s.consultations.Decide(s.ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// addVersion reads a version's text as the policy service does and stores it.
func addVersion(ctx context.Context, policies core.PolicyStore, in core.VersionInput) (core.PolicyVersion, error) {
	text, err := intake.ReadVersion(in)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return policies.AddVersion(ctx, in, text)
}
