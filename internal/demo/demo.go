// Package demo fills a new database with a realistic bureau so that a newcomer opens a working app:
// a 规划和自然资源局 with its sections, people and an openness officer as the current user.
// It writes through the same services as the UI, so everything it creates is validated and audited.
package demo

import (
	"context"
	"fmt"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// Bureau is the demo bureau (a fictional city).
var Bureau = core.Bureau{
	Name:      "临江市规划和自然资源局",
	ShortName: "市规划资源局",
	Address:   "临江市滨江大道188号市民服务中心B座",
	Phone:     "0571-8801 2345",
	Website:   "https://ghzy.linjiang.gov.cn",
}

type section struct {
	name, phone, duties string
	people              []person
}

type person struct {
	name, title, role, phone, email string
	head                            bool
}

var sections = []section{
	{"综合组", "0571-8801 2301", "局机关日常运转、政务公开、局长信箱、建议提案办理", []person{
		{"陈晓静", "组长", core.RoleApprover, "0571-8801 2301", "chenxj@linjiang.gov.cn", true},
		{"周明远", "政务公开专员", core.RoleOfficer, "0571-8801 2302", "zhoumy@linjiang.gov.cn", false},
		{"林雨桐", "信箱管理员", core.RoleMailbox, "0571-8801 2303", "linyt@linjiang.gov.cn", false},
	}},
	{"政策法规组", "0571-8801 2311", "规范性文件起草审核、合法性审查、行政复议应诉", []person{
		{"王建国", "组长", core.RoleApprover, "0571-8801 2311", "wangjg@linjiang.gov.cn", true},
		{"李思雨", "一级主任科员", core.RoleDrafter, "0571-8801 2312", "lisy@linjiang.gov.cn", false},
	}},
	{"空间规划组", "0571-8801 2321", "国土空间总体规划、详细规划编制与实施监督", []person{
		{"赵志强", "组长", core.RoleApprover, "0571-8801 2321", "zhaozq@linjiang.gov.cn", true},
		{"孙佳怡", "规划师", core.RoleDrafter, "0571-8801 2322", "sunjy@linjiang.gov.cn", false},
	}},
	{"用途管制组", "0571-8801 2331", "建设用地审批、农用地转用、用途管制", []person{
		{"黄国栋", "组长", core.RoleApprover, "0571-8801 2331", "huanggd@linjiang.gov.cn", true},
		{"吴婷", "科员", core.RoleHandler, "0571-8801 2332", "wut@linjiang.gov.cn", false},
	}},
	{"开发利用组", "0571-8801 2341", "土地供应、城市更新、存量用地盘活", []person{
		{"郑海涛", "组长", core.RoleApprover, "0571-8801 2341", "zhenght@linjiang.gov.cn", true},
		{"许文博", "一级科员", core.RoleDrafter, "0571-8801 2342", "xuwb@linjiang.gov.cn", false},
	}},
	{"确权登记组", "0571-8801 2351", "不动产统一登记、宅基地和集体土地确权", []person{
		{"刘芳", "组长", core.RoleApprover, "0571-8801 2351", "liuf@linjiang.gov.cn", true},
		{"杨帆", "登记员", core.RoleHandler, "0571-8801 2352", "yangf@linjiang.gov.cn", false},
	}},
	{"耕地保护组", "0571-8801 2361", "耕地保护、占补平衡、永久基本农田", []person{
		{"马立新", "组长", core.RoleApprover, "0571-8801 2361", "malx@linjiang.gov.cn", true},
		{"何静", "科员", core.RoleHandler, "0571-8801 2362", "hej@linjiang.gov.cn", false},
	}},
	{"执法监察支队", "0571-8801 2371", "自然资源违法案件查处、卫片执法", []person{
		{"高峰", "支队长", core.RoleApprover, "0571-8801 2371", "gaof@linjiang.gov.cn", true},
		{"罗斌", "执法队员", core.RoleHandler, "0571-8801 2372", "luob@linjiang.gov.cn", false},
	}},
	{"局领导", "0571-8801 2300", "分管领导审签", []person{
		{"张卫东", "副局长(分管政务公开)", core.RoleApprover, "0571-8801 2305", "zhangwd@linjiang.gov.cn", true},
	}},
	{"保密办", "0571-8801 2309", "公开前保密审查", []person{
		{"梁红", "保密审查员", core.RoleApprover, "0571-8801 2309", "liangh@linjiang.gov.cn", true},
	}},
}

// CurrentUserName is who the demo says is using the computer: the openness officer.
const CurrentUserName = "周明远"

// NeedsSeed reports whether the database has no sections yet (a first run).
func NeedsSeed(ctx context.Context, s core.SettingsStore) (bool, error) {
	secs, err := s.Sections(ctx)
	return len(secs) == 0, err
}

// Seed creates the demo bureau, sections and people and sets the current user. Later modules add their
// own demo records through their services.
func Seed(ctx context.Context, s core.SettingsStore) error {
	if _, err := s.SaveBureau(ctx, Bureau); err != nil {
		return fmt.Errorf("seed bureau: %w", err)
	}
	for i, sec := range sections {
		saved, err := s.SaveSection(ctx, core.Section{Name: sec.name, Phone: sec.phone, Duties: sec.duties, SortOrder: (i + 1) * 10, Active: true})
		if err != nil {
			return fmt.Errorf("seed section %s: %w", sec.name, err)
		}
		for _, p := range sec.people {
			sp, err := s.SavePerson(ctx, core.Person{Name: p.name, SectionID: saved.ID, Title: p.title, Role: p.role, Phone: p.phone, Email: p.email, Active: true})
			if err != nil {
				return fmt.Errorf("seed person %s: %w", p.name, err)
			}
			if p.head {
				saved.HeadID = sp.ID
				if saved, err = s.SaveSection(ctx, saved); err != nil {
					return fmt.Errorf("seed head of %s: %w", sec.name, err)
				}
			}
			if p.name == CurrentUserName {
				if _, err := s.SetCurrentUser(ctx, sp.ID); err != nil {
					return fmt.Errorf("seed current user: %w", err)
				}
			}
		}
	}
	return seedLeaders(ctx, s)
}

// Leader is the demo's 分管领导 of every business section (the 局领导 and 保密办 report to the 局长).
const Leader = "张卫东"

// SecrecyReviewer is the demo's 保密审查员, the named signer of the last sign-off step.
const SecrecyReviewer = "梁红"

func seedLeaders(ctx context.Context, s core.SettingsStore) error {
	people, err := s.People(ctx)
	if err != nil {
		return err
	}
	var leader int64
	for _, p := range people {
		if p.Name == Leader {
			leader = p.ID
		}
	}
	secs, err := s.Sections(ctx)
	if err != nil {
		return err
	}
	for _, sec := range secs {
		if sec.Name == "局领导" || sec.Name == "保密办" {
			continue
		}
		sec.LeaderID = leader
		if _, err := s.SaveSection(ctx, sec); err != nil {
			return fmt.Errorf("seed 分管领导 of %s: %w", sec.Name, err)
		}
	}
	return nil
}

// SignoffSteps is the demo's sign-off: 起草科室负责人 → 分管领导 → the 保密审查员, three people by rule.
func SignoffSteps(people []core.Person) []core.SignoffStep {
	var reviewer int64
	for _, p := range people {
		if p.Name == SecrecyReviewer {
			reviewer = p.ID
		}
	}
	return []core.SignoffStep{
		{Name: "科室负责人审核", Rule: core.SignerSectionHead},
		{Name: "分管领导审签", Rule: core.SignerSectionLeader},
		{Name: "保密审查", Rule: core.SignerPerson, PersonID: reviewer},
	}
}

// Stores are what seeding the demo bureau writes to: the stores of every module.
type Stores struct {
	DB              *sqlite.DB
	Settings        core.SettingsStore
	Policies        core.PolicyStore
	Consultations   core.ConsultationStore
	Interpretations core.InterpretationStore
	Mailbox         *sqlite.MailboxStore
	Disclosures     DisclosureStore
	Calendar        func() *calendar.Calendar
	Clock           core.Clock
}

// SeedModules fills every module of a new demo bureau (after Seed): consultations with their comments,
// interpretations, the 局长信箱 with a season of messages and the history its routing learns from, the
// 依申请公开 register, and sign-in accounts. What people did is stamped when they did it: the database reads
// a stepped clock while seeding (weeks back, at working-hour moments) and gets its own clock back afterwards.
func SeedModules(ctx context.Context, b Stores) error {
	realClock := b.DB.Clock
	if realClock == nil {
		realClock = b.Clock
	}
	stepped := core.NewFixedClock(b.Clock.Now())
	b.DB.Clock = stepped
	defer func() { b.DB.Clock = realClock }()
	steps := []struct {
		what string
		seed func() error
	}{
		{"征求意见", func() error {
			return SeedConsultations(ctx, b.Settings, b.Policies, b.Consultations, b.Interpretations, stepped)
		}},
		{"政策解读", func() error { return SeedInterpretations(ctx, b.Settings, b.Policies, b.Interpretations, stepped) }},
		{"局长信箱", func() error { return SeedMailbox(ctx, b.DB, b.Settings, b.Mailbox, b.Calendar) }},
		{"依申请公开", func() error { return SeedDisclosure(ctx, b.Disclosures, b.Settings, b.Interpretations, stepped) }},
		{"登录账号", func() error { return SeedAccounts(ctx, b.Settings, b.DB) }},
	}
	for _, s := range steps {
		if err := s.seed(); err != nil {
			return fmt.Errorf("写入%s示例数据失败：%w", s.what, err)
		}
	}
	return nil
}
