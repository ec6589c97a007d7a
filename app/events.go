package app

// Events sent from Go to the frontend. Names are "area:verb"; frontend/src/api/events.ts mirrors them.
const (
	EventSettingsChanged = "settings:changed" // bureau, sections, people or the current user changed
	EventCalendarChanged = "calendar:changed" // a day was edited or a year imported
	EventDataRestored    = "data:restored"    // the database was restored from a backup: reload everything
)

// Emitter sends an event to the frontend; in tests it records them.
type Emitter func(name string, data ...any)
