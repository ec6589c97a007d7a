//go:build !linux

package docimport

import "os/exec"

// limitMemory has no portable hard limit outside Linux: the extraction process relies on the
// Go runtime's soft limit (set by RunPDFChild) and on the importer's timeout, which kills it.
func limitMemory(uint64) error { return nil }

// killGroup leaves cancellation to exec's default, which kills the extraction process; a
// pdftotext it started stops at its own deadline.
func killGroup(*exec.Cmd) {}
