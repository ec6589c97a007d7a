package docimport

import (
	"os/exec"
	"syscall"
)

// limitMemory caps the process's data segment and private writable mappings, where the Go
// heap and pdftotext's allocations live. RLIMIT_AS would also count the address space the Go
// runtime reserves without using (over 1 GB at start), so it cannot serve as the bound.
func limitMemory(limit uint64) error {
	return syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: limit, Max: limit})
}

// killGroup makes the extraction process the leader of its own process group and has
// cancellation kill the whole group, so that a pdftotext it started dies with it; the process
// also dies if the importer does.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
