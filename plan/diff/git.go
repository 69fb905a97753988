package diff

import (
	"errors"
	"fmt"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/gitfs"
)

// LoadGit loads the plan in folder dir (a path in the work tree, which need
// not exist there any more) as it was at revision rev of the git repository
// holding it, without touching the work tree or the index. Positions name
// the files as plans/2008-11@HEAD~1/plan.yaml. The error is for trouble
// outside the plan (no repository, a bad revision); a revision without the
// folder is a *NoPlanError; problems in the plan come back as diagnostics.
func LoadGit(dir, rev string) (*plan.Plan, plan.Diagnostics, error) {
	f, err := gitfs.Open(dir, rev)
	var missing *gitfs.MissingError
	if errors.As(err, &missing) {
		return nil, nil, &NoPlanError{Dir: missing.Dir, Rev: rev, Display: missing.Display}
	}
	if err != nil {
		return nil, nil, err
	}
	p, ds := plan.LoadFS(f.FS(), ".", plan.LoadOptions{Display: f.Display, Revision: true})
	return p, ds, nil
}

// NoPlanError says that a revision git knows holds no plan folder dir: the
// plan was added after it, or removed before it. diff reports that as a
// whole plan added or removed rather than as trouble.
type NoPlanError struct {
	Dir, Rev string
	// Display names the missing side as a loaded plan would be named.
	Display string
}

func (e *NoPlanError) Error() string {
	return fmt.Sprintf("no plan folder %s at revision %s", e.Dir, e.Rev)
}
