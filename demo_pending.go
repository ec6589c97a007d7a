package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"policydesk/internal/datadir"
	"policydesk/internal/sqlite"
)

// demoPendingFile marks a data directory whose database was created for the demo bureau that is still being
// written: a desk writes the demo after its window is up, and a crash or a power cut meanwhile leaves a
// database holding part of the demo and nothing else.
const demoPendingFile = "demo-pending"

func demoPendingPath(paths datadir.Paths) string { return filepath.Join(paths.Dir, demoPendingFile) }

// markDemoPending is called before the database is created for the demo bureau; a failure only costs the
// clean-up after a crash, so it is logged.
func markDemoPending(paths datadir.Paths) {
	if err := os.WriteFile(demoPendingPath(paths), []byte("示例单位正在写入；如程序此时中断，下次启动会重新写入。\n"), 0o600); err != nil {
		slog.Warn("marking the demo bureau as pending failed", "err", err)
	}
}

// demoWritten removes the mark once the demo is written (or failed for good: then the pages show what there is).
func demoWritten(paths datadir.Paths) {
	if err := os.Remove(demoPendingPath(paths)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		slog.Warn("removing the demo bureau's pending mark failed", "err", err)
	}
}

// discardUnfinishedDemo moves the database a crash left with part of the demo bureau (see demoPendingFile) aside
// into backups/, with its audit chain's head, so that this start writes the demo afresh. Nobody worked on that
// database (the pages wait until the demo is written); it is kept all the same, in case the mark outlived its
// demo.
func discardUnfinishedDemo(paths datadir.Paths) error {
	if _, err := os.Stat(demoPendingPath(paths)); err != nil {
		return nil
	}
	slog.Warn("the demo bureau was not finished at the last start: it is written again")
	aside := filepath.Join(paths.Backups, "unfinished-demo-"+time.Now().Format("20060102-150405")+".sqlite")
	for from, to := range map[string]string{paths.DB: aside, paths.DB + "-wal": aside + "-wal", paths.DB + "-shm": aside + "-shm",
		filepath.Join(paths.Dir, sqlite.AuditHeadFile): aside + "." + sqlite.AuditHeadFile} {
		if err := os.Rename(from, to); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("移走未写完的示例数据失败：%w", err)
		}
	}
	return os.Remove(demoPendingPath(paths))
}
