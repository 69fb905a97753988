package serve

import (
	"context"
	"github.com/mpsplan/mpsplan/plan"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after the last change before it
// rebuilds. Editors save by writing a temporary file and renaming it over
// the old one, or by truncating and writing in several steps: one save is
// a burst of events, and the build should see the finished file once.
const Debounce = 150 * time.Millisecond

// Watch rebuilds s when a source file under one of dirs changes: a plan
// file (.yaml, .yml), a template (.tmpl) or a stylesheet (.css). It
// watches folders, not files, since a file replaced by a rename is a new
// file that a watch on the old one would miss; a folder created inside a
// watched one (a new plan) is watched too. It returns when ctx is done.
// changed, if not nil, is told of each rebuild.
func (s *Server) Watch(ctx context.Context, dirs []string, changed func(Site)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, d := range dirs {
		if err := w.Add(d); err != nil {
			return err
		}
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && !strings.HasPrefix(filepath.Base(ev.Name), ".") {
					_ = w.Add(ev.Name)
					// A plan folder copied in whole may hold its files already.
				}
			}
			if !source(ev.Name) && !isDir(ev.Name) {
				continue
			}
			if timer == nil {
				timer = time.AfterFunc(Debounce, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(Debounce)
			}
		case <-fire:
			site := s.Rebuild()
			if changed != nil {
				changed(site)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			return err
		}
	}
}

// source reports whether a file's change can change the built pages.
// Editors' temporary and backup files (.plan.yaml.swp, plan.yaml~,
// #plan.yaml#) end otherwise and are left alone.
func source(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") {
		return false
	}
	switch filepath.Ext(base) {
	case ".tmpl", ".css":
		return true
	}
	return plan.IsPlanFile(base)
}

func isDir(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}
