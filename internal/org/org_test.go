package org

import (
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// want is a refusal as the user sees it; the zero want is no refusal.
type want = testutil.Want

func TestCheckBureau(t *testing.T) {
	cases := []struct {
		name string
		in   core.Bureau
		out  core.Bureau
		want want
	}{
		{"named and trimmed", core.Bureau{Name: " 某市规划和自然资源局 ", ShortName: " 市规划资源局", Phone: "0571-88000000 "},
			core.Bureau{Name: "某市规划和自然资源局", ShortName: "市规划资源局", Phone: "0571-88000000"}, want{}},
		{"no name", core.Bureau{ShortName: "市规划资源局"}, core.Bureau{}, want{core.EINVALID, "name", "请填写单位名称"}},
		{"blank name", core.Bureau{Name: " \t"}, core.Bureau{}, want{core.EINVALID, "name", "请填写单位名称"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckBureau(c.in)
			c.want.Result(t, err, got == c.out, got)
		})
	}
}

func TestCheckNumber(t *testing.T) {
	cases := []struct {
		n    int
		want want
	}{
		{1, want{}},
		{20, want{}},
		{60, want{}},
		{0, want{core.EINVALID, "value", "工作日数须在1到60之间"}},
		{61, want{core.EINVALID, "value", "工作日数须在1到60之间"}},
		{-5, want{core.EINVALID, "value", "工作日数须在1到60之间"}},
	}
	for _, c := range cases {
		t.Run("", func(t *testing.T) { c.want.Check(t, CheckNumber("工作日数", c.n, 1, 60)) })
	}
}

func TestCheckSection(t *testing.T) {
	found := SectionFacts{HeadFound: true, HeadSectionID: 5, LeaderFound: true}
	cases := []struct {
		name string
		s    core.Section
		f    SectionFacts
		want want
	}{
		{"new section without head or leader", core.Section{Name: " 规划科 "}, SectionFacts{}, want{}},
		{"head of this section and another leader", core.Section{ID: 5, Name: "规划科", HeadID: 2, LeaderID: 3}, found, want{}},
		{"a new section's head may come from elsewhere", core.Section{Name: "法规科", HeadID: 2}, SectionFacts{HeadFound: true, HeadSectionID: 7}, want{}},
		{"no name", core.Section{Name: "  ", HeadID: 2}, SectionFacts{}, want{core.EINVALID, "name", "请填写科室名称"}},
		{"head missing", core.Section{ID: 5, Name: "规划科", HeadID: 9}, SectionFacts{LeaderFound: true}, want{core.ENOTFOUND, "", "负责人不存在(编号9)"}},
		{"head of another section", core.Section{ID: 5, Name: "规划科", HeadID: 2}, SectionFacts{HeadFound: true, HeadSectionID: 7},
			want{core.EINVALID, "headId", "科室负责人须是本科室人员"}},
		{"head without a section", core.Section{ID: 5, Name: "规划科", HeadID: 2}, SectionFacts{HeadFound: true},
			want{core.EINVALID, "headId", "科室负责人须是本科室人员"}},
		{"leader missing", core.Section{ID: 5, Name: "规划科", HeadID: 2, LeaderID: 9}, SectionFacts{HeadFound: true, HeadSectionID: 5},
			want{core.EINVALID, "leaderId", "分管领导不存在(编号9)"}},
		{"leader is the head", core.Section{ID: 5, Name: "规划科", HeadID: 2, LeaderID: 2}, found,
			want{core.EINVALID, "leaderId", "分管领导与科室负责人不能是同一人：审核和审签须由两人进行"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckSection(c.s, c.f)
			c.want.Result(t, err, got.Name == strings.TrimSpace(c.s.Name), got)
		})
	}
}

func TestCheckDeletion(t *testing.T) {
	cases := []struct {
		name  string
		check func(Deletion) error
		f     Deletion
		want  want
	}{
		{"section empty and unused", CheckSectionDelete, Deletion{Name: "法规科"}, want{}},
		{"section has people", CheckSectionDelete, Deletion{Name: "法规科", People: 3}, want{core.EFORBID, "", "“法规科”还有3名人员，不能删除；可先调整人员所属科室，或将科室设为停用。"}},
		{"section has people and records", CheckSectionDelete, Deletion{Name: "法规科", People: 1, InUse: true},
			want{core.EFORBID, "", "“法规科”还有1名人员，不能删除；可先调整人员所属科室，或将科室设为停用。"}},
		{"records name the section", CheckSectionDelete, Deletion{Name: "法规科", InUse: true}, want{core.EFORBID, "", "“法规科”已有关联的文件或留言记录，不能删除，可将其设为停用。"}},
		{"person never acted", CheckPersonDelete, Deletion{Name: "王芳"}, want{}},
		{"person is the current user", CheckPersonDelete, Deletion{Name: "王芳", Current: true}, want{core.EFORBID, "", "“王芳”是本机当前使用人，不能删除；请先在“当前使用人”中切换为其他人员。"}},
		{"records name the person", CheckPersonDelete, Deletion{Name: "王芳", InUse: true}, want{core.EFORBID, "", "“王芳”已经办理过文件或留言，不能删除，可将其设为停用。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.want.Check(t, c.check(c.f)) })
	}
}

func TestCheckPerson(t *testing.T) {
	ok := core.Person{Name: " 王芳 ", SectionID: 5, Role: core.RoleLabels[0].Value}
	cases := []struct {
		name string
		p    core.Person
		want want
	}{
		{"complete", ok, want{}},
		{"no name", core.Person{Name: "  ", SectionID: 5, Role: ok.Role}, want{core.EINVALID, "name", "请填写姓名"}},
		{"no section", core.Person{Name: "王芳", Role: ok.Role}, want{core.EINVALID, "sectionId", "请选择所属科室"}},
		{"no role", core.Person{Name: "王芳", SectionID: 5}, want{core.EINVALID, "role", "请选择角色"}},
		{"unknown role", core.Person{Name: "王芳", SectionID: 5, Role: "boss"}, want{core.EINVALID, "role", "请选择角色"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckPerson(c.p)
			c.want.Result(t, err, got.Name == "王芳", got)
		})
	}
}

func TestCheckCurrentUser(t *testing.T) {
	(want{}).Check(t, CheckCurrentUser(core.Person{Name: "王芳", Active: true}))
	(want{core.EINVALID, "", "“王芳”已停用，不能设为当前使用人"}).Check(t, CheckCurrentUser(core.Person{Name: "王芳"}))
}
