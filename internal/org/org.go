// Package org holds the rules of what 设置 keeps: the bureau's details, its sections with their 科室负责人 and
// 分管领导 (who sign off by rule, so they must be two people), its people and who uses the desk. It does no I/O:
// the store loads what the rules need (the chosen head's section, whether people or records name a section),
// asks them inside its transaction and writes.
package org

import (
	"strings"

	"policydesk/internal/core"
)

// CheckBureau trims the bureau's details and refuses them without a name: every report is headed with it.
func CheckBureau(b core.Bureau) (core.Bureau, error) {
	for _, f := range []*string{&b.Name, &b.ShortName, &b.Address, &b.Phone, &b.Website} {
		*f = strings.TrimSpace(*f)
	}
	if b.Name == "" {
		return b, core.FieldErrorf(core.EINVALID, "name", "请填写单位名称")
	}
	return b, nil
}

// CheckNumber refuses a whole-number setting outside [min, max]; label names it (e.g. 工作日数).
func CheckNumber(label string, n, min, max int) error {
	if n < min || n > max {
		return core.FieldErrorf(core.EINVALID, "value", "%s须在%d到%d之间", label, min, max)
	}
	return nil
}

// SectionFacts are what CheckSection decides on.
type SectionFacts = core.SectionFacts

// CheckSection trims a section about to be saved and refuses it without a name, with a head who does not
// exist or (for a section already saved) belongs to another section, with a 分管领导 who does not exist or
// is its head: 审核 and 审签 are two people's.
func CheckSection(s core.Section, f SectionFacts) (core.Section, error) {
	s.Name = strings.TrimSpace(s.Name)
	switch {
	case s.Name == "":
		return s, core.FieldErrorf(core.EINVALID, "name", "请填写科室名称")
	case s.HeadID != 0 && !f.HeadFound:
		return s, core.Errorf(core.ENOTFOUND, "负责人不存在(编号%d)", s.HeadID)
	case s.HeadID != 0 && s.ID != 0 && f.HeadSectionID != s.ID:
		return s, core.FieldErrorf(core.EINVALID, "headId", "科室负责人须是本科室人员")
	case s.LeaderID != 0 && !f.LeaderFound:
		return s, core.FieldErrorf(core.EINVALID, "leaderId", "分管领导不存在(编号%d)", s.LeaderID)
	case s.LeaderID != 0 && s.LeaderID == s.HeadID:
		return s, core.FieldErrorf(core.EINVALID, "leaderId", "分管领导与科室负责人不能是同一人：审核和审签须由两人进行")
	}
	return s, nil
}

// Deletion is what the deletion rules decide on.
type Deletion = core.Deletion

// CheckSectionDelete refuses to delete a section that has people (they move first) or that records name
// (it can be deactivated instead).
func CheckSectionDelete(f Deletion) error {
	switch {
	case f.People > 0:
		return core.Errorf(core.EFORBID, "“%s”还有%d名人员，不能删除；可先调整人员所属科室，或将科室设为停用。", f.Name, f.People)
	case f.InUse:
		return core.Errorf(core.EFORBID, "“%s”已有关联的文件或留言记录，不能删除，可将其设为停用。", f.Name)
	}
	return nil
}

// CheckPerson trims a person about to be saved and refuses one without a name, a section or a known role.
func CheckPerson(p core.Person) (core.Person, error) {
	p.Name = strings.TrimSpace(p.Name)
	switch {
	case p.Name == "":
		return p, core.FieldErrorf(core.EINVALID, "name", "请填写姓名")
	case p.SectionID == 0:
		return p, core.FieldErrorf(core.EINVALID, "sectionId", "请选择所属科室")
	case !core.ValidRole(p.Role):
		return p, core.FieldErrorf(core.EINVALID, "role", "请选择角色")
	}
	return p, nil
}

// CheckPersonDelete refuses to delete the desk's current user (switch first) or a person records name: records
// must keep naming who did what, so such a person can only be deactivated.
func CheckPersonDelete(f Deletion) error {
	switch {
	case f.Current:
		return core.Errorf(core.EFORBID, "“%s”是本机当前使用人，不能删除；请先在“当前使用人”中切换为其他人员。", f.Name)
	case f.InUse:
		return core.Errorf(core.EFORBID, "“%s”已经办理过文件或留言，不能删除，可将其设为停用。", f.Name)
	}
	return nil
}

// CheckCurrentUser refuses a disabled person as the desk's current user.
func CheckCurrentUser(p core.Person) error {
	if !p.Active {
		return core.Errorf(core.EINVALID, "“%s”已停用，不能设为当前使用人", p.Name)
	}
	return nil
}

// Rules are the settings rules as the stores take them (core.SettingsRules).
type Rules struct{}

var _ core.SettingsRules = Rules{}

func (Rules) CheckBureau(b core.Bureau) (core.Bureau, error)  { return CheckBureau(b) }
func (Rules) CheckNumber(label string, n, min, max int) error { return CheckNumber(label, n, min, max) }
func (Rules) CheckSection(s core.Section, f SectionFacts) (core.Section, error) {
	return CheckSection(s, f)
}
func (Rules) CheckSectionDelete(f Deletion) error            { return CheckSectionDelete(f) }
func (Rules) CheckPerson(p core.Person) (core.Person, error) { return CheckPerson(p) }
func (Rules) CheckPersonDelete(f Deletion) error             { return CheckPersonDelete(f) }
func (Rules) CheckCurrentUser(p core.Person) error           { return CheckCurrentUser(p) }
