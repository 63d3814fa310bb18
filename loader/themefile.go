package loader

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/themes"
)

// ThemeFile edits the theme file of a load's resources dir and reloads the
// database, so that every theme score is recomputed from the new file. The
// dashboard's theme editor uses it.
type ThemeFile struct {
	// Load is the load to run after a change; its ResourcesDir holds the
	// theme file.
	Load Options
}

// Path is where the theme file lives.
func (f ThemeFile) Path() string {
	return filepath.Join(f.Load.ResourcesDir, themesFile)
}

// Themes returns the theme file's path and content: the file on disk, else
// the built-in default it falls back to.
func (f ThemeFile) Themes() (string, []byte, error) {
	if f.Load.ResourcesDir == "" {
		return "", nil, errors.New("no resources dir to keep a theme file in")
	}
	b, err := os.ReadFile(f.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return f.Path(), data.Themes, nil
	}
	return f.Path(), b, err
}

// SaveThemes checks content as a theme file, writes it in place of the old
// one (atomically) and reloads the database. A file that does not parse is
// refused with the reason and nothing is written.
func (f ThemeFile) SaveThemes(ctx context.Context, content []byte) (Summary, error) {
	if f.Load.ResourcesDir == "" {
		return Summary{}, errors.New("no resources dir to keep a theme file in")
	}
	if _, err := themes.Parse(themesFile, content); err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(f.Load.ResourcesDir, 0o755); err != nil {
		return Summary{}, err
	}
	tmp := f.Path() + ".partial"
	if err := os.WriteFile(tmp, content, 0o644); err != nil {
		return Summary{}, fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, f.Path()); err != nil {
		return Summary{}, fmt.Errorf("write %s: %w", f.Path(), err)
	}
	sum, err := Load(ctx, f.Load)
	if errors.Is(err, ErrPartial) {
		err = nil // the theme scores are recomputed; bad files were bad before
	}
	return sum, err
}
