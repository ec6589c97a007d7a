package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"policydesk/internal/auth"
	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// Stdin is where passwords are read from (one line); tests replace it.
var Stdin io.Reader = os.Stdin

const userUsage = `用法:
  policydesk user add LOGIN --name 姓名 --role 角色 [--section 科室] [--admin]   (密码从标准输入读取一行)
  policydesk user passwd LOGIN                                                (新密码从标准输入读取一行)
  policydesk user disable LOGIN
  policydesk user enable LOGIN
  policydesk user list
角色可写代码或中文名: drafter 起草人员、officer 政务公开专员、mailbox 信箱管理员、handler 承办人员、approver 审核审签人员、admin 系统管理员
`

// user manages sign-in accounts from the command line; it acts as 系统 (the server's operator).
func user(args, rest []string, stdout, stderr io.Writer) int {
	if len(rest) == 0 {
		fmt.Fprint(stderr, userUsage)
		return 2
	}
	paths, err := preparedDataDir(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	db := sqlite.NewDB(paths.DB, rules.All())
	db.BackupDir = paths.Backups
	if err := db.Open(); err != nil {
		fmt.Fprintf(stderr, "错误: 打开数据库 %s 失败：%v\n", paths.DB, err)
		return 1
	}
	defer db.Close()
	ctx := core.WithActor(context.Background(), core.System)
	if err := userCommand(ctx, db, rest, stdout); err != nil {
		if core.ErrorCode(err) == core.EINTERNAL {
			fmt.Fprintln(stderr, "错误:", err)
		} else {
			fmt.Fprintln(stderr, "错误:", core.ErrorMessage(err))
		}
		if core.ErrorCode(err) == core.EINVALID && strings.Contains(core.ErrorMessage(err), "用法") {
			return 2
		}
		return 1
	}
	return 0
}

func usageError(format string, args ...any) error {
	return core.Errorf(core.EINVALID, "用法错误："+format+"\n"+userUsage, args...)
}

func readPassword() (string, error) {
	line, err := bufio.NewReader(Stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", usageError("请从标准输入提供密码，例如 echo '密码' | policydesk user add …")
	}
	return pw, nil
}

// roleCode accepts a role's code or its Chinese name.
func roleCode(s string) (string, bool) {
	for _, o := range core.RoleLabels {
		if s == o.Value || s == o.Label {
			return o.Value, true
		}
	}
	if s == "审核人员" || s == "审签人员" {
		return core.RoleApprover, true
	}
	return "", false
}

func userCommand(ctx context.Context, db *sqlite.DB, rest []string, stdout io.Writer) error {
	settings := sqlite.NewSettingsStore(db)
	switch rest[0] {
	case "add":
		fs := flag.NewFlagSet("user add", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		name := fs.String("name", "", "")
		role := fs.String("role", "", "")
		section := fs.String("section", "", "")
		admin := fs.Bool("admin", false, "")
		if len(rest) < 2 || strings.HasPrefix(rest[1], "-") {
			return usageError("缺少账号 LOGIN")
		}
		if err := fs.Parse(rest[2:]); err != nil || fs.NArg() > 0 {
			return usageError("参数有误")
		}
		if *name == "" {
			return usageError("请用 --name 指定姓名")
		}
		// Check the password before adding anybody, so a refused command changes nothing.
		pw, err := readPassword()
		if err != nil {
			return err
		}
		if err := auth.CheckPassword(rest[1], pw); err != nil {
			return err
		}
		p, err := ensurePerson(ctx, settings, *name, *role, *section)
		if err != nil {
			return err
		}
		a, err := db.CreateAccount(ctx, p.ID, rest[1], pw, *admin)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已为 %s(%s，%s)开设账号 %s%s\n", a.Name, core.RoleLabel(a.Role), a.SectionName, a.Login, map[bool]string{true: "，账号管理员", false: ""}[a.Admin])
	case "passwd", "disable", "enable":
		if len(rest) != 2 {
			return usageError("请指定一个账号")
		}
		a, err := db.AccountByLogin(ctx, rest[1])
		if err != nil {
			return err
		}
		switch rest[0] {
		case "passwd":
			pw, err := readPassword()
			if err != nil {
				return err
			}
			if _, err := db.ResetPassword(ctx, a.PersonID, pw); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "已设置 %s 的新密码\n", a.Login)
		case "disable", "enable":
			if _, err := db.SetAccountDisabled(ctx, a.PersonID, rest[0] == "disable"); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "已%s账号 %s\n", map[bool]string{true: "停用", false: "启用"}[rest[0] == "disable"], a.Login)
		}
	case "list":
		list, err := db.Accounts(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "账号\t姓名\t角色\t科室\t管理员\t状态\t最近登录")
		for _, a := range list {
			state := "正常"
			switch {
			case a.Disabled:
				state = "已停用"
			case a.LockedUntil != "":
				state = "锁定至 " + a.LockedUntil
			case a.MustChangePassword:
				state = "待改密码"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Login, a.Name, core.RoleLabel(a.Role), a.SectionName,
				map[bool]string{true: "是", false: ""}[a.Admin], state, a.LastLoginAt)
		}
		return w.Flush()
	default:
		return usageError("未知的子命令“%s”", rest[0])
	}
	return nil
}

// ensurePerson finds the person by name, or adds them with the role and section given.
func ensurePerson(ctx context.Context, settings *sqlite.SettingsStore, name, role, section string) (core.Person, error) {
	people, err := settings.People(ctx)
	if err != nil {
		return core.Person{}, err
	}
	for _, p := range people {
		if p.Name == name && (section == "" || p.SectionName == section) {
			return p, nil
		}
	}
	code, ok := roleCode(role)
	if !ok {
		return core.Person{}, usageError("请用 --role 指定“%s”的角色(代码或中文名)", name)
	}
	if section == "" {
		return core.Person{}, usageError("“%s”还不在人员名单中，请用 --section 指定其科室", name)
	}
	secs, err := settings.Sections(ctx)
	if err != nil {
		return core.Person{}, err
	}
	var secID int64
	for _, s := range secs {
		if s.Name == section {
			secID = s.ID
		}
	}
	if secID == 0 {
		sec, err := settings.SaveSection(ctx, core.Section{Name: section, Active: true, SortOrder: (len(secs) + 1) * 10})
		if err != nil {
			return core.Person{}, err
		}
		secID = sec.ID
	}
	return settings.SavePerson(ctx, core.Person{Name: name, SectionID: secID, Role: code, Active: true})
}
