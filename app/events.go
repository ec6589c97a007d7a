package app

// Events sent from Go to the frontend. Names are "area:verb"; frontend/src/api/events.ts mirrors them.
const (
	EventSettingsChanged = "settings:changed" // bureau, sections, people or the current user changed
	EventCalendarChanged = "calendar:changed" // a day was edited or a year imported
	EventDataRestored    = "data:restored"    // the database was restored from a backup: reload everything

	// 局长信箱
	EventMessagesChanged        = "messages:changed" // a message was created, imported, fetched or moved on
	EventMailFetchProgress      = "mail:progress"    // core.FetchProgress while mail is fetched
	EventMailFetched            = "mail:fetched"     // a fetch ended: core.FetchResult, or a BridgeError
	EventMailboxSettingsChanged = "mailbox:settings" // templates, topics, limits or the mail account changed
	EventImportProgress         = "import:progress"  // core.ImportProgress while a message file is imported

	// 设置 → 主题与分办
	EventRoutingProgress       = "routing:progress"  // core.RoutingJob while a training or evaluation runs, and when it ends
	EventRoutingChanged        = "routing:changed"   // the dictionary, the labeled history or the model changed
	EventExampleImportProgress = "examples:progress" // core.ImportProgress while a labeled history file is imported

	// 征求意见
	EventPoliciesChanged       = "policies:changed"      // a policy, its status or a version of its text changed
	EventConsultationsChanged  = "consultations:changed" // a consultation was opened, edited, extended, reopened or its report published
	EventCommentsChanged       = "comments:changed"      // comments of a consultation were added, imported, regrouped or decided (data: consultation id)
	EventCommentImportProgress = "comments:progress"     // core.ImportProgress while a comment file is imported

	// 政策解读
	EventInterpretationsChanged = "interpretations:changed" // a policy's interpretations, their sign-off or publication changed (data: policy id)

	// 依申请公开
	EventDisclosureChanged = "disclosure:changed" // an application was registered or moved on (data: its id)
)

// PageShown is sent by the desk's page to Go once it shows its first view (the 登录 page, the demo being
// prepared, or the app): the work that can wait (loading jieba, writing the demo, the daily backup) starts then,
// not while the page's code is still being read. frontend/src/api/events.ts sends it.
const PageShown = "page:shown"

// Emitter sends an event to the frontend; in tests it records them.
type Emitter func(name string, data ...any)
