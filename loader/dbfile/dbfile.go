package dbfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Lock takes the loaders' exclusive lock on the database at path (a flock
// on path.lock, created with its folder if missing), waiting for another
// load to finish. Call the returned function to release it.
func Lock(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// Temp is the name of this process's temporary database beside path.
func Temp(path string) string {
	return path + ".tmp-" + strconv.Itoa(os.Getpid())
}

// RemoveStale deletes the temporary files killed loads left beside path.
// Call it under the lock, so that no live load owns them.
func RemoveStale(path string) {
	matches, _ := filepath.Glob(path + ".tmp-*")
	spares, _ := filepath.Glob(Spare(path) + ".tmp-*")
	for _, m := range append(append(matches, spares...), path+".old") {
		os.Remove(m)
	}
}

// Remove deletes a temporary database and its write-ahead log.
func Remove(tmp string) {
	os.Remove(tmp)
	os.Remove(tmp + ".wal")
}

// Copy copies the live file src to the temporary dst, as a copy-on-write
// clone where the file system offers one (then it costs nothing, whatever
// the size).
func Copy(src, dst string) error {
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
			os.Remove(dst)
			return err
		}
	}
	return out.Close()
}

// Spare is where the file a publish replaced is kept: one generation
// behind the live file, for the next load to bring up to date.
func Spare(path string) string {
	return path + ".spare"
}

// Publish makes the finished temporary database tmp the live one at path:
// flushed to disk, renamed over the old file in one atomic step, the
// directory flushed. A WAL of the old file is removed, since DuckDB would
// replay it into the new one. tmp must have been checkpointed. The file it
// replaces is kept as Spare(path) (readers that still have it open go on
// reading it).
func Publish(tmp, path string) error {
	if _, err := os.Stat(tmp + ".wal"); err == nil {
		return fmt.Errorf("publish: %s.wal still exists after checkpoint", tmp)
	}
	if err := syncPath(tmp); err != nil {
		return fmt.Errorf("publish: sync %s: %w", tmp, err)
	}
	old := path + ".old"
	os.Remove(old)
	kept := os.Link(path, old) == nil
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(old)
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.Remove(path + ".wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("publish: %w", err)
	}
	if kept {
		os.Remove(Spare(path) + ".wal")
		if err := os.Rename(old, Spare(path)); err != nil {
			os.Remove(old)
		}
	}
	return syncPath(filepath.Dir(path))
}

func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Ident identifies the file behind a path, so that a reader can tell that
// a load published a new one.
type Ident struct {
	info    fs.FileInfo
	size    int64
	modTime time.Time
}

// Stat reads the Ident of the file at path.
func Stat(path string) (Ident, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Ident{}, err
	}
	return Ident{info: fi, size: fi.Size(), modTime: fi.ModTime()}, nil
}

// IsDir reports whether the path named a directory.
func (a Ident) IsDir() bool { return a.info != nil && a.info.IsDir() }

// Same reports whether two Idents are the same, unchanged file.
func (a Ident) Same(b Ident) bool {
	return a.info != nil && b.info != nil && os.SameFile(a.info, b.info) &&
		a.size == b.size && a.modTime.Equal(b.modTime)
}
