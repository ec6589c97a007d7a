package core

import "context"

// Bureau is the organisation using PolicyDesk; its name heads every report and export.
type Bureau struct {
	Name      string `json:"name"`      // e.g. 某市规划和自然资源局
	ShortName string `json:"shortName"` // e.g. 市规划资源局
	Address   string `json:"address"`
	Phone     string `json:"phone"`
	Website   string `json:"website"`
	UpdatedAt string `json:"updatedAt"`
	UpdatedBy string `json:"updatedBy"`
}

// Section is a 科室 (or 局属单位): it drafts policies, handles messages and signs off.
type Section struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	HeadID      int64  `json:"headId"`     // the 科室负责人, a Person of this section (0 = not set)
	HeadName    string `json:"headName"`   // read-only, filled by the store
	LeaderID    int64  `json:"leaderId"`   // the 分管领导 (a bureau leader, usually of another section; 0 = not set)
	LeaderName  string `json:"leaderName"` // read-only
	Phone       string `json:"phone"`
	Duties      string `json:"duties"`
	SortOrder   int    `json:"sortOrder"`
	Active      bool   `json:"active"`
	PeopleCount int    `json:"peopleCount"` // read-only
}

// Roles say what a person does in PolicyDesk. They drive defaults (e.g. who is offered as approver), not
// permissions: the bureau's own network and accounts decide who may run the app. Sign-off is the exception:
// only approvers and administrators (and, for a mailbox reply, the head of its handling section) may agree to
// or return what others submitted, and nobody approves their own reply (see SignsOff).
const (
	RoleDrafter  = "drafter"  // 起草人员
	RoleOfficer  = "officer"  // 政务公开专员
	RoleMailbox  = "mailbox"  // 信箱管理员
	RoleHandler  = "handler"  // 承办人员
	RoleApprover = "approver" // 审核/审签人员 (科室负责人, 分管领导, 保密审查)
	RoleAdmin    = "admin"    // 系统管理员
)

// RoleLabels maps roles to their Chinese names, in display order.
var RoleLabels = []Option{
	{Value: RoleDrafter, Label: "起草人员"},
	{Value: RoleOfficer, Label: "政务公开专员"},
	{Value: RoleMailbox, Label: "信箱管理员"},
	{Value: RoleHandler, Label: "承办人员"},
	{Value: RoleApprover, Label: "审核审签人员"},
	{Value: RoleAdmin, Label: "系统管理员"},
}

// Option is a value with its Chinese label, for selects.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// SignsOff reports whether a role may decide sign-off steps: 审核审签人员 and 系统管理员.
func SignsOff(role string) bool { return role == RoleApprover || role == RoleAdmin }

// RoleLabel is a role's Chinese name ("未设置角色" when empty, the role itself when unknown).
func RoleLabel(role string) string {
	if role == "" {
		return "未设置角色"
	}
	for _, o := range RoleLabels {
		if o.Value == role {
			return o.Label
		}
	}
	return role
}

// ValidRole reports whether r is one of the roles above.
func ValidRole(r string) bool {
	for _, o := range RoleLabels {
		if o.Value == r {
			return true
		}
	}
	return false
}

// Person is someone who acts in PolicyDesk: drafts, decides, replies, approves.
type Person struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	SectionID   int64  `json:"sectionId"`
	SectionName string `json:"sectionName"` // read-only
	Title       string `json:"title"`       // 职务, e.g. 科长, 分管副局长
	Role        string `json:"role"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	Active      bool   `json:"active"`
}

// CurrentUser is who is using this computer; every "who did this" field is filled from it.
type CurrentUser struct {
	PersonID    int64  `json:"personId"`
	Name        string `json:"name"`
	SectionID   int64  `json:"sectionId"`
	SectionName string `json:"sectionName"`
	Role        string `json:"role"`
	Title       string `json:"title"`
	Set         bool   `json:"set"` // false until someone chooses who they are
}

// SettingsStore keeps the bureau, its sections and people, and the current user.
type SettingsStore interface {
	Bureau(ctx context.Context) (Bureau, error)
	SaveBureau(ctx context.Context, b Bureau) (Bureau, error)
	Sections(ctx context.Context) ([]Section, error)
	SaveSection(ctx context.Context, s Section) (Section, error)
	DeleteSection(ctx context.Context, id int64) error
	People(ctx context.Context) ([]Person, error)
	SavePerson(ctx context.Context, p Person) (Person, error)
	DeletePerson(ctx context.Context, id int64) error
	CurrentUser(ctx context.Context) (CurrentUser, error)
	SetCurrentUser(ctx context.Context, personID int64) (CurrentUser, error)
}
