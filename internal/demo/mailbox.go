package demo

import (
	"context"
	"fmt"
	"sort"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/routing"
	"policydesk/internal/segment"
	"policydesk/internal/sqlite"
)

// demoTopic is a routing topic of the demo bureau with the words staff associate with it.
type demoTopic struct {
	name, section string
	keywords      []string
}

var mailboxTopics = []demoTopic{
	{"不动产登记", "确权登记组", []string{"不动产", "产权证", "房产证", "过户", "抵押登记", "预告登记", "登记中心"}},
	{"国土空间规划", "空间规划组", []string{"规划", "控规", "容积率", "用地性质", "规划调整", "规划许可"}},
	{"城市更新", "开发利用组", []string{"城市更新", "旧改", "城中村", "老旧小区", "改造"}},
	{"违法用地举报", "执法监察支队", []string{"违建", "违法用地", "违章建筑", "私搭乱建", "非法占地", "违法建设"}},
	{"征地拆迁补偿", "用途管制组", []string{"征地", "征收", "补偿款", "安置", "补偿标准", "拆迁"}},
	{"耕地保护", "耕地保护组", []string{"耕地", "基本农田", "复垦", "撂荒", "农田", "占用耕地"}},
	{"其他", "综合组", nil},
}

var mailboxTemplates = []core.ReplyTemplate{
	{Name: "通用答复", Body: "{称呼}：\n您好！您于{收件日期}通过局长信箱反映的问题已收悉。经{承办科室}调查核实，现答复如下：\n\n（答复正文）\n\n如有疑问，请在工作日致电{联系电话}咨询。感谢您对自然资源工作的关心和支持！"},
	{Name: "咨询类答复", Type: "咨询", Body: "{称呼}：\n您好！您于{收件日期}的咨询已收悉，{承办科室}答复如下：\n\n（办理条件、所需材料、办理地点和时限）\n\n具体事项可致电{联系电话}，或登录我局门户网站“办事指南”栏目查询。"},
	{Name: "转办告知", Body: "{称呼}：\n您好！您于{收件日期}反映的问题不属于我局职责范围。根据有关规定，建议您向（有权处理的单位）反映，联系电话：（电话）。\n感谢您的理解与支持！"},
}

// Message fates in the demo, from untouched to published.
const (
	fatePending   = "pending"   // waits in 待分办 (or stays where the matcher put it)
	fateHandling  = "handling"  // routed (by hand when needed) and given to a handler
	fateStopped   = "stopped"   // handling, clock stopped for missing material
	fateReview    = "review"    // reply waiting for sign-off
	fateReplied   = "replied"   // reply signed off
	fatePublished = "published" // reply signed off and published
	fateForwarded = "forwarded" // 转办
)

// demoMessage is one citizen's message and what the office did with it. age is how many working days ago
// it arrived; replyAfter is how many working days later the reply was signed off.
type demoMessage struct {
	topic, channel, sender, phone, subject, body string
	agree                                        bool
	age, hour                                    int
	fate                                         string
	replyAfter                                   int
	answer                                       string
}

var mailboxMessages = []demoMessage{
	// 不动产登记
	{"不动产登记", "网站", "张伟", "13805712345", "二手房过户需要哪些材料", "请问买二手房办理不动产转移登记，买卖双方需要带哪些材料？是否需要提前在网上预约？", true, 38, 9, fatePublished, 2, "二手房转移登记需买卖双方携带身份证件、不动产权证书、买卖合同及完税凭证，可通过“临江不动产”公众号预约，也可现场取号。"},
	{"不动产登记", "网站", "李娜", "13906583321", "不动产权证书遗失如何补办", "我家的房产证搬家时丢了，请问补办不动产权证书要登报吗？多久能拿到新证？", true, 35, 15, fatePublished, 1, "证书遗失的，权利人可申请补发，登记机构在门户网站发布遗失声明，15个工作日后无异议即予补发，无需另行登报。"},
	{"不动产登记", "电话", "王秀英", "", "抵押登记注销", "房贷已经还清，银行说要去登记中心办抵押注销，请问我本人可以单独去办吗？", false, 30, 10, fateReplied, 3, "抵押权注销登记原则上由抵押权人申请，目前多数银行已开通线上注销，您可联系贷款银行通过“银行+不动产”平台办理。"},
	{"不动产登记", "网站", "陈建华", "13758901122", "新房交房三年还没办出产权证", "滨江锦园小区{Y-3}年交房，至今开发商没有办理首次登记，业主都拿不到产权证，请问局里能否督促？", true, 26, 14, fatePublished, 3, "经核查，该项目因竣工验收备案材料不全未能办理首次登记，我局已约谈开发企业，督促其于本年底前补齐材料。"},
	{"不动产登记", "12345转办", "刘洋", "13656781234", "登记窗口排队时间太长", "周一上午去市民服务中心办登记，排了两个多小时，建议增加窗口或者开通更多线上业务。", false, 18, 11, fateReplied, 2, "感谢您的建议。我局已在周一、周五高峰时段增开两个综合窗口，并将于下月开通抵押登记全程网办。"},
	{"不动产登记", "网站", "赵敏", "", "继承房产怎么办理登记", "父亲去世后留下一套房子，兄妹三人如何办理继承登记？需要公证吗？", true, 2, 16, fateReview, 2, "继承登记可凭继承权公证书办理，也可由全部法定继承人到场签署继承协议后申请，无需必须公证。"},
	{"不动产登记", "电子邮件", "孙丽", "", "预告登记能否撤销", "咨询一下，购买的期房已经做了预告登记，现在双方协商解除合同，预告登记怎么撤销？", false, 2, 10, fateHandling, 0, ""},
	{"不动产登记", "网站", "周强", "13812340987", "", "请问不动产登记中心周六上班吗？上班族平时没时间去。", false, 0, 9, fatePending, 0, ""},

	// 国土空间规划
	{"国土空间规划", "网站", "吴海峰", "13967894561", "东湖片区控规调整是否公示", "听说东湖片区控规要调整，原来规划的学校用地改成商业用地，请问规划调整有没有公示？在哪里可以看到？", true, 40, 9, fatePublished, 3, "东湖片区控制性详细规划修改方案已在我局门户网站“规划公示”栏目公示30日，学校用地未作调整。"},
	{"国土空间规划", "信件", "郑国平", "", "建议增加社区公园", "城北新区小区越来越多，但周边没有一个像样的公园，建议在规划中增加社区公园和健身场地，希望采纳。", true, 33, 14, fateReplied, 2, "您的建议已转空间规划组研究，城北片区详细规划编制中已预留两处社区公园用地，将在规划公示时一并征求意见。"},
	{"国土空间规划", "网站", "黄丽华", "13588776655", "小区旁边要建高楼影响采光", "我们小区南面空地据说要建32层住宅，容积率是不是超标了？会严重影响我们的采光。", false, 21, 20, fateReplied, 4, "经核查，该地块规划容积率为2.8，建设方案已通过日照分析审查，满足住宅日照标准。规划许可批前公示期间可提出意见。"},
	{"国土空间规划", "网站", "许文静", "", "", "请问国土空间总体规划什么时候公布？想了解我们村以后是否在城镇开发边界内。", false, 3, 9, fateReview, 3, "《临江市国土空间总体规划(2021—2035年)》已经省政府批复，全文将于近期在我局网站公布，届时可查询城镇开发边界范围。"},
	{"国土空间规划", "12345转办", "林涛", "13700001111", "规划道路多年未修", "滨江路东延段规划了十几年一直没修，请问有没有建设计划？", false, 29, 10, fateReplied, 3, "滨江路东延段已列入市政道路建设计划，目前正在开展初步设计，具体开工时间以市建设主管部门公布为准。"},
	{"国土空间规划", "网站", "方芳", "", "规划许可信息查询", "如何查询某个项目是否取得建设工程规划许可证？", false, 1, 15, fatePending, 0, ""},

	// 城市更新
	{"城市更新", "网站", "马德明", "13612349876", "老旧小区改造什么时候轮到我们", "望江苑小区建于上世纪九十年代，管网老化，外墙脱落，请问什么时候能纳入老旧小区改造计划？", true, 36, 10, fatePublished, 2, "望江苑小区已列入明年老旧小区改造计划，改造内容包括雨污分流、外墙修缮和加装电梯，届时将征求居民意见。"},
	{"城市更新", "电话", "钱文", "", "城中村改造补偿方案", "石桥村城中村改造的补偿方案什么时候公布？村民很关心。", false, 28, 9, fateReplied, 3, "石桥村改造项目目前处于前期调查阶段，补偿安置方案拟订后将在村内公示并召开听证会，充分听取村民意见。"},
	{"城市更新", "网站", "冯雪", "13966665555", "旧改项目施工扰民", "老城区旧改项目晚上十点以后还在施工，噪音很大，投诉多次没人管，希望加强监管。", false, 15, 22, fateForwarded, 1, ""},
	{"城市更新", "网站", "何军", "", "更新单元划定", "请问城市更新单元是怎么划定的？我们街道有没有纳入？", false, 8, 11, fateStopped, 0, ""},
	{"城市更新", "电子邮件", "罗静", "", "", "建议城市更新中保留老街的历史风貌，不要全部拆了重建。", true, 3, 9, fateHandling, 0, ""},

	// 违法用地举报
	{"违法用地举报", "网站", "匿名", "", "举报河边违建厂房", "举报：城西村河道旁有人违法建设钢结构厂房，面积有上千平方米，已经快封顶了，请尽快查处。", false, 37, 8, fateReplied, 2, "接到举报后执法监察支队于次日到现场核查，该建筑未取得用地和规划手续，已下达责令停止违法行为通知书并立案查处。"},
	{"违法用地举报", "12345转办", "汪先生", "13857124680", "小区楼顶违章建筑", "锦绣花园8栋顶楼住户私搭乱建玻璃房，存在安全隐患，举报多次无果。", false, 31, 16, fateForwarded, 1, ""},
	{"违法用地举报", "网站", "匿名", "", "非法占地建停车场", "东湖村有人非法占用集体土地建停车场收费，这种违法用地行为谁来管？", true, 24, 10, fatePublished, 3, "经核查，该停车场占用集体建设用地未经批准，执法监察支队已依法立案，责令恢复土地原状。"},
	{"违法用地举报", "电话", "蒋师傅", "", "违建举报后一直没有处理", "上个月举报的违章建筑到现在还在施工，工作人员推诿说不归他们管，投诉相关人员不作为。", false, 14, 15, fateReplied, 3, "经调查，该违建位于城市建成区，属城管部门查处范围，我局已将线索移交并跟踪督办，对答复不规范的问题已提醒整改。"},
	{"违法用地举报", "网站", "匿名", "", "", "举报高新区工业园有企业未批先建，擅自扩建厂房。", false, 11, 14, fateReplied, 3, "执法监察支队现场核查确认该企业扩建厂房未取得用地批准，已立案查处并责令停止施工。"},
	{"违法用地举报", "电子邮件", "沈浩", "", "农村违建别墅", "举报南山村有人在山坡上违建别墅，占用了林地。", false, 2, 10, fateHandling, 0, ""},
	{"违法用地举报", "网站", "匿名", "", "违建已经开工", "江湾镇有人在路边违法建设两层门面房，今天已经开始浇筑。", false, 0, 11, fatePending, 0, ""},

	// 征地拆迁补偿
	{"征地拆迁补偿", "信件", "王师傅", "", "征地补偿款一直没发", "我家的地{Y-1}年被征收，补偿款至今没有到位，村里说在走流程，请帮忙问一下到底什么时候发。", false, 39, 9, fateReplied, 3, "经核实，该批次征地补偿款已拨付至镇政府专户，因部分农户信息核对未完成暂未发放，镇政府承诺本月底前发放到位。"},
	{"征地拆迁补偿", "网站", "杨凡", "13855554444", "征地补偿标准", "请问我市现行的征地区片综合地价标准是多少？在哪里可以查到？", true, 34, 14, fatePublished, 1, "我市征地区片综合地价标准已由省政府批准公布，可在我局门户网站“政策文件”栏目查阅，各区片标准详见附表。"},
	{"征地拆迁补偿", "网站", "朱红梅", "", "安置房迟迟不交付", "{Y-4}年拆迁签的协议，说好两年交付安置房，现在已经超期一年多，投诉开发商和街道推诿。", false, 22, 10, fateReplied, 2, "该安置房项目已通过竣工验收，街道计划下月中旬组织选房交付，过渡期安置费将按协议继续发放。"},
	{"征地拆迁补偿", "12345转办", "胡建", "13711112222", "征收公告在哪里看", "我们村要征地了，征收土地预公告在哪里可以看到？", false, 2, 9, fateReview, 2, "征收土地预公告在拟征收土地所在的乡镇和村、村民小组范围内张贴公布，同时在我局门户网站发布，公告期不少于十个工作日。"},
	{"征地拆迁补偿", "网站", "郭丽", "", "", "求助：家中老人因征地失去土地，生活困难，社保怎么办理？请帮忙。", false, 5, 15, fateStopped, 0, ""},
	{"征地拆迁补偿", "电话", "唐伯", "", "补偿款分配不公", "村里的征地补偿款分配不公开，村干部亲属多拿，请求查处。", false, 33, 10, fateReplied, 3, "经核查，该村征地补偿款分配方案未经村民会议讨论，镇政府已责令村委会重新召开村民会议审议，并张榜公布分配结果。"},

	// 耕地保护
	{"耕地保护", "网站", "曹先生", "13644445555", "基本农田上挖塘养鱼", "举报：新桥镇有人在基本农田上挖塘养鱼，破坏耕地，希望尽快处理。", true, 32, 9, fatePublished, 3, "经核查，该地块确属永久基本农田，当事人已被责令限期恢复耕种条件，镇政府负责监督整改。"},
	{"耕地保护", "网站", "邓华", "", "撂荒地复耕补贴", "请问撂荒地复耕有没有补贴政策？怎么申请？", true, 25, 10, fateReplied, 2, "我市对撂荒耕地复耕复种给予每亩补助，由村集体汇总后向镇政府申报，具体标准可咨询所在镇农业服务中心。"},
	{"耕地保护", "电子邮件", "谢云", "", "耕地上建光伏", "有企业在村里耕地上建光伏板，这样合法吗？", false, 16, 14, fateReplied, 3, "光伏项目不得占用永久基本农田，占用一般耕地须依法办理手续。经核查该项目用地已办理设施农用地备案，我局将继续跟踪监管。"},
	{"耕地保护", "网站", "韩梅", "13677778888", "占补平衡指标", "咨询一下，耕地占补平衡指标交易在哪个平台进行？", false, 41, 10, fateReplied, 1, "耕地占补平衡指标统一在省自然资源厅指标交易平台交易，具体规则可在省厅门户网站查阅。"},
	{"耕地保护", "信件", "冯老汉", "", "农田被倒渣土", "我家承包的农田被人倒了很多建筑渣土，已经没法种了，求助有关部门帮忙处理。", false, 44, 9, fateReplied, 2, "执法监察支队会同镇政府到现场查看，已查明倾倒渣土的运输单位，责令其清运渣土并恢复耕作条件，镇政府负责跟踪落实。"},
	{"耕地保护", "网站", "匿名", "", "", "举报有人在耕地上建厂房，已经盖了一半。", false, 0, 14, fatePending, 0, ""},

	// 其他 and outside the remit
	{"其他", "网站", "宋先生", "13799990000", "物业乱收停车费", "小区物业今年起每月停车费涨到300元，没有经过业主大会，这个归谁管？", false, 29, 10, fateForwarded, 1, ""},
	{"其他", "电话", "程女士", "", "感谢登记窗口工作人员", "上周在登记大厅办事，杨帆同志耐心细致，帮我解决了多年的历史遗留问题，特此感谢！", true, 27, 15, fatePublished, 1, "感谢您对我局工作的肯定，我们将继续提升服务质量。"},
	{"其他", "网站", "邱明", "", "门户网站打不开", "局门户网站的政策文件栏目点进去一直报错，希望尽快修复。", false, 19, 9, fateReplied, 2, "经检查系服务器证书更新导致部分栏目无法访问，现已修复，感谢您的反馈。"},
	{"其他", "12345转办", "蔡女士", "", "噪音扰民", "楼下餐馆油烟和噪音严重，投诉过多次没有改善。", false, 13, 20, fateForwarded, 1, ""},
	{"其他", "网站", "潘伟", "", "", "希望局里多组织一些自然资源科普活动，带孩子参加。", true, 30, 10, fatePublished, 2, "我局每年在“世界地球日”“全国土地日”期间举办科普开放日，活动信息在门户网站和公众号提前发布，欢迎带孩子参加。"},
	{"其他", "网站", "袁芳", "", "", "请问局里的办公地址和上班时间？", false, 0, 11, fatePending, 0, ""},
	// Overdue and late cases the dashboard should flag.
	{"不动产登记", "网站", "董明", "13600009999", "抵押登记办理超时", "上周二提交的抵押登记到现在还没办结，承诺的是五个工作日，请问原因？", false, 4, 9, fateHandling, 0, ""},
	{"国土空间规划", "网站", "范立", "", "规划条件查询", "咨询某地块的规划条件，在哪里可以申请查询？", false, 5, 10, fateHandling, 0, ""},
	{"征地拆迁补偿", "网站", "石磊", "13722223333", "征收房屋评估不合理", "我家被征收房屋的评估价格明显低于市场价，投诉评估公司，请问如何申请复核？", false, 3, 14, fateReview, 3, "对评估结果有异议的，可在收到评估报告之日起十日内向评估机构申请复核评估，对复核结果仍有异议的可申请鉴定。"},
	{"城市更新", "网站", "姚丹", "", "加装电梯政策", "请问老旧小区加装电梯有没有补贴？需要全体业主同意吗？", true, 20, 9, fatePublished, 2, "老旧小区加装电梯每台补助20万元，须经本单元专有部分面积和人数均占三分之二以上的业主同意。"},
	{"耕地保护", "电话", "江伯", "", "高标准农田建设", "建议把我们村的农田纳入高标准农田建设，现在灌溉很困难。", true, 23, 10, fateReplied, 3, "您的建议已转农业农村部门，我局将在土地整治项目安排中统筹考虑该村的灌溉设施建设需求。"},
	{"违法用地举报", "网站", "匿名", "", "采石场越界开采", "举报青山采石场越界开采，破坏山体，晚上还在偷挖。", false, 17, 22, fateReplied, 3, "执法监察支队会同矿管部门现场核查，确认存在越界开采行为，已责令停产整改并立案处罚。"},
	{"不动产登记", "网站", "毛丽", "13844446666", "房屋面积与合同不符", "拿到的不动产权证面积比购房合同少了3平方米，请问如何处理？", false, 15, 11, fateReplied, 2, "房屋面积以实测为准，面积误差处理应依据购房合同约定与开发企业协商，协商不成可向住建部门投诉或诉讼。"},
	{"国土空间规划", "信件", "贺老师", "", "学校周边规划", "建议在规划中保留第三中学周边的绿地，不要建商业综合体，希望采纳。", true, 11, 9, fateReplied, 3, "东湖片区控规已明确第三中学周边地块为公园绿地，未规划商业用途。感谢您的建议。"},
	{"城市更新", "12345转办", "龚先生", "", "城中村改造进度", "请问南岸城中村改造项目现在进展到哪一步了？", false, 36, 15, fateReplied, 2, "南岸城中村改造项目已完成入户调查和房屋测绘，补偿安置方案正在拟订，拟订后将在村内公示并听取村民意见。"},
	{"征地拆迁补偿", "网站", "葛女士", "", "被征地农民社保", "被征地农民养老保险怎么参保？需要个人缴费吗？", true, 19, 10, fatePublished, 2, "被征地农民可按规定参加城乡居民或职工养老保险，政府从征地补偿中安排社会保障费用，个人按比例缴费。"},
	{"耕地保护", "网站", "匿名", "", "耕地上堆放建材", "举报北岗村有人长期在耕地上堆放钢材，已经好几年了。", true, 27, 16, fatePublished, 3, "经核查，北岗村该地块确属耕地，堆放钢材的企业已被责令十五日内清理完毕并恢复种植条件。"},
	{"其他", "网站", "鲁先生", "", "信访事项", "我的信访件一直没有结果，希望局长亲自过问。", false, 43, 10, fateReplied, 2, "局信访办已调阅您的信访卷宗，分管领导将在本月接待日当面听取您的意见，具体时间另行电话通知。"},
	{"违法用地举报", "电话", "匿名", "", "夜间偷挖沙土", "每天晚上有人在江边河滩上偷挖沙土，运输车很多，举报。", false, 0, 21, fatePending, 0, ""},
	{"不动产登记", "网站", "叶青", "13933335555", "公积金贷款抵押", "请问公积金贷款的抵押登记能和转移登记一起办吗？", true, 14, 9, fateReplied, 1, "可以。我市已实行转移登记与抵押登记“一窗受理、并联办理”，购房人与银行可同时提交申请。"},
	{"国土空间规划", "网站", "任杰", "", "", "想咨询村庄规划编制进度，我们村的村庄规划什么时候能出来？", false, 16, 10, fateReplied, 2, "您所在村的村庄规划已形成初步方案，近期将在村内公示30日，欢迎届时提出意见。"},
	{"城市更新", "网站", "万军", "13811119999", "老旧小区改造意见征集", "建议老旧小区改造时同步增加停车位和充电桩。", true, 24, 15, fateReplied, 2, "您的建议很有价值，我局已转相关改造实施单位，在方案设计中统筹考虑停车及充电设施。"},
	// Open ones that earlier answers and the published subsidy policy help to reply to.
	{"不动产登记", "网站", "金晓东", "13867781234", "卖二手房过户要准备什么", "准备把一套二手房卖掉，买卖双方去办过户登记分别要带什么材料？要不要先在网上预约？", false, 1, 10, fateHandling, 0, ""},
	{"城市更新", "电话", "陶阿姨", "", "电梯装好了补助怎么申请", "我们单元的电梯上个月刚装好投入使用，听说政府有财政补助，每台能补多少？申请补助要交哪些材料？", false, 2, 14, fateHandling, 0, ""},
	{"征地拆迁补偿", "网站", "黎建军", "", "征地补偿款什么时候到账", "村里的地去年就征收了，补偿款说是拨到镇里了，可到现在还没发到农户手上，请帮忙问问什么时候能发。", false, 1, 9, fateHandling, 0, ""},
	// Written as people write when they do not know whose business it is: the matcher is unsure of these
	// (its own confidence, below the routing threshold), so a person routes them.
	{"违法用地举报", "网站", "匿名", "", "", "村里有人把承包地上的大棚改成了房子住人，说是办了手续，这样到底合不合法？", false, 0, 10, fatePending, 0, ""},
	{"其他", "网站", "卢女士", "", "文件看不懂", "你们网站上新发的那个办法我看了好几遍没看懂，能不能找人解释一下对我们老百姓有什么影响？", false, 1, 16, fatePending, 0, ""},
	{"征地拆迁补偿", "电话", "邹大伯", "", "", "我们村的地被占了一部分修路，给的钱跟别的村不一样，找谁说理？", false, 0, 9, fatePending, 0, ""},
	{"国土空间规划", "网站", "史先生", "13877776666", "小区门口空地围起来了", "小区门口那块空地原来说是建公园，现在围起来了，是不是要盖楼？谁批的？", false, 2, 20, fateHandling, 0, ""},
	{"国土空间规划", "电子邮件", "严经理", "", "", "厂房想改成办公楼出租，需要办什么手续？", false, 12, 11, fateReplied, 2, "工业厂房改作办公属于改变土地用途和建筑使用功能，须先向我局申请调整规划条件，经批准后按规定补缴土地出让价款，再办理建设工程规划许可和不动产变更登记。"},
	{"违法用地举报", "网站", "匿名", "", "河道边堆土", "河道边上最近堆了很多土，不知道是谁弄的，有没有人管？", false, 1, 13, fateHandling, 0, ""},
	{"不动产登记", "电话", "柳阿姨", "", "", "家里老人走了，留下的房子不知道该找谁办，能不能告诉我先去哪里？", false, 9, 10, fateReplied, 2, "老人名下房屋可办理继承登记：全体继承人可持死亡证明、亲属关系证明和不动产权证书到不动产登记中心申请，也可先办理继承权公证。"},
	{"征地拆迁补偿", "网站", "魏先生", "", "到底拆不拆", "我们这片说要拆好几年了，到底拆不拆，什么时候有准信？", false, 6, 21, fateReplied, 3, "经查，您所在片区目前未列入征收计划，也未发布征收预公告；今后如启动征收，将依法发布公告并征求被征收人意见。"},
	{"耕地保护", "网站", "匿名", "", "", "地里的庄稼被挖掉了一大片，说是要修东西，也没人跟我们讲。", false, 1, 8, fateHandling, 0, ""},
	{"国土空间规划", "网站", "孔女士", "", "门面房", "买的临街门面能不能改成住人？", false, 7, 12, fateReplied, 2, "商业用途的门面房改为住宅属于改变规划用途，须符合控制性详细规划并经批准，目前该片区规划未允许商业改住宅，暂不能办理。"},
}

// mailboxStep is one thing done to a demo message at a moment.
type mailboxStep struct {
	at  time.Time
	seq int // keeps a message's own steps in order when they share a moment
	do  func() error
}

// SeedMailbox fills the 局长信箱 with ~7 topics of a 规划和自然资源局, 3 reply templates and about sixty
// messages received over the last two months, in every state: routed and unrouted, answered on time and
// late, overdue, clock stopped, forwarded and published. Everything goes through the store, so each step is
// validated, dated and audited; the database clock is stepped through the two months while seeding and
// restored afterwards. Call it after Seed, before the trained matcher is installed. Each message is matched on
// arrival as the app matches it (historyMatcher), so its highlighted words and confidences are real.
func SeedMailbox(ctx context.Context, db *sqlite.DB, settings core.SettingsStore, store *sqlite.MailboxStore, cal func() *calendar.Calendar) error {
	sections, people, err := directory(ctx, settings)
	if err != nil {
		return err
	}
	realClock := db.Clock
	clock := core.NewFixedClock(realClock.Now())
	db.Clock = clock
	defer func() { db.Clock = realClock }()
	now := clock.Now().In(core.Shanghai)
	// the office set the 局长信箱 up (topics, templates, last year's messages as routing history) two months
	// before the first message below
	setup := officeTime(cal().AddWorkdays(calendar.Day(now), -48), 14*60+30, "mailbox setup")
	clock.Set(setup)

	topicIDs := map[string]int64{}
	for _, t := range mailboxTopics {
		kws := make([]core.TopicKeyword, 0, len(t.keywords))
		for _, w := range t.keywords {
			kws = append(kws, core.TopicKeyword{Word: w, Weight: 1})
		}
		saved, err := store.SaveTopic(ctx, core.TopicRecord{Name: t.name, SectionID: sections[t.section], Keywords: kws, Active: true,
			Description: "承办科室：" + t.section})
		if err != nil {
			return fmt.Errorf("seed topic %s: %w", t.name, err)
		}
		topicIDs[t.name] = saved.ID
	}
	for _, t := range mailboxTemplates {
		if _, err := store.SaveReplyTemplate(ctx, t); err != nil {
			return fmt.Errorf("seed template %s: %w", t.Name, err)
		}
	}
	clock.Set(setup.Add(25 * time.Minute))
	if err := importHistory(ctx, db); err != nil {
		return err
	}
	matcher, err := historyMatcher(ctx, store)
	if err != nil {
		return err
	}
	steps := mailboxSteps(ctx, settings, store, matcher, cal(), now, topicIDs, people)
	sort.SliceStable(steps, func(i, j int) bool {
		if !steps[i].at.Equal(steps[j].at) {
			return steps[i].at.Before(steps[j].at)
		}
		return steps[i].seq < steps[j].seq
	})
	for _, s := range steps {
		clock.Set(s.at)
		if err := s.do(); err != nil {
			return fmt.Errorf("seed mailbox at %s: %w", s.at.Format("2006-01-02 15:04"), err)
		}
	}
	return nil
}

// directory maps section and person names to ids.
func directory(ctx context.Context, settings core.SettingsStore) (map[string]int64, map[string]core.Person, error) {
	secs, err := settings.Sections(ctx)
	if err != nil {
		return nil, nil, err
	}
	sections := map[string]int64{}
	for _, s := range secs {
		sections[s.Name] = s.ID
	}
	list, err := settings.People(ctx)
	if err != nil {
		return nil, nil, err
	}
	people := map[string]core.Person{}
	for _, p := range list {
		people[p.Name] = p
	}
	return sections, people, nil
}

// handlers are who handles and who signs off in each section of the demo bureau: a 承办人员 where the section
// has one; in the planning and land-use sections (only 起草人员 besides the head, who may not answer
// messages) the head answers and the 分管领导 signs off.
var handlers = map[string][2]string{
	"确权登记组": {"杨帆", "刘芳"}, "空间规划组": {"赵志强", "张卫东"}, "开发利用组": {"郑海涛", "张卫东"},
	"执法监察支队": {"罗斌", "高峰"}, "用途管制组": {"吴婷", "黄国栋"}, "耕地保护组": {"何静", "马立新"}, "综合组": {"林雨桐", "陈晓静"},
}

// forwardTargets say where messages outside the bureau's remit were sent.
var forwardTargets = []string{"市住房和城乡建设局", "市综合行政执法局", "市生态环境局"}

func mailboxSteps(ctx context.Context, settings core.SettingsStore, store *sqlite.MailboxStore, matcher core.TopicMatcher, cal *calendar.Calendar, now time.Time,
	topicIDs map[string]int64, people map[string]core.Person) []mailboxStep {
	tl := &timeline{cal: cal, now: now, today: calendar.Day(now)}
	year := now.Year()
	var steps []mailboxStep
	for i, dm := range mailboxMessages {
		dm := dm
		dm.body, dm.answer = withYears(dm.body, year), withYears(dm.answer, year)
		key := fmt.Sprint("message", i)
		// a message arrives whenever its sender writes; staff act on it in office hours
		receivedDay := cal.AddWorkdays(tl.today, -dm.age)
		received := at(receivedDay, dm.hour*60+jitter(key, 60))
		if received.After(now) {
			received = now.Add(-time.Duration(i+1) * time.Minute)
		}
		var id int64
		section := ""
		for _, t := range mailboxTopics {
			if t.name == dm.topic {
				section = t.section
			}
		}
		handler, approver := people[handlers[section][0]], people[handlers[section][1]]
		add := func(at time.Time, do func() error) {
			if at.After(now) {
				at = now // nothing happens in the future, however the offsets fall
			}
			steps = append(steps, mailboxStep{at: at, seq: len(steps), do: do})
		}
		// onDay is a working moment on the n-th working day after receipt, after the moment before.
		onDay := func(n, minutes int, after time.Time, what string) time.Time {
			t := officeTime(cal.AddWorkdays(receivedDay, n), minutes, key+what)
			if !t.After(after) {
				t = tl.later(after, 25+jitter(key+what, 60))
			}
			return t
		}
		add(received, func() error {
			in := core.MessageInput{Channel: dm.channel, ReceivedAt: received.Format(time.RFC3339),
				SenderName: dm.sender, SenderPhone: dm.phone, Subject: dm.subject, Body: dm.body, AgreePublish: dm.agree}
			// matched on arrival by the trained matcher: what it is sure of is routed, the rest waits in 待分办
			m, err := store.CreateMessage(ctx, in, mailbox.Match(matcher, in))
			id = m.ID
			return err
		})
		if dm.fate == fatePending {
			continue
		}
		routedAt := tl.later(received, 15+jitter(key+"route", 50))
		add(routedAt, func() error {
			m, err := store.Message(ctx, id)
			if err != nil {
				return err
			}
			if dm.fate == fateForwarded {
				return nil
			}
			if m.Message.State == core.MsgPending || m.Message.TopicID != topicIDs[dm.topic] {
				if _, err := store.Reroute(ctx, core.RerouteInput{MessageID: id, TopicID: topicIDs[dm.topic], Reason: "按职责分办"}); err != nil {
					return err
				}
			}
			_, err = store.Assign(ctx, id, handler.ID)
			return err
		})
		switch dm.fate {
		case fateForwarded:
			forwarded := onDay(max(dm.replyAfter-1, 0), 14*60, routedAt, "forward")
			target := forwardTargets[i%len(forwardTargets)]
			approved := tl.later(forwarded, 40+jitter(key+"fwd", 90))
			// the 转办告知 is reviewed like any reply, then the message is turned over
			add(forwarded, func() error {
				note, err := lateNote(ctx, store, id, approved, i)
				if err != nil {
					return err
				}
				_, err = store.Forward(ctx, core.ForwardInput{MessageID: id, ForwardTo: target, ApproverID: approver.ID, LateNote: note,
					Reply: fmt.Sprintf("%s：您好！您反映的问题不属于我局职责范围，已转%s办理，您也可直接向该单位反映。感谢您的理解与支持！", salutation(dm.sender), target)})
				return err
			})
			add(approved, func() error {
				return actingAs(ctx, settings, approver.ID, func() error {
					_, err := store.ApproveReply(ctx, id, "同意转办")
					return err
				})
			})
		case fateStopped:
			requested := tl.later(routedAt, 50+jitter(key+"stop", 60))
			add(requested, func() error {
				_, err := store.RequestClockStop(ctx, core.ClockStopInput{MessageID: id, Reason: "需留言人补充材料(身份证明及相关协议)", ApproverID: approver.ID})
				return err
			})
			add(tl.later(requested, 30+jitter(key+"stopok", 80)), func() error {
				return actingAs(ctx, settings, approver.ID, func() error {
					_, err := store.DecideClockStop(ctx, core.ClockStopDecision{MessageID: id, Approve: true, Opinion: "同意，待补充材料后恢复计时"})
					return err
				})
			})
		case fateReview, fateReplied, fatePublished:
			submitted := onDay(max(dm.replyAfter-1, 0), 15*60+30, routedAt, "submit")
			reply := salutation(dm.sender) + "：\n您好！您反映的问题已收悉。" + dm.answer + "\n感谢您对自然资源工作的关心和支持！"
			signed := onDay(dm.replyAfter, 10*60, submitted, "sign")
			add(submitted, func() error {
				when := signed
				if dm.fate == fateReview {
					when = submitted
				}
				note, err := lateNote(ctx, store, id, when, i)
				if err != nil {
					return err
				}
				_, err = store.SubmitReply(ctx, core.ReplySubmission{MessageID: id, Body: reply, ApproverID: approver.ID, LateNote: note})
				return err
			})
			if dm.fate == fateReview {
				continue
			}
			add(signed, func() error {
				return actingAs(ctx, settings, approver.ID, func() error {
					_, err := store.ApproveReply(ctx, id, "同意")
					return err
				})
			})
			if dm.fate == fatePublished {
				add(tl.later(signed, 60+jitter(key+"pub", 120)), func() error {
					_, err := store.Publish(ctx, id)
					return err
				})
			}
		}
	}
	return steps
}

// actingAs runs do with personID as the current user, then restores the previous one: a reply is signed
// off by its approver, never by whoever wrote it.
func actingAs(ctx context.Context, settings core.SettingsStore, personID int64, do func() error) error {
	previous, err := settings.CurrentUser(ctx)
	if err != nil {
		return err
	}
	if _, err := settings.SetCurrentUser(ctx, personID); err != nil {
		return err
	}
	err = do()
	if previous.Set {
		if _, restoreErr := settings.SetCurrentUser(ctx, previous.PersonID); err == nil {
			err = restoreErr
		}
	}
	return err
}

func salutation(name string) string {
	if name == "" || name == "匿名" {
		return "网友"
	}
	return name + "同志"
}

// lateNotes are the 超期说明 the demo's late replies carry: why the handler could not answer in time.
var lateNotes = []string{
	"需会同不动产登记中心调取原始档案核实，档案调阅用时超出答复期限。",
	"涉及现场核查，承办人于期限内两次上门未遇留言人，核查完成后即行答复。",
	"需征求相关科室意见，会签意见于期限后一日返回。",
}

// lateNote is the 超期说明 a demo reply signed off at when carries: none when it is on time.
func lateNote(ctx context.Context, store *sqlite.MailboxStore, id int64, when time.Time, i int) (string, error) {
	d, err := store.Message(ctx, id)
	if err != nil {
		return "", err
	}
	due, err := calendar.ParseDate(d.Message.DueDate)
	if err != nil {
		return "", err
	}
	if !calendar.Day(when).After(due) {
		return "", nil
	}
	return lateNotes[i%len(lateNotes)], nil
}

// historyMatcher is the app's matcher over the demo topics with a model trained on the history just imported,
// as the app trains it after the first start: the demo's messages are routed, highlighted and scored by it.
// Without a model (too little history) it matches by the topics' keywords, as the app does then.
func historyMatcher(ctx context.Context, store *sqlite.MailboxStore) (*routing.Matcher, error) {
	lexicon, err := segment.LoadLexicon(nil)
	if err != nil {
		return nil, fmt.Errorf("seed mailbox matcher: %w", err)
	}
	topics, err := store.MatcherTopics(ctx)
	if err != nil {
		return nil, err
	}
	var history []core.LabeledMessage
	for _, t := range mailboxTopics {
		for _, m := range pastMessages[t.name] {
			history = append(history, core.LabeledMessage{Subject: m.subject, Body: m.body, Label: t.name})
		}
	}
	m := routing.NewMatcher(lexicon, nil, topics)
	if err := m.Retrain(ctx, history, routing.Options{}, nil); err != nil && core.ErrorCode(err) != core.EINVALID {
		return nil, fmt.Errorf("seed mailbox matcher: %w", err)
	}
	return m, nil
}
