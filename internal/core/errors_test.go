package core

import (
	"errors"
	"fmt"
	"testing"
)

func TestRefusal(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{FieldErrorf(EINVALID, "body", "请填写意见内容"), "invalid body: 请填写意见内容"},
		{fmt.Errorf("saving: %w", Errorf(EFORBID, "留言已公开")), "forbidden : 留言已公开"},
		{errors.New("disk full"), "?: disk full"},
	} {
		if got := Refusal(tc.err); got != tc.want {
			t.Errorf("Refusal(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
