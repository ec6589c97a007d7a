package core

import "testing"

func TestSignsOff(t *testing.T) {
	for role, want := range map[string]bool{RoleApprover: true, RoleAdmin: true, RoleDrafter: false, RoleOfficer: false,
		RoleMailbox: false, RoleHandler: false, "": false, "boss": false} {
		if got := SignsOff(role); got != want {
			t.Errorf("SignsOff(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestRoleLabel(t *testing.T) {
	for role, want := range map[string]string{RoleApprover: "审核审签人员", RoleMailbox: "信箱管理员", "": "未设置角色", "boss": "boss"} {
		if got := RoleLabel(role); got != want {
			t.Errorf("RoleLabel(%q) = %q, want %q", role, got, want)
		}
	}
}
