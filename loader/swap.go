package loader

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// lockDB takes an exclusive lock beside the database so that two loads never
// build on the same file at once. The second waits for the first.
func lockDB(dbPath string) (func(), error) {
	if dir := filepath.Dir(dbPath); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("load: %w", err)
		}
	}
	f, err := os.OpenFile(dbPath+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("load: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("load: lock %s: %w", f.Name(), err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// tempPattern names the temporary databases of a load.
func tempPath(dbPath string) string {
	return dbPath + ".tmp-" + strconv.Itoa(os.Getpid())
}

// removeStaleTemps deletes temporary files left by killed loads. It runs
// under the lock, so no live load owns them.
func removeStaleTemps(dbPath string) {
	matches, _ := filepath.Glob(dbPath + ".tmp-*")
	for _, m := range matches {
		os.Remove(m)
	}
}

// prepareTemp creates the temporary database: a copy of the live file for an
// incremental load, or nothing (the writer creates it) for a rebuild.
func prepareTemp(dbPath string, fresh bool) (string, error) {
	tmp := tempPath(dbPath)
	os.Remove(tmp)
	os.Remove(tmp + ".wal")
	if fresh {
		return tmp, nil
	}
	if err := copyFile(dbPath, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("copy %s: %w", dbPath, err)
	}
	return tmp, nil
}

// copyFile copies src to dst, as a copy-on-write clone where the file
// system offers one (then the copy costs nothing, whatever the size).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := unix.IoctlFileClone(int(out.Fd()), int(in.Fd())); err != nil {
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
	}
	return out.Close()
}

// swapIn makes the finished temporary database the live one: flushed to
// disk, then renamed over the old file in one atomic step. Readers holding
// the old file keep reading it until they reopen.
func swapIn(tmp, dbPath string) error {
	if _, err := os.Stat(tmp + ".wal"); err == nil {
		return fmt.Errorf("swap: %s.wal still exists after checkpoint", tmp)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("swap: sync %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return fmt.Errorf("swap: %w", err)
	}
	// A WAL of the old file would be replayed into the new one.
	if err := os.Remove(dbPath + ".wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("swap: %w", err)
	}
	return syncFile(filepath.Dir(dbPath))
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
