package sqlite

import "context"

// scanValue reads a row of one column of any type (an id, a count, a text).
func scanValue[T any](sc scanner) (T, error) {
	var v T
	err := sc.Scan(&v)
	return v, err
}

// queryEach runs query and hands every row to each, stopping at the first error; for reads that fold their
// rows into something other than a list.
func queryEach(ctx context.Context, q querier, each func(scanner) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
