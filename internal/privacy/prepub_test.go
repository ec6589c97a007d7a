package privacy

import (
	"testing"

	"policydesk/internal/core"
)

func TestFindingAckAndClear(t *testing.T) {
	block := core.PrepubFinding{Kind: "classification", Label: "密级标志", Match: "机密★", Severity: "block"}
	if err := CheckAck(block, "确认无误"); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("block finding acknowledged: %v", err)
	}
	phone := core.PrepubFinding{Kind: "landline", Label: "固定电话", Match: "0571-88012345", Severity: "warn"}
	if err := CheckAck(phone, ""); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("acknowledged without reason: %v", err)
	}
	if err := Clear([]core.PrepubFinding{phone}); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("open finding cleared: %v", err)
	}
	phone.Resolution = core.FindingAcknowledged
	if err := Clear([]core.PrepubFinding{phone}); err != nil {
		t.Errorf("acknowledged finding: %v", err)
	}
}
