package core

// EUNAVAILABLE: a desk connected to the bureau's server cannot reach it; nothing was written anywhere.
const EUNAVAILABLE = "unavailable"

// RemoteStatus is the 单位服务器 a desk works on (设置 → 单位服务器), or none.
type RemoteStatus struct {
	Address     string `json:"address"`     // https://host:port as entered, "" when none
	Fingerprint string `json:"fingerprint"` // the pinned certificate's SHA-256, "AB:CD:…"
	Connected   bool   `json:"connected"`   // the desk forwards its calls to the server
	LastError   string `json:"lastError"`   // the last failure to reach the server, "" when it answered
}

// RemoteProbe is what a first contact with a server shows before its certificate is pinned.
type RemoteProbe struct {
	Address     string `json:"address"`
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	Issuer      string `json:"issuer"`
	NotAfter    string `json:"notAfter"` // RFC 3339
	Bureau      string `json:"bureau"`   // the server's bureau name, when its 登录 page answered
}
