package core

// ServerEvent is an event one server process passed to the others on the same database: a change made through
// one reaches the pages served by another.
type ServerEvent struct {
	ID     int64
	Origin string // the process that emitted it
	Name   string // as app/events.go names it
	Data   []byte // the event's arguments, a JSON array
}

// TableCount is one table of a copied database with its number of rows.
type TableCount struct {
	Table string
	Rows  int64
}
