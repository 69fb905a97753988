package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/gitfs"
)

// ChangedPlans returns the IDs of the plans under plansDir (the folders
// in it) that differ between git revision rev and the work tree: changed,
// added (also when not yet committed) or removed. A revision the
// repository does not hold is an error; in a shallow clone, one that says
// to fetch it.
func ChangedPlans(plansDir, rev string) ([]string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a git revision", rev)
	}
	top, rel, err := gitfs.RepoPath(plansDir)
	if err != nil {
		return nil, err
	}
	if _, err := gitfs.Git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, missingRevision(top, rev)
	}
	prefix := rel + "/"
	if rel == "." {
		prefix = ""
	}
	changed, err := gitfs.Git(top, "diff", "--name-only", "-z", "--no-renames", rev, "--", prefix)
	if err != nil {
		return nil, err
	}
	untracked, err := gitfs.Git(top, "ls-files", "--others", "--exclude-standard", "-z", "--", prefix)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, f := range strings.Split(string(changed)+string(untracked), "\x00") {
		rest, ok := strings.CutPrefix(f, prefix)
		if !ok || !strings.Contains(rest, "/") {
			continue // a file beside the plan folders (plan.schema.json) is no plan
		}
		if !plan.IsPlanFile(rest) {
			continue // plans are made of YAML files only
		}
		id, _, _ := strings.Cut(rest, "/")
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// missingRevision explains a revision git cannot find. A shallow clone
// (actions/checkout fetches one commit by default) lacks the commits
// before its tip, so the fix is to fetch them.
func missingRevision(top, rev string) error {
	out, err := gitfs.Git(top, "rev-parse", "--is-shallow-repository")
	if err == nil && strings.TrimSpace(string(out)) == "true" {
		return fmt.Errorf("revision %s is not in this shallow clone: fetch it first (git fetch --deepen=50, or git fetch origin <branch>; in GitHub Actions, actions/checkout with fetch-depth: 0)", rev)
	}
	return fmt.Errorf("git: unknown revision %s", rev)
}
