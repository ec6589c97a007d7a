package sqlite

// scanValue reads a row of one column of any type (an id, a count, a text).
func scanValue[T any](sc scanner) (T, error) {
	var v T
	err := sc.Scan(&v)
	return v, err
}
