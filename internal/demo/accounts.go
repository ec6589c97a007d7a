package demo

import (
	"context"

	"policydesk/internal/core"
)

// DemoPassword is the password of every demo account; it is shown on the 登录 page of demo data only.
const DemoPassword = "Demo-2026"

// Accounts are the demo sign-ins, one for each person of the demo bureau so that a newcomer can try every desk:
// 周明远 manages accounts; the 组长, 张卫东 (分管领导) and 梁红 (保密审查) sign off.
var Accounts = []struct {
	Login, Name string
	Admin       bool
}{
	{"zhoumy", "周明远", true},
	{"linyt", "林雨桐", false},
	{"chenxj", "陈晓静", false},
	{"zhangwd", "张卫东", false},
	{"liangh", "梁红", false},
	{"zhaozq", "赵志强", false},
	{"sunjy", "孙佳怡", false},
	{"wangjg", "王建国", false},
	{"lisy", "李思雨", false},
	{"huanggd", "黄国栋", false},
	{"wut", "吴婷", false},
	{"zhenght", "郑海涛", false},
	{"xuwb", "许文博", false},
	{"liuf", "刘芳", false},
	{"yangf", "杨帆", false},
	{"malx", "马立新", false},
	{"hej", "何静", false},
	{"gaof", "高峰", false},
	{"luob", "罗斌", false},
}

// AccountStore is what seeding the demo accounts needs.
type AccountStore interface {
	CreateAccount(ctx context.Context, personID int64, login, password string, admin bool) (core.Account, error)
}

// SeedAccounts gives the demo people their sign-ins (acting as 系统, so no forced change).
func SeedAccounts(ctx context.Context, s core.SettingsStore, accounts AccountStore) error {
	people, err := s.People(ctx)
	if err != nil {
		return err
	}
	ctx = core.WithActor(ctx, core.System)
	for _, a := range Accounts {
		for _, p := range people {
			if p.Name == a.Name {
				if _, err := accounts.CreateAccount(ctx, p.ID, a.Login, DemoPassword, a.Admin); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// IsDemo reports whether the bureau is the demo bureau (its 登录 page then lists the demo accounts).
func IsDemo(b core.Bureau) bool { return b.Name == Bureau.Name }
