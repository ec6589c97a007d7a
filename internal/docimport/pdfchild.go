package docimport

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"
)

// A PDF is read in a separate process, the running program started again with PDFChildArg:
// the parser has no memory bound and cannot be interrupted, and a process can be given a
// memory limit and killed, which stops it for certain. The importer sends the file on stdin
// and receives a gob-encoded pdfOutcome on stdout.
const (
	// PDFChildArg is the first argument that makes the program read one PDF from stdin and exit.
	PDFChildArg = "__extract-pdf"
	// pdfChildEnv is set on the extraction process, so that an argument alone never turns a
	// normal start into one.
	pdfChildEnv = "POLICYDESK_PDF_CHILD"

	// pdfChildBudget is when the extraction process gives up by itself (the parse, then
	// pdftotext), leaving it time to answer before pdfChildTimeout.
	pdfChildBudget = 7500 * time.Millisecond
	// pdfChildMemory caps the extraction process's heap and data (Linux: RLIMIT_DATA, which
	// pdftotext inherits; elsewhere the Go runtime's soft limit only).
	pdfChildMemory = 400 << 20
	// pdfChildSoftMemory makes the Go runtime collect hard before the hard limit is reached.
	pdfChildSoftMemory = 288 << 20
)

// init answers the extraction request in any program that links this package (the desktop and
// server builds, and test binaries) before anything else starts.
func init() {
	if len(os.Args) > 1 && os.Args[1] == PDFChildArg && os.Getenv(pdfChildEnv) == "1" {
		os.Exit(RunPDFChild(os.Stdin, os.Stdout))
	}
}

// RunPDFChild is the extraction process: it limits its own memory, reads one PDF from stdin,
// and writes the outcome to stdout. The exit code is 0 whenever an outcome was written.
func RunPDFChild(stdin io.Reader, stdout io.Writer) int {
	debug.SetMemoryLimit(pdfChildSoftMemory)
	if err := limitMemory(pdfChildMemory); err != nil {
		fmt.Fprintln(os.Stderr, "policydesk: cannot limit memory:", err)
		return 3
	}
	start := time.Now()
	data, err := io.ReadAll(io.LimitReader(stdin, MaxFileSize+1))
	if err != nil || len(data) > MaxFileSize {
		fmt.Fprintln(os.Stderr, "policydesk: bad input:", err)
		return 3
	}
	out := readPDFOutcome(data, start.Add(pdfChildBudget))
	if err := gob.NewEncoder(stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "policydesk: cannot write outcome:", err)
		return 3
	}
	return 0
}

// pdfChildTimeout is when the importer kills the extraction process (a variable for the test
// that makes one hang).
var pdfChildTimeout = 8500 * time.Millisecond

// pdfSlots bounds the extraction processes running at once, so that several hostile PDFs
// imported together cannot add up past the machine's memory either.
var pdfSlots = make(chan struct{}, 2)

// pdfCommand builds the command that runs the extraction process; tests replace it to start
// processes that misbehave on purpose.
var pdfCommand = func(ctx context.Context) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe, PDFChildArg)
	cmd.Env = append(os.Environ(), pdfChildEnv+"=1")
	return cmd, nil
}

// extractPDF reads a PDF in the extraction process and turns its outcome into a document or
// a message. The process is killed, with anything it started, at pdfChildTimeout.
func extractPDF(name string, data []byte) (Document, error) {
	select {
	case pdfSlots <- struct{}{}:
		defer func() { <-pdfSlots }()
	case <-time.After(pdfChildTimeout):
		return Document{}, importErrorf(name, "正在解析的其他 PDF 较多，请稍后重试")
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfChildTimeout)
	defer cancel()
	cmd, err := pdfCommand(ctx)
	if err != nil {
		return Document{}, importErrorf(name, "无法启动 PDF 解析进程，请重新安装程序后再试")
	}
	stdout := &cappedBuffer{limit: MaxTextSize + 1<<20}
	stderr := &cappedBuffer{limit: 64 << 10}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(data), stdout, stderr
	cmd.WaitDelay = time.Second // stop waiting for pipes held open by a grandchild
	killGroup(cmd)
	runErr := cmd.Run()
	var out pdfOutcome
	switch {
	case ctx.Err() != nil:
		return Document{}, pdfError(name, pdfFailTimeout)
	case runErr != nil && childOutOfMemory(runErr, stderr.String()):
		return Document{}, pdfError(name, pdfFailMemory)
	case errors.Is(runErr, errPDFTooLarge):
		return Document{}, pdfError(name, pdfFailTooLarge)
	case runErr != nil:
		var exit *exec.ExitError
		if !errors.As(runErr, &exit) {
			return Document{}, importErrorf(name, "无法启动 PDF 解析进程，请重新安装程序后再试")
		}
		return Document{}, pdfError(name, pdfFailCorrupt)
	}
	if err := gob.NewDecoder(&stdout.Buffer).Decode(&out); err != nil {
		return Document{}, pdfError(name, pdfFailCorrupt)
	}
	return pdfDocument(name, out)
}

// childOutOfMemory recognises a process that hit its memory limit: the Go runtime aborts with
// "out of memory" when the kernel refuses it memory; a signal means the kernel killed it.
func childOutOfMemory(err error, stderr string) bool {
	if strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory") {
		return true
	}
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.ExitCode() == -1 // killed by a signal, not by us
}
