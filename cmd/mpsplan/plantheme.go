package main

import (
	"fmt"
	"os"
	"sync"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/markup"
)

// themeCache reads each plan theme once in a run, plans being built in
// parallel.
type themeCache struct {
	mu    sync.Mutex
	byDir map[string]themeLoad
}

type themeLoad struct {
	t *markup.Templates
	// missing is the problem with the folder itself, reported at the
	// plan's key; err is one inside it, positioned in its own files.
	missing, err error
}

// templatesFor returns the templates p is printed with: its own theme
// (plan key theme) unless --templates was given, else tmpl (--templates,
// the project's theme, or the built-in one). A theme that cannot be read
// is reported at the plan's theme key, and the plan is not built.
func (e *env) templatesFor(p *plan.Plan, tmpl *markup.Templates) (*markup.Templates, bool) {
	dir, at := p.ThemeDir()
	if dir == "" || e.templatesSet {
		return tmpl, true
	}
	e.themes.mu.Lock()
	l, ok := e.themes.byDir[dir]
	if !ok {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			l.missing = fmt.Errorf("theme %q: %s is not a folder; write the theme's folder relative to the plan's folder (../../themes/mpa)", p.Theme, dir)
		} else {
			l.t, l.err = templatesFrom(dir)
		}
		e.themes.byDir[dir] = l
	}
	e.themes.mu.Unlock()
	switch {
	case l.missing != nil:
		e.printProblems(plan.Diagnostics{{Pos: at, Severity: plan.Error, Rule: "theme", Message: l.missing.Error()}})
	case l.err != nil:
		fmt.Fprintf(e.stderr, "%v\n", l.err)
	default:
		return l.t, true
	}
	fmt.Fprintf(e.stderr, "mpsplan: %s: not built: its theme (%s) cannot be used\n", p.ID, at)
	return nil, false
}
