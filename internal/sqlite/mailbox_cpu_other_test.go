//go:build !unix

package sqlite_test

import (
	"testing"
	"time"
)

// processCPU is not measured on this system; the benchmark then reports 0 CPU seconds.
func processCPU(testing.TB) time.Duration { return 0 }
