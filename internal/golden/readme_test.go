package golden

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// updateCmd is the README's command that rewrites the golden files.
var updateCmd = regexp.MustCompile("`go test ((?:\\./\\S+ )+)-update`")

// TestReadmeUpdateCommand: the README's update command names exactly the
// packages whose tests use this package (and so have the -update flag):
// one missing leaves its golden files stale, one too many fails the run
// with "flag provided but not defined".
func TestReadmeUpdateCommand(t *testing.T) {
	root := filepath.Join(pkgDir, "..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := updateCmd.FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no `go test ./pkg... -update` command")
	}
	named := strings.Fields(string(m[1]))
	slices.Sort(named)

	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list packages: %v", err)
	}
	list := exec.Command(goCmd, "list", "-f", `{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}`, "./...")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const self = "github.com/mpsplan/mpsplan/internal/golden"
	var users []string
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) > 1 && slices.Contains(f[1:], self) {
			users = append(users, "./"+strings.TrimPrefix(strings.TrimPrefix(f[0], "github.com/mpsplan/mpsplan"), "/"))
		}
	}
	slices.Sort(users)
	readTests(t, root)
	if !slices.Equal(named, users) {
		t.Errorf("README.md's update command names %v; the packages with golden files are %v", named, users)
	}
}

// readTests reads every test file under root. go test caches a result
// against the files the test itself reads, not those go list reads; reading
// them here means a test that starts or stops using golden is seen.
func readTests(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, "_test.go"):
			_, err := os.ReadFile(path)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
