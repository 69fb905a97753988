package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

// resolve turns command-line arguments into plan folders: an argument is a
// plan ID (a folder under --plans) or a path to a plan folder. No argument
// means every plan.
func (e *env) resolve(args []string) ([]string, error) {
	if len(args) == 0 {
		dirs, err := plan.Dirs(e.plansDir)
		if err != nil {
			return nil, plansDirError(e.plansDir, err)
		}
		if len(dirs) == 0 {
			return nil, usageError("no plans found under %s", e.plansDir)
		}
		return dirs, nil
	}
	var dirs []string
	byID := map[string]string{}
	for _, a := range args {
		dir, err := e.resolveOne(a)
		if err != nil {
			return nil, err
		}
		// A plan's id is its folder's name, so two folders of one name
		// would write one output folder: refuse before anything is read.
		abs, _ := filepath.Abs(dir)
		id := filepath.Base(abs)
		if prev, dup := byID[id]; dup {
			if prev == abs {
				continue // the same plan named twice
			}
			return nil, usageError("two plans have the id %q: %s and %s; each plan needs its own id (its folder's name)", id, prev, abs)
		}
		byID[id] = abs
		dirs = append(dirs, dir)
	}
	return dirs, nil
}

func (e *env) resolveOne(arg string) (string, error) {
	if !strings.ContainsAny(arg, `/\`) && arg != "." && arg != ".." {
		dir := filepath.Join(e.plansDir, arg)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, nil
		}
	}
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return filepath.Clean(arg), nil
	}
	ids := e.planIDs()
	hint := ""
	if len(ids) > 0 {
		hint = " (plans: " + strings.Join(ids, ", ") + ")"
	}
	return "", usageError("no plan %q: give a plan ID or the path of a plan folder%s", arg, hint)
}

func (e *env) planIDs() []string {
	dirs, _ := plan.Dirs(e.plansDir)
	ids := make([]string, len(dirs))
	for i, d := range dirs {
		ids[i] = filepath.Base(d)
	}
	return ids
}

// completePlans completes plan IDs for shells.
func (e *env) completePlans(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	return e.planIDs(), cobra.ShellCompDirectiveNoFileComp
}

// plansDirError says why the plans folder could not be listed, and what
// to do about it.
func plansDirError(dir string, err error) error {
	if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
		return usageError("the plans folder %s is a file, not a folder: pass --plans with the folder that holds one folder a plan", dir)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return usageError("there is no plans folder %s: run from the project folder (the one with mpsplan.yaml), or pass --plans", dir)
	}
	return usageError("cannot list plans: %v", err)
}
