package demo

import (
	"context"

	"policydesk/internal/core"
)

// DemoPassword is the password of every demo account; it is shown on the 登录 page of demo data only.
const DemoPassword = "Demo-2026"

// Accounts are the demo sign-ins: 周明远 manages accounts, 张卫东 signs off.
var Accounts = []struct {
	Login, Name string
	Admin       bool
}{
	{"zhoumy", "周明远", true},
	{"zhangwd", "张卫东", false},
}

// AccountStore is what seeding the demo accounts needs.
type AccountStore interface {
	CreateAccount(ctx context.Context, personID int64, login, password string, admin bool) (core.Account, error)
}

// SeedAccounts gives the demo people their sign-ins (acting as 系统, so no forced change).
func SeedAccounts(ctx context.Context, s core.SettingsService, accounts AccountStore) error {
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
