// Package disclosure holds the rules of 依申请公开 under the 政府信息公开条例 (2019):
// the receipt date per channel (第三十一条), the answer deadline of 20 working days with
// one approved extension of 20 (第三十三条), 补正 (第三十条), third-party and other-agency
// suspensions (第三十二条、第三十三条), and the fee tiers of 国办函〔2020〕109号.
// Everything here is a pure function over dates and the working-day calendar.
package disclosure

import (
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// Channel is how an application reached the bureau.
type Channel string

const (
	ChannelInPerson   Channel = "当面" // 当面提交：提交之日
	ChannelRegistered Channel = "邮寄" // 需签收的邮寄：签收之日
	ChannelLetter     Channel = "信函" // 平常信函：与申请人确认之日
	ChannelOnline     Channel = "网络" // 互联网渠道：双方确认之日
	ChannelFax        Channel = "传真" // 传真：双方确认之日
)

// Arrival is what the officer records about how an application arrived.
type Arrival struct {
	Channel   Channel
	Submitted time.Time // 当面提交之日、到达之日
	SignedFor time.Time // 邮寄签收之日
	Confirmed time.Time // 与申请人确认之日（信函、网络、传真）
}

// ReceiptDate is 收到申请之日 per 第三十一条; ok is false while a date the channel needs is missing.
func ReceiptDate(a Arrival) (time.Time, bool) {
	pick := func(t time.Time) (time.Time, bool) { return calendar.Day(t), !t.IsZero() }
	switch a.Channel {
	case ChannelInPerson:
		return pick(a.Submitted)
	case ChannelRegistered:
		return pick(a.SignedFor)
	case ChannelLetter, ChannelOnline, ChannelFax:
		return pick(a.Confirmed)
	}
	return time.Time{}, false
}

// Suspension is a period not counted in the answer deadline: a third-party consultation
// (第三十二条) or a consultation of another agency (第三十三条第三款), or the wait for a fee.
// Both ends are dates; the working days in (From, To] are added to the deadline.
type Suspension struct {
	Kind     string // 第三方 / 其他机关 / 收费
	From, To time.Time
}

// Case is what the deadline depends on.
type Case struct {
	Received  time.Time    // 收到申请之日
	Corrected time.Time    // 收到补正之日 (restarts the clock), zero when no 补正
	Extended  bool         // 经负责人同意延长（最多20个工作日）
	Suspended []Suspension // periods not counted
}

// Deadline is the last day to answer: 20 working days after the start (receipt, or receipt of
// the correction), +20 with approval, + the working days of every suspension.
func Deadline(cal core.WorkingDays, c Case) time.Time {
	start := c.Received
	if !c.Corrected.IsZero() {
		start = c.Corrected
	}
	n := 20
	if c.Extended {
		n += 20
	}
	for _, s := range c.Suspended {
		if d := cal.WorkdaysBetween(s.From, s.To); d > 0 {
			n += d
		}
	}
	return cal.AddWorkdays(calendar.Day(start), n)
}

// CorrectionNoticeDue is the last day to send the 补正告知书: within 7 working days of receipt (第三十条).
func CorrectionNoticeDue(cal core.WorkingDays, received time.Time) time.Time {
	return cal.AddWorkdays(calendar.Day(received), 7)
}

// ThirdPartyDue is the last day for a third party's opinion: 15 working days after it receives the request.
func ThirdPartyDue(cal core.WorkingDays, delivered time.Time) time.Time {
	return cal.AddWorkdays(calendar.Day(delivered), 15)
}

// OnTime reports whether an answer posted (交邮、发出) on posted meets the deadline:
// the posting date decides, not the applicant's receipt.
func OnTime(posted, deadline time.Time) bool {
	return !calendar.Day(posted).After(calendar.Day(deadline))
}

// FeeBasis is how a fee is counted under 国办函〔2020〕109号.
type FeeBasis string

const (
	PerItem   FeeBasis = "按件"
	PerVolume FeeBasis = "按量"
)

// Fee returns the fee in yuan for the applicant's applications in one calendar month.
// before is the count (items or pages) already charged this month by the same applicant,
// count the count of this application; the result is for this application only.
//
// 按件：10件以下（含）不收费；11—30件每件100元；30件以上以10件为一档，每增一档每件加收100元。
// 按量：30页以下（含）不收费；31—100页每页10元；101—200页每页20元；201页起每页40元。
func Fee(basis FeeBasis, before, count int) int {
	total := func(n int) int {
		if basis == PerVolume {
			return volumeTotal(n)
		}
		return itemTotal(n)
	}
	if count <= 0 {
		return 0
	}
	return total(before+count) - total(before)
}

func itemTotal(n int) int {
	sum := 0
	for i := 11; i <= n; i++ {
		if i <= 30 {
			sum += 100
		} else {
			sum += 100 + 100*((i-31)/10+1)
		}
	}
	return sum
}

func volumeTotal(n int) int {
	sum := 0
	for i := 31; i <= n; i++ {
		switch {
		case i <= 100:
			sum += 10
		case i <= 200:
			sum += 20
		default:
			sum += 40
		}
	}
	return sum
}

// PaymentDue is the last day to pay: 20 working days after the applicant receives the fee notice;
// unpaid by then the application is closed as 其他处理 2.
func PaymentDue(cal core.WorkingDays, noticeReceived time.Time) time.Time {
	return cal.AddWorkdays(calendar.Day(noticeReceived), 20)
}

// Charged is an earlier application of the same applicant that counted towards the fee.
type Charged struct {
	Applicant string
	Received  time.Time
	Basis     FeeBasis
	Count     int // items or pages
}

// CountBefore sums what the same applicant already asked for with the same basis in the same
// calendar month as received: the tiers of 109号 are per applicant per natural month.
func CountBefore(past []Charged, applicant string, basis FeeBasis, received time.Time) int {
	n := 0
	for _, p := range past {
		if p.Applicant == applicant && p.Basis == basis &&
			p.Received.Year() == received.Year() && p.Received.Month() == received.Month() {
			n += p.Count
		}
	}
	return n
}
