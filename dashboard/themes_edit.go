package dashboard

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// ThemeEditor lets the dashboard edit the theme file behind the theme scores
// and recompute them. The zero value (no Load) leaves the dashboard without
// an editor.
type ThemeEditor struct {
	// Load returns the theme file's path and current content.
	Load func() (path string, content []byte, err error)
	// Save checks content, writes it as the theme file and reloads the
	// database; a file that does not parse is refused with the reason.
	Save func(ctx context.Context, content []byte) error
}

// themesFileParam is the theme file's text as the editor posts it.
var themesFileParam = paramSpec{name: "themes", label: "主题词典", kind: paramText, max: maxFormBytes, multiline: true}

// themeSaveTimeout bounds a save with its reload.
const themeSaveTimeout = 10 * time.Minute

type themeEditData struct {
	Enabled bool
	Path    string
	Content string
	Error   string
	Saved   bool
}

// themeEdit shows the theme file in an editor (GET) and saves it (POST).
func (s *server) themeEdit(c *fiber.Ctx) error {
	p := &page{Name: "themes-edit", Title: "编辑主题词典", Nav: "themes", Site: serverSite()}
	d := &themeEditData{Enabled: s.themes.Load != nil}
	p.Data = d
	if c.Method() == fiber.MethodPost {
		if err := s.csrf.checkState(c); err != nil {
			return err
		}
	}
	if !d.Enabled {
		return s.send(c, fiber.StatusOK, p)
	}
	if c.Method() == fiber.MethodPost {
		content := params(c).Get("themes")
		// The reload must finish even if the browser gives up waiting.
		ctx, cancel := context.WithTimeout(context.Background(), themeSaveTimeout)
		defer cancel()
		if err := s.themes.Save(ctx, []byte(content)); err != nil {
			d.Error = err.Error()
			d.Content = content
			d.Path, _, _ = s.themes.Load()
			return s.send(c, fiber.StatusOK, p)
		}
		d.Saved = true
	}
	path, content, err := s.themes.Load()
	if err != nil {
		return err
	}
	d.Path, d.Content = path, string(content)
	return s.send(c, fiber.StatusOK, p)
}
