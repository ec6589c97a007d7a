package testutil

import (
	"errors"
	"fmt"
	"testing"

	"policydesk/internal/core"
)

func TestRefusalText(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{core.FieldErrorf(core.EINVALID, "body", "请填写意见内容"), "invalid body: 请填写意见内容"},
		{fmt.Errorf("saving: %w", core.Errorf(core.EFORBID, "留言已公开")), "forbidden : 留言已公开"},
		{errors.New("disk full"), "internal : 系统内部错误，请稍后重试；如多次出现，请联系管理员并提供日志。"},
	} {
		if got := RefusalText(tc.err); got != tc.want {
			t.Errorf("RefusalText(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
